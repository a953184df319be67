// Hand-made loop data: a step-37 row with round numbers (checked by hand in the tests), step 1, and the world before it.
import type { InitialMetrics, StepMetrics } from '../../../src/engine';

/** A metric row at step t; the loop reads impressions, aggregateDiversity, clicks, ctr and the shares. */
export function loopRow(t: number, over: Partial<StepMetrics> = {}): StepMetrics {
  return {
    t, gini: 0.9, top1Share: 0.4, top10Share: 0.8412, exposureGini: 0.95, aggregateDiversity: 143, coverage: 0.98,
    longTailShare: 0.02, longTailShareAtStart: 0.03, hitRate: { low: 0, mid: 0.1, high: 0.5 }, hitRateN: { low: 10, mid: 20, high: 30 },
    hitRateAtStart: { low: 0, mid: 0.1, high: 0.5 }, hitRateAtStartN: { low: 10, mid: 20, high: 30 }, homogenization: 0.6,
    consumptionHomogenization: 0.4, repeatRate: 0.7, headClickShare: 0.71, ctr: 0.0812, clicks: 812, impressions: 10000,
    meanRelevance: 0.2, popularityQualityCorrelation: 0.4, newSongImpressionShare: null, newSongClickShare: null, calibrationKL: 0.1,
    tasteKL: 0.15, utilityRegret: 0.3, utilityRegretByTaste: { mainstream: 0.2, niche: 0.35 }, relevanceEstimateError: 0.05,
    ...over,
  };
}

export const late = loopRow(37);
export const stepOne = loopRow(1, { aggregateDiversity: 1983, headClickShare: 0.47, top10Share: 0.2953, top1Share: 0.05, clicks: 776, ctr: 0.0776 });

export const initial: InitialMetrics = {
  gini: 0.375, top1Share: 0.0501, top10Share: 0.275, longTailSize: 885, songs: 2000,
  bucketSizes: { low: 2000, mid: 0, high: 0 }, listenersByTaste: { mainstream: 707, niche: 293 },
};
