// Runs a whole simulation and packages its results in the stable, versioned output format.
import type { InitialMetrics, StepMetrics } from './metrics/types';
import type { Params } from './params/schema';
import { Simulation, type StepArrays } from './simulation';

export const SCHEMA_VERSION = 1;

/** Totals over the whole run. */
export interface RunSummary {
  steps: number;
  clicks: number;
  impressions: number;
  /** Σ clicks / Σ impressions over the run. */
  ctr: number | null;
  /** Gini of counts after the last step minus that of the prior counts. */
  giniChange: number;
  /** The last step's metrics (null for a run of 0 steps). */
  final: StepMetrics | null;
}

export interface RunResult {
  schemaVersion: typeof SCHEMA_VERSION;
  config: Params;
  initial: InitialMetrics;
  steps: StepMetrics[];
  summary: RunSummary;
}

/** Summary of a run's step rows. */
export function summarize(initial: InitialMetrics, steps: readonly StepMetrics[]): RunSummary {
  let clicks = 0;
  let impressions = 0;
  for (const row of steps) {
    clicks += row.clicks;
    impressions += row.impressions;
  }
  const final = steps.at(-1) ?? null;
  return {
    steps: steps.length,
    clicks,
    impressions,
    ctr: impressions > 0 ? clicks / impressions : null,
    giniChange: (final?.gini ?? initial.gini) - initial.gini,
    final,
  };
}

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
  return { schemaVersion: SCHEMA_VERSION, config: params, initial: sim.initial, steps, summary: summarize(sim.initial, steps) };
}
