// The bucket index over prefix sums: each bucket's and sub-bucket's item by hand, and against its definition on crowded weights.
import { describe, expect, it } from 'vitest';
import { buildBucketIndex, createBucketIndex, CROWDED, itemAt } from '../../../src/engine/pipeline/bucketIndex';
import { createStream } from '../../../src/engine/rng';

function prefixOf(weights: number[]): Float64Array {
  const prefix = new Float64Array(weights.length + 1);
  weights.forEach((w, j) => (prefix[j + 1] = prefix[j]! + w));
  return prefix;
}

/** The definition: the item holding y is the last j in [0, n) with prefix[j] ≤ y (a linear scan). */
function holding(prefix: Float64Array, n: number, y: number): number {
  let j = 0;
  while (j < n - 1 && prefix[j + 1]! <= y) j++;
  return j;
}

describe('bucket index', () => {
  it('gives one heavy item most buckets and the crowded last bucket a sub-bucket per item, by hand', () => {
    // Weights [100, 1 × 8]: total 108, 16 buckets of 6.75. Buckets 0–14 (edges 0 … 94.5) start in
    // item 0; bucket 15 (edge 101.25) in item 2, and spans items 2–8: 7 > CROWDED, so 8 sub-buckets of
    // 0.84375 with edges 101.25, 102.09, 102.94, 103.78, 104.63, 105.47, 106.31, 107.16: items 2, 3,
    // 3, 4, 5, 6, 7, 8. Bucket 14 spans items 0–2 (3 items): none.
    const prefix = prefixOf([100, 1, 1, 1, 1, 1, 1, 1, 1]);
    const index = createBucketIndex();
    buildBucketIndex(index, prefix, 9, 108);
    expect(index.buckets).toBe(16);
    expect(index.width).toBe(6.75);
    expect([...index.bucketStart.subarray(0, 16)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect([...index.subOffset.subarray(0, 17)]).toEqual([...Array(16).fill(0), 8]);
    expect([...index.subStart.subarray(0, 8)]).toEqual([2, 3, 3, 4, 5, 6, 7, 8]);
    // Points among the light items: 104.9 is in item 5 ([104, 105)); 107.99 in item 8; 100 in item 1.
    expect(itemAt(index, prefix, 9, 104.9)).toBe(5);
    expect(itemAt(index, prefix, 9, 107.99)).toBe(8);
    expect(itemAt(index, prefix, 9, 100)).toBe(1);
    expect(itemAt(index, prefix, 9, 99.99)).toBe(0);
  });

  it('holds, for every bucket and sub-bucket, the item its left edge falls in, on crowded weights of every size', () => {
    const rng = createStream(11, 'recommender', 'bucketIndex');
    const index = createBucketIndex(); // reused across sizes, as a sampler reuses it across steps
    let crowded = 0;
    for (const n of [1, 2, 5, 9, 40, 257, 1000, 64, 3]) {
      // A few heavy items among light ones of varied weight (some 0): the light ones crowd.
      const weights = Array.from({ length: n }, () => (rng() < 0.02 ? 2 ** 16 : Math.floor(rng() * 4)));
      const prefix = prefixOf(weights);
      const total = prefix[n]!;
      if (!(total > 0)) continue;
      buildBucketIndex(index, prefix, n, total);
      const { buckets, width, bucketStart, subOffset, subStart } = index;
      for (let b = 0; b < buckets; b++) {
        expect(bucketStart[b], `n ${n}, bucket ${b}`).toBe(holding(prefix, n, b * width));
        const items = (b + 1 < buckets ? bucketStart[b + 1]! : n - 1) - bucketStart[b]! + 1;
        const sub = subOffset[b + 1]! - subOffset[b]!;
        expect(sub, `n ${n}, bucket ${b}: ${items} items`).toBe(items > CROWDED ? 2 ** Math.ceil(Math.log2(items)) : 0);
        if (sub > 0) crowded++;
        for (let s = 0; s < sub; s++) expect(subStart[subOffset[b]! + s], `n ${n}, bucket ${b}.${s}`).toBe(holding(prefix, n, b * width + (s * width) / sub));
      }
      // And the lookup finds the item of any point, wherever the index starts it.
      for (let k = 0; k < 2000; k++) {
        const y = rng() * total;
        expect(itemAt(index, prefix, n, y)).toBe(holding(prefix, n, y));
      }
    }
    expect(crowded).toBeGreaterThan(10);
  });
});
