// A finished run (or the steps so far) packaged in the stable, versioned output format, and its JSON
// and CSV text: what the CLI writes and what the page exports, byte for byte.
import type { InitialMetrics, StepMetrics } from './metrics/types';
import type { Params } from './params/schema';

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

/** A live parameter change: the new value applied from step `t` on. */
export interface RunMarker {
  t: number;
  label: string;
}

export interface RunResult {
  schemaVersion: typeof SCHEMA_VERSION;
  config: Params;
  initial: InitialMetrics;
  steps: StepMetrics[];
  summary: RunSummary;
  /**
   * Only when parameters were changed during the run (the page's export): the steps from which the
   * new values applied; `config` then holds the latest values.
   */
  markers?: RunMarker[];
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
 * `{schemaVersion, config, initial, steps, summary}` of the rows (copied, so later rows do not
 * change it), plus `markers` ({t, label} each) only when there are any: the one packaging of a run
 * that the CLI and the page's export share.
 */
export function packageRun(
  params: Params,
  initial: InitialMetrics,
  rows: readonly StepMetrics[],
  markers: readonly { readonly t: number; readonly label: string }[] = [],
): RunResult {
  const steps = [...rows];
  const result: RunResult = { schemaVersion: SCHEMA_VERSION, config: params, initial, steps, summary: summarize(initial, steps) };
  if (markers.length > 0) result.markers = markers.map(({ t, label }) => ({ t, label }));
  return result;
}

/** The run exactly as RunResult serializes: compact, newline-terminated. */
export function formatJson(result: RunResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * CSV column names for step rows: the metric keys in the rows' own order (the order JSON uses),
 * with nested bucket values flattened as `hitRate.low`. Taken from a row rather than hand-listed
 * so that a metric added to the engine shows up here without a change to the writers.
 */
export function csvColumns(row: StepMetrics): string[] {
  const columns: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object')
      for (const sub of Object.keys(value)) columns.push(`${key}.${sub}`);
    else columns.push(key);
  }
  return columns;
}

/** A cell as JSON would show the value: null (or a non-finite number, which JSON also prints as null) is empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function lookup(row: StepMetrics, column: string): unknown {
  let value: unknown = row;
  for (const part of column.split('.'))
    value = (value as Record<string, unknown> | null | undefined)?.[part];
  return value;
}

/** Header row, then one row per step; empty (not even a header) for a run without steps. */
export function formatCsv(result: RunResult): string {
  const first = result.steps[0];
  if (!first) return '';
  const columns = csvColumns(first);
  const lines = [columns.join(',')];
  for (const row of result.steps) lines.push(columns.map((c) => cell(lookup(row, c))).join(','));
  return `${lines.join('\n')}\n`;
}
