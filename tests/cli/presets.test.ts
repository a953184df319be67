// Every named preset runs from the CLI with its complete parameter set, and is listed with its description.
import { describe, expect, it } from 'vitest';
import { PRESETS, presetParams } from '../../src/engine';
import { sim, simJson, SMALL } from './helpers';

describe('presets from the CLI', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('--preset %s runs with the preset\'s parameters', async (_name, preset) => {
    const result = await simJson(['--preset', preset.name, ...SMALL]);
    expect(result.config).toEqual({ ...presetParams(preset), users: 50, songs: 200, steps: 5 });
    expect(result.steps).toHaveLength(5);
  });

  it('lists every preset with its one-line description', async () => {
    const { code, stdout } = await sim(['--list-presets']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(PRESETS.length);
    PRESETS.forEach((p, j) => {
      expect(lines[j]!.startsWith(p.name)).toBe(true);
      expect(lines[j]!.endsWith(p.description)).toBe(true);
    });
  });

  it('covers the strategies a workshop needs', () => {
    expect(PRESETS.map((p) => p.name)).toEqual(
      expect.arrayContaining(['popularity-loop', 'epsilon-exploration', 'thompson-sampling', 'ips-debiasing', 'new-song-slots', 'calibrated', 'taste-drift', 'oracle-baseline', 'random-baseline']),
    );
  });
});
