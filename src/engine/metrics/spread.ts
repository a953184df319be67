// Spread of one metric over seeds: median and the 10–90% band, and whether two bands overlap.

/** Median and 10th/90th percentiles of the values that are defined, and how many there were. */
export interface Spread {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly n: number;
}

/**
 * The p-quantile of ascending `sorted` by linear interpolation between order statistics
 * (Hyndman & Fan type 7, as d3.quantile and R's default): h = (n − 1)·p,
 * Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0 || n === 1) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  const hi = sorted[i + 1]!;
  return lo + (h - i) * (hi - lo);
}

/** The spread of the defined values (nulls and non-finite values left out); null when none is defined. */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (defined.length === 0) return null;
  return {
    median: quantileSorted(defined, 0.5),
    p10: quantileSorted(defined, 0.1),
    p90: quantileSorted(defined, 0.9),
    n: defined.length,
  };
}

/** Whether two 10–90% bands share any value: a difference between such arms may be noise. */
export function bandsOverlap(a: Pick<Spread, 'p10' | 'p90'>, b: Pick<Spread, 'p10' | 'p90'>): boolean {
  return a.p10 <= b.p90 && b.p10 <= a.p90;
}

/** The spread of one metric over runs at one step. */
export interface SpreadPoint extends Spread {
  readonly t: number;
}

/**
 * Per step, the spread over `runs` (one array of rows per seed) of `pick`: a step is included once
 * at least one run has a defined value there. Rows are matched by their step `t`, not position.
 */
export function spreadOverRuns<R extends { readonly t: number }>(runs: readonly (readonly R[])[], pick: (row: R) => number | null): SpreadPoint[] {
  const byStep = new Map<number, (number | null)[]>();
  for (const rows of runs)
    for (const row of rows) {
      const list = byStep.get(row.t);
      if (list) list.push(pick(row));
      else byStep.set(row.t, [pick(row)]);
    }
  const points: SpreadPoint[] = [];
  for (const t of [...byStep.keys()].sort((a, b) => a - b)) {
    const spread = spreadOf(byStep.get(t)!);
    if (spread) points.push({ t, ...spread });
  }
  return points;
}
