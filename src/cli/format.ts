// The CLI's output text of a run in the chosen --format; the formats themselves live in the engine (output.ts).
import { formatCsv, formatJson, type RunResult } from '../engine';
import type { OutputFormat } from './args';

/** The output text of `result` in `format`. */
export function formatResult(result: RunResult, format: OutputFormat): string {
  return format === 'csv' ? formatCsv(result) : formatJson(result);
}
