// Measures across parallel worlds (unpredictability, top-10 overlap, mean/sd), checked against hand computations.
import { describe, expect, it } from 'vitest';
import {
  acrossWorlds,
  clickShares,
  meanSd,
  successQualitySpearman,
  top10Overlap,
  topOverlap,
  topSongs,
  unpredictability,
} from '../../../src/engine/metrics/across';

// Three worlds × four songs, 4 clicks each:
//   A = [3,1,0,0] → shares [3/4, 1/4, 0, 0]
//   B = [0,2,2,0] → shares [0, 1/2, 1/2, 0]
//   C = [1,1,1,1] → shares [1/4, 1/4, 1/4, 1/4]
const A = [3, 1, 0, 0];
const B = [0, 2, 2, 0];
const C = [1, 1, 1, 1];
// Quality rises with the song id: ranks [1, 2, 3, 4].
const QUALITY = [0.1, 0.2, 0.3, 0.4];

describe('clickShares', () => {
  it('divides by the run total, and is all 0 for a run without clicks', () => {
    expect(Array.from(clickShares(A))).toEqual([0.75, 0.25, 0, 0]);
    expect(Array.from(clickShares([0, 0, 0]))).toEqual([0, 0, 0]);
  });
});

describe('unpredictability', () => {
  it('matches a hand computation over three worlds', () => {
    // |A−B| per song = [3/4, 1/4, 1/2, 0]; |A−C| = [1/2, 0, 1/4, 1/4]; |B−C| = [1/4, 1/4, 1/4, 1/4]
    // U_i (mean over the 3 pairs) = [3/2, 1/2, 1, 1/2] / 3 = [1/2, 1/6, 1/3, 1/6]
    // U = mean over 4 songs = (1/2 + 1/6 + 1/3 + 1/6) / 4 = (7/6) / 4 = 7/24
    expect(unpredictability([A, B, C])).toBeCloseTo(7 / 24, 12);
  });

  it('is the mean |share difference| per song for two worlds', () => {
    // one pair: Σ|A−B| = 3/4 + 1/4 + 1/2 + 0 = 3/2 over 4 songs → 3/8
    expect(unpredictability([A, B])).toBeCloseTo(3 / 8, 12);
  });

  it('gives a run without clicks shares of 0', () => {
    // [2,0] → shares [1,0]; [0,0] → [0,0]; |diff| = [1, 0] → mean 1/2
    expect(
      unpredictability([
        [2, 0],
        [0, 0],
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('compares shares, not counts: proportional worlds are identical', () => {
    // [1,3] and [2,6] both have shares [1/4, 3/4]
    expect(
      unpredictability([
        [1, 3],
        [2, 6],
      ]),
    ).toBe(0);
  });

  it('is 0 for identical worlds and for a single world (no pairs)', () => {
    expect(unpredictability([A, A, A])).toBe(0);
    expect(unpredictability([A])).toBe(0);
  });

  it('rejects no worlds and worlds of different sizes', () => {
    expect(() => unpredictability([])).toThrow(/no worlds/);
    expect(() => unpredictability([A, [1, 2]])).toThrow(/song count/);
  });
});

describe('topSongs', () => {
  it('orders by clicks, most first, breaking ties by the lower song id', () => {
    // B = [0,2,2,0]: songs 1 and 2 tie at 2 → 1 first; then 0 and 3 tie at 0 → 0 first
    expect(Array.from(topSongs(B, 4))).toEqual([1, 2, 0, 3]);
    expect(Array.from(topSongs(B, 2))).toEqual([1, 2]);
    expect(Array.from(topSongs([5, 9, 9, 1, 9], 2))).toEqual([1, 2]);
    expect(Array.from(topSongs([0, 0, 0, 0], 3))).toEqual([0, 1, 2]);
  });

  it('keeps a later larger count ahead of earlier smaller ones', () => {
    expect(Array.from(topSongs([1, 2, 3, 4, 5], 3))).toEqual([4, 3, 2]);
    expect(Array.from(topSongs([3, 1, 2, 3], 2))).toEqual([0, 3]);
  });

  it('returns every song when there are fewer than k', () => {
    expect(Array.from(topSongs([1, 3], 10))).toEqual([1, 0]);
    expect(Array.from(topSongs([1, 3], 0))).toEqual([]);
  });
});

describe('topOverlap and top10Overlap', () => {
  it('matches a hand computation with k = 2', () => {
    // top-2: A → {0,1}; B → {1,2} (tie at 2); C → {0,1} (all tie: lowest ids)
    // |A∩B| = 1 → 1/2; |A∩C| = 2 → 1; |B∩C| = 1 → 1/2; mean = 2/3
    expect(topOverlap([A, B, C], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('uses every song when there are fewer than 10, dividing by that count', () => {
    // 4 songs: each top-10 is the whole catalog → overlap 4/4
    expect(top10Overlap([A, B, C])).toBe(1);
  });

  it('counts shared top-10 songs out of 10', () => {
    // 12 songs: X has clicks 12 … 1 (top 10 = songs 0–9), Y the reverse 1 … 12 (songs 2–11).
    // Shared: songs 2–9 = 8 → 8/10
    const x = Array.from({ length: 12 }, (_, i) => 12 - i);
    const y = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(top10Overlap([x, y])).toBeCloseTo(0.8, 12);
    // Runs without clicks both have top 10 = songs 0–9.
    expect(top10Overlap([new Float64Array(12), new Float64Array(12)])).toBe(1);
  });

  it('is 1 for identical worlds and for a single world (no pairs)', () => {
    expect(top10Overlap([A, A])).toBe(1);
    expect(top10Overlap([A])).toBe(1);
  });
});

describe('meanSd', () => {
  it('uses the sample standard deviation (n − 1)', () => {
    // mean 0.4; deviations −0.2, 0, 0.2 → Σ = 0.08; / (3 − 1) = 0.04 → sd 0.2
    const { mean, sd } = meanSd([0.2, 0.4, 0.6]);
    expect(mean).toBeCloseTo(0.4, 12);
    expect(sd).toBeCloseTo(0.2, 12);
  });

  it('gives sd 0 for one value and nulls for none', () => {
    expect(meanSd([0.7])).toEqual({ mean: 0.7, sd: 0 });
    expect(meanSd([])).toEqual({ mean: null, sd: null });
  });
});

describe('successQualitySpearman', () => {
  it('matches hand computations, null for constant clicks', () => {
    // A = [3,1,0,0] → ranks [4,3,1.5,1.5]; quality ranks [1,2,3,4]; both means 2.5
    //   dx = [1.5,0.5,−1,−1], dy = [−1.5,−0.5,0.5,1.5]
    //   sxy = −2.25 − 0.25 − 0.5 − 1.5 = −4.5; sxx = 2.25+0.25+1+1 = 4.5; syy = 5 → −4.5/√22.5 = −√0.9
    // B = [0,2,2,0] → ranks [1.5,3.5,3.5,1.5]; dx = [−1,1,1,−1]
    //   sxy = 1.5 − 0.5 + 0.5 − 1.5 = 0 → 0
    // C = [1,1,1,1] → constant → null
    const rho = successQualitySpearman([A, B, C], QUALITY);
    expect(rho[0]).toBeCloseTo(-Math.sqrt(0.9), 12);
    expect(rho[1]).toBeCloseTo(0, 12);
    expect(rho[2]).toBeNull();
  });

  it('rejects quality of another length', () => {
    expect(() => successQualitySpearman([A], [0.1, 0.2])).toThrow(/quality/);
  });
});

describe('acrossWorlds', () => {
  it('combines the measures of three worlds', () => {
    const across = acrossWorlds({ runClicks: [A, B, C], quality: QUALITY, gini: [0.2, 0.4, 0.6] });
    expect(Object.keys(across)).toEqual([
      'unpredictability',
      'gini',
      'top10Overlap',
      'successQualitySpearman',
    ]);
    expect(across.unpredictability).toBeCloseTo(7 / 24, 12);
    expect(across.top10Overlap).toBe(1);
    expect(across.gini.mean).toBeCloseTo(0.4, 12);
    expect(across.gini.sd).toBeCloseTo(0.2, 12);
    // ρ over the two worlds where it is defined: −√0.9 and 0.
    // mean = −√0.9 / 2; sd = √((√0.9/2)² + (√0.9/2)²) / √1 = √0.9 / √2 = √0.45
    expect(across.successQualitySpearman.mean).toBeCloseTo(-Math.sqrt(0.9) / 2, 12);
    expect(across.successQualitySpearman.sd).toBeCloseTo(Math.sqrt(0.45), 12);
  });

  it('gives unpredictability 0, overlap 1 and sds 0 for one world', () => {
    const across = acrossWorlds({ runClicks: [A], quality: QUALITY, gini: [0.3] });
    expect(across).toEqual({
      unpredictability: 0,
      gini: { mean: 0.3, sd: 0 },
      top10Overlap: 1,
      successQualitySpearman: { mean: expect.closeTo(-Math.sqrt(0.9), 12), sd: 0 },
    });
  });

  it('gives 0 and 1 (and sds 0) for identical worlds', () => {
    const across = acrossWorlds({ runClicks: [B, B, B], quality: QUALITY, gini: [0.5, 0.5, 0.5] });
    expect(across.unpredictability).toBe(0);
    expect(across.top10Overlap).toBe(1);
    expect(across.gini).toEqual({ mean: 0.5, sd: 0 });
    expect(across.successQualitySpearman.sd).toBe(0);
  });

  it('gives a null Spearman mean and sd when no world has varying clicks', () => {
    const across = acrossWorlds({ runClicks: [C, [0, 0, 0, 0]], quality: QUALITY, gini: [0, 0] });
    expect(across.successQualitySpearman).toEqual({ mean: null, sd: null });
  });

  it('rejects a Gini list of another length', () => {
    expect(() => acrossWorlds({ runClicks: [A, B], quality: QUALITY, gini: [0.1] })).toThrow(
      /Gini/,
    );
  });
});
