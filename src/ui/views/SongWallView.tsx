// View 5 — the song wall: every song as one square, so the concentration of attention is visible at a glance.
import { useMemo } from 'react';
import { fmtInt, fmtPct } from './format';
import { sortedAscending, topShare } from './inequality';
import { SongWallCanvas, useWallLayout } from './SongWallCanvas';
import { levelRange, LEVELS, wallPlan, WALL_SHADES } from './songWall';
import { StepZeroNote, WorldPending } from './StepZero';
import type { ViewProps } from './types';
import { useElementWidth } from './useElementWidth';
import { ViewCard } from './ViewCard';

export const WALL_TITLE = 'Song wall: where the attention goes';

/**
 * Share of impressions that went to the 10% most shown of the released songs (the engine's
 * topShare, on a sorted copy), and how many songs were never shown.
 */
export function exposureSummary(
  impressions: ArrayLike<number>,
  released: number,
): { top10: number; unseen: number } {
  let unseen = 0;
  for (let i = 0; i < released; i++) if (impressions[i] === 0) unseen++;
  return { top10: topShare(sortedAscending(impressions, released), 0.1), unseen };
}

/** Names of the shades, for the legend's hover titles and the text alternative. */
const SHADE_NAMES = [
  'never shown',
  'under a tenth of an even share',
  'a tenth of an even share to one',
  '1 to 10 even shares',
  '10 to 100 even shares',
  '100 even shares or more',
];

/** The wall, its genre bands, a shade key with the songs in each shade, and one sentence on the concentration. */
export function SongWallView({ songs, genres }: ViewProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(560);
  const summary = useMemo(
    () => (songs ? exposureSummary(songs.impressions, songs.released) : null),
    [songs],
  );
  if (!songs || !summary)
    return (
      <ViewCard title={WALL_TITLE} explanation={EXPLANATION}>
        <WorldPending />
      </ViewCard>
    );
  const started = summary.unseen < songs.released;
  const sentence = started
    ? `Step ${songs.t}: the 10% most shown songs got ${fmtPct(summary.top10)} of all impressions; ${fmtInt(summary.unseen)} of ${fmtInt(songs.released)} songs were never shown.`
    : `Nothing has been recommended yet, so all ${fmtInt(songs.released)} squares are grey. Press Play and watch where the blue goes.`;
  return (
    <ViewCard title={WALL_TITLE} explanation={EXPLANATION}>
      {songs.t === 0 && <StepZeroNote />}
      <p className="vw-callout">{sentence}</p>
      {/* The wall is mounted with the card, hidden and undrawn until its width is measured, and is
          then only resized. Mounting it later, on the first measurement, could land while the view
          is out of sight (content-visibility: auto skips it): Chromium then never built boxes for
          the wall and its key, and the card stayed blank once scrolled to (at 1920×1080, jumping to
          the bottom). */}
      <div ref={ref} style={measured ? undefined : { visibility: 'hidden' }}>
        <Wall songs={songs} genres={genres} width={width} sentence={sentence} measured={measured} />
      </div>
    </ViewCard>
  );
}

const EXPLANATION =
  'Every square is one song, in bands by genre. The darker the blue, the more often the recommender showed it, counted against an even share: what each song would get if every song were shown equally often. A few dark squares in a pale wall mean attention is concentrated.';

/** The measured wall and its key; the plan (shade of every song) is rebuilt per snapshot. */
function Wall({
  songs,
  genres,
  width,
  sentence,
  measured,
}: {
  songs: NonNullable<ViewProps['songs']>;
  genres: number;
  width: number;
  sentence: string;
  /** False while the width is the fallback: the canvas is not drawn at a guessed width. */
  measured: boolean;
}) {
  const layout = useWallLayout(songs, genres, width);
  const plan = useMemo(() => wallPlan(songs, layout.slots), [songs, layout]);
  const levels = Array.from({ length: LEVELS }, (_, level) => ({
    level,
    range: levelRange(level, plan.evenShare),
    count: plan.counts[level] ?? 0,
  })).filter((l) => l.level === 0 || l.range !== '');
  const shades = levels
    .filter((l) => l.count > 0)
    .map((l) => `${fmtInt(l.count)} ${l.level === 0 ? 'never shown' : `shown ${l.range}`}`)
    .join(', ');
  const label = `Song wall of ${fmtInt(songs.released)} songs. ${sentence} By shade: ${shades}.`;
  return (
    <>
      <SongWallCanvas
        songs={songs}
        layout={layout}
        plan={plan}
        width={width}
        ariaLabel={label}
        drawn={measured}
      />
      <div className="vw-shade-key">
        <p className="vw-shade-head">
          <strong>Times shown so far</strong>{' '}
          <span className="vw-muted">
            {plan.evenShare > 0
              ? `(an even share is ${fmtInt(Math.round(plan.evenShare))} per song; each shade is 10× the one before)`
              : '(no song has been shown yet)'}
          </span>
        </p>
        <ul className="vw-shades" aria-label="Shades of the wall and the songs in each">
          {levels.map((l) => (
            <li key={l.level} title={SHADE_NAMES[l.level]}>
              <span className="vw-shade-cell" style={{ background: WALL_SHADES[l.level] }} />
              <span className="vw-shade-range">{l.range}</span>
              <span className="vw-muted vw-shade-count">
                {fmtInt(l.count)} song{l.count === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
