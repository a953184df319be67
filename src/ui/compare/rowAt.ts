// The row of step t in rows that start at step 1 (rows are one per step, so index t − 1 is checked first).
import type { StepMetrics } from '../../engine';

export function rowAt(rows: readonly StepMetrics[] | undefined, t: number): StepMetrics | undefined {
  if (!rows || t < 1) return undefined;
  const guess = rows[t - 1];
  return guess?.t === t ? guess : rows.find((r) => r.t === t);
}
