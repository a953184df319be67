// The bucket index over prefix sums that finds the item holding a point in O(1) expected time, with sub-buckets where items crowd.

/** Items a bucket may span before it gets sub-buckets of its own. */
export const CROWDED = 4;

/**
 * Buckets of equal width over [0, total) of prefix sums C_0 = 0 ≤ C_1 ≤ … ≤ C_n = total, as many as
 * the items (rounded up to a power of 2). bucketStart[b] is the item holding the bucket's left edge
 * e = b · width, the last j with C_j ≤ e. A bucket that spans more than CROWDED items gets as many
 * sub-buckets (rounded up to a power of 2), of equal width within it, each with the item holding its
 * left edge: subStart[subOffset[b] … subOffset[b + 1]); other buckets have none.
 *
 * Why sub-buckets: once a slate's draws have taken out the heaviest songs, the point lands among
 * the light ones, and at the default policy the top 30 songs hold 99.9% of the weight from step 10
 * on, so a few buckets hold thousands of songs and a walk from the bucket's first item took most of
 * a draw's time.
 */
export interface BucketIndex {
  buckets: number;
  width: number;
  /** buckets / total (0 when the total is 0): a point's bucket is ⌊y · scale⌋. */
  scale: number;
  bucketStart: Int32Array;
  subOffset: Int32Array;
  subStart: Int32Array;
}

/** An empty index, to be filled by buildBucketIndex (its arrays grow as needed and are reused). */
export function createBucketIndex(): BucketIndex {
  return { buckets: 1, width: 0, scale: 0, bucketStart: new Int32Array(1), subOffset: new Int32Array(2), subStart: new Int32Array(0) };
}

/** Fills `index` for prefix[0 … n] (n ≥ 1 items, `total` = prefix[n]) in O(n). */
export function buildBucketIndex(index: BucketIndex, prefix: Float64Array, n: number, total: number): void {
  let buckets = 1;
  while (buckets < n) buckets *= 2;
  if (index.bucketStart.length < buckets) index.bucketStart = new Int32Array(buckets);
  if (index.subOffset.length < buckets + 1) index.subOffset = new Int32Array(buckets + 1);
  const width = total / buckets;
  index.buckets = buckets;
  index.width = width;
  index.scale = total > 0 ? buckets / total : 0;
  const { bucketStart, subOffset } = index;
  for (let b = 0, j = 0; b < buckets; b++) {
    const edge = b * width;
    while (j < n - 1 && prefix[j + 1]! <= edge) j++;
    bucketStart[b] = j;
  }
  let subTotal = 0;
  for (let b = 0; b < buckets; b++) {
    subOffset[b] = subTotal;
    const items = (b + 1 < buckets ? bucketStart[b + 1]! : n - 1) - bucketStart[b]! + 1;
    if (items > CROWDED) {
      let sub = 1;
      while (sub < items) sub *= 2;
      subTotal += sub;
    }
  }
  subOffset[buckets] = subTotal;
  if (index.subStart.length < subTotal) index.subStart = new Int32Array(subTotal);
  const subStart = index.subStart;
  for (let b = 0; b < buckets; b++) {
    const sub = subOffset[b + 1]! - subOffset[b]!;
    if (sub === 0) continue;
    const subWidth = width / sub;
    for (let s = 0, j = bucketStart[b]!; s < sub; s++) {
      const edge = b * width + s * subWidth;
      while (j < n - 1 && prefix[j + 1]! <= edge) j++;
      subStart[subOffset[b]! + s] = j;
    }
  }
}

/**
 * The item holding y, the last j in [0, n) with prefix[j] ≤ y (y ≥ 0): the (sub-)bucket's item,
 * a step back where rounding put y below it, then on. Which item the index starts from changes
 * only the number of steps, never the answer.
 */
export function itemAt(index: BucketIndex, prefix: Float64Array, n: number, y: number): number {
  let b = Math.floor(y * index.scale);
  if (b >= index.buckets) b = index.buckets - 1;
  const from = index.subOffset[b]!;
  const sub = index.subOffset[b + 1]! - from;
  let j: number;
  if (sub === 0) j = index.bucketStart[b]!;
  else {
    let s = Math.floor((y - b * index.width) * sub * index.scale);
    s = s < 0 ? 0 : s >= sub ? sub - 1 : s;
    j = index.subStart[from + s]!;
  }
  while (j > 0 && prefix[j]! > y) j--;
  while (j < n - 1 && prefix[j + 1]! <= y) j++;
  return j;
}
