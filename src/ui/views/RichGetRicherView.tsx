// View 1 — rich get richer: the rank curve and Lorenz curve of plays now, and concentration over time.
import { useMemo } from 'react';
import { fmtIndex, fmtPct } from './format';
import { gini, sortedAscending, topShare } from './inequality';
import { LorenzChart } from './LorenzChart';
import { Legend } from './Legend';
import { ACCENT, ACCENT_2 } from './palette';
import { Panel } from './Panel';
import { RankPlaysChart } from './RankPlaysChart';
import { TimeChart } from './TimeChart';
import { lastValue, seriesPoints, yDomain, type Series } from './timeSeries';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const RICH_TITLE = 'Rich get richer: plays pile up on a few songs';

/** Concentration of plays: log–log rank curve, Lorenz curve and Gini / top-1% share over time. */
export function RichGetRicherView({ initial, rows, markers, steps, songs }: ViewProps) {
  const sorted = useMemo(
    () => (songs ? sortedAscending(songs.plays, songs.released) : null),
    [songs],
  );
  const series: Series[] = [
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
  const g = lastValue(series[0]!.points);
  const top1 = lastValue(series[1]!.points);
  const summary =
    `Gini of plays ${g === null ? 'n/a' : fmtIndex(g)}` +
    (initial ? `, ${fmtIndex(initial.gini)} at the start` : '') +
    `; the top 1% of songs hold ${top1 === null ? 'n/a' : fmtPct(top1)} of plays.`;
  return (
    <ViewCard
      title={RICH_TITLE}
      explanation="Popular songs are ranked first, get clicked more and so become more popular. A steep rank curve, a deep Lorenz bow and a rising Gini all say the same thing: attention is concentrating."
      empty={rows.length === 0}
    >
      <div className="vw-multiples">
        <Panel
          title="Plays by rank"
          value={sorted ? `top 1%: ${fmtPct(topShare(sorted, 0.01))}` : undefined}
          hint="A few songs far above the rest"
        >
          {sorted ? (
            <RankPlaysChart sorted={sorted} />
          ) : (
            <p className="vw-waiting">Waiting for song data…</p>
          )}
        </Panel>
        <Panel
          title="Lorenz curve"
          value={sorted ? `Gini ${fmtIndex(gini(sorted))}` : undefined}
          hint="The deeper the bow, the more unequal"
        >
          {sorted ? (
            <LorenzChart sorted={sorted} />
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
            yDomain={yDomain(series, { zero: false, cap: 1 })}
            yFormat="f"
            valueFormat={fmtIndex}
            yLabel="share or index (0–1)"
            ariaLabel={summary}
          />
          <Legend
            items={series.map((s) => ({
              label: s.label,
              color: s.color,
              dash: s.dash,
              shape: 'line' as const,
            }))}
          />
        </Panel>
      </div>
    </ViewCard>
  );
}
