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

/** A pair sample grouped by first listener: u's partners are partner[start[u] … start[u + 1]). */
export interface PairsByFirst {
  readonly start: Int32Array;
  readonly partner: Int32Array;
}

/** Groups [u0, v0, u1, v1, …] by first listener, keeping the order of the pairs within a group. */
export function pairsByFirst(pairs: Int32Array): PairsByFirst {
  const count = pairs.length / 2;
  let users = 0;
  for (let j = 0; j < count; j++) users = Math.max(users, pairs[2 * j]! + 1);
  const start = new Int32Array(users + 1);
  for (let j = 0; j < count; j++) start[pairs[2 * j]! + 1]!++;
  for (let u = 0; u < users; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, users);
  const partner = new Int32Array(count);
  for (let j = 0; j < count; j++) partner[fill[pairs[2 * j]!]!++] = pairs[2 * j + 1]!;
  return { start, partner };
}

/**
 * Mean Jaccard index of slates over the given pairs: homogenizationByFirst over the pairs grouped
 * by first listener. With the pairs sorted by first listener (sortPairs) the terms are summed in
 * the pairs' order.
 */
export function homogenization(slate: Int32Array, slateLen: Uint8Array, k: number, pairs: Int32Array, scratch?: Uint8Array): number {
  let maxId = 0;
  if (!scratch) for (let x = 0; x < slate.length; x++) maxId = Math.max(maxId, slate[x]!);
  return homogenizationByFirst(slate, slateLen, k, pairsByFirst(pairs), scratch ?? new Uint8Array(maxId + 1));
}

/**
 * Mean over pairs (u, v) of the Jaccard index of their slates, |S_u ∩ S_v| / |S_u ∪ S_v|. Each
 * first listener's slate is marked once, then each partner's slate is looked up: k lookups per
 * pair instead of a 2k-step merge, and the pairs are read as one partner per entry.
 * `mark` holds one byte per song id, all 0 on entry and left all 0.
 */
export function homogenizationByFirst(slate: Int32Array, slateLen: Uint8Array, k: number, pairs: PairsByFirst, mark: Uint8Array): number {
  const count = pairs.partner.length;
  // The mean is taken here, not after the loop: the loop is compiled while the first call runs it,
  // before its end has ever run, and an operation there that had never run sent the compiled loop
  // back to the interpreter at the end of every later call (about 50 times a run).
  return count === 0 ? 0 : jaccardSumByFirst(slate, slateLen, k, pairs, mark) / count;
}

/** Σ over the pairs of the Jaccard index of their slates (homogenizationByFirst without the mean). */
function jaccardSumByFirst(slate: Int32Array, slateLen: Uint8Array, k: number, pairs: PairsByFirst, mark: Uint8Array): number {
  const { start, partner } = pairs;
  let sum = 0;
  for (let u = 0; u + 1 < start.length; u++) {
    const from = start[u]!;
    const to = start[u + 1]!;
    if (from === to) continue;
    const a = slateLen[u]!;
    const ua = u * k;
    for (let x = 0; x < a; x++) mark[slate[ua + x]!] = 1;
    for (let p = from; p < to; p++) {
      const v = partner[p]!;
      const b = slateLen[v]!;
      const at = v * k;
      let shared = 0;
      // Adding the mark, not branching on it: whether a song is shared is unpredictable, and a
      // mispredicted branch per lookup cost more than the lookup itself (the hottest loop of a step).
      // Five lookups a turn (half a slate of ten) took a fifth off this loop's time.
      let x = 0;
      for (; x + 4 < b; x += 5)
        shared += mark[slate[at + x]!]! + mark[slate[at + x + 1]!]! + mark[slate[at + x + 2]!]! + mark[slate[at + x + 3]!]! + mark[slate[at + x + 4]!]!;
      for (; x < b; x++) shared += mark[slate[at + x]!]!;
      sum += jaccardFromSizes(a, b, shared);
    }
    for (let x = 0; x < a; x++) mark[slate[ua + x]!] = 0;
  }
  return sum;
}

/**
 * The pairs reordered by first listener (then second), which homogenization counts fastest. The
 * keys u · users + v are exact doubles, so a native numeric sort orders them without a comparator.
 */
export function sortPairs(pairs: Int32Array): Int32Array {
  const count = pairs.length / 2;
  let users = 1;
  for (let x = 0; x < pairs.length; x++) if (pairs[x]! >= users) users = pairs[x]! + 1;
  const keys = new Float64Array(count);
  for (let j = 0; j < count; j++) keys[j] = pairs[2 * j]! * users + pairs[2 * j + 1]!;
  keys.sort();
  const out = new Int32Array(pairs.length);
  for (let j = 0; j < count; j++) {
    const u = Math.floor(keys[j]! / users);
    out[2 * j] = u;
    out[2 * j + 1] = keys[j]! - u * users;
  }
  return out;
}
