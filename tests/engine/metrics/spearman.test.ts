// Average ranks with ties, Pearson and Spearman correlation, checked against hand-computed values.
import { describe, expect, it } from 'vitest';
import { ascendingOrder, averageRanks, pearson, spearman } from '../../../src/engine/metrics/spearman';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    // 20 and 20 span ranks 2 and 3 → 2.5
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
  });

  it('ranks unsorted input in place of each value', () => {
    expect(Array.from(averageRanks([30, 20, 10, 20]))).toEqual([4, 2.5, 1, 2.5]);
  });

  it('gives every value (n+1)/2 when all are equal', () => {
    expect(Array.from(averageRanks([7, 7, 7]))).toEqual([2, 2, 2]);
  });

  it('ranks numerically, with a tie group at the top and at the bottom', () => {
    // sorted: 2,2 (ranks 1,2 → 1.5), 10 (3), 100,100,100 (ranks 4,5,6 → 5)
    expect(Array.from(averageRanks([100, 2, 10, 100, 2, 100]))).toEqual([5, 1.5, 3, 5, 1.5, 5]);
  });

  it('ranks fractional, negative and very large values as well as small counts', () => {
    // Values that are not small non-negative integers take the comparator path; the ranks are the same kind.
    // sorted: −1 (1), 0.25, 0.25 (2, 3 → 2.5), 3 (4), 2^40 (5)
    expect(Array.from(averageRanks([0.25, 2 ** 40, -1, 3, 0.25]))).toEqual([2.5, 5, 1, 4, 2.5]);
    // Counts around the packing limit 2^32 − 1 and 0 keep their order.
    expect(Array.from(averageRanks([2 ** 32 - 1, 0, 2 ** 32 - 2, 0]))).toEqual([4, 1.5, 3, 1.5]);
  });

  it('takes the ascending order it is given (the simulation sorts the plays once for two metrics)', () => {
    const values = [30, 20, 10, 20];
    const order = ascendingOrder(values);
    // 10 (index 2) first, the two 20s (indices 1 and 3) in either order, 30 (index 0) last.
    expect(order[0]).toBe(2);
    expect([...order.subarray(1, 3)].sort()).toEqual([1, 3]);
    expect(order[3]).toBe(0);
    expect(Array.from(averageRanks(values, order))).toEqual([4, 2.5, 1, 2.5]);
    expect(Array.from(ascendingOrder([0.5, -2, 0.25]))).toEqual([1, 2, 0]);
  });
});

describe('spearman', () => {
  it('is +1 for any increasing relation and −1 for any decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
    expect(spearman([3, 1, 2], [1, 3, 2])).toBeCloseTo(-1, 12);
  });

  it('matches a hand computation without ties', () => {
    // ranks [1,2,3] vs [2,1,3]: dx = [−1,0,1], dy = [0,−1,1]; sxy = 1, sxx = syy = 2 → 1/2
    expect(spearman([1, 2, 3], [20, 10, 30])).toBeCloseTo(0.5, 12);
  });

  it('matches a hand computation with ties (average ranks)', () => {
    // x = [1,2,2,3] → ranks [1,2.5,2.5,4]; y = [1,2,3,4] → ranks [1,2,3,4]; both means 2.5
    // dx = [−1.5,0,0,1.5], dy = [−1.5,−0.5,0.5,1.5]
    // sxy = 2.25+0+0+2.25 = 4.5; sxx = 4.5; syy = 2.25+0.25+0.25+2.25 = 5 → 4.5/√22.5 = √0.9
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('is null when either side is constant', () => {
    expect(spearman([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 3], [0, 0, 0])).toBeNull();
  });
});

describe('pearson', () => {
  it('matches a hand computation', () => {
    // x = [1,2,3], y = [1,2,6]: means 2, 3; dx = [−1,0,1], dy = [−2,−1,3]
    // sxy = 2+0+3 = 5; sxx = 2; syy = 4+1+9 = 14 → 5/√28
    expect(pearson([1, 2, 3], [1, 2, 6])).toBeCloseTo(5 / Math.sqrt(28), 12);
  });

  it('is null for fewer than 2 values', () => {
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([], [])).toBeNull();
  });
});
