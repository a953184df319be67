// Logged propensities are the probabilities of each impression under epsilon and new-song slots,
// on top of the recommender's own: 1 for a deterministic ranking, the Plackett–Luce draw's otherwise.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, type Params } from '../../../src/engine';

const base: Params = { ...defaultParams(), users: 100, songs: 300, steps: 3 };

/** The ranked slates of `params` without the strategy, and with it, after `steps` steps each. */
function pair(params: Params, strategy: Partial<Params>, steps: number) {
  const plain = new Simulation(params);
  const withStrategy = new Simulation({ ...params, ...strategy });
  for (let t = 0; t < steps; t++) {
    plain.step();
    withStrategy.step();
  }
  return { plain: plain.arrays, changed: withStrategy.arrays };
}

/** Float32 propensities against float64 expectations, to float32 precision. */
function expectClose(logged: number, expected: number): void {
  expect(Math.abs(logged - expected)).toBeLessThanOrEqual(1e-6 * expected);
}

describe('logged propensities', () => {
  it.each([0, 0.5])(
    'epsilon at τ = %s: a kept ranked song has its own propensity × (1 − ε), an explored one ε / (songs it was drawn from)',
    (tau) => {
      const epsilon = 0.3;
      const params = { ...base, rankingTemperature: tau };
      // The exploration draws use their own stream: the ranked slate is the same with and without ε.
      const { plain, changed } = pair(params, { exploration: 'epsilon', epsilon }, 1);
      const k = base.slateSize;
      let kept = 0;
      let drawn = 0;
      let belowOne = 0;
      for (let u = 0; u < base.users; u++) {
        let before = 0; // explored slots above this one, each removing one song from the pool
        for (let j = 0; j < k; j++) {
          const at = u * k + j;
          if (changed.explored[at]) {
            // Pool: all 300 songs minus the 10 ranked ones minus those already explored in this slate.
            expectClose(changed.propensity[at]!, epsilon / (300 - k - before));
            expect(changed.slate[at]).not.toBe(plain.slate[at]);
            before++;
            drawn++;
          } else {
            expect(changed.slate[at]).toBe(plain.slate[at]);
            const ranked = plain.propensity[at]!;
            if (tau === 0) expect(ranked).toBe(1);
            else if (ranked < 1) belowOne++;
            expectClose(changed.propensity[at]!, ranked * (1 - epsilon));
            kept++;
          }
        }
      }
      // About ε of the 1,000 slots are explored.
      expect(drawn / (kept + drawn)).toBeGreaterThan(0.25);
      expect(drawn / (kept + drawn)).toBeLessThan(0.35);
      if (tau > 0) expect(belowOne).toBe(kept); // every Plackett–Luce draw is uncertain here
    },
  );

  it('new-song slots at τ = 0: the bottom slots show new songs with 1 / (pool size)', () => {
    const params = { ...base, rankingTemperature: 0, newSongsPerStep: 4, newSongSlots: 2 };
    const sim = new Simulation(params);
    sim.step();
    sim.step();
    const k = params.slateSize;
    const { slate, propensity } = sim.arrays;
    for (let u = 0; u < params.users; u++) {
      // Step 2: 8 new songs released (ids 300..307), none ranked by popularity (no plays).
      expect(slate[u * k + 8]).toBeGreaterThanOrEqual(300);
      expect(slate[u * k + 9]).toBeGreaterThanOrEqual(300);
      expect(slate[u * k + 8]).not.toBe(slate[u * k + 9]);
      expect(propensity[u * k + 8]).toBeCloseTo(1 / 8, 7);
      expect(propensity[u * k + 9]).toBeCloseTo(1 / 7, 7);
      for (let j = 0; j < 8; j++) expect(propensity[u * k + j]).toBe(1);
    }
  });

  it('new-song slots under Plackett–Luce: the pool leaves out new songs the draw already put in the slate', () => {
    // τ = 1 flattens the policy enough that a new song (score 1) is now and then drawn into the slate.
    // Step 1, so that both runs rank from the same plays: 8 new songs released (ids 300..307).
    const params = { ...base, rankingTemperature: 1, newSongsPerStep: 8 };
    const { plain, changed } = pair(params, { newSongSlots: 2 }, 1);
    const k = base.slateSize;
    let adjusted = 0;
    for (let u = 0; u < base.users; u++) {
      const ranked = Array.from(plain.slate.subarray(u * k, u * k + k));
      // The first eight slots keep the recommender's songs and propensities.
      for (let j = 0; j < 8; j++) {
        expect(changed.slate[u * k + j]).toBe(ranked[j]);
        expect(changed.propensity[u * k + j]).toBe(plain.propensity[u * k + j]);
      }
      // The 8 new songs (ids 300..307) minus those in the ranked slate when the slots are filled.
      const inSlate = ranked.filter((i) => i >= 300).length;
      if (inSlate > 0) adjusted++;
      const shown = [changed.slate[u * k + 8]!, changed.slate[u * k + 9]!];
      for (const i of shown) {
        expect(i).toBeGreaterThanOrEqual(300);
        expect(ranked).not.toContain(i);
      }
      expect(shown[0]).not.toBe(shown[1]);
      expectClose(changed.propensity[u * k + 8]!, 1 / (8 - inSlate));
      expectClose(changed.propensity[u * k + 9]!, 1 / (8 - inSlate - 1));
    }
    expect(adjusted).toBeGreaterThan(0); // the case the adjustment is for did occur
  });
});
