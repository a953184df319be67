// The run so far as files: CSV with the CLI's columns, and JSON in the CLI's output format.
import { formatCsv, formatJson } from '../cli/format';
import { SCHEMA_VERSION, summarize, type InitialMetrics, type Params, type RunResult, type StepMetrics } from '../engine';
import type { Marker } from './types';

function result(params: Params, initial: InitialMetrics, rows: readonly StepMetrics[]): RunResult {
  const steps = [...rows];
  return { schemaVersion: SCHEMA_VERSION, config: params, initial, steps, summary: summarize(initial, steps) };
}

/** One row per step, `hitRate.low`-style columns: byte for byte what `npm run sim -- --format csv` writes. */
export function runCsv(params: Params, initial: InitialMetrics, rows: readonly StepMetrics[]): string {
  return formatCsv(result(params, initial, rows));
}

/**
 * `{schemaVersion, config, initial, steps, summary}` as the CLI writes it; when parameters were
 * changed during the run, `markers` lists the steps from which the new values applied (the config
 * holds the latest values).
 */
export function runJson(params: Params, initial: InitialMetrics, rows: readonly StepMetrics[], markers: readonly Marker[] = []): string {
  if (markers.length === 0) return formatJson(result(params, initial, rows));
  const list = markers.map(({ t, label }) => ({ t, label }));
  return `${JSON.stringify({ ...result(params, initial, rows), markers: list })}\n`;
}
