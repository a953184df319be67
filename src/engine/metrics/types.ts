// The metric records a run produces: one per step, plus the state before step 1.

/** Values per popularity bucket (low < a ≤ mid ≤ b < high plays). */
export interface BucketValues<T> {
  low: T;
  mid: T;
  high: T;
}

/** Values for mainstream listeners (favourite genre among the largest genres holding half the songs) and niche ones. */
export interface TasteValues<T> {
  mainstream: T;
  niche: T;
}

/** Metrics of step t (definitions in docs/model.md). Null marks a value that is not defined yet. */
export interface StepMetrics {
  t: number;
  gini: number;
  top1Share: number;
  top10Share: number;
  exposureGini: number;
  aggregateDiversity: number;
  coverage: number;
  longTailShare: number;
  longTailShareAtStart: number;
  hitRate: BucketValues<number | null>;
  hitRateN: BucketValues<number>;
  hitRateAtStart: BucketValues<number | null>;
  hitRateAtStartN: BucketValues<number>;
  homogenization: number;
  consumptionHomogenization: number | null;
  repeatRate: number | null;
  headClickShare: number | null;
  ctr: number | null;
  clicks: number;
  impressions: number;
  meanRelevance: number | null;
  popularityQualityCorrelation: number | null;
  newSongImpressionShare: number | null;
  newSongClickShare: number | null;
  calibrationKL: number | null;
  tasteKL: number | null;
  utilityRegret: number;
  utilityRegretByTaste: TasteValues<number | null>;
  relevanceEstimateError: number | null;
}

/** The catalog before step 1. */
export interface InitialMetrics {
  gini: number;
  top1Share: number;
  top10Share: number;
  /** |Γ|: initial songs in the long tail. */
  longTailSize: number;
  songs: number;
  /** Initial songs per popularity bucket of their prior plays. */
  bucketSizes: BucketValues<number>;
  /** Listeners whose favourite genre is mainstream, and the rest. */
  listenersByTaste: TasteValues<number>;
}

export const BUCKETS = ['low', 'mid', 'high'] as const;
export type Bucket = (typeof BUCKETS)[number];
