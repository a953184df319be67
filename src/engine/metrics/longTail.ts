// The head and the long tail of a catalog by counts: the 80% rule, with seeded tie-breaks.

/**
 * Marks the long tail of songs 0..n−1 in `out` (1 = tail, 0 = head): sort by count descending,
 * ties by `keys` ascending (a seeded random key, never the id); the head is the shortest prefix
 * holding at least 80% of all counts; the tail is the rest. All-zero counts: every song is tail.
 * O(n log n) for the sort; `order` is scratch of at least n entries.
 */
export function markLongTail(counts: ArrayLike<number>, n: number, keys: ArrayLike<number>, out: Uint8Array, order: Int32Array = new Int32Array(n)): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    total += counts[i]!;
    out[i] = 1;
  }
  const view = order.subarray(0, n);
  view.sort((a, b) => counts[b]! - counts[a]! || keys[a]! - keys[b]!);
  let held = 0;
  let headSize = 0;
  for (let x = 0; x < n; x++) {
    if (total <= 0 || held >= 0.8 * total) break;
    const i = view[x]!;
    out[i] = 0;
    held += counts[i]!;
    headSize++;
  }
  return headSize;
}
