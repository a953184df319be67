// The strategy bar's choices: which one is running, and the live changes that switch to another.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, type Params } from '../../../src/engine';
import { activeMitigation, changesTo, customMix, MITIGATIONS } from '../../../src/ui/strategy/mitigations';

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

  it('matches none when two mitigations are on together, and names what is on', () => {
    expect(activeMitigation({ ...base, exploration: 'thompson', rerank: 'xquad' })).toBeUndefined();
    expect(customMix({ ...base, exploration: 'thompson', rerank: 'xquad' })).toEqual(['Thompson', 'xQuAD']);
    expect(activeMitigation({ ...base, exploration: 'none', positionDebias: 'ips' })).toBeUndefined();
    // The raw-click-rate control is ε with another debiasing: no chip, and said so.
    expect(customMix(presetParams(findPreset('raw-click-rate')!))).toEqual(['ε 10%', 'raw click rate']);
    expect(customMix({ ...base, popularityPenalty: 0.3, newSongSlots: 1 })).toEqual(['penalty γ = 0.3', '1 new-song slot']);
    expect(customMix(base)).toEqual([]);
  });

  it('treats ε with IPS as the IPS chip: that is what the chip sets', () => {
    expect(activeMitigation({ ...base, exploration: 'epsilon', positionDebias: 'ips' })?.id).toBe('ips');
    expect(byId('ips').label(base)).toBe('IPS + ε');
  });

  it('makes every chip set every mitigation key, so choosing one switches the others off', () => {
    const keys = Object.keys(byId('off').values).sort();
    for (const m of MITIGATIONS) expect(Object.keys(m.values).sort()).toEqual(keys);
    const all: Params = { ...base, exploration: 'thompson', positionDebias: 'ips', rerank: 'xquad', popularityPenalty: 0.5, newSongSlots: 2 };
    for (const m of MITIGATIONS) expect(activeMitigation({ ...all, ...m.values })?.id).toBe(m.id);
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
