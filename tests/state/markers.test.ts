// Live changes are named in the chips' words ("ε 10%", "Thompson", "IPS"), not the schema's values.
import { describe, expect, it } from 'vitest';
import { defaultParams, paramSpec } from '../../src/engine';
import { changeText } from '../../src/state/markers';

const spec = (key: string) => paramSpec(key)!;
const params = { ...defaultParams(), epsilon: 0.2 };

describe('changeText', () => {
  it('names the strategy chips\u2019 settings as the chips do', () => {
    expect(changeText(spec('exploration'), 'epsilon', params)).toBe('ε 20%');
    expect(changeText(spec('exploration'), 'thompson', params)).toBe('Thompson');
    expect(changeText(spec('exploration'), 'ucb', params)).toBe('UCB');
    expect(changeText(spec('positionDebias'), 'ips', params)).toBe('IPS');
    expect(changeText(spec('rerank'), 'xquad', params)).toBe('xQuAD');
    expect(changeText(spec('popularityPenalty'), 0.5, params)).toBe('penalty γ = 0.5');
  });

  it('says when a chip setting is switched off', () => {
    expect(changeText(spec('exploration'), 'none', params)).toBe('exploration off');
    expect(changeText(spec('rerank'), 'none', params)).toBe('re-ranking off');
    expect(changeText(spec('popularityPenalty'), 0, params)).toBe('penalty off');
  });

  it('names every other parameter by its short name and value', () => {
    expect(changeText(spec('epsilon'), 0.3, params)).toBe('ε = 0.3');
    expect(changeText(spec('recommender'), 'random', params)).toBe('recommender = random');
  });
});
