// The run so far as files: CSV with the CLI's columns, and JSON in the CLI's output format (both from the engine).
import { formatCsv, formatJson, packageRun, type InitialMetrics, type Params, type StepMetrics } from '../engine';
import type { Marker } from './types';

/** One row per step, `hitRate.low`-style columns: byte for byte what `npm run sim -- --format csv` writes. */
export function runCsv(params: Params, initial: InitialMetrics, rows: readonly StepMetrics[]): string {
  return formatCsv(packageRun(params, initial, rows));
}

/**
 * `{schemaVersion, config, initial, steps, summary}` as the CLI writes it; when parameters were
 * changed during the run, `markers` lists the steps from which the new values applied (the config
 * holds the latest values).
 */
export function runJson(params: Params, initial: InitialMetrics, rows: readonly StepMetrics[], markers: readonly Marker[] = []): string {
  return formatJson(packageRun(params, initial, rows, markers));
}
