// Logged propensities are the true probabilities of each impression under epsilon and new-song slots.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, type Params } from '../../../src/engine';

const base: Params = { ...defaultParams(), users: 100, songs: 300, steps: 3 };

describe('logged propensities', () => {
  it('epsilon: a kept ranked song has 1 − ε, an explored one ε / (songs it was drawn from)', () => {
    const epsilon = 0.3;
    const greedy = new Simulation(base);
    const explored = new Simulation({ ...base, exploration: 'epsilon', epsilon });
    greedy.step();
    explored.step();
    const k = base.slateSize;
    const { slate, propensity, explored: flags } = explored.arrays;
    let kept = 0;
    let drawn = 0;
    for (let u = 0; u < base.users; u++) {
      let before = 0; // explored slots above this one, each removing one song from the pool
      for (let j = 0; j < k; j++) {
        const at = u * k + j;
        if (flags[at]) {
          // Pool: all 300 songs minus the 10 ranked ones minus those already explored in this slate.
          expect(propensity[at]).toBeCloseTo(epsilon / (300 - k - before), 7);
          expect(slate[at]).not.toBe(greedy.arrays.slate[at]);
          before++;
          drawn++;
        } else {
          expect(propensity[at]).toBeCloseTo(1 - epsilon, 7);
          expect(slate[at]).toBe(greedy.arrays.slate[at]);
          kept++;
        }
      }
    }
    // About ε of the 1,000 slots are explored.
    expect(drawn / (kept + drawn)).toBeGreaterThan(0.25);
    expect(drawn / (kept + drawn)).toBeLessThan(0.35);
  });

  it('new-song slots: the bottom slots show new songs with 1 / (pool size)', () => {
    const params = { ...base, newSongsPerStep: 4, newSongSlots: 2 };
    const sim = new Simulation(params);
    sim.step();
    sim.step();
    const k = params.slateSize;
    const { slate, propensity } = sim.arrays;
    for (let u = 0; u < params.users; u++) {
      // Step 2: 8 new songs released (ids 300..307), none ranked by popularity (no plays).
      expect(slate[u * k + 8]).toBeGreaterThanOrEqual(300);
      expect(slate[u * k + 9]).toBeGreaterThanOrEqual(300);
      expect(propensity[u * k + 8]).toBeCloseTo(1 / 8, 7);
      expect(propensity[u * k + 9]).toBeCloseTo(1 / 7, 7);
      expect(propensity[u * k]).toBe(1);
    }
  });
});
