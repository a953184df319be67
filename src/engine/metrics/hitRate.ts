// Hit rate by popularity bucket: how often each listener's truly best songs make it into their slate.
import type { BucketValues } from './types';

/** Bucket index of a play count: 0 low (< a), 1 mid (a..b), 2 high (> b). */
export function bucketOf(count: number, thresholds: readonly number[]): 0 | 1 | 2 {
  if (count < thresholds[0]!) return 0;
  return count <= thresholds[1]! ? 1 : 2;
}

/** Bucket index of each of the first n songs. */
export function bucketsOf(counts: Float64Array, n: number, thresholds: readonly number[], out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = bucketOf(counts[i]!, thresholds);
}

type HitRates = { hitRate: BucketValues<number | null>; hitRateN: BucketValues<number> };

/**
 * hitRate[b] = Σ_u |R(u) ∩ S(u) ∩ B(b)| / Σ_u |R(u) ∩ B(b)|, with R(u) listener u's most relevant
 * songs and S(u) their slate, both rows of users × k matrices. Null where the denominator is 0.
 * `mark` is scratch of one byte per song, all 0 on entry and left all 0 (so it can be reused).
 */
export function hitRateByBucket(
  relevant: Int32Array,
  relevantLen: Uint8Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
  bucket: Uint8Array,
  mark: Uint8Array,
): HitRates {
  return hitRateByBuckets(relevant, relevantLen, slate, slateLen, k, [bucket], mark)[0]!;
}

/** hitRateByBucket for several bucketings of the songs at once, in one pass over the slates. */
export function hitRateByBuckets(
  relevant: Int32Array,
  relevantLen: Uint8Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
  buckets: readonly Uint8Array[],
  mark: Uint8Array,
): HitRates[] {
  // Flat counters, 3 per bucketing: hits[3x + b] and totals[3x + b].
  const hits = new Float64Array(3 * buckets.length);
  const totals = new Float64Array(3 * buckets.length);
  const users = slateLen.length;
  for (let u = 0; u < users; u++) {
    for (let j = 0; j < slateLen[u]!; j++) mark[slate[u * k + j]!] = 1;
    for (let j = 0; j < relevantLen[u]!; j++) {
      const i = relevant[u * k + j]!;
      const hit = mark[i]!;
      for (let x = 0; x < buckets.length; x++) {
        const at = 3 * x + buckets[x]![i]!;
        totals[at]!++;
        hits[at]! += hit;
      }
    }
    for (let j = 0; j < slateLen[u]!; j++) mark[slate[u * k + j]!] = 0;
  }
  return buckets.map((_, x) => {
    const rate = (b: number) => (totals[3 * x + b]! > 0 ? hits[3 * x + b]! / totals[3 * x + b]! : null);
    return {
      hitRate: { low: rate(0), mid: rate(1), high: rate(2) },
      hitRateN: { low: totals[3 * x]!, mid: totals[3 * x + 1]!, high: totals[3 * x + 2]! },
    };
  });
}
