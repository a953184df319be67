// View 2 — exposure bias: is being shown a matter of quality or of past popularity? Hidden gems say it plainly.
import { useMemo } from 'react';
import { GlossaryTerm } from '../GlossaryTerm';
import { bucketCounts, gemRule, hiddenGems } from './exposure';
import { ExposureScatter, MAX_RINGS } from './ExposureScatter';
import { fmtIndex, fmtInt } from './format';
import { bucketLabels } from './hitRate';
import { Legend, seriesLegend } from './Legend';
import { ACCENT, BUCKET_COLOR, GEM_EDGE, GEM_FILL, INK } from './palette';
import { Panel } from './Panel';
import { StepZeroNote, WorldPending } from './StepZero';
import { TimeChart } from './TimeChart';
import { ghostSeries, lastValue, seriesPoints, yDomain, type Series } from './timeSeries';
import { describeSeries } from './trendText';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const EXPOSURE_TITLE = 'Exposure bias: great songs that are never shown';

const EXPLANATION =
  'Each dot is a song: its true quality from left to right, how often it was recommended from bottom to top. If quality decided, dots would climb to the right; in a feedback loop past plays decide, and good songs stay at the bottom.';

/** The headline about hidden gems, e.g. "37 hidden gems: top-quality songs almost never shown". */
export function gemHeadline(count: number): string {
  if (count === 0) return 'No hidden gems: every top-quality song is being shown.';
  return count === 1
    ? '1 hidden gem: a top-quality song almost never shown'
    : `${fmtInt(count)} hidden gems: top-quality songs almost never shown`;
}

/** Quality vs impressions per song, coloured by popularity bucket, plus popularity–quality correlation over time. */
export function ExposureBiasView({ rows, markers, steps, songs, bucketThresholds, ghost }: ViewProps) {
  const gems = useMemo(() => (songs ? hiddenGems(songs) : null), [songs]);
  const counts = useMemo(
    () => (songs ? bucketCounts(songs, bucketThresholds) : null),
    [songs, bucketThresholds],
  );
  const labels = useMemo(() => bucketLabels(bucketThresholds), [bucketThresholds]);
  const series = useMemo<Series[]>(() => {
    const own: Series = {
      id: 'corr',
      label: 'Rank correlation of plays and quality',
      color: ACCENT,
      points: seriesPoints(rows, (r) => r.popularityQualityCorrelation),
    };
    return ghost ? [own, ghostSeries(own, ghost.rows, (r) => r.popularityQualityCorrelation)] : [own];
  }, [rows, ghost]);
  const domain = useMemo<[number, number]>(() => [Math.min(0, yDomain(series)[0]), 1], [series]);
  const corr = lastValue(series[0]!.points);
  if (!songs || !gems || !counts)
    return (
      <ViewCard title={EXPOSURE_TITLE} explanation={EXPLANATION}>
        <WorldPending />
      </ViewCard>
    );
  const shown = gems.evenShare > 0;
  const headline = shown
    ? gemHeadline(gems.count)
    : 'No song has been recommended yet: every dot sits in the “never shown” band.';
  return (
    <ViewCard title={EXPOSURE_TITLE} explanation={EXPLANATION}>
      {rows.length === 0 && <StepZeroNote />}
      <p className="vw-callout" data-testid="gem-count">
        <strong>{headline}</strong>
      </p>
      <div className="vw-split">
        <Panel
          title="Every song: quality vs exposure"
          value={`${fmtInt(songs.released)} songs`}
          hint={<span data-testid="gem-rule">{gemRule(gems)}</span>}
        >
          <ExposureScatter
            songs={songs}
            thresholds={bucketThresholds}
            gems={gems.mask}
            gemLimit={gems.limit}
            gemCount={gems.count}
            ariaLabel={`Scatter of ${fmtInt(songs.released)} songs at step ${songs.t}, quality against times shown. ${shown ? `${gemHeadline(gems.count)}.` : 'No song has been shown yet.'} ${gemRule(gems)}`}
          />
          <Legend
            label="Popularity bucket of current plays"
            items={[
              {
                label: `${labels.low} (${fmtInt(counts[0])})`,
                color: BUCKET_COLOR.low,
                shape: 'dot',
              },
              {
                label: `${labels.mid} (${fmtInt(counts[1])})`,
                color: BUCKET_COLOR.mid,
                shape: 'dot',
              },
              {
                label: `${labels.high} (${fmtInt(counts[2])})`,
                color: BUCKET_COLOR.high,
                shape: 'dot',
              },
              gems.count > MAX_RINGS
                ? { label: 'hidden-gem zone', color: GEM_FILL, edge: GEM_EDGE, shape: 'zone' }
                : { label: 'hidden gem', color: INK, shape: 'ring' },
            ]}
          />
        </Panel>
        <Panel
          title="Does popularity follow quality?"
          value={corr !== null ? fmtIndex(corr) : rows.length > 0 ? 'n/a' : undefined}
          hint={
            <>
              <GlossaryTerm term="spearman">Rank correlation</GlossaryTerm> of plays and quality: 1
              = perfectly, 0 = not at all
            </>
          }
        >
          <TimeChart
            series={series}
            steps={steps}
            markers={markers}
            yDomain={domain}
            yFormat="f"
            valueFormat={fmtIndex}
            yLabel="Spearman correlation"
            note="No value at step 0: this line starts at step 1."
            ariaLabel={describeSeries(series, fmtIndex, markers, {
              pending: 'the first comes with step 1',
            })}
          />
          {ghost && <Legend items={seriesLegend(series)} label="Runs" />}
        </Panel>
      </div>
    </ViewCard>
  );
}
