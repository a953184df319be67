// Pure helpers for metric histories: series points from rows, domains, and the step nearest the pointer.
import { bisector } from 'd3';
import type { StepMetrics } from '../../engine';

/** One value of a series at step t; null is undefined there and leaves a gap. */
export interface Point {
  readonly t: number;
  readonly v: number | null;
}

/** A named line on a time chart. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly dash?: string;
  readonly points: readonly Point[];
  /** Read-out format when it differs from the chart's (e.g. a share next to an index). */
  readonly format?: (v: number) => string;
}

/** Points of one metric over the rows, optionally starting with the state before step 1 at t = 0. */
export function seriesPoints(
  rows: readonly StepMetrics[],
  pick: (row: StepMetrics) => number | null,
  start?: number | null,
): Point[] {
  const points: Point[] = start === undefined ? [] : [{ t: 0, v: start }];
  for (const row of rows) points.push({ t: row.t, v: pick(row) });
  return points;
}

/** Colour of the pinned run A's ghost lines: grey, so B's colours keep the eye. */
export const GHOST_COLOR = '#7d8799';
const GHOST_DASHES = ['5 4', '1.5 3', '9 3 2 3'];
/** The dash of a chart's only (or first) ghost line. */
export const GHOST_DASH = GHOST_DASHES[0]!;

/**
 * A's copy of a series: the same metric over the pinned run's rows, grey and dashed, read out as
 * "A · <label>". `start` is A's value before step 1 when the series has one.
 */
export function ghostSeries(
  of: Series,
  rows: readonly StepMetrics[],
  pick: (row: StepMetrics) => number | null,
  start?: number | null,
  index = 0,
): Series {
  return {
    id: `ghost-${of.id}`,
    label: `A · ${of.label}`,
    color: GHOST_COLOR,
    // Several ghosts in one chart (A's Gini and top-1% share; A's three hit rates) differ by dash.
    dash: GHOST_DASHES[index % GHOST_DASHES.length],
    points: seriesPoints(rows, pick, start),
    ...(of.format ? { format: of.format } : {}),
  };
}

/** The last defined value of a series, or null if it has none yet. */
export function lastValue(points: readonly Point[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.v !== null) return points[i]!.v;
  return null;
}

/**
 * A y domain that fits every defined value with 8% headroom, starting at 0 unless `zero` is false,
 * and never beyond `cap` (e.g. 1 for shares). An all-empty or flat history still gets a usable range.
 */
export function yDomain(
  series: readonly Series[],
  { zero = true, cap = Infinity }: { zero?: boolean; cap?: number } = {},
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (p.v === null) continue;
      lo = Math.min(lo, p.v);
      hi = Math.max(hi, p.v);
    }
  }
  if (!Number.isFinite(lo)) return [0, Math.min(1, cap)];
  if (zero) lo = Math.min(0, lo);
  const span = hi - lo || Math.abs(hi) || 1;
  return [
    zero ? lo : Math.max(lo - span * 0.08, cap === 1 ? 0 : -Infinity),
    Math.min(cap, hi + span * 0.08),
  ];
}

const byT = bisector((p: Point) => p.t);

/** The point whose step is nearest to t (the series must be sorted by t), or undefined if empty. */
export function nearestPoint(points: readonly Point[], t: number): Point | undefined {
  if (points.length === 0) return undefined;
  return points[byT.center(points as Point[], t)];
}

/** The value at exactly step t, or null if the series has no defined value there. */
export function valueAt(points: readonly Point[], t: number): number | null {
  const p = nearestPoint(points, t);
  return p && p.t === t ? p.v : null;
}

/**
 * Thins a series for drawing `pixels` columns wide without changing its picture (M4): within each
 * pixel column it keeps the first, lowest, highest and last point, so spikes and steps survive.
 * Gaps (null values) are kept as they are. Histories of 10,000 steps then cost what 1,000 do.
 * `x` maps a step to its pixel; series shorter than four points per column come back unchanged.
 */
export function decimate(
  points: readonly Point[],
  x: (t: number) => number,
  pixels: number,
): readonly Point[] {
  if (points.length <= 4 * Math.max(1, pixels)) return points;
  const out: Point[] = [];
  let col = NaN;
  let first: Point | null = null;
  let lo: Point | null = null;
  let hi: Point | null = null;
  let last: Point | null = null;
  const flush = () => {
    if (!first) return;
    // The kept points in step order, each once.
    const kept = [first, lo!, hi!, last!].sort((a, b) => a.t - b.t);
    for (let i = 0; i < kept.length; i++)
      if (i === 0 || kept[i] !== kept[i - 1]) out.push(kept[i]!);
    first = lo = hi = last = null;
  };
  for (const p of points) {
    if (p.v === null) {
      flush();
      out.push(p);
      col = NaN;
      continue;
    }
    const c = Math.floor(x(p.t));
    if (c !== col) {
      flush();
      col = c;
      first = lo = hi = p;
    }
    if (p.v < lo!.v!) lo = p;
    if (p.v > hi!.v!) hi = p;
    last = p;
  }
  flush();
  return out;
}
