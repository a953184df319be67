// Rank correlation between popularity and quality, with tied values given their average rank.
import { pow2 } from '../math/bits';

/**
 * 1-based ranks of values ascending; tied values share the mean of the ranks they span.
 * `order`: the indices in ascending order of value (ascendingOrder), when the caller has them.
 */
export function averageRanks(values: ArrayLike<number>, order: Int32Array = ascendingOrder(values)): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 .. end
    for (let j = start; j < end; j++) ranks[order[j]!] = rank;
    start = end;
  }
  return ranks;
}

/** The indices of `values` in ascending order of value (ties in any order). */
export function ascendingOrder(values: ArrayLike<number>): Int32Array {
  return packedOrder(values) ?? comparatorOrder(values);
}

/** Bits an index takes in a packed key: up to 2^21 values. */
const INDEX_BITS = 21;
const INDEX_SCALE = pow2(INDEX_BITS);
/** Largest value a packed key holds exactly: value · 2^21 + index < 2^53. */
const MAX_PACKED_VALUE = pow2(53 - INDEX_BITS) - 1;

/**
 * The indices in ascending order of value, when every value is an integer in [0, 2^32): keys
 * value · 2^21 + index are exact doubles, so a native numeric sort (no comparator call per
 * comparison, several times faster) orders them. Null when the values do not fit (e.g. quality).
 * Ties come out by index; averageRanks gives tied values one rank, so the order among them is moot.
 */
function packedOrder(values: ArrayLike<number>): Int32Array | null {
  const n = values.length;
  if (n > INDEX_SCALE) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_PACKED_VALUE && Number.isInteger(v))) return null;
    keys[i] = v * INDEX_SCALE + i;
  }
  keys.sort();
  const order = new Int32Array(n);
  // key − ⌊key / 2^21⌋·2^21 is exact (a division by a power of 2 and a floor lose nothing) and
  // several times faster than the floating-point %.
  for (let j = 0; j < n; j++) {
    const key = keys[j]!;
    order[j] = key - Math.floor(key / INDEX_SCALE) * INDEX_SCALE;
  }
  return order;
}

/** The indices in ascending order of value, by a comparator sort (any finite values). */
function comparatorOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  return order;
}

/** Pearson correlation of two equally long arrays; null when either has zero variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Spearman's ρ: the Pearson correlation of average ranks. Null when either side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}
