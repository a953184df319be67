// The headline numbers of present mode: for each view, what changed from the start of the run to now ("0.19 → 0.93").
import type { InitialMetrics, StepMetrics } from '../../engine';
import { fmtShare } from '../loop/loopLabels';
import { fmtIndex, fmtInt } from '../views/format';

/** One headline: a label and its value at the start and now, formatted. */
export interface ChangeNumber {
  readonly label: string;
  /** At step 0 where the metric exists then, else at step 1; null before any data. */
  readonly from: string | null;
  readonly to: string | null;
  readonly fromStep: number | null;
}

interface Headline {
  readonly label: string;
  /** The value at step 0, where the metric exists before any slate. */
  readonly initial?: (initial: InitialMetrics) => number;
  readonly value: (row: StepMetrics) => number | null;
  readonly format: (v: number) => string;
}

const gini: Headline = { label: 'Gini of plays', initial: (i) => i.gini, value: (r) => r.gini, format: fmtIndex };
const top1: Headline = { label: 'Top 1% of songs hold', initial: (i) => i.top1Share, value: (r) => r.top1Share, format: fmtShare };
const distinct: Headline = { label: 'Distinct songs per step', value: (r) => r.aggregateDiversity, format: fmtInt };
const alike: Headline = { label: 'Listening alike', value: (r) => r.consumptionHomogenization, format: fmtIndex };
const headClicks: Headline = { label: 'Clicks on head songs', value: (r) => r.headClickShare, format: fmtShare };

const HEADLINES: Readonly<Record<string, readonly Headline[]>> = {
  loop: [distinct, headClicks, gini],
  'rich-get-richer': [gini, top1],
  'exposure-bias': [{ label: 'Gini of impressions', value: (r) => r.exposureGini, format: fmtIndex }, { label: 'Long-tail share of slots', value: (r) => r.longTailShare, format: fmtShare }],
  'hit-rate': [
    { label: 'Hit rate, rare songs', value: (r) => r.hitRate.low, format: fmtShare },
    { label: 'Hit rate, popular songs', value: (r) => r.hitRate.high, format: fmtShare },
  ],
  diversity: [distinct, alike],
  'song-wall': [top1, { label: 'Songs ever shown', value: (r) => r.coverage, format: fmtShare }],
};

/** The headline changes of view `viewId` for the run so far. */
export function changeNumbers(viewId: string, initial: InitialMetrics | null, rows: readonly StepMetrics[]): ChangeNumber[] {
  const last = rows.at(-1);
  return (HEADLINES[viewId] ?? []).map((h) => {
    const to = last ? h.value(last) : null;
    let from: number | null = null;
    let fromStep: number | null = null;
    if (h.initial && initial) {
      from = h.initial(initial);
      fromStep = 0;
    } else {
      const first = rows.find((r) => h.value(r) !== null);
      if (first) {
        from = h.value(first);
        fromStep = first.t;
      }
    }
    return { label: h.label, from: from === null ? null : h.format(from), to: to === null ? null : h.format(to), fromStep };
  });
}
