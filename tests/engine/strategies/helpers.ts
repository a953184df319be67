// Shared runs for the strategy tests: cached so each (parameters, seed) pair is simulated once
// (tests/engine/runCache.ts, shared with the phenomenon tests).
import { defaultParams, type Params, type RunResult, type StepMetrics } from '../../../src/engine';
import { cachedRun } from '../runCache';

export const SEEDS = [1, 2, 3];

/** The run of the defaults with `overrides` and `seed`. */
export function run(overrides: Partial<Params>, seed: number): RunResult {
  return cachedRun({ ...defaultParams(), seed, ...overrides } as Params);
}

/** The last step's metrics. */
export const last = (r: RunResult): StepMetrics => r.steps.at(-1)!;

/** Mean of a metric over all steps, ignoring nulls. */
export function meanOf(r: RunResult, pick: (s: StepMetrics) => number | null): number {
  const values = r.steps.map(pick).filter((v): v is number => v !== null);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
