// Every named preset runs from the CLI with its complete parameter set, and is listed with its description.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, defaultParams, findPreset, PARAM_SCHEMA, PRESETS, presetParams } from '../../src/engine';
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

  it('are, in teaching order, the presets a workshop needs', () => {
    expect(PRESETS.map((p) => p.name)).toEqual([
      'loop-forms',
      'locked-catalog',
      'personalized',
      'factorization',
      'taste-drift',
      'catalog-growth',
      'epsilon-exploration',
      'thompson-sampling',
      'ucb-exploration',
      'new-song-slots',
      'raw-click-rate',
      'ips-debiasing',
      'positional-model',
      'popularity-penalty',
      'calibrated',
      'long-tail-xquad',
      'random-baseline',
      'oracle-baseline',
    ]);
    expect(findPreset('popularity-loop')).toBeUndefined();
  });

  it('start from loop-forms, the defaults: a young catalog under a Plackett–Luce popularity ranking', async () => {
    expect(DEFAULT_PRESET).toBe('loop-forms');
    expect(presetParams(findPreset('loop-forms')!)).toEqual(defaultParams());
    expect(defaultParams()).toMatchObject({
      recommender: 'popularity',
      priorMedianPlays: 3,
      priorSpread: 0.3,
      priorMaxPlays: 1000,
      rankingTemperature: 0.5,
      idiosyncrasy: 0.3,
      onboardingPicks: 3,
      worldSeed: -1,
    });
    expect((await simJson(SMALL)).config).toEqual({ ...defaultParams(), users: 50, songs: 200, steps: 5 });
  });

  it('keep the old world as locked-catalog: an old catalog ranked deterministically', () => {
    expect(findPreset('locked-catalog')!.overrides).toEqual({
      priorMedianPlays: 13,
      priorSpread: 1.15,
      priorMaxPlays: 10000,
      rankingTemperature: 0,
      idiosyncrasy: 0,
      onboardingPicks: 0,
    });
  });

  it('differ from the default world and policy only in their strategy, but for locked-catalog', () => {
    // The world is fixed by the restart parameters (catalog growth aside, a strategy of its own);
    // the policy by the ranking temperature.
    const fixed = new Set<string>(['rankingTemperature', ...PARAM_SCHEMA.filter((s) => s.effect === 'restart' && s.key !== 'newSongsPerStep').map((s) => s.key)]);
    for (const key of Object.keys(findPreset('locked-catalog')!.overrides)) expect(fixed.has(key)).toBe(true);
    for (const preset of PRESETS)
      if (preset.name !== 'locked-catalog') expect(Object.keys(preset.overrides).filter((k) => fixed.has(k))).toEqual([]);
  });

  it('run the locked catalog with one ranking for everyone, and the default with a draw per listener', async () => {
    const locked = await simJson(['--preset', 'locked-catalog', ...SMALL]);
    const young = await simJson(SMALL);
    for (const step of locked.steps) expect(step.aggregateDiversity).toBe(10);
    expect(young.steps[0]!.aggregateDiversity).toBeGreaterThan(10);
  });
});
