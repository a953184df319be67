// The headline metrics a comparison reads, each with the direction that is better for listeners.
import type { StepMetrics } from './types';

/** Which way a metric moves when listeners are better served; null when neither way is simply better. */
export type Better = 'higher' | 'lower' | null;

/** How a value prints: a share as a percentage, an index with decimals, a count whole. */
export type HeadlineFormat = 'percent' | 'index' | 'count';

export interface HeadlineMetric {
  /** The row's key, or `key.sub` for a bucket or taste value (as the CSV columns name it). */
  readonly key: string;
  readonly label: string;
  readonly better: Better;
  readonly format: HeadlineFormat;
  /** Why `better` points that way, for the help text next to a Δ. */
  readonly why: string;
  readonly pick: (row: StepMetrics) => number | null;
}

/**
 * The numbers a comparison puts side by side, in reading order: concentration first (the loop's
 * signature), then what listeners get (relevance, regret, hits), then diversity.
 */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  {
    key: 'gini', label: 'Gini of plays', better: 'lower', format: 'index',
    why: 'lower: plays spread over more songs, so the ranking is less a product of its own past',
    pick: (r) => r.gini,
  },
  {
    key: 'top1Share', label: 'Top 1% share of plays', better: 'lower', format: 'percent',
    why: 'lower: fewer plays locked into the few songs the loop favours',
    pick: (r) => r.top1Share,
  },
  {
    key: 'consumptionHomogenization', label: 'Listening alike (Jaccard)', better: 'lower', format: 'index',
    why: 'lower: listeners keep their own music instead of all hearing the same songs',
    pick: (r) => r.consumptionHomogenization,
  },
  {
    key: 'aggregateDiversity', label: 'Distinct songs shown', better: 'higher', format: 'count',
    why: 'higher: more of the catalog reaches someone',
    pick: (r) => r.aggregateDiversity,
  },
  {
    // The tail as at step 0: the live tail shrinks as the loop narrows the head, so its share can
    // rise while the catalog's long tail is forgotten.
    key: 'longTailShareAtStart', label: 'Long-tail share of slots (tail as at step 0)', better: 'higher', format: 'percent',
    why: 'higher: the songs that were the long tail before the loop still get heard',
    pick: (r) => r.longTailShareAtStart,
  },
  {
    key: 'ctr', label: 'Click-through rate', better: 'higher', format: 'percent',
    why: 'higher: listeners click more of what they are shown',
    pick: (r) => r.ctr,
  },
  {
    key: 'meanRelevance', label: 'Mean relevance of slates', better: 'higher', format: 'index',
    why: 'higher: slates hold songs listeners truly like more',
    pick: (r) => r.meanRelevance,
  },
  {
    key: 'utilityRegret', label: 'Utility regret', better: 'lower', format: 'index',
    why: 'lower: slates closer to the best ones for each listener',
    pick: (r) => r.utilityRegret,
  },
  {
    key: 'utilityRegretByTaste.niche', label: 'Regret, niche listeners', better: 'lower', format: 'index',
    why: 'lower: listeners with minority tastes are served better',
    pick: (r) => r.utilityRegretByTaste.niche,
  },
  {
    key: 'hitRate.low', label: 'Hit rate, least-played songs', better: 'higher', format: 'percent',
    why: 'higher: relevant songs with few plays still get recommended',
    pick: (r) => r.hitRate.low,
  },
  {
    key: 'popularityQualityCorrelation', label: 'Popularity–quality ρ', better: 'higher', format: 'index',
    why: 'higher: success follows quality rather than luck and position',
    pick: (r) => r.popularityQualityCorrelation,
  },
  {
    key: 'tasteKL', label: 'Slates vs taste (KL)', better: 'lower', format: 'index',
    why: 'lower: the genre mix of slates matches what listeners truly like',
    pick: (r) => r.tasteKL,
  },
];

/** The headline metric named `key`, if any. */
export function headlineMetric(key: string): HeadlineMetric | undefined {
  return HEADLINE_METRICS.find((m) => m.key === key);
}

/** Whether B − A is good, bad or neither for listeners: its sign read against the metric's direction. */
export function deltaVerdict(metric: Pick<HeadlineMetric, 'better'>, delta: number | null): 'better' | 'worse' | 'same' | null {
  if (delta === null || !Number.isFinite(delta) || metric.better === null) return null;
  if (delta === 0) return 'same';
  return (delta > 0) === (metric.better === 'higher') ? 'better' : 'worse';
}

/** B − A, or null when either is undefined. */
export function headlineDelta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}
