// Shared runs for the strategy tests: cached so each (parameters, seed) pair is simulated once per file.
import { defaultParams, runSimulation, type Params, type RunResult, type StepMetrics } from '../../../src/engine';

export const SEEDS = [1, 2, 3];
const cache = new Map<string, RunResult>();

/** The run of the defaults with `overrides` and `seed`. */
export function run(overrides: Partial<Params>, seed: number): RunResult {
  const params = { ...defaultParams(), seed, ...overrides } as Params;
  const key = JSON.stringify(params);
  if (!cache.has(key)) cache.set(key, runSimulation(params));
  return cache.get(key)!;
}

/** The last step's metrics. */
export const last = (r: RunResult): StepMetrics => r.steps.at(-1)!;

/** Mean of a metric over all steps, ignoring nulls. */
export function meanOf(r: RunResult, pick: (s: StepMetrics) => number | null): number {
  const values = r.steps.map(pick).filter((v): v is number => v !== null);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
