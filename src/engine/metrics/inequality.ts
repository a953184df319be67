// Concentration of counts: the Gini coefficient and the share held by the top songs.

/**
 * Gini coefficient of non-negative values: sort ascending x(1..n),
 * G = Σ_j (2j − n − 1)·x(j) / (n·Σx). 0 when every value is equal (or all are 0).
 * `sortedAscending` may be passed to skip the sort.
 */
export function gini(values: ArrayLike<number>, sortedAscending = false): number {
  const x = sortedAscending ? values : Float64Array.from(values).sort();
  const n = x.length;
  let sum = 0;
  let weighted = 0;
  for (let j = 1; j <= n; j++) {
    const v = x[j - 1]!;
    sum += v;
    weighted += (2 * j - n - 1) * v;
  }
  return sum > 0 ? weighted / (n * sum) : 0;
}

/**
 * Share of the total held by the ceil(fraction·n) largest values, from values sorted ascending.
 * 0 when the total is 0.
 */
export function topShare(sortedAscending: ArrayLike<number>, fraction: number): number {
  const n = sortedAscending.length;
  const top = Math.ceil(fraction * n);
  let sum = 0;
  let held = 0;
  for (let j = 0; j < n; j++) {
    sum += sortedAscending[j]!;
    if (j >= n - top) held += sortedAscending[j]!;
  }
  return sum > 0 ? held / sum : 0;
}

/** Gini, top-1% and top-10% share of the first n values of `counts`. */
export function concentration(counts: Float64Array, n: number): { gini: number; top1Share: number; top10Share: number } {
  return concentrationOfSorted(counts.slice(0, n).sort());
}

/** concentration of values already sorted ascending. */
export function concentrationOfSorted(sorted: ArrayLike<number>): { gini: number; top1Share: number; top10Share: number } {
  return { gini: gini(sorted, true), top1Share: topShare(sorted, 0.01), top10Share: topShare(sorted, 0.1) };
}
