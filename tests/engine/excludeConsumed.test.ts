// excludeConsumed can be switched on and off during a run, and takes effect from the next step.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, type Params } from '../../src/engine';
import { tieKey } from '../../src/engine/hash';

const params: Params = { ...defaultParams(), users: 50, songs: 200, steps: 30, maxClickProb: 1, positionBias: 0 };

/** The first `len` ids of listener u's slate. */
function slateOf(sim: Simulation, u: number): number[] {
  const { slate, slateLen } = sim.arrays;
  const k = sim.params.slateSize;
  return Array.from(slate.subarray(u * k, u * k + slateLen[u]!));
}

describe('excludeConsumed switched during a run', () => {
  it('stops showing clicked songs from the step it is switched on', () => {
    const sim = new Simulation(params);
    sim.step();
    sim.setParams({ ...params, excludeConsumed: true });
    const clicked = new Set<string>();
    for (let t = 0; t < 5; t++) {
      sim.step();
      const { clicked: c } = sim.arrays;
      for (let u = 0; u < 50; u++) {
        const shown = slateOf(sim, u);
        for (const i of shown) expect(clicked.has(`${u}:${i}`)).toBe(false);
        shown.forEach((i, k) => c[u * 10 + k] && clicked.add(`${u}:${i}`));
      }
    }
  });

  it('at τ = 0 shows every listener the plain popularity top again once switched off', () => {
    const deterministic = { ...params, rankingTemperature: 0 };
    const sim = new Simulation({ ...deterministic, excludeConsumed: true });
    for (let t = 0; t < 5; t++) sim.step();
    sim.setParams({ ...deterministic, excludeConsumed: false });
    const plays = Array.from(sim.log.plays);
    sim.step();
    // The top 10 by 1 + plays, ties by plays, then the seeded key.
    const top = Array.from({ length: 200 }, (_, i) => i)
      .sort((a, b) => plays[b]! - plays[a]! || tieKey(params.seed, a) - tieKey(params.seed, b))
      .slice(0, 10);
    for (let u = 0; u < 50; u++) expect(slateOf(sim, u)).toEqual(top);
  });

  it('under the Plackett–Luce policy shows clicked songs again once switched off', () => {
    const sim = new Simulation({ ...params, excludeConsumed: true });
    const clicked = new Set<string>();
    const shownAgain = () => {
      let n = 0;
      for (let u = 0; u < 50; u++) for (const i of slateOf(sim, u)) if (clicked.has(`${u}:${i}`)) n++;
      return n;
    };
    const record = () => {
      const { clicked: c } = sim.arrays;
      for (let u = 0; u < 50; u++) slateOf(sim, u).forEach((i, k) => c[u * 10 + k] && clicked.add(`${u}:${i}`));
    };
    for (let t = 0; t < 5; t++) {
      sim.step();
      expect(shownAgain()).toBe(0);
      record();
    }
    sim.setParams({ ...params, excludeConsumed: false });
    sim.step();
    expect(shownAgain()).toBeGreaterThan(0);
    const slates = new Set(Array.from({ length: 50 }, (_, u) => slateOf(sim, u).join()));
    expect(slates.size).toBeGreaterThan(1); // still a draw per listener, not one ranking
  });
});
