// Overlap between slates: Jaccard similarity for homogenization, and the pair sample it averages over.
import type { Rng } from '../rng';

/**
 * Copies each row of a users × k slate matrix into `out`, sorted ascending, so that overlaps can be
 * counted by a linear merge. Insertion sort: rows are short (k ≤ 50).
 */
export function sortRows(slate: Int32Array, slateLen: Uint8Array, k: number, out: Int32Array): void {
  for (let u = 0; u < slateLen.length; u++) {
    const base = u * k;
    const len = slateLen[u]!;
    for (let j = 0; j < len; j++) {
      const v = slate[base + j]!;
      let x = j - 1;
      while (x >= 0 && out[base + x]! > v) {
        out[base + x + 1] = out[base + x]!;
        x--;
      }
      out[base + x + 1] = v;
    }
  }
}

/** |A ∩ B| for two ascending runs of distinct ids, a = x[aAt .. aAt+aLen) and b = y[bAt .. bAt+bLen). */
export function sortedIntersection(x: Int32Array, aAt: number, aLen: number, y: Int32Array, bAt: number, bLen: number): number {
  let shared = 0;
  let i = aAt;
  let j = bAt;
  const aEnd = aAt + aLen;
  const bEnd = bAt + bLen;
  while (i < aEnd && j < bEnd) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}

/** Jaccard index |A ∩ B| / |A ∪ B| from the sizes and the intersection; 1 when both are empty. */
export function jaccardFromSizes(aLen: number, bLen: number, shared: number): number {
  const union = aLen + bLen - shared;
  return union > 0 ? shared / union : 1;
}

/**
 * Listener pairs to average the Jaccard index over, as a flat [u0, v0, u1, v1, …] array:
 * every pair u < v when users ≤ exactLimit, else `sampleSize` pairs u ≠ v drawn uniformly.
 */
export function listenerPairs(users: number, rng: Rng, exactLimit = 300, sampleSize = 20000): Int32Array {
  if (users <= exactLimit) {
    const pairs = new Int32Array(users * (users - 1));
    let j = 0;
    for (let u = 0; u < users; u++)
      for (let v = u + 1; v < users; v++) {
        pairs[j++] = u;
        pairs[j++] = v;
      }
    return pairs;
  }
  const pairs = new Int32Array(2 * sampleSize);
  for (let j = 0; j < sampleSize; j++) {
    const u = Math.floor(rng() * users);
    let v = Math.floor(rng() * (users - 1));
    if (v >= u) v++; // uniform over v ≠ u
    pairs[2 * j] = u;
    pairs[2 * j + 1] = v;
  }
  return pairs;
}

/**
 * Mean Jaccard index of slates over the given pairs. Pairs that share their first listener are
 * counted together: that listener's slate is marked once, then each partner's slate is looked up
 * (k lookups per pair instead of a 2k-step merge). `pairs` sorted by first listener is fastest.
 * `scratch`, if given, holds one entry per song id (it is overwritten), saving an allocation per call.
 */
export function homogenization(slate: Int32Array, slateLen: Uint8Array, k: number, pairs: Int32Array, scratch?: Int32Array): number {
  const count = pairs.length / 2;
  if (count === 0) return 0;
  let mark: Int32Array;
  if (scratch) mark = scratch.fill(-1);
  else {
    let maxId = 0;
    for (let x = 0; x < slate.length; x++) if (slate[x]! > maxId) maxId = slate[x]!;
    mark = new Int32Array(maxId + 1).fill(-1);
  }
  let sum = 0;
  let marked = -1;
  for (let j = 0; j < count; j++) {
    const u = pairs[2 * j]!;
    const v = pairs[2 * j + 1]!;
    const a = slateLen[u]!;
    const b = slateLen[v]!;
    if (u !== marked) {
      // Marks hold the listener id, so a stale mark of another listener never matches.
      for (let x = 0; x < a; x++) mark[slate[u * k + x]!] = u;
      marked = u;
    }
    let shared = 0;
    const at = v * k;
    // Counting with a number, not a branch: whether a song is shared is unpredictable, and a
    // mispredicted branch per lookup cost more than the lookup itself (the hottest loop of a step).
    for (let x = 0; x < b; x++) shared += +(mark[slate[at + x]!] === u);
    sum += jaccardFromSizes(a, b, shared);
  }
  return sum / count;
}

/** The pairs reordered by first listener (then second), which homogenization counts fastest. */
export function sortPairs(pairs: Int32Array): Int32Array {
  const count = pairs.length / 2;
  const order = Array.from({ length: count }, (_, j) => j);
  order.sort((x, y) => pairs[2 * x]! - pairs[2 * y]! || pairs[2 * x + 1]! - pairs[2 * y + 1]!);
  const out = new Int32Array(pairs.length);
  order.forEach((j, n) => {
    out[2 * n] = pairs[2 * j]!;
    out[2 * n + 1] = pairs[2 * j + 1]!;
  });
  return out;
}
