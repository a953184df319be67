// Runs a whole simulation and packages its results in the stable, versioned output format (output.ts).
import type { StepMetrics } from './metrics/types';
import { packageRun, type RunResult } from './output';
import type { Params } from './params/schema';
import { Simulation, type StepArrays } from './simulation';

export { SCHEMA_VERSION, summarize, type RunResult, type RunSummary } from './output';

/**
 * Runs `params` (assumed validated) to the end. `onStep` sees each step's metrics and arrays
 * (e.g. to write the event log) before the next step overwrites them.
 */
export function runSimulation(params: Params, onStep?: (row: StepMetrics, arrays: StepArrays, sim: Simulation) => void): RunResult {
  const sim = new Simulation(params);
  const steps: StepMetrics[] = [];
  while (!sim.done) {
    const row = sim.step();
    steps.push(row);
    onStep?.(row, sim.arrays, sim);
  }
  return packageRun(params, sim.initial, steps);
}
