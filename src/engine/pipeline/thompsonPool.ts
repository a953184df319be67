// Per-request Thompson draws above a threshold: the small pool that sets θ each step, each song's exact P(X > θ), and fresh draws for each request.
import { log, pow } from '../math';
import type { Rng } from '../rng';
import { betaDrawAbove, betaDrawBelow, betaTail } from './truncatedBeta';
import { fastBetaDraw } from './zigguratDraws';

/** Draws per song in the step's pool that sets the threshold θ (only θ comes from it). */
export const POOL_DRAWS = 4;
/** Expected exceeders (draws above θ) per request, as a multiple of the candidates asked for: m = this · n. */
export const EXCEEDERS_PER_CANDIDATE = 3;
/** Each lower threshold level expects this many times more exceeders (for listeners who consumed the likely ones). */
export const LEVEL_FACTOR = 4;
/** Buckets of tail probability: bucket j holds p in (2^−(j+1), 2^−j]; the last one everything smaller. */
const BUCKETS = 64;

/**
 * The `rank`-th largest (1-based) of values[0..len), by quickselect with a median-of-three pivot
 * (no random pivot: the engine draws only from its named streams). Reorders values[0..len) so that
 * the `rank` largest come first (each partition keeps the larger values on the left).
 */
export function kthLargest(values: Float64Array, len: number, rank: number): number {
  const k = rank - 1;
  let lo = 0;
  let hi = len - 1;
  while (hi > lo) {
    const x = values[lo]!;
    const y = values[(lo + hi) >>> 1]!;
    const z = values[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    // Descending: values[lo..i) ≥ pivot, values(j..hi] ≤ pivot.
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The step's pool that sets the thresholds: R draws per song from its posterior, song i's at
 * values[i·R, (i+1)·R). No request's draw comes from it.
 */
export class DrawPool {
  values = new Float64Array(0);
  songs = 0;
  /** Working space of the thresholds' selection, shared by every ThresholdIndex of the pool. */
  scratch = new Float64Array(0);

  constructor(readonly draws: number = POOL_DRAWS) {}

  /** Fills songs 0..songs−1 with R draws each from Beta(a_i, b_i), song by song. */
  fill(songs: number, a: Float64Array, b: Float64Array, rng: Rng): void {
    this.fillWith(songs, (i) => fastBetaDraw(rng, a[i]!, b[i]!));
  }

  /** Fills songs 0..songs−1 with R draws each from `draw(i)`, song by song. */
  fillWith(songs: number, draw: (i: number) => number): void {
    if (this.values.length < songs * this.draws) this.values = new Float64Array(songs * this.draws);
    this.songs = songs;
    for (let x = 0; x < songs * this.draws; x++) this.values[x] = draw(Math.floor(x / this.draws));
  }
}

/**
 * One threshold θ over a set of songs (the members: the whole catalog or the live long tail) for
 * requests of n candidates. θ is the (m·R)-th largest of the members' pool draws, so that a request
 * expects about m songs above it; each member's exact tail probability p_i = P(X_i > θ) (betaTail)
 * is what a request uses. Members with p_i > 0 are grouped in buckets of p for sampling. A second,
 * higher threshold θ_hi (the (m·R/2)-th largest draw) with h_i = P(X_i > θ_hi) lets a request draw
 * values only for the exceeders above θ_hi when there are enough of them.
 */
export class ThresholdIndex {
  theta = -Infinity;
  members = new Int32Array(0);
  memberCount = 0;
  /** p_i = P(X_i > θ) per song (0 for songs that are not members). */
  tail = new Float64Array(0);
  thetaHigh = -Infinity;
  /** h_i = P(X_i > θ_hi) ≤ p_i per song. */
  high = new Float64Array(0);
  /** Σ p_i over the members: the expected number of exceeders. */
  totalTail = 0;
  /** Members with p_i > 0 by bucket: bucket j is grouped[start[j]..start[j + 1]). */
  grouped = new Int32Array(0);
  start = new Int32Array(BUCKETS + 1);
  /** Per bucket, P(no candidate) = (1 − p̄)^size for the binomial count, or 0 where skips serve. */
  private none = new Float64Array(BUCKETS);
  /** The exceeders of the current request, the positions drawn in a bucket, and a mark per song while the request runs. */
  exceeders = new Int32Array(0);
  private between = new Int32Array(0);
  private picked = new Int32Array(0);
  private mark = new Uint8Array(0);
  /** Requests so far that needed the scan below θ (fewer than n usable exceeders). */
  scans = 0;

  /** The posteriors Beta(a_i, b_i) of the build. */
  private a: Float64Array = new Float64Array(0);
  private b: Float64Array = new Float64Array(0);

  constructor(readonly pool: DrawPool) {}

  /**
   * Builds θ, the tail probabilities and the buckets for `members[0..count)` with posteriors
   * Beta(a_i, b_i) (a_i positive integers), expecting m exceeders per request.
   */
  build(members: ArrayLike<number>, count: number, m: number, a: Float64Array, b: Float64Array): void {
    const { pool } = this;
    [this.a, this.b] = [a, b];
    const r = pool.draws;
    const songs = pool.songs;
    if (this.members.length < count) this.members = new Int32Array(count);
    for (let j = 0; j < count; j++) this.members[j] = members[j]!;
    this.memberCount = count;
    if (this.tail.length < songs) [this.tail, this.high, this.mark] = [new Float64Array(songs), new Float64Array(songs), new Uint8Array(songs)];
    this.tail.fill(0);
    const total = count * r;
    const rank = Math.round(m * r);
    const rankHigh = Math.max(1, Math.round(rank / 2));
    if (rank >= total) [this.theta, this.thetaHigh] = [-Infinity, -Infinity];
    else {
      if (pool.scratch.length < total) pool.scratch = new Float64Array(total);
      for (let j = 0; j < count; j++) {
        const base = members[j]! * r;
        pool.scratch.set(pool.values.subarray(base, base + r), j * r);
      }
      this.theta = kthLargest(pool.scratch, total, rank);
      // The selection leaves the rank largest draws first: θ_hi is among them.
      this.thetaHigh = kthLargest(pool.scratch, rank, rankHigh);
    }
    // p_i, then a counting sort of the members with p_i > 0 by bucket.
    const start = this.start;
    start.fill(0);
    const bucketOf = new Int32Array(count);
    let positive = 0;
    this.totalTail = 0;
    for (let j = 0; j < count; j++) {
      const i = this.members[j]!;
      const p = betaTail(this.a[i]!, this.b[i]!, this.theta);
      this.tail[i] = p;
      this.high[i] = p > 0 ? betaTail(this.a[i]!, this.b[i]!, this.thetaHigh) : 0;
      this.totalTail += p;
      if (!(p > 0)) {
        bucketOf[j] = -1;
        continue;
      }
      let bucket = 0;
      for (let top = 1; bucket < BUCKETS - 1 && p <= top / 2; top /= 2) bucket++;
      bucketOf[j] = bucket;
      start[bucket + 1]!++;
      positive++;
    }
    for (let j = 1; j <= BUCKETS; j++) start[j]! += start[j - 1]!;
    if (this.grouped.length < positive)
      [this.grouped, this.exceeders, this.between, this.picked] = [new Int32Array(positive), new Int32Array(positive), new Int32Array(positive), new Int32Array(positive)];
    const fillAt = start.slice();
    for (let j = 0; j < count; j++) if (bucketOf[j]! >= 0) this.grouped[fillAt[bucketOf[j]!]!++] = this.members[j]!;
    for (let j = 0, top = 1; j < BUCKETS; j++, top /= 2) {
      const size = start[j + 1]! - start[j]!;
      this.none[j] = top < 1 && size * top <= 30 ? pow(1 - top, size) : 0;
    }
  }

  /** Expected number of a request's exceeders that are not in `excluded` (distinct song ids): Σ p_i over the rest. */
  expectedUsable(excluded: readonly number[] | undefined): number {
    let sum = this.totalTail;
    if (excluded) for (const i of excluded) sum -= this.tail[i] ?? 0;
    return sum;
  }

  /**
   * Samples one request's exceeders: each member i independently with probability p_i (its draw is
   * above θ), written to `exceeders`; returns how many. Per bucket, either a coin per song
   * (U < p_i), or, in large buckets of small p, candidates that are each song independently with
   * probability p̄ = 2^−j (the bucket's top), each kept with probability p_i / p̄ ≥ 1/2. The
   * candidates are a Binomial(size, p̄) count (by inversion from P(0) = (1 − p̄)^size, kept from the
   * build) of distinct positions drawn uniformly (Floyd's algorithm), or, where the expected count
   * is above 30, geometric skips (gaps of floor(ln U / ln(1 − p̄)) songs). Every way, each song is
   * an exceeder with probability p_i, independently; which way depends on the bucket only.
   */
  sampleExceeders(rng: Rng): number {
    const { grouped, start, exceeders, tail, picked, none } = this;
    let count = 0;
    let top = 1;
    for (let bucket = 0; bucket < BUCKETS; bucket++, top /= 2) {
      const from = start[bucket]!;
      const to = start[bucket + 1]!;
      const size = to - from;
      if (size === 0) continue;
      if (size * (1 - 6 * top) <= 6) {
        for (let j = from; j < to; j++) if (rng() < tail[grouped[j]!]!) exceeders[count++] = grouped[j]!;
        continue;
      }
      const p0 = none[bucket]!;
      if (p0 > 0) {
        const ratio = top / (1 - top);
        const u = rng();
        let k = 0;
        let prob = p0;
        let cdf = p0;
        while (u > cdf && k < size) {
          prob *= ((size - k) / (k + 1)) * ratio;
          cdf += prob;
          k++;
        }
        for (let t = size - k, c = 0; t < size; t++, c++) {
          let at = Math.floor(rng() * (t + 1));
          for (let d = 0; d < c; d++)
            if (picked[d] === at) {
              at = t;
              break;
            }
          picked[c] = at;
          const i = grouped[from + at]!;
          if (rng() * top < tail[i]!) exceeders[count++] = i;
        }
        continue;
      }
      // ln(1 − p̄): by the series where 1 − p̄ would lose digits.
      const logMiss = top > 1e-6 ? log(1 - top) : -top * (1 + top / 2);
      for (let j = from + Math.floor(log(1 - rng()) / logMiss); j < to; j += 1 + Math.floor(log(1 - rng()) / logMiss)) {
        const i = grouped[j]!;
        if (rng() * top < tail[i]!) exceeders[count++] = i;
      }
    }
    return count;
  }

  /**
   * One request: the up to n members with the highest draws, skipping songs for which `skip(i)` is
   * true, written best first into ids (and their draws into scores); ties by the lower seeded key.
   * Each exceeder gets a fresh draw conditioned on exceeding θ (betaDrawAbove); if fewer than n
   * usable songs exceed, every other usable member gets a fresh draw conditioned on not exceeding
   * (betaDrawBelow). Either way the result is the top n of independent draws from the posteriors.
   * Returns the count.
   */
  top(rng: Rng, n: number, skip: ((i: number) => boolean) | null, keys: Float64Array, ids: Int32Array, scores: Float64Array): number {
    const { a, b, tail, high, mark, theta, thetaHigh } = this;
    this.outN = n;
    this.outCount = 0;
    this.outKeys = keys;
    this.outIds = ids;
    this.outScores = scores;
    const hits = this.sampleExceeders(rng);
    // Each usable exceeder is above θ_hi with probability h_i / p_i: those get their draws now, the
    // others (between θ and θ_hi) only if fewer than n are above θ_hi.
    let above = 0;
    let between = 0;
    for (let j = 0; j < hits; j++) {
      const i = this.exceeders[j]!;
      mark[i] = 1;
      if (skip?.(i)) continue;
      if (rng() * tail[i]! < high[i]!) {
        above++;
        this.offer(i, betaDrawAbove(rng, a[i]!, b[i]!, thetaHigh, high[i]!));
      } else this.between[between++] = i;
    }
    if (above < n)
      for (let j = 0; j < between; j++) {
        const i = this.between[j]!;
        let x: number;
        do x = betaDrawAbove(rng, a[i]!, b[i]!, theta, tail[i]!);
        while (x > thetaHigh);
        this.offer(i, x);
      }
    const usable = above + between;
    if (usable < n) {
      this.scans++;
      for (let j = 0; j < this.memberCount; j++) {
        const i = this.members[j]!;
        if (mark[i] === 1 || skip?.(i)) continue;
        this.offer(i, betaDrawBelow(rng, a[i]!, b[i]!, theta));
      }
    }
    for (let j = 0; j < hits; j++) mark[this.exceeders[j]!] = 0;
    return this.outCount;
  }

  /** The request being answered: its best songs so far, outIds/outScores[0..outCount) sorted best first. */
  private outN = 0;
  private outCount = 0;
  private outKeys: Float64Array = new Float64Array(0);
  private outIds: Int32Array = new Int32Array(0);
  private outScores: Float64Array = new Float64Array(0);

  /** Offers song i with draw x to the request's best n (higher draw first, then the lower seeded key). */
  private offer(i: number, x: number): void {
    const { outN: n, outKeys: keys, outIds: ids, outScores: scores } = this;
    if (this.outCount === n) {
      const y = scores[n - 1]!;
      if (x < y || (x === y && keys[i]! > keys[ids[n - 1]!]!)) return;
    }
    let at = this.outCount < n ? this.outCount++ : n - 1;
    while (at > 0 && (x > scores[at - 1]! || (x === scores[at - 1]! && keys[i]! < keys[ids[at - 1]!]!))) {
      ids[at] = ids[at - 1]!;
      scores[at] = scores[at - 1]!;
      at--;
    }
    ids[at] = i;
    scores[at] = x;
  }
}
