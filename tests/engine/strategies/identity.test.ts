// At strength 0 every strategy gives exactly the slates of the base recommender, for every recommender,
// under the Plackett–Luce policy (the default τ) and the deterministic ranking (τ = 0).
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

const RECOMMENDERS = ['popularity', 'personalized', 'factorization', 'random', 'oracle'] as const;
const cases = RECOMMENDERS.flatMap((recommender) => [0.5, 0].map((tau) => [recommender, tau] as const));

describe.each(cases)('%s recommender at τ = %s', (recommender, tau) => {
  const params = { ...base, recommender, rankingTemperature: tau };
  const reference = trace(params);

  it.each(zeroStrength)('%s changes no slate', (_name, strategy) => {
    expect(trace({ ...params, ...strategy })).toEqual(reference);
  });

  it('a strength above 0 does change the slates (the comparison can fail)', () => {
    expect(trace({ ...params, exploration: 'epsilon', epsilon: 0.2 })).not.toEqual(reference);
  });
});
