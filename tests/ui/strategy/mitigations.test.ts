// The strategy bar's choices: which one is running, and the live changes that switch to another.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, type Params } from '../../../src/engine';
import { activeMitigation, changesTo, MITIGATIONS } from '../../../src/ui/strategy/mitigations';

const base = defaultParams();
const byId = (id: string) => MITIGATIONS.find((m) => m.id === id)!;

describe('mitigations', () => {
  it('recognises the plain loop and the matching presets', () => {
    expect(activeMitigation(base)?.id).toBe('off');
    expect(activeMitigation(presetParams(findPreset('epsilon-exploration')!))?.id).toBe('epsilon');
    expect(activeMitigation(presetParams(findPreset('thompson-sampling')!))?.id).toBe('thompson');
    expect(activeMitigation(presetParams(findPreset('ips-debiasing')!))?.id).toBe('ips');
    expect(activeMitigation(presetParams(findPreset('long-tail-xquad')!))?.id).toBe('xquad');
    expect(activeMitigation(presetParams(findPreset('popularity-penalty')!))?.id).toBe('penalty');
  });

  it('matches none when two mitigations are on together', () => {
    expect(activeMitigation({ ...base, exploration: 'thompson', rerank: 'xquad' })).toBeUndefined();
  });

  it('switches with only the keys that differ, in a fixed order', () => {
    const ips: Params = { ...base, exploration: 'epsilon', positionDebias: 'ips' };
    expect(changesTo(byId('thompson'), ips)).toEqual([
      ['exploration', 'thompson'],
      ['positionDebias', 'none'],
    ]);
    expect(changesTo(byId('off'), base)).toEqual([]);
  });

  it('labels ε with the run\u2019s rate', () => {
    expect(byId('epsilon').label({ ...base, epsilon: 0.05 })).toBe('ε 5%');
  });
});
