// Number formats shared by all views, so the same quantity reads the same everywhere.
import { format } from 'd3';

/** Thousands separators: 12,345. */
export const fmtInt = format(',');
/** A share as a percentage with one decimal: 12.3%. */
export const fmtPct = format('.1%');
/** An axis tick for a share: 20%. */
export const fmtPctTick = format('.0%');
/** A 0–1 index with two decimals (Gini, Jaccard, correlation). */
export const fmtIndex = format('.2f');
/** Compact counts on log axes: 1, 10, 100, 1k, 10k. */
export const fmtCompact = format('~s');

/** Formats a possibly missing value, with "n/a" for null (never as 0). */
export function orNA(value: number | null | undefined, fmt: (v: number) => string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : fmt(value);
}
