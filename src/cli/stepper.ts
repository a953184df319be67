// Runs a simulation step by step, yielding to the event loop now and then so SIGINT/SIGTERM handlers can run mid-run.
import {
  packageRun,
  Simulation,
  type Params,
  type RunResult,
  type StepArrays,
  type StepMetrics,
} from '../engine';

/** Longest stretch of steps run without yielding, in milliseconds. */
export const YIELD_MS = 50;

export type OnStep = (row: StepMetrics, arrays: StepArrays, sim: Simulation) => void;

/**
 * The engine's runSimulation, but asynchronous: a signal handler is an event-loop callback, so a
 * run that never yields could be neither interrupted cleanly nor cleaned up after. Yields at most
 * every YIELD_MS (between steps), which costs nothing measurable. The result is the one
 * runSimulation returns (tests/cli/signals.test.ts compares them).
 */
export async function runYielding(params: Params, onStep?: OnStep): Promise<RunResult> {
  const sim = new Simulation(params);
  const steps: StepMetrics[] = [];
  let since = performance.now();
  while (!sim.done) {
    const row = sim.step();
    steps.push(row);
    onStep?.(row, sim.arrays, sim);
    if (performance.now() - since >= YIELD_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return packageRun(params, sim.initial, steps);
}
