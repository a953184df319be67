// How a headline value and a difference print: shares as percentages and points, indices to three places, counts whole.
import { deltaVerdict, type HeadlineFormat, type HeadlineMetric } from '../../engine';

const INT = new Intl.NumberFormat('en-US');
const SIGNED_INT = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });

/** "41.2%", "0.912", "1,204"; "n/a" where the metric is undefined. */
export function formatHeadline(format: HeadlineFormat, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  // A true minus sign, as in the differences.
  if (format === 'percent') return `${(100 * v).toFixed(1)}%`.replace('-', '−');
  if (format === 'count') return INT.format(Math.round(v)).replace('-', '−');
  return v.toFixed(3).replace('-', '−');
}

/** The smallest difference each format shows: 0.1 pp, one, 0.001. */
const SHOWN_UNIT: Readonly<Record<HeadlineFormat, number>> = { percent: 0.001, count: 1, index: 0.001 };

/**
 * The difference as shown: 0 when it rounds to zero at the precision printed ("±0.0 pp"), so a
 * difference too small to see is neither printed with a sign nor called better or worse.
 */
export function shownDelta(format: HeadlineFormat, d: number | null): number | null {
  if (d === null || !Number.isFinite(d)) return d;
  return Math.round(Math.abs(d) / SHOWN_UNIT[format]) === 0 ? 0 : d;
}

/** "+3.2 pp", "−0.120", "+412", "±0.0 pp"; a difference of shares is in percentage points, not percent. */
export function formatDelta(format: HeadlineFormat, delta: number | null): string {
  const d = shownDelta(format, delta);
  if (d === null || !Number.isFinite(d)) return 'n/a';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  if (format === 'percent') return `${sign}${(100 * size).toFixed(1)} pp`;
  if (format === 'count') return SIGNED_INT.format(Math.round(d)).replace('-', '−');
  return `${sign}${size.toFixed(3)}`;
}

/**
 * Better or worse for listeners, as the printed difference says: one rule for the A | B | Δ strip
 * and the Compare table; a difference that prints as ±0 is 'same' (no verdict shown).
 */
export function shownVerdict(
  metric: Pick<HeadlineMetric, 'better' | 'format'>,
  delta: number | null,
): 'better' | 'worse' | 'same' | null {
  return deltaVerdict(metric, shownDelta(metric.format, delta));
}
