// View 2 — exposure bias: is being shown a matter of quality or of past popularity? Hidden gems say it plainly.
import { useMemo } from 'react';
import { bucketCounts, GEM_QUALITY, hiddenGems } from './exposure';
import { ExposureScatter, MAX_RINGS } from './ExposureScatter';
import { fmtIndex, fmtInt } from './format';
import { bucketLabels } from './hitRate';
import { Legend } from './Legend';
import { ACCENT, BUCKET_COLOR, GEM_EDGE, GEM_FILL, INK } from './palette';
import { Panel } from './Panel';
import { TimeChart } from './TimeChart';
import { lastValue, seriesPoints, yDomain, type Series } from './timeSeries';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const EXPOSURE_TITLE = 'Exposure bias: great songs that are never shown';

/** The headline about hidden gems, e.g. "37 hidden gems: top-quality songs almost never shown". */
export function gemHeadline(count: number): string {
  if (count === 0) return 'No hidden gems: every top-quality song is being shown.';
  return count === 1
    ? '1 hidden gem: a top-quality song almost never shown'
    : `${fmtInt(count)} hidden gems: top-quality songs almost never shown`;
}

/** Quality vs impressions per song, coloured by popularity bucket, plus popularity–quality correlation over time. */
export function ExposureBiasView({ rows, markers, steps, songs, bucketThresholds }: ViewProps) {
  const gems = useMemo(() => (songs ? hiddenGems(songs) : null), [songs]);
  const counts = useMemo(
    () => (songs ? bucketCounts(songs, bucketThresholds) : null),
    [songs, bucketThresholds],
  );
  const labels = useMemo(() => bucketLabels(bucketThresholds), [bucketThresholds]);
  const series = useMemo<Series[]>(
    () => [
      {
        id: 'corr',
        label: 'Popularity–quality correlation',
        color: ACCENT,
        points: seriesPoints(rows, (r) => r.popularityQualityCorrelation),
      },
    ],
    [rows],
  );
  const domain = useMemo<[number, number]>(() => [Math.min(0, yDomain(series)[0]), 1], [series]);
  const corr = lastValue(series[0]!.points);
  const rule =
    gems && gems.maxImpressions >= 1
      ? `hidden gem = quality ≥ ${GEM_QUALITY} and shown at most a tenth as often as the median song, here at most ${fmtInt(Math.floor(gems.maxImpressions))} impression${Math.floor(gems.maxImpressions) === 1 ? '' : 's'}`
      : `hidden gem = quality ≥ ${GEM_QUALITY} and never shown`;
  return (
    <ViewCard
      title={EXPOSURE_TITLE}
      explanation="Each dot is a song: its true quality from left to right, how often it was recommended from bottom to top. If quality decided, dots would climb to the right; in a feedback loop past plays decide, and good songs stay at the bottom."
      empty={rows.length === 0 || songs === null}
    >
      {songs && gems && counts && (
        <>
          <p className="vw-callout" data-testid="gem-count">
            <strong>{gemHeadline(gems.count)}</strong> <span className="vw-muted">({rule}).</span>
          </p>
          <div className="vw-split">
            <Panel
              title="Every song: quality vs exposure"
              value={`${fmtInt(songs.released)} songs`}
            >
              <ExposureScatter
                songs={songs}
                thresholds={bucketThresholds}
                gems={gems.mask}
                gemMaxImpressions={gems.maxImpressions}
                gemCount={gems.count}
                ariaLabel={`Scatter of ${fmtInt(songs.released)} songs, quality against impressions. ${gemHeadline(gems.count)}.`}
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
              value={corr === null ? 'n/a' : fmtIndex(corr)}
              hint="Rank correlation of plays and quality: 1 = perfectly, 0 = not at all"
            >
              <TimeChart
                series={series}
                steps={steps}
                markers={markers}
                yDomain={domain}
                yFormat="f"
                valueFormat={fmtIndex}
                yLabel="Spearman correlation"
                ariaLabel={`Correlation of plays with quality: ${corr === null ? 'n/a' : fmtIndex(corr)} at step ${rows.at(-1)?.t ?? 0}.`}
              />
            </Panel>
          </div>
        </>
      )}
    </ViewCard>
  );
}
