// Overlap between slates: Jaccard similarity for homogenization, the pair sample it averages over, and a row's repeats.
import type { Rng } from '../rng';

/**
 * |A ∩ B| for two runs of distinct ids in any order, a = x[aAt .. aAt+aLen) and b = y[bAt .. bAt+bLen):
 * A is marked in `mark` (one byte per id, all 0 on entry and left all 0), then B is looked up.
 * O(|A| + |B|) with no sort, which is what a repeat rate over every listener needs each step.
 */
export function rowOverlap(x: Int32Array, aAt: number, aLen: number, y: Int32Array, bAt: number, bLen: number, mark: Uint8Array): number {
  for (let j = 0; j < aLen; j++) mark[x[aAt + j]!] = 1;
  let shared = 0;
  for (let j = 0; j < bLen; j++) shared += mark[y[bAt + j]!]!;
  for (let j = 0; j < aLen; j++) mark[x[aAt + j]!] = 0;
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
