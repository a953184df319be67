// Cached preset runs at default sizes for the phenomena tests (not a test file itself).
import { findPreset, presetParams, Simulation, type Params, type RunResult, type StepMetrics } from '../../../src/engine';
import { cachedRun } from '../runCache';

export const SEEDS = [1, 2, 3];

/** The run of preset `name` with `overrides` (seed included), simulated once (tests/engine/runCache.ts). */
export function preset(name: string, overrides: Partial<Params> = {}): RunResult {
  return cachedRun({ ...presetParams(findPreset(name)!), ...overrides } as Params);
}

/** Step t's metrics (1-based). */
export const at = (r: RunResult, t: number): StepMetrics => r.steps[t - 1]!;

/** Clicks per song during a run (final logged plays − prior plays) and the songs' quality. */
export function runClicks(params: Params): { clicks: Float64Array; quality: Float64Array; gini: number } {
  const sim = new Simulation(params);
  let gini = 0;
  while (!sim.done) gini = sim.step().gini;
  return { clicks: Float64Array.from(sim.log.plays, (p, i) => p - sim.world.songPrior[i]!), quality: sim.world.songQuality, gini };
}
