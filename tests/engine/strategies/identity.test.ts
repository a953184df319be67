// At strength 0 every strategy gives exactly the slates of the base recommender, for every recommender.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, type Params } from '../../../src/engine';

const base: Params = { ...defaultParams(), users: 80, songs: 300, steps: 12, newSongsPerStep: 2 };

/** Every step's slates, lengths and propensities, flattened. */
function trace(params: Params): number[][] {
  const sim = new Simulation(params);
  const out: number[][] = [];
  while (!sim.done) {
    sim.step();
    const { slate, slateLen, propensity } = sim.arrays;
    out.push([...slate, ...slateLen, ...propensity]);
  }
  return out;
}

const zeroStrength: [string, Partial<Params>][] = [
  ['epsilon exploration with ε = 0', { exploration: 'epsilon', epsilon: 0 }],
  ['a popularity penalty of γ = 0', { popularityPenalty: 0 }],
  ['xQuAD with λ = 0', { rerank: 'xquad', rerankStrength: 0 }],
  ['calibration with λ = 0', { rerank: 'calibrated', rerankStrength: 0 }],
  ['no new-song slots', { newSongSlots: 0 }],
];

describe.each(['popularity', 'personalized', 'random', 'oracle'] as const)('%s recommender', (recommender) => {
  const reference = trace({ ...base, recommender });

  it.each(zeroStrength)('%s changes no slate', (_name, strategy) => {
    expect(trace({ ...base, recommender, ...strategy })).toEqual(reference);
  });

  it('a strength above 0 does change the slates (the comparison can fail)', () => {
    expect(trace({ ...base, recommender, exploration: 'epsilon', epsilon: 0.2 })).not.toEqual(reference);
  });
});
