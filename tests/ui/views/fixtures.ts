// Hand-made view data: a few metric rows and a six-song snapshot whose derived values are easy to check by hand.
import type { InitialMetrics, StepMetrics } from '../../../src/engine';
import type { SongSnapshot, ViewProps } from '../../../src/ui/views/types';

/** A metric row at step t with plausible values; override what a test cares about. */
export function row(t: number, over: Partial<StepMetrics> = {}): StepMetrics {
  return {
    t,
    gini: 0.8 + t / 100,
    top1Share: 0.3 + t / 100,
    top10Share: 0.7,
    exposureGini: 0.95,
    aggregateDiversity: 4,
    coverage: 0.5,
    longTailShare: 0.25,
    longTailShareAtStart: 0.375,
    hitRate: { low: 0.1, mid: 0.12, high: 0.15 },
    hitRateN: { low: 40, mid: 30, high: 20 },
    hitRateAtStart: { low: 0.08, mid: 0.11, high: 0.16 },
    hitRateAtStartN: { low: 42, mid: 29, high: 19 },
    homogenization: 0.6,
    consumptionHomogenization: 0.45,
    repeatRate: t === 1 ? null : 0.7,
    headClickShare: 0.9,
    ctr: 0.05,
    clicks: 50,
    impressions: 1000,
    meanRelevance: 0.2,
    popularityQualityCorrelation: 0.4,
    newSongImpressionShare: null,
    newSongClickShare: null,
    calibrationKL: 0.1,
    tasteKL: 0.15,
    utilityRegret: 0.3,
    utilityRegretByTaste: { mainstream: 0.2, niche: 0.35 },
    relevanceEstimateError: 0.05,
    ...over,
  };
}

export const initial: InitialMetrics = {
  gini: 0.78,
  top1Share: 0.28,
  top10Share: 0.65,
  longTailSize: 5,
  songs: 6,
  bucketSizes: { low: 4, mid: 1, high: 1 },
  listenersByTaste: { mainstream: 30, niche: 10 },
};

/**
 * Six songs. Sorted plays [0, 0, 5, 40, 150, 2000]; buckets at [100, 1000]: 4 low, 1 mid, 1 high.
 * Impressions sorted [0, 0, 2, 10, 30, 500], median 6, so a gem may have ≤ 0.6 impressions:
 * songs 0 (quality 0.9) and 4 (0.95) are gems, song 2 (0.85, 30 impressions) is not.
 */
export function songs(): SongSnapshot {
  return {
    t: 3,
    released: 6,
    plays: Float64Array.from([0, 5, 150, 2000, 40, 0]),
    impressions: Float64Array.from([0, 10, 30, 500, 0, 2]),
    quality: Float64Array.from([0.9, 0.5, 0.85, 0.7, 0.95, 0.2]),
    genre: Uint8Array.from([0, 1, 0, 2, 1, 0]),
    longTail: Uint8Array.from([1, 1, 1, 0, 1, 1]),
  };
}

/** Props with three steps, one marker and the six songs. */
export function props(over: Partial<ViewProps> = {}): ViewProps {
  return {
    initial,
    rows: [row(1), row(2), row(3)],
    markers: [{ t: 2, label: 'ε = 0.1 from here' }],
    steps: 10,
    bucketThresholds: [100, 1000],
    genres: 3,
    songs: songs(),
    ...over,
  };
}

/**
 * The same six songs at step 0, as the worker sends them when the world is ready: plays are the
 * prior plays, nothing has been shown yet.
 */
export function songsAtStep0(): SongSnapshot {
  return { ...songs(), t: 0, impressions: new Float64Array(6) };
}

/** Props at step 0: the world is built (initial metrics, step-0 songs), no step has run. */
export function step0Props(): ViewProps {
  return props({ rows: [], markers: [], songs: songsAtStep0() });
}

/** Props while the worker is still building the world: nothing to draw yet. */
export function pendingProps(): ViewProps {
  return props({ initial: null, rows: [], markers: [], songs: null });
}

/** The marker label texts drawn above the time charts (each also has a hover title with the full text). */
export function markerTexts(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('.vw-marker-label')].map((el) => el.textContent ?? '');
}
