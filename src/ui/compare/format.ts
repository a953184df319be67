// How a headline value and a difference print: shares as percentages and points, indices to three places, counts whole.
import type { HeadlineFormat } from '../../engine';

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

/** "+3.2 pp", "−0.120", "+412"; a difference of shares is in percentage points, not percent. */
export function formatDelta(format: HeadlineFormat, d: number | null): string {
  if (d === null || !Number.isFinite(d)) return 'n/a';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  if (format === 'percent') return `${sign}${(100 * size).toFixed(1)} pp`;
  if (format === 'count') return SIGNED_INT.format(Math.round(d)).replace('-', '−');
  return `${sign}${size.toFixed(3)}`;
}
