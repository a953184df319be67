// Text alternatives for the charts: one sentence per line that says where it went, not only where it is.
import type { Point, Series } from './timeSeries';
import type { Marker } from './types';

/** How one series is named and printed in a sentence. */
export interface TrendSpec {
  /** The subject of the sentence, e.g. "Distinct songs shown". */
  readonly label: string;
  readonly format: (v: number) => string;
  /** Written after the latest value, e.g. " songs": "fell from 1,983 at step 1 to 143 songs at step 40". */
  readonly unit?: string;
  /** Why there is no value yet, e.g. "the first comes with step 1". */
  readonly pending?: string;
}

interface Defined {
  readonly t: number;
  readonly v: number;
}

/**
 * One sentence on a series' trend, from its first defined value to its last, e.g.
 * "Distinct songs shown fell from 1,983 at step 1 to 143 songs at step 40." A high or low beyond
 * both ends is named too ("…, with a high of 70.0% at step 8"). Values that print the same count
 * as unchanged ("stayed at"), so the sentence never says "rose from 0.93 to 0.93".
 */
export function trendSentence(points: readonly Point[], spec: TrendSpec): string {
  const { label, format: f, unit = '' } = spec;
  const defined = points.filter((p): p is Defined => p.v !== null);
  const first = defined[0];
  const last = defined.at(-1);
  if (!first || !last) return `${label}: no value yet${spec.pending ? `; ${spec.pending}` : ''}.`;
  if (defined.length === 1) return `${label} is ${f(last.v)}${unit} at step ${last.t}.`;
  let hi = first;
  let lo = first;
  for (const p of defined) {
    if (p.v > hi.v) hi = p;
    if (p.v < lo.v) lo = p;
  }
  const a = f(first.v);
  const b = f(last.v);
  const extremes: Defined[] = [];
  if (hi.v > Math.max(first.v, last.v) && f(hi.v) !== a && f(hi.v) !== b) extremes.push(hi);
  if (lo.v < Math.min(first.v, last.v) && f(lo.v) !== a && f(lo.v) !== b) extremes.push(lo);
  extremes.sort((p, q) => p.t - q.t);
  const along = extremes.length
    ? `, with ${extremes.map((p) => `a ${p === hi ? 'high' : 'low'} of ${f(p.v)} at step ${p.t}`).join(' and ')}`
    : '';
  if (a === b)
    return extremes.length
      ? `${label} was ${b}${unit} at step ${first.t} and again at step ${last.t}${along}.`
      : `${label} stayed at ${b}${unit} from step ${first.t} to step ${last.t}.`;
  const verb = last.v > first.v ? 'rose' : 'fell';
  return `${label} ${verb} from ${a} at step ${first.t} to ${b}${unit} at step ${last.t}${along}.`;
}

/** The live changes as one sentence ("Live change at step 30: ε = 0.1."), '' when there are none. */
export function changesSentence(markers: readonly Marker[]): string {
  const parts = markers.map((m) => ({ t: m.t, text: m.label.replace(/\s+from here$/u, '') }));
  if (parts.length === 0) return '';
  if (parts.length === 1) return `Live change at step ${parts[0]!.t}: ${parts[0]!.text}.`;
  return `Live changes: ${parts.map((p) => `step ${p.t}, ${p.text}`).join('; ')}.`;
}

/**
 * The text alternative of a time chart: the trend of every series, then its live changes.
 * `format` is the chart's value format, used where a series has none of its own.
 */
export function describeSeries(
  series: readonly Series[],
  format: (v: number) => string,
  markers: readonly Marker[] = [],
  extra: { unit?: string; pending?: string } = {},
): string {
  const sentences = series.map((s) =>
    trendSentence(s.points, { label: s.label, format: s.format ?? format, ...extra }),
  );
  const changes = changesSentence(markers);
  if (changes) sentences.push(changes);
  return sentences.join(' ');
}
