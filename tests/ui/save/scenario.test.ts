// The scenario a caption names: the preset the run started from, found through live changes.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, type Params } from '../../../src/engine';
import { CUSTOM_SCENARIO, scenarioTitle, startingParams } from '../../../src/ui/save/scenario';

const loopForms = presetParams(findPreset('loop-forms')!);
const switched: Params = { ...loopForms, exploration: 'epsilon', epsilon: 0.1 };
const switchMarker = {
  t: 40,
  parts: [{ key: 'exploration', from: 'none', to: 'epsilon', text: 'exploration = epsilon' }],
};

describe('scenarioTitle', () => {
  it('names the preset whose parameters the run has', () => {
    expect(scenarioTitle(defaultParams(), [])).toBe('The loop forms');
    // The same values, had they been set from step 0, are the ε preset.
    expect(scenarioTitle(switched, [])).toBe('Popularity + 10% exploration');
  });

  it('names the preset the run started from when a live change moved it away', () => {
    expect(scenarioTitle(switched, [switchMarker])).toBe('The loop forms');
  });

  it('takes the value before the first change of a key changed twice', () => {
    const again = {
      t: 50,
      parts: [
        { key: 'exploration', from: 'epsilon', to: 'thompson', text: 'exploration = thompson' },
      ],
    };
    const start = startingParams({ ...switched, exploration: 'thompson' }, [switchMarker, again]);
    expect(start?.exploration).toBe('none');
    expect(start?.epsilon).toBe(0.1);
  });

  it('reads list values back from their text', () => {
    const marker = { t: 3, parts: [{ key: 'bucketThresholds', from: '100,1000', to: '50,500', text: 'buckets' }] };
    expect(startingParams({ ...loopForms, bucketThresholds: [50, 500] }, [marker])?.bucketThresholds).toEqual([100, 1000]);
    expect(scenarioTitle({ ...loopForms, bucketThresholds: [50, 500] }, [marker])).toBe('The loop forms');
  });

  it('says custom settings when a marker holds a value that cannot be read', () => {
    const marker = { t: 3, parts: [{ key: 'epsilon', from: 'lots', to: '0.2', text: 'ε = 0.2' }] };
    expect(startingParams(loopForms, [marker])).toBeUndefined();
    expect(scenarioTitle(loopForms, [marker])).toBe(CUSTOM_SCENARIO);
  });

  it('says custom settings when no preset matches', () => {
    expect(scenarioTitle({ ...loopForms, seed: 7 }, [])).toBe(CUSTOM_SCENARIO);
    expect(CUSTOM_SCENARIO).toBe('Custom settings');
  });
});
