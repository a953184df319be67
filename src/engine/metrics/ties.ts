// Songs tied at a cut, taken in order of their seeded keys: a native sort of packed numbers, no comparator.

/** Ids below this pack beside a 32-bit key into one exact double: 2^32 · 2^21 = 2^53. */
const ID_SPACE = 2 ** 21;

/**
 * Sets out[i] = value for the `take` songs i < n with counts[i] === cut that have the smallest
 * keys (equal keys: the lower id first). Keys that are 32-bit unsigned integers (as tieKey's are)
 * and ids below 2^21 are packed as key · 2^21 + i, exact in a double, so a native numeric sort
 * orders them as the comparator (key, then id) would, without a call per comparison; any other
 * key falls back to that comparator. `scratch` holds at least n entries (allocated if absent).
 */
export function takeTiedByKey(
  counts: ArrayLike<number>,
  n: number,
  cut: number,
  take: number,
  keys: ArrayLike<number>,
  out: Uint8Array,
  value: number,
  scratch: Float64Array = new Float64Array(n),
): void {
  if (take <= 0) return;
  let tied = 0;
  let packable = n <= ID_SPACE;
  for (let i = 0; i < n; i++) {
    if (counts[i] !== cut) continue;
    const key = keys[i]!;
    if (key >>> 0 !== key) packable = false;
    scratch[tied++] = key * ID_SPACE + i;
  }
  if (packable) {
    const sorted = scratch.subarray(0, tied).sort();
    for (let x = 0; x < take && x < tied; x++) out[sorted[x]! % ID_SPACE] = value;
    return;
  }
  const ids: number[] = [];
  for (let i = 0; i < n; i++) if (counts[i] === cut) ids.push(i);
  ids.sort((a, b) => keys[a]! - keys[b]! || a - b);
  for (let x = 0; x < take && x < ids.length; x++) out[ids[x]!] = value;
}
