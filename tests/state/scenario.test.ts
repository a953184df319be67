// Playing past the end lengthens the run (steps 100 → 200): still the same scenario, named with its length.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams } from '../../src/engine';
import { scenarioMatch, scenarioName } from '../../src/state/scenario';

const loopForms = presetParams(findPreset('loop-forms')!);

describe('scenarioMatch', () => {
  it('matches a preset exactly, with no run length of its own', () => {
    const match = scenarioMatch(loopForms);
    expect(match?.preset.name).toBe('loop-forms');
    expect(match && scenarioName(match)).toBe('The loop forms');
    // Defaults with only the oracle ranker: the oracle baseline preset.
    expect(scenarioMatch({ ...defaultParams(), recommender: 'oracle' })).toEqual({ preset: findPreset('oracle-baseline') });
  });

  it('a run extended past its end is still its preset, named with its length', () => {
    const match = scenarioMatch({ ...loopForms, steps: 200 });
    expect(match?.preset.name).toBe('loop-forms');
    expect(match?.steps).toBe(200);
    expect(match && scenarioName(match)).toBe('The loop forms (extended to 200 steps)');
    const shorter = scenarioMatch({ ...loopForms, steps: 50 });
    expect(shorter && scenarioName(shorter)).toBe('The loop forms (50 steps)');
  });

  it('any other difference is no preset', () => {
    expect(scenarioMatch({ ...defaultParams(), users: 77, steps: 200 })).toBeUndefined();
  });
});
