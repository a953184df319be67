// Renders a finished run as the JSON or CSV text of the CLI's output contract.
import type { RunResult, StepMetrics } from '../engine';
import type { OutputFormat } from './args';

/** The run exactly as RunResult serializes: compact, newline-terminated. */
export function formatJson(result: RunResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * CSV column names for step rows: the metric keys in the rows' own order (the order JSON uses),
 * with nested bucket values flattened as `hitRate.low`. Taken from a row rather than hand-listed
 * so that a metric added to the engine shows up here without a CLI change.
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

/** The output text of `result` in `format`. */
export function formatResult(result: RunResult, format: OutputFormat): string {
  return format === 'csv' ? formatCsv(result) : formatJson(result);
}
