// The head and the long tail of a catalog by counts: the 80% rule, with seeded tie-breaks.
import { takeTiedByKey } from './ties';

/**
 * Marks the long tail of songs 0..n−1 in `out` (1 = tail, 0 = head): sort by count descending,
 * ties by `keys` ascending (a seeded random key, never the id); the head is the shortest prefix
 * holding at least 80% of all counts; the tail is the rest. All-zero counts: every song is tail.
 * Returns the head's size.
 *
 * The prefix is found on a natively sorted copy of the counts (no comparator), which gives the head's
 * size h and the count c of its last song; every song above c is in the head, and of the songs at
 * exactly c the h − (songs above c) with the lowest keys are: the same set as the full sort, in
 * O(n log n) native work (takeTiedByKey sorts the tied songs natively too). `sorted` and
 * `tiedScratch` are scratch of at least n entries; `sorted` is left holding counts[0..n) ascending,
 * for callers that need them sorted too.
 */
export function markLongTail(
  counts: ArrayLike<number>,
  n: number,
  keys: ArrayLike<number>,
  out: Uint8Array,
  sorted: Float64Array = new Float64Array(n),
  tiedScratch: Float64Array = new Float64Array(n),
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += counts[i]!;
    out[i] = 1;
    sorted[i] = counts[i]!;
  }
  if (!(total > 0)) return 0;
  const ascending = sorted.subarray(0, n).sort();
  let held = 0;
  let headSize = 0;
  // Descending from the largest count: the same sums, in the same order, as the full sort.
  for (let x = n - 1; x >= 0 && held < 0.8 * total; x--) {
    held += ascending[x]!;
    headSize++;
  }
  const cut = ascending[n - headSize]!;
  let above = 0;
  for (let i = 0; i < n; i++) {
    if (counts[i]! > cut) {
      out[i] = 0;
      above++;
    }
  }
  takeTiedByKey(counts, n, cut, headSize - above, keys, out, 0, tiedScratch);
  return headSize;
}
