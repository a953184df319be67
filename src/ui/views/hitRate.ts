// Pure logic of the hit-rate view: bucket labels from the thresholds and the warning-sign verdict.
import { BUCKETS, defaultParams, type BucketValues, type StepMetrics } from '../../engine';
import { fmtInt, fmtPct } from './format';

/** The schema's default bucket edges: the one place the numbers live. */
const DEFAULT_EDGES = defaultParams().bucketThresholds;

/** The bucket edges a and b of `thresholds`; one missing (never, for validated parameters) is the schema's default. */
export function bucketEdges(thresholds: readonly number[]): readonly [number, number] {
  return [thresholds[0] ?? DEFAULT_EDGES[0]!, thresholds[1] ?? DEFAULT_EDGES[1]!];
}

/** Labels of the three popularity buckets, e.g. "< 100 plays", "100–1,000", "> 1,000". */
export function bucketLabels(thresholds: readonly number[]): BucketValues<string> {
  const [a, b] = bucketEdges(thresholds);
  return { low: `< ${fmtInt(a)} plays`, mid: `${fmtInt(a)}–${fmtInt(b)}`, high: `> ${fmtInt(b)}` };
}

/** The verdict on the latest hit rates. */
export interface HitRateVerdict {
  kind: 'warning' | 'ok' | 'unknown';
  sentence: string;
}

export const WARNING_SENTENCE =
  'Warning sign: the system is accurate only on popular songs — a degenerate feedback loop may be forming.';

/**
 * Warns when the popular bucket's hit rate far exceeds the rarely played one: high ≥ 3 × low with a
 * gap of at least 2 points (which covers low = 0 with high > 2%). The gap is small on purpose: a
 * slate of 10 out of thousands of songs keeps every hit rate low, so 0.1% against 2.3% is already a
 * 23-fold gap. A large ratio with a smaller gap is named as such, never called "similar rates".
 * Null buckets make the check impossible, not fine.
 */
export function hitRateVerdict(
  hit: BucketValues<number | null>,
  labels: BucketValues<string>,
): HitRateVerdict {
  const { low, high } = hit;
  if (low === null || high === null) {
    const missing = low === null ? labels.low : labels.high;
    return {
      kind: 'unknown',
      sentence: `No listener's best songs are in the ${missing} bucket right now, so the two ends cannot be compared.`,
    };
  }
  if ((high >= 3 * low && high - low >= 0.02) || (low === 0 && high > 0.02))
    return { kind: 'warning', sentence: WARNING_SENTENCE };
  if (high >= 3 * low && high > low)
    // A large ratio but a gap under 2 points (e.g. 0.3% against 2.1%): not "similar rates".
    return {
      kind: 'ok',
      sentence: `Popular songs (${labels.high}) are found more often than rarely played ones (${labels.low}): ${fmtPct(high)} against ${fmtPct(low)}, but the gap is still too small to call a warning sign.`,
    };
  if (Math.max(low, high) < 0.02)
    return {
      kind: 'ok',
      sentence:
        'No popularity gap, but the system finds almost none of listeners’ best songs, rarely played or popular.',
    };
  return {
    kind: 'ok',
    sentence:
      'No warning sign: the system finds listeners’ best songs at similar rates among rarely played and popular songs.',
  };
}

/** Which play counts sort songs into buckets: at the start of each step, or before step 1 (training counts). */
export type BucketBasis = 'now' | 'start';

/** The hit rate and its n on a basis. */
export function hitRatesOf(row: StepMetrics, basis: BucketBasis): { rate: BucketValues<number | null>; n: BucketValues<number> } {
  return basis === 'now' ? { rate: row.hitRate, n: row.hitRateN } : { rate: row.hitRateAtStart, n: row.hitRateAtStartN };
}

/**
 * Why a bucket holds none of the listeners' best songs at the latest step: with buckets by current
 * plays, a bucket that held some earlier emptied because its songs gathered plays and moved up
 * (under a strong recommender the "< 100 plays" bucket empties this way); one that never held any
 * is out of reach so far.
 */
export function emptyBucketReasons(rows: readonly StepMetrics[], basis: BucketBasis): BucketValues<string> {
  const out = {} as BucketValues<string>;
  for (const b of BUCKETS) {
    const everHeld = basis === 'now' && rows.some((r) => r.hitRateN[b] > 0);
    out[b] =
      basis === 'start'
        ? 'none of the listeners’ best songs had this many plays before step 1'
        : everHeld && b !== 'high'
          ? 'no relevant song left here: they all became popular'
          : 'none of the listeners’ best songs has this many plays yet';
  }
  return out;
}
