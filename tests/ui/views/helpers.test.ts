// The pure helpers behind the views: inequality maths, gems, buckets, verdicts, series and the song wall.
import { describe, expect, it } from 'vitest';
import {
  bucketCounts,
  bucketOf,
  gemRule,
  hiddenGems,
  median,
  scatterPlan,
} from '../../../src/ui/views/exposure';
import { bucketLabels, hitRateVerdict, WARNING_SENTENCE } from '../../../src/ui/views/hitRate';
import {
  gini,
  lorenzPoints,
  rankCurve,
  sortedAscending,
  topShare,
} from '../../../src/ui/views/inequality';
import { logTicks } from '../../../src/ui/views/layout';
import { genreColors } from '../../../src/ui/views/palette';
import { nthElement } from '../../../src/ui/views/select';
import { exposureSummary } from '../../../src/ui/views/SongWallView';
import {
  decimate,
  lastValue,
  seriesPoints,
  valueAt,
  yDomain,
} from '../../../src/ui/views/timeSeries';
import { row, songs } from './fixtures';

describe('inequality', () => {
  it('sorts the released plays ascending', () => {
    expect([...sortedAscending(songs().plays, 6)]).toEqual([0, 0, 5, 40, 150, 2000]);
    expect([...sortedAscending([3, 1, 2], 2)]).toEqual([1, 3]);
  });

  it('computes the Lorenz curve by hand: [0, 1, 3]', () => {
    const pts = lorenzPoints([0, 1, 3]);
    expect(pts.map((p) => p.x)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(pts.map((p) => p.y)).toEqual([0, 0, 0.25, 1]);
  });

  it('draws the diagonal when nobody has plays, and keeps both ends when thinning', () => {
    expect(lorenzPoints([0, 0]).map((p) => p.y)).toEqual([0, 0.5, 1]);
    const thin = lorenzPoints(new Float64Array(1000).fill(1), 10);
    expect(thin.length).toBeLessThanOrEqual(12);
    expect(thin.at(-1)).toEqual({ x: 1, y: 1 });
  });

  it('computes the Gini coefficient of docs/model.md', () => {
    expect(gini([0, 1, 3])).toBeCloseTo(0.5, 12);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 12);
    expect(gini([2, 2, 2])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });

  it('the Gini equals one minus twice the area under the Lorenz curve', () => {
    const sorted = [0, 1, 3];
    const pts = lorenzPoints(sorted);
    let area = 0;
    for (let i = 1; i < pts.length; i++)
      area += ((pts[i]!.y + pts[i - 1]!.y) / 2) * (pts[i]!.x - pts[i - 1]!.x);
    expect(1 - 2 * area).toBeCloseTo(gini(sorted), 12);
  });

  it('ranks songs most played first with plays + 1 on y', () => {
    expect(rankCurve([0, 1, 3])).toEqual([
      { x: 1, y: 4 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ]);
    const long = rankCurve(new Float64Array(50000));
    expect(long.length).toBeLessThan(400);
    expect(long.at(-1)!.x).toBe(50000);
  });

  it('computes top shares over at least one song', () => {
    expect(topShare([0, 0, 5, 40, 150, 2000], 0.01)).toBeCloseTo(2000 / 2195, 12);
    expect(topShare([0, 0], 0.1)).toBe(0);
  });
});

describe('exposure', () => {
  it('buckets plays as low < a ≤ mid ≤ b < high', () => {
    expect([99, 100, 1000, 1001].map((p) => bucketOf(p, [100, 1000]))).toEqual([0, 1, 1, 2]);
    expect(bucketCounts(songs(), [100, 1000])).toEqual([4, 1, 1]);
  });

  it('finds the hand-computed hidden gems by one rule: top 20% quality, under a tenth of an even share', () => {
    expect(median([0, 10, 30, 500, 0, 2])).toBe(6);
    const gems = hiddenGems(songs());
    // 542 impressions over 6 songs: an even share of 90.33, so a gem was shown fewer than 9.03 times.
    expect(gems.evenShare).toBeCloseTo(542 / 6, 12);
    expect(gems.limit).toBeCloseTo(542 / 60, 12);
    expect(gems.count).toBe(2);
    // Songs 0 (quality 0.9, never shown) and 4 (0.95, never shown); song 2 (0.85) was shown 30 times.
    expect([...gems.mask]).toEqual([1, 0, 0, 0, 1, 0]);
    // The same rule under exploration: shown 5 times when an even share is 90 still makes a gem.
    const explored = { ...songs(), impressions: Float64Array.from([5, 10, 30, 500, 8, 2]) };
    expect([...hiddenGems(explored).mask]).toEqual([1, 0, 0, 0, 1, 0]);
    // Before step 1 nothing is shown: no gems, and the rule says why.
    const step0 = hiddenGems({ ...songs(), impressions: new Float64Array(6) });
    expect(step0.count).toBe(0);
    expect(gemRule(step0)).toMatch(/Nothing has been shown yet, so there are no gems yet\.$/);
    expect(gemRule({ evenShare: 5, limit: 0.5 })).toMatch(
      /now 5 showings, so for now a gem is a top song never shown\.$/,
    );
    expect(gemRule({ evenShare: 20, limit: 2 })).toMatch(
      /now 20 showings, so a gem was shown at most 1 time\.$/,
    );
  });

  it('plans the scatter in pixels with the scales it is given, 0 impressions in their own band', () => {
    const s = songs();
    const plan = scatterPlan(
      s,
      [100, 1000],
      hiddenGems(s).mask,
      (q) => q * 100,
      (v) => v,
      { y: -7, spread: 0 },
    );
    expect(plan.n).toBe(6);
    expect(plan.x[4]).toBeCloseTo(95, 4);
    // Impressions [0, 10, 30, 500, 0, 2]: the never-shown songs go to the zero band.
    expect([...plan.y]).toEqual([-7, 10, 30, 500, -7, 2]);
    expect([...plan.bucket]).toEqual([0, 0, 1, 2, 0, 0]);
  });
});

describe('hit rate', () => {
  const labels = bucketLabels([100, 1000]);

  it('labels the buckets from the thresholds', () => {
    expect(labels).toEqual({ low: '< 100 plays', mid: '100–1,000', high: '> 1,000' });
    expect(bucketLabels([50, 20000]).high).toBe('> 20,000');
  });

  it('warns when popular songs are found far more often than rare ones', () => {
    expect(hitRateVerdict({ low: 0.02, mid: 0.1, high: 0.3 }, labels)).toEqual({
      kind: 'warning',
      sentence: WARNING_SENTENCE,
    });
    expect(hitRateVerdict({ low: 0, mid: 0, high: 0.03 }, labels).kind).toBe('warning');
    expect(hitRateVerdict({ low: 0.001, mid: 0.001, high: 0.023 }, labels).kind).toBe('warning');
  });

  it('names a large ratio with a small gap instead of calling the rates similar', () => {
    const v = hitRateVerdict({ low: 0.003, mid: 0.002, high: 0.021 }, labels);
    expect(v.kind).toBe('ok');
    expect(v.sentence).toBe(
      'Popular songs (> 1,000) are found more often than rarely played ones (< 100 plays): 2.1% against 0.3%, but the gap is still too small to call a warning sign.',
    );
    expect(v.sentence).not.toMatch(/similar/);
  });

  it('does not warn for similar rates, tiny rates or missing buckets', () => {
    expect(hitRateVerdict({ low: 0.2, mid: 0.2, high: 0.25 }, labels).kind).toBe('ok');
    expect(hitRateVerdict({ low: 0, mid: 0, high: 0.01 }, labels).kind).toBe('ok');
    // Tiny but similar rates say so.
    expect(hitRateVerdict({ low: 0.004, mid: 0.004, high: 0.005 }, labels).sentence).toMatch(
      /^No popularity gap/,
    );
    const unknown = hitRateVerdict({ low: null, mid: 0.1, high: 0.5 }, labels);
    expect(unknown.kind).toBe('unknown');
    expect(unknown.sentence).toContain('< 100 plays');
  });
});

describe('time series', () => {
  const rows = [row(1), row(2, { repeatRate: null }), row(3)];

  it('starts at t = 0 from the initial value and keeps nulls as gaps', () => {
    const pts = seriesPoints(rows, (r) => r.repeatRate, 0.5);
    expect(pts.map((p) => p.t)).toEqual([0, 1, 2, 3]);
    expect(pts.map((p) => p.v)).toEqual([0.5, null, null, 0.7]);
    expect(valueAt(pts, 2)).toBeNull();
    expect(valueAt(pts, 3)).toBe(0.7);
    expect(lastValue(seriesPoints(rows.slice(0, 2), (r) => r.repeatRate))).toBeNull();
  });

  it('fits y domains from 0 and caps shares at 1', () => {
    const s = [
      {
        id: 'a',
        label: 'a',
        color: '#000',
        points: [
          { t: 1, v: 0.5 },
          { t: 2, v: 1 },
        ],
      },
    ];
    expect(yDomain(s, { cap: 1 })).toEqual([0, 1]);
    expect(yDomain([], {})).toEqual([0, 1]);
  });

  it('puts log ticks on powers of ten, with 2 and 5 on short ranges', () => {
    expect(logTicks(1, 10000)).toEqual([1, 10, 100, 1000, 10000]);
    expect(logTicks(1, 10)).toEqual([1, 2, 5, 10]);
  });
});

describe('palette', () => {
  it('gives every genre a distinct colour up to 32 genres', () => {
    for (const g of [1, 8, 10, 32]) expect(new Set(genreColors(g)).size).toBe(g);
  });
});

describe('order statistics without sorting', () => {
  // A seeded stream of long-tailed values with many ties (zeros and repeats), like plays and impressions.
  function values(n: number, seed: number): Float64Array {
    let x = seed;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const u = x / 2147483648;
      out[i] = u < 0.4 ? 0 : Math.floor(1 / (1 - u) ** 1.5);
    }
    return out;
  }

  it('puts the k-th smallest value in place, smaller ones before and larger ones after', () => {
    for (const n of [1, 2, 3, 10, 101, 2000]) {
      const v = values(n, n);
      const sorted = Float64Array.from(v).sort();
      for (const k of [0, n >> 1, n - 1]) {
        const a = Float64Array.from(v);
        nthElement(a, k);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]!);
        for (let i = k + 1; i < n; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]!);
      }
    }
  });

  it('gives the same median as sorting', () => {
    for (const n of [1, 2, 7, 2000, 2001]) {
      const v = values(n, 7 * n);
      const sorted = Float64Array.from(v).sort();
      const mid = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(median(v)).toBe(mid);
    }
    expect(median([])).toBe(0);
  });

  it('sums up the song wall from the first `released` songs only, with the engine\'s top share', () => {
    // Impressions [0, 10, 30, 500, 0, 2] and one unreleased song with a stale value: the top 10% of
    // 6 songs is ceil(0.6) = 1 song, 500 of 542 impressions (integers: the quotient is exact).
    const summary = exposureSummary([0, 10, 30, 500, 0, 2, 9999], 6);
    expect(summary.unseen).toBe(2);
    expect(summary.top10).toBe(500 / 542);
    // 20 songs: the top 10% is 2 songs, 40 + 30 of 100.
    const twenty = [5, 40, 0, 0, 1, 2, 30, 0, 3, 4, 0, 5, 0, 0, 1, 2, 3, 4, 0, 0];
    expect(twenty.reduce((a, b) => a + b, 0)).toBe(100);
    expect(exposureSummary(twenty, 20)).toEqual({ top10: 0.7, unseen: 8 });
    // No impression yet: 0, not NaN.
    expect(exposureSummary([0, 0, 0], 3)).toEqual({ top10: 0, unseen: 3 });
    // Bit for bit the engine's topShare of the sorted released values, on a long-tailed catalog.
    const v = values(2001, 7);
    expect(exposureSummary(v, 2000).top10).toBe(topShare(Float64Array.from(v.subarray(0, 2000)).sort(), 0.1));
  });
});

describe('decimate', () => {
  const x = (t: number) => t / 10; // 10 steps per pixel column

  it('keeps short series as they are', () => {
    const points = [0, 1, 2].map((t) => ({ t, v: t }));
    expect(decimate(points, x, 100)).toBe(points);
  });

  it('keeps the first, lowest, highest and last point of each pixel column, in order', () => {
    // 100 steps in 10 columns, one spike in column 3 and one dip in column 7.
    const points = Array.from({ length: 100 }, (_, t) => ({
      t,
      v: t === 34 ? 9 : t === 72 ? -9 : t % 2,
    }));
    const out = decimate(points, x, 2);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out.map((p) => p.t)).toEqual([...out.map((p) => p.t)].sort((a, b) => a - b));
    expect(out).toContainEqual({ t: 34, v: 9 });
    expect(out).toContainEqual({ t: 72, v: -9 });
    expect(out[0]).toEqual({ t: 0, v: 0 });
    expect(out.at(-1)).toEqual({ t: 99, v: 1 });
    expect(yDomain([{ id: 'a', label: 'a', color: '#000', points: out }])).toEqual(
      yDomain([{ id: 'a', label: 'a', color: '#000', points }]),
    );
  });

  it('keeps gaps', () => {
    const points = Array.from({ length: 100 }, (_, t) => ({ t, v: t >= 40 && t < 50 ? null : 1 }));
    const out = decimate(points, x, 2);
    expect(out.filter((p) => p.v === null)).toHaveLength(10);
  });
});
