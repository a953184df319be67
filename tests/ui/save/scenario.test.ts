// The scenario a caption names: the preset the run started from, found through live changes.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, type Params } from '../../../src/engine';
import { CUSTOM_SCENARIO, scenarioTitle, startingValues } from '../../../src/ui/save/scenario';

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
    const values = startingValues({ ...switched, exploration: 'thompson' }, [switchMarker, again]);
    expect(values.get('exploration')).toBe('none');
    expect(values.get('epsilon')).toBe('0.1');
  });

  it('says custom settings when no preset matches', () => {
    expect(scenarioTitle({ ...loopForms, seed: 7 }, [])).toBe(CUSTOM_SCENARIO);
    expect(CUSTOM_SCENARIO).toBe('Custom settings');
  });
});
