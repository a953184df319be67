// View 3 — accuracy: does the system find what listeners want only when it is already popular, and how far off are its estimates?
import { useId, useMemo, useState } from 'react';
import { BUCKETS } from '../../engine';
import { SAVE_ONLY, SAVE_SKIP } from '../save/marks';
import { fmtInt, fmtPct } from './format';
import { EstimateErrorPanel } from './EstimateErrorPanel';
import { HitRateBars } from './HitRateBars';
import { bucketLabels, emptyBucketReasons, hitRatesOf, hitRateVerdict, type BucketBasis } from './hitRate';
import { Legend, seriesLegend } from './Legend';
import { BUCKET_COLOR, BUCKET_DASH } from './palette';
import { Panel } from './Panel';
import { StepZeroNote, WorldPending } from './StepZero';
import { TimeChart } from './TimeChart';
import { ghostSeries, seriesPoints, type Series } from './timeSeries';
import { describeSeries } from './trendText';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const HIT_RATE_TITLE = 'Hit rate by popularity: accurate only on hits?';

const EXPLANATION =
  'For every listener the simulation knows their truly best songs. The hit rate is the share of those the recommender actually showed, split by how many plays the songs already had. High only for popular songs is the warning sign.';

/** The bucket bases as the radio group names them, and as a saved picture states the chosen one. */
const BASIS_LABEL: Readonly<Record<BucketBasis, string>> = { now: 'at this step', start: 'before step 1' };

/** Hit rates always span 0–100%, in the bars and over time, so steps and runs compare by eye. */
const FULL: readonly [number, number] = [0, 1];

/** Latest hit rate per bucket as bars, their history as lines, and the warning sign in words. */
export function HitRateView({ initial, rows, markers, steps, bucketThresholds, ghost }: ViewProps) {
  const [basis, setBasis] = useState<BucketBasis>('now');
  const name = useId();
  const labels = useMemo(() => bucketLabels(bucketThresholds), [bucketThresholds]);
  const series = useMemo<Series[]>(() => {
    const own: Series[] = BUCKETS.map((b) => ({
      id: b,
      label: labels[b],
      color: BUCKET_COLOR[b],
      dash: BUCKET_DASH[b],
      points: seriesPoints(rows, (r) => hitRatesOf(r, basis).rate[b]),
    }));
    if (!ghost) return own;
    return [...own, ...BUCKETS.map((b, i) => ghostSeries(own[i]!, ghost.rows, (r) => hitRatesOf(r, basis).rate[b], undefined, i))];
  }, [rows, labels, basis, ghost]);
  const emptyText = useMemo(() => emptyBucketReasons(rows, basis), [rows, basis]);
  const last = rows.at(-1);
  const now = last ? hitRatesOf(last, basis) : null;
  const verdict = now ? hitRateVerdict(now.rate, labels) : null;
  const summary = describeSeries(
    series.map((s) => ({ ...s, label: `Hit rate of songs with ${s.label.replace(/ plays$/u, '')} plays` })),
    fmtPct,
    markers,
    { pending: 'the first comes with step 1' },
  );
  if (!initial && !last)
    return (
      <ViewCard title={HIT_RATE_TITLE} explanation={EXPLANATION}>
        <WorldPending />
      </ViewCard>
    );
  const sizes = initial?.bucketSizes;
  return (
    <ViewCard title={HIT_RATE_TITLE} explanation={EXPLANATION}>
      {!last && <StepZeroNote />}
      <fieldset className="vw-toggle" {...SAVE_SKIP}>
        <legend>Buckets by plays</legend>
        <label title="Songs move between buckets as they gather plays (what a live system sees)">
          <input type="radio" name={name} checked={basis === 'now'} onChange={() => setBasis('now')} /> {BASIS_LABEL.now}
        </label>
        <label title="Buckets frozen on the plays songs had before step 1, as an offline evaluation buckets by training counts">
          <input type="radio" name={name} checked={basis === 'start'} onChange={() => setBasis('start')} /> {BASIS_LABEL.start}
        </label>
      </fieldset>
      {/* A saved picture has no radio buttons, but the bars read differently per basis: it says which one. */}
      <p className="vw-toggle-saved" {...SAVE_ONLY}>
        <strong>Buckets by plays:</strong> {BASIS_LABEL[basis]}
      </p>
      {verdict ? (
        <p className={verdict.kind === 'warning' ? 'vw-verdict vw-verdict-warn' : 'vw-verdict'} role="status">
          {verdict.sentence}
        </p>
      ) : (
        <p className="vw-verdict" role="status" data-testid="hit-rate-step0">
          No slates yet, so no hit rate: the first comes with step 1.
          {sizes &&
            ` Before step 1 the catalog has ${fmtInt(sizes.low)} songs with ${labels.low}, ${fmtInt(sizes.mid)} with ${labels.mid} plays and ${fmtInt(sizes.high)} with ${labels.high} plays.`}
        </p>
      )}
      <div className="vw-split">
        <Panel title={last ? `Now (step ${last.t})` : 'Now (step 0)'} hint="n = listeners’ best songs in the bucket">
          <HitRateBars
            hitRate={now?.rate ?? { low: null, mid: null, high: null }}
            n={now?.n ?? null}
            labels={labels}
            emptyText={now ? emptyText : { low: STEP0, mid: STEP0, high: STEP0 }}
            step={last?.t ?? 0}
          />
        </Panel>
        <Panel title="Over time" hint="Gaps: no best songs in that bucket at that step">
          <TimeChart
            series={series}
            steps={steps}
            markers={markers}
            yDomain={FULL}
            yFormat="%"
            valueFormat={fmtPct}
            yLabel="hit rate"
            note="No slates at step 0: these lines start at step 1."
            ariaLabel={summary}
          />
          <Legend
            label="Popularity bucket"
            items={seriesLegend(series)}
          />
        </Panel>
      </div>
      <EstimateErrorPanel rows={rows} markers={markers} steps={steps} ghost={ghost} />
    </ViewCard>
  );
}

/** What an empty bar says at step 0. */
const STEP0 = 'no slates yet';
