// View 3 — accuracy by popularity bucket: does the system find what listeners want only when it is already popular?
import { useMemo } from 'react';
import { BUCKETS } from '../../engine';
import { fmtPct } from './format';
import { HitRateBars } from './HitRateBars';
import { bucketLabels, hitRateVerdict } from './hitRate';
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
  const labels = useMemo(() => bucketLabels(bucketThresholds), [bucketThresholds]);
  const series = useMemo<Series[]>(
    () =>
      BUCKETS.map((b) => ({
        id: b,
        label: labels[b],
        color: BUCKET_COLOR[b],
        dash: BUCKET_DASH[b],
        points: seriesPoints(rows, (r) => r.hitRate[b]),
      })),
    [rows, labels],
  );
  const domain = useMemo(() => yDomain(series, { cap: 1 }), [series]);
  const last = rows.at(-1);
  const verdict = last ? hitRateVerdict(last.hitRate, labels) : null;
  const summary = last
    ? `Hit rate at step ${last.t}: ` +
      BUCKETS.map(
        (b) => `${labels[b]} ${last.hitRate[b] === null ? 'n/a' : fmtPct(last.hitRate[b]!)}`,
      ).join(', ') +
      '.'
    : '';
  return (
    <ViewCard
      title={HIT_RATE_TITLE}
      explanation="For every listener the simulation knows their truly best songs. The hit rate is the share of those the recommender actually showed, split by how many plays the songs already had. High only for popular songs is the warning sign."
      empty={!last}
    >
      {last && verdict && (
        <>
          <p
            className={verdict.kind === 'warning' ? 'vw-verdict vw-verdict-warn' : 'vw-verdict'}
            role="status"
          >
            {verdict.sentence}
          </p>
          <div className="vw-split">
            <Panel title={`Now (step ${last.t})`} hint="n = listeners’ best songs in the bucket">
              <HitRateBars hitRate={last.hitRate} n={last.hitRateN} labels={labels} />
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
