// Order statistics in linear time: medians of 50,000 songs without sorting them every frame.

/**
 * Rearranges `a` so that a[k] is the value a full ascending sort would put there, everything before
 * it ≤ a[k] and everything after ≥ a[k] (quickselect with a median-of-three pivot, in place).
 */
export function nthElement(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three: sorted in place, so a[lo] ≤ a[mid] ≤ a[hi] and the pivot is a[mid].
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** A copy of the first n values, for selecting in. */
export function copyOf(values: ArrayLike<number>, n = values.length): Float64Array {
  // Typed arrays copy in one block.
  if (values instanceof Float64Array) return values.slice(0, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i]!;
  return out;
}

/** Median of the first n values (0 for none), in linear time. */
export function median(values: ArrayLike<number>, n = values.length): number {
  if (n === 0) return 0;
  const a = copyOf(values, n);
  const hi = n >> 1;
  nthElement(a, hi);
  if (n % 2) return a[hi]!;
  // The lower middle is the largest value left of the upper one.
  let lower = -Infinity;
  for (let i = 0; i < hi; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + a[hi]!) / 2;
}
