// Median and 10–90% bands over seeds, computed by hand.
import { describe, expect, it } from 'vitest';
import { bandsOverlap, quantileSorted, spreadOf } from '../../../src/engine';

describe('quantileSorted (type 7)', () => {
  it('interpolates between order statistics', () => {
    // n = 5: h = 4p. p = 0.1 → h = 0.4 → 1 + 0.4·(2 − 1) = 1.4; p = 0.9 → h = 3.6 → 4 + 0.6·(10 − 4) = 7.6.
    const xs = [1, 2, 3, 4, 10];
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(7.6, 12);
  });
  it('takes the ends at p = 0 and 1, and the one value of a single sample', () => {
    expect(quantileSorted([2, 5], 0)).toBe(2);
    expect(quantileSorted([2, 5], 1)).toBe(5);
    expect(quantileSorted([4], 0.3)).toBe(4);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('spreadOf', () => {
  it('sorts, leaves out undefined values and counts the rest', () => {
    // Defined: 0.3, 0.1, 0.2, 0.4 → sorted 0.1 0.2 0.3 0.4; n = 4, h = 3p.
    // median h = 1.5 → 0.25; p10 h = 0.3 → 0.13; p90 h = 2.7 → 0.37.
    const s = spreadOf([0.3, null, 0.1, Number.NaN, 0.2, 0.4])!;
    expect(s.n).toBe(4);
    expect(s.median).toBeCloseTo(0.25, 12);
    expect(s.p10).toBeCloseTo(0.13, 12);
    expect(s.p90).toBeCloseTo(0.37, 12);
  });
  it('is null when no value is defined', () => {
    expect(spreadOf([null, null])).toBeNull();
  });
});

describe('bandsOverlap', () => {
  it('is true when the bands share a value, touching included', () => {
    expect(bandsOverlap({ p10: 0, p90: 1 }, { p10: 0.5, p90: 2 })).toBe(true);
    expect(bandsOverlap({ p10: 0, p90: 1 }, { p10: 1, p90: 2 })).toBe(true);
    expect(bandsOverlap({ p10: 2, p90: 3 }, { p10: 0, p90: 1.9 })).toBe(false);
  });
});

describe('spreadOverRuns', () => {
  it('matches rows by step and takes the spread of each step', async () => {
    const { spreadOverRuns } = await import('../../../src/engine');
    const runs = [
      [{ t: 1, v: 1 }, { t: 2, v: 10 }],
      [{ t: 1, v: 3 }, { t: 2, v: null }],
      [{ t: 2, v: 20 }],
    ];
    const points = spreadOverRuns(runs, (r) => r.v);
    // Step 1: {1, 3} → median 2, p10 = 1 + 0.1·2 = 1.2, p90 = 1 + 0.9·2 = 2.8. Step 2: {10, 20} (null left out).
    expect(points.map((p) => p.t)).toEqual([1, 2]);
    expect(points[0]!.median).toBe(2);
    expect(points[0]!.p10).toBeCloseTo(1.2, 12);
    expect(points[0]!.p90).toBeCloseTo(2.8, 12);
    expect(points[1]).toMatchObject({ median: 15, n: 2 });
  });
});
