// View 3 — accuracy by popularity bucket: does the system find what listeners want only when it is already popular?
import { useId, useMemo, useState } from 'react';
import { BUCKETS } from '../../engine';
import { fmtPct } from './format';
import { HitRateBars } from './HitRateBars';
import { bucketLabels, emptyBucketReasons, hitRatesOf, hitRateVerdict, type BucketBasis } from './hitRate';
import { Legend } from './Legend';
import { BUCKET_COLOR, BUCKET_DASH } from './palette';
import { Panel } from './Panel';
import { TimeChart } from './TimeChart';
import { seriesPoints, yDomain, type Series } from './timeSeries';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const HIT_RATE_TITLE = 'Hit rate by popularity: accurate only on hits?';

/** Latest hit rate per bucket as bars, their history as lines, and the warning sign in words. */
export function HitRateView({ rows, markers, steps, bucketThresholds }: ViewProps) {
  const [basis, setBasis] = useState<BucketBasis>('now');
  const name = useId();
  const labels = useMemo(() => bucketLabels(bucketThresholds), [bucketThresholds]);
  const series = useMemo<Series[]>(
    () =>
      BUCKETS.map((b) => ({
        id: b,
        label: labels[b],
        color: BUCKET_COLOR[b],
        dash: BUCKET_DASH[b],
        points: seriesPoints(rows, (r) => hitRatesOf(r, basis).rate[b]),
      })),
    [rows, labels, basis],
  );
  const domain = useMemo(() => yDomain(series, { cap: 1 }), [series]);
  const emptyText = useMemo(() => emptyBucketReasons(rows, basis), [rows, basis]);
  const last = rows.at(-1);
  const now = last ? hitRatesOf(last, basis) : null;
  const verdict = now ? hitRateVerdict(now.rate, labels) : null;
  const summary = last && now
    ? `Hit rate at step ${last.t}, buckets by ${basis === 'now' ? 'plays at this step' : 'plays before step 1'}: ` +
      BUCKETS.map((b) => `${labels[b]} ${now.rate[b] === null ? 'n/a' : fmtPct(now.rate[b]!)}`).join(', ') +
      '.'
    : '';
  return (
    <ViewCard
      title={HIT_RATE_TITLE}
      explanation="For every listener the simulation knows their truly best songs. The hit rate is the share of those the recommender actually showed, split by how many plays the songs already had. High only for popular songs is the warning sign."
      empty={!last}
    >
      {last && now && verdict && (
        <>
          <fieldset className="vw-toggle">
            <legend>Buckets by plays</legend>
            <label title="Songs move between buckets as they gather plays (what a live system sees)">
              <input type="radio" name={name} checked={basis === 'now'} onChange={() => setBasis('now')} /> at this step
            </label>
            <label title="Buckets frozen on the plays songs had before step 1, as an offline evaluation buckets by training counts">
              <input type="radio" name={name} checked={basis === 'start'} onChange={() => setBasis('start')} /> before step 1
            </label>
          </fieldset>
          <p
            className={verdict.kind === 'warning' ? 'vw-verdict vw-verdict-warn' : 'vw-verdict'}
            role="status"
          >
            {verdict.sentence}
          </p>
          <div className="vw-split">
            <Panel title={`Now (step ${last.t})`} hint="n = listeners’ best songs in the bucket">
              <HitRateBars hitRate={now.rate} n={now.n} labels={labels} emptyText={emptyText} />
            </Panel>
            <Panel title="Over time" hint="Gaps: no best songs in that bucket at that step">
              <TimeChart
                series={series}
                steps={steps}
                markers={markers}
                yDomain={domain}
                yFormat="%"
                valueFormat={fmtPct}
                yLabel="hit rate"
                ariaLabel={summary}
              />
              <Legend
                label="Popularity bucket"
                items={series.map((s) => ({
                  label: s.label,
                  color: s.color,
                  dash: s.dash,
                  shape: 'line' as const,
                }))}
              />
            </Panel>
          </div>
        </>
      )}
    </ViewCard>
  );
}
