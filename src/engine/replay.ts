// Replays a scenario to a step: its parameters at step 0, then each live change from its step on.
import type { InitialMetrics, StepMetrics } from './metrics/types';
import type { Params } from './params/schema';
import { Simulation } from './simulation';

/** One live change: `key` takes `value` from step `t` on (the first step that runs with it). */
export interface ScenarioChange {
  readonly t: number;
  readonly key: keyof Params;
  readonly value: Params[keyof Params];
}

/** A run to replay: the same scenario and steps give the same rows, on any thread. */
export interface Scenario {
  readonly params: Params;
  readonly changes?: readonly ScenarioChange[];
}

/** What a replay yields: the world before step 1 and one row per step. */
export interface Replay {
  readonly initial: InitialMetrics;
  readonly rows: StepMetrics[];
  readonly sim: Simulation;
}

/**
 * Runs `scenario` to step `toStep` (its own length when omitted). A run longer than the scenario's
 * `steps` is built that long from the start, as `--steps toStep` would be, so the rows equal the
 * CLI's for the same parameters. Changes at the same step apply in the order given; a change that
 * names a parameter needing a new world throws (callers validate timelines first). `onRow` sees each
 * row (e.g. to stream it) before the next step.
 */
export function replayScenario(scenario: Scenario, toStep?: number, onRow?: (row: StepMetrics, sim: Simulation) => void): Replay {
  const target = toStep ?? scenario.params.steps;
  const params = target > scenario.params.steps ? { ...scenario.params, steps: target } : scenario.params;
  const sim = new Simulation(params);
  const changes = [...(scenario.changes ?? [])].sort((a, b) => a.t - b.t);
  const rows: StepMetrics[] = [];
  let next = 0;
  while (sim.t < target && !sim.done) {
    const t = sim.t + 1;
    let changed: Params | null = null;
    for (; next < changes.length && changes[next]!.t <= t; next++) {
      const change = changes[next]!;
      changed = { ...(changed ?? sim.params), [change.key]: change.value };
    }
    if (changed) sim.setParams(changed);
    const row = sim.step();
    rows.push(row);
    onRow?.(row, sim);
  }
  return { initial: sim.initial, rows, sim };
}
