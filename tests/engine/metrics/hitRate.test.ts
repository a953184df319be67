// Popularity buckets and hit rate by bucket on a hand-built two-listener case.
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsOf, hitRateByBucket } from '../../../src/engine/metrics/hitRate';

const T = [100, 1000];

describe('bucketOf', () => {
  it('puts < a in low, a..b inclusive in mid and > b in high', () => {
    expect(bucketOf(0, T)).toBe(0);
    expect(bucketOf(99, T)).toBe(0);
    expect(bucketOf(99.5, T)).toBe(0);
    expect(bucketOf(100, T)).toBe(1);
    expect(bucketOf(1000, T)).toBe(1);
    expect(bucketOf(1000.5, T)).toBe(2);
    expect(bucketOf(1001, T)).toBe(2);
  });

  it('follows custom thresholds', () => {
    expect(bucketOf(9, [10, 30])).toBe(0);
    expect(bucketOf(10, [10, 30])).toBe(1);
    expect(bucketOf(31, [10, 30])).toBe(2);
  });
});

describe('bucketsOf', () => {
  it('buckets the first n counts and leaves the rest of out alone', () => {
    const out = new Uint8Array(5).fill(9);
    bucketsOf(Float64Array.from([5, 100, 2000, 1000, 7]), 4, T, out);
    expect(Array.from(out)).toEqual([0, 1, 2, 1, 9]);
  });
});

describe('hitRateByBucket', () => {
  // Songs 0..5 in buckets low, low, mid, mid, high, low. k = 3.
  // R(0) = {0,2,3}, S(0) = {0,3,5};  R(1) = {1,2,5}, S(1) = {2,4} (slate of 2).
  // low:  R∩B = {0} ∪ {1,5} → 3; hits: 0 ∈ S(0) → 1; 1, 5 ∉ S(1) → 0          → 1/3
  // mid:  R∩B = {2,3} ∪ {2} → 3; hits: 3 ∈ S(0), 2 ∉ S(0) → 1; 2 ∈ S(1) → 1    → 2/3
  // high: R∩B = ∅ (song 4 is shown but relevant to nobody)                    → null
  // Song 5 is in S(0) and R(1) but not S(1): it must not count as a hit for listener 1.
  const bucket = Uint8Array.from([0, 0, 1, 1, 2, 0]);
  const relevant = Int32Array.from([0, 2, 3, 1, 2, 5]);
  const relevantLen = Uint8Array.from([3, 3]);
  const slate = Int32Array.from([0, 3, 5, 2, 4, 0]); // row 1 holds 2 songs; the trailing 0 is not shown
  const slateLen = Uint8Array.from([3, 2]);

  it('divides hits by relevant songs per bucket, null where no relevant song falls', () => {
    const mark = new Uint8Array(6);
    const r = hitRateByBucket(relevant, relevantLen, slate, slateLen, 3, bucket, mark);
    expect(r.hitRate.low).toBeCloseTo(1 / 3, 12);
    expect(r.hitRate.mid).toBeCloseTo(2 / 3, 12);
    expect(r.hitRate.high).toBeNull();
    expect(r.hitRateN).toEqual({ low: 3, mid: 3, high: 0 });
  });

  it('leaves the mark scratch all zero, so it can be reused', () => {
    const mark = new Uint8Array(6);
    const first = hitRateByBucket(relevant, relevantLen, slate, slateLen, 3, bucket, mark);
    expect(Array.from(mark)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(hitRateByBucket(relevant, relevantLen, slate, slateLen, 3, bucket, mark)).toEqual(first);
  });

  it('reads only relevantLen[u] relevant songs', () => {
    // R(0) cut to {0}, R(1) cut to {1,2}: low = {0} hit, {1} miss → 1/2; mid = {2} ∈ S(1) → 1
    const r = hitRateByBucket(
      relevant,
      Uint8Array.from([1, 2]),
      slate,
      slateLen,
      3,
      bucket,
      new Uint8Array(6),
    );
    expect(r.hitRate.low).toBeCloseTo(1 / 2, 12);
    expect(r.hitRate.mid).toBe(1);
    expect(r.hitRateN).toEqual({ low: 2, mid: 1, high: 0 });
  });
});
