// summarize(): run totals from hand-made step rows — clicks, impressions, ctr and the change in Gini.
import { describe, expect, it } from 'vitest';
import type { InitialMetrics, StepMetrics } from '../../src/engine/metrics/types';
import { summarize } from '../../src/engine/run';

function initial(gini: number): InitialMetrics {
  return {
    gini,
    top1Share: 0.1,
    top10Share: 0.5,
    longTailSize: 7,
    songs: 10,
    listenersByTaste: { mainstream: 6, niche: 4 },
    bucketSizes: { low: 3, mid: 4, high: 3 },
  };
}

/**
 * A step row with the fields summarize reads set by hand and the rest filled with distinctive
 * values (asserted not to leak into the totals). The cast keeps the helper independent of
 * metric fields summarize does not read.
 */
function step(t: number, gini: number, clicks: number, impressions: number): StepMetrics {
  return {
    t,
    gini,
    top1Share: 0.9,
    top10Share: 0.9,
    exposureGini: 0.9,
    aggregateDiversity: 99,
    coverage: 0.9,
    longTailShare: 0.9,
    hitRate: { low: 0.9, mid: 0.9, high: 0.9 },
    hitRateN: { low: 99, mid: 99, high: 99 },
    homogenization: 0.9,
    repeatRate: 0.9,
    headClickShare: 0.9,
    ctr: 0.999,
    clicks,
    impressions,
    meanRelevance: 0.9,
    popularityQualityCorrelation: 0.9,
    newSongImpressionShare: 0.9,
    newSongClickShare: 0.9,
    calibrationKL: 0.9,
    utilityRegret: 0.9,
    relevanceEstimateError: 0.9,
  } as StepMetrics;
}

describe('summarize', () => {
  it('sums clicks and impressions and takes ctr = Σclicks / Σimpressions', () => {
    const rows = [step(1, 0.45, 3, 20), step(2, 0.52, 7, 30)];
    const s = summarize(initial(0.4), rows);
    // clicks 3 + 7 = 10, impressions 20 + 30 = 50, ctr 10/50 = 0.2 (not the mean of the rows' 0.15 and 0.2333).
    expect(s.steps).toBe(2);
    expect(s.clicks).toBe(10);
    expect(s.impressions).toBe(50);
    expect(s.ctr).toBeCloseTo(0.2, 14);
  });

  it('giniChange is the last row’s gini minus the initial gini, and final is the last row', () => {
    // Middle row 0.9 is ignored: 0.52 − 0.4 = 0.12.
    const rows = [step(1, 0.45, 3, 20), step(2, 0.9, 0, 10), step(3, 0.52, 7, 30)];
    const s = summarize(initial(0.4), rows);
    expect(s.giniChange).toBeCloseTo(0.12, 14);
    expect(s.final).toBe(rows[2]);
    expect(s.steps).toBe(3);
    // 10 clicks over 60 impressions = 1/6.
    expect(s.ctr).toBeCloseTo(1 / 6, 14);
  });

  it('giniChange is negative when inequality fell', () => {
    // 0.3 − 0.5 = −0.2.
    expect(summarize(initial(0.5), [step(1, 0.3, 1, 4)]).giniChange).toBeCloseTo(-0.2, 14);
  });

  it('ctr is null when nothing was shown', () => {
    const s = summarize(initial(0.4), [step(1, 0.4, 0, 0), step(2, 0.41, 0, 0)]);
    expect(s.clicks).toBe(0);
    expect(s.impressions).toBe(0);
    expect(s.ctr).toBeNull();
    expect(s.giniChange).toBeCloseTo(0.01, 14);
  });

  it('a run of 0 steps: no totals, ctr null, giniChange 0, final null', () => {
    expect(summarize(initial(0.37), [])).toEqual({
      steps: 0,
      clicks: 0,
      impressions: 0,
      ctr: null,
      giniChange: 0,
      final: null,
    });
  });
});
