// excludeConsumed can be switched on and off during a run, and takes effect from the next step.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, type Params } from '../../src/engine';

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

  it('shows every listener the plain popularity top again once switched off', () => {
    const sim = new Simulation({ ...params, excludeConsumed: true });
    for (let t = 0; t < 5; t++) sim.step();
    sim.setParams({ ...params, excludeConsumed: false });
    sim.step();
    const first = slateOf(sim, 0);
    for (let u = 1; u < 50; u++) expect(slateOf(sim, u)).toEqual(first);
  });
});
