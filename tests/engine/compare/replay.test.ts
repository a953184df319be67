// Replaying a scenario gives the rows of a run with the same parameters and of a run changed live at the same step.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, replayScenario, runSimulation, Simulation, type Params } from '../../../src/engine';

const small = (over: Partial<Params> = {}): Params => ({
  ...presetParams(findPreset('loop-forms')!),
  users: 60,
  songs: 120,
  steps: 12,
  seed: 7,
  ...over,
});

describe('replayScenario', () => {
  it('without changes, gives the rows runSimulation gives', () => {
    const params = small();
    expect(replayScenario({ params }).rows).toEqual(runSimulation(params).steps);
  });

  it('stops at toStep', () => {
    const replay = replayScenario({ params: small() }, 5);
    expect(replay.rows.map((r) => r.t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('past the scenario length, gives the rows of a run that long from the start', () => {
    const replay = replayScenario({ params: small({ steps: 8 }) }, 12);
    expect(replay.rows).toEqual(runSimulation(small({ steps: 12 })).steps);
  });

  it('applies a change from its step on, as a live change before that step does', () => {
    const params = small();
    const sim = new Simulation(params);
    const expected = [];
    for (let t = 1; t <= 12; t++) {
      if (t === 6) sim.setParams({ ...sim.params, exploration: 'epsilon', epsilon: 0.3 });
      expected.push(sim.step());
    }
    const replay = replayScenario({
      params,
      changes: [
        { t: 6, key: 'epsilon', value: 0.3 },
        { t: 6, key: 'exploration', value: 'epsilon' },
      ],
    });
    expect(replay.rows).toEqual(expected);
    // The change mattered: from step 6 the rows differ from the run without it.
    const plain = runSimulation(params).steps;
    expect(replay.rows.slice(0, 5)).toEqual(plain.slice(0, 5));
    expect(replay.rows[11]).not.toEqual(plain[11]);
  });

  it('reads the default parameters too', () => {
    expect(replayScenario({ params: { ...defaultParams(), users: 20, songs: 40, steps: 3 } }).rows).toHaveLength(3);
  });
});
