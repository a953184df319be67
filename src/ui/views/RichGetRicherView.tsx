// View 1 — rich get richer: the rank curve and Lorenz curve of plays now, and concentration over time.
import { useMemo } from 'react';
import { GlossaryTerm } from '../GlossaryTerm';
import { fmtIndex, fmtPct } from './format';
import { gini, sortedAscending, topShare } from './inequality';
import { LorenzChart } from './LorenzChart';
import { Legend, seriesLegend } from './Legend';
import { ACCENT, ACCENT_2 } from './palette';
import { Panel } from './Panel';
import { RankPlaysChart } from './RankPlaysChart';
import { TimeChart } from './TimeChart';
import { StepZeroNote, WorldPending } from './StepZero';
import { ghostSeries, lastValue, seriesPoints, yDomain, type Point, type Series } from './timeSeries';
import { describeSeries, trendSentence } from './trendText';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

const LEGEND = [
  { label: 'Gini of plays', color: ACCENT, shape: 'line' as const },
  { label: 'Top 1% share of plays', color: ACCENT_2, dash: '6 4', shape: 'line' as const },
];

export const RICH_TITLE = 'Rich get richer: plays pile up on a few songs';

const EXPLANATION = (
  <>
    A ranker that puts popular songs first gets them clicked more, and so they become more popular. A steep rank curve,
    a deep <GlossaryTerm term="lorenz">Lorenz</GlossaryTerm> bow and a rising{' '}
    <GlossaryTerm term="gini">Gini</GlossaryTerm> all say the same thing: attention is
    concentrating.
  </>
);

/** Concentration of plays: log–log rank curve, Lorenz curve and Gini / top-1% share over time. */
export function RichGetRicherView({ initial, rows, markers, steps, songs, ghost }: ViewProps) {
  // Once per snapshot: sorting and summing every song's plays is the costly part.
  const stats = useMemo(() => {
    if (!songs) return null;
    const sorted = sortedAscending(songs.plays, songs.released);
    return { sorted, top1: topShare(sorted, 0.01), gini: gini(sorted, true) };
  }, [songs]);
  const sorted = stats?.sorted ?? null;
  // Once per new history, so the time chart (memoised) skips hover-free re-renders.
  const series = useMemo<Series[]>(() => {
    const own: Series[] = [
      {
        id: 'gini',
        label: 'Gini of plays',
        color: ACCENT,
        points: seriesPoints(rows, (r) => r.gini, initial?.gini),
      },
      {
        id: 'top1',
        label: 'Top 1% share of plays',
        color: ACCENT_2,
        dash: '6 4',
        points: seriesPoints(rows, (r) => r.top1Share, initial?.top1Share),
        format: fmtPct,
      },
    ];
    if (!ghost) return own;
    return [
      ...own,
      ghostSeries(own[0]!, ghost.rows, (r) => r.gini, ghost.initial?.gini),
      ghostSeries(own[1]!, ghost.rows, (r) => r.top1Share, ghost.initial?.top1Share, 1),
    ];
  }, [rows, initial, ghost]);
  const domain = useMemo(() => yDomain(series, { zero: false, cap: 1 }), [series]);
  const g = lastValue(series[0]!.points);
  const summary = describeSeries(series, fmtIndex, markers);
  // The snapshot's own Gini and top-1% share next to step 0's, for the two distribution charts' text.
  const since = (start: number | undefined, now: number | undefined): Point[] =>
    start === undefined || now === undefined || !songs
      ? []
      : songs.t === 0
        ? [{ t: 0, v: now }]
        : [
            { t: 0, v: start },
            { t: songs.t, v: now },
          ];
  const giniTrend = trendSentence(since(initial?.gini, stats?.gini), {
    label: 'The Gini of plays',
    format: fmtIndex,
  });
  const top1Trend = trendSentence(since(initial?.top1Share, stats?.top1), {
    label: 'The top 1% share of plays',
    format: fmtPct,
  });
  if (!initial && !songs)
    return (
      <ViewCard title={RICH_TITLE} explanation={EXPLANATION}>
        <WorldPending />
      </ViewCard>
    );
  return (
    <ViewCard title={RICH_TITLE} explanation={EXPLANATION}>
      {rows.length === 0 && <StepZeroNote />}
      <div className="vw-multiples">
        <Panel
          title="Plays by rank"
          value={stats ? `top 1%: ${fmtPct(stats.top1)}` : undefined}
          hint="A few songs far above the rest"
        >
          {sorted ? (
            <RankPlaysChart sorted={sorted} step={songs?.t ?? 0} trend={top1Trend} />
          ) : (
            <p className="vw-waiting">Waiting for song data…</p>
          )}
        </Panel>
        <Panel
          title={<GlossaryTerm term="lorenz">Lorenz curve</GlossaryTerm>}
          value={stats ? `Gini ${fmtIndex(stats.gini)}` : undefined}
          hint="The deeper the bow, the more unequal"
        >
          {sorted ? (
            <LorenzChart sorted={sorted} step={songs?.t ?? 0} trend={giniTrend} />
          ) : (
            <p className="vw-waiting">Waiting for song data…</p>
          )}
        </Panel>
        <Panel
          title="Concentration over time"
          value={g === null ? undefined : `Gini ${fmtIndex(g)}`}
          hint="Step 0 is the catalog before the first step"
        >
          <TimeChart
            series={series}
            steps={steps}
            markers={markers}
            yDomain={domain}
            yFormat="f"
            valueFormat={fmtIndex}
            yLabel="share or index (0–1)"
            ariaLabel={summary}
          />
          <Legend items={ghost ? seriesLegend(series) : LEGEND} />
        </Panel>
      </div>
    </ViewCard>
  );
}
