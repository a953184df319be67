// Gini coefficient, top-share (with ceil) and concentration of play counts, checked on hand-computed arrays.
import { describe, expect, it } from 'vitest';
import { concentration, concentrationOfSorted, gini, topShare } from '../../../src/engine/metrics/inequality';

const ones = (n: number) => new Float64Array(n).fill(1);

describe('gini', () => {
  it('is 0 when every value is equal', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
  });

  it('is (n−1)/n when one song holds everything', () => {
    // x = [0,0,0,7]: only j=4 contributes (2·4−4−1)·7 = 21; n·Σx = 4·7 = 28 → 21/28 = 3/4 = (4−1)/4
    expect(gini([0, 0, 0, 7])).toBeCloseTo(3 / 4, 12);
    // n = 10: (2·10−11)·1 / (10·1) = 9/10
    const x = new Float64Array(10);
    x[3] = 1;
    expect(gini(x)).toBeCloseTo(9 / 10, 12);
  });

  it('matches the formula on [0,1,3] → 0.5 and [1,2,3,4] → 0.25', () => {
    // [0,1,3]: (−2·0)+(0·1)+(2·3) = 6; n·Σx = 3·4 = 12 → 0.5
    expect(gini([0, 1, 3])).toBeCloseTo(0.5, 12);
    // [1,2,3,4]: (−3·1)+(−1·2)+(1·3)+(3·4) = 10; n·Σx = 4·10 = 40 → 0.25
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
  });

  it('sorts unsorted input itself (same value as sorted) and does not reorder the caller’s array', () => {
    const input = new Float64Array([3, 0, 1]);
    expect(gini(input)).toBeCloseTo(0.5, 12);
    expect(Array.from(input)).toEqual([3, 0, 1]);
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
  });

  it('sorts numerically, not as strings', () => {
    // [2,10,100] (a string sort would give 10,100,2): (−2·2)+(0·10)+(2·100) = 196; n·Σx = 3·112 = 336
    expect(gini([100, 2, 10])).toBeCloseTo(196 / 336, 12);
  });

  it('trusts sortedAscending = true and skips the sort', () => {
    expect(gini([0, 1, 3], true)).toBeCloseTo(0.5, 12);
  });

  it('is 0 for all zeros and for an empty array', () => {
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });
});

describe('topShare', () => {
  it('takes ceil(fraction·n) values: n = 150 → top 1% is 2 songs', () => {
    // ceil(1.5) = 2 → 2/150
    expect(topShare(ones(150), 0.01)).toBeCloseTo(2 / 150, 12);
  });

  it('rounds up, not to nearest: n = 120 → top 1% is ceil(1.2) = 2 songs', () => {
    expect(topShare(ones(120), 0.01)).toBeCloseTo(2 / 120, 12);
  });

  it('takes exactly fraction·n values when that is an integer: n = 100 → 1 song, n = 30 → top 10% is 3', () => {
    expect(topShare(ones(100), 0.01)).toBeCloseTo(1 / 100, 12);
    expect(topShare(ones(30), 0.1)).toBeCloseTo(3 / 30, 12);
  });

  it('sums the largest values of an ascending array', () => {
    // 1..11, top 10% = ceil(1.1) = 2 values: (10 + 11) / 66
    const x = Float64Array.from({ length: 11 }, (_, i) => i + 1);
    expect(topShare(x, 0.1)).toBeCloseTo(21 / 66, 12);
  });

  it('is 0 when the total is 0', () => {
    expect(topShare(new Float64Array(5), 0.1)).toBe(0);
  });
});

describe('concentration', () => {
  it('reports gini, top1Share and top10Share of the first n counts only', () => {
    const counts = new Float64Array([3, 0, 1, 1000]);
    // first 3 = [3,0,1]: gini 0.5; top1 = ceil(0.03) = 1 song → 3/4; top10 = ceil(0.3) = 1 song → 3/4
    const c = concentration(counts, 3);
    expect(c.gini).toBeCloseTo(0.5, 12);
    expect(c.top1Share).toBeCloseTo(0.75, 12);
    expect(c.top10Share).toBeCloseTo(0.75, 12);
    expect(Array.from(counts)).toEqual([3, 0, 1, 1000]);
  });

  it('separates top 1% from top 10% on 200 songs', () => {
    // 200 songs: 180 with 1 play, 18 with 10, 2 with 100. Σ = 180 + 180 + 200 = 560.
    // top 1% = ceil(2) = 2 songs = 200 → 200/560; top 10% = 20 songs = 200 + 180 → 380/560
    const counts = new Float64Array(200).fill(1);
    for (let i = 0; i < 18; i++) counts[50 + i] = 10;
    counts[7] = 100;
    counts[199] = 100;
    const c = concentration(counts, 200);
    expect(c.top1Share).toBeCloseTo(200 / 560, 12);
    expect(c.top10Share).toBeCloseTo(380 / 560, 12);
  });
});

describe('concentrationOfSorted', () => {
  it('gives concentration of values already sorted ascending, bit for bit', () => {
    // [0, 1, 3]: gini = (−2·0 + 0·1 + 2·3) / (3·4) = 0.5; the top song holds 3/4.
    expect(concentrationOfSorted([0, 1, 3])).toEqual({ gini: 0.5, top1Share: 0.75, top10Share: 0.75 });
    const counts = Float64Array.from([5, 0, 2, 9, 2, 7]);
    expect(concentrationOfSorted(Float64Array.from(counts).sort())).toEqual(concentration(counts, 6));
  });
});
