// View 5 — the song wall: every song as one square, so the concentration of attention is visible at a glance.
import { useMemo } from 'react';
import { fmtInt, fmtPct } from './format';
import { Legend } from './Legend';
import { genreColors, UNSEEN } from './palette';
import { topShareOf } from './select';
import { SongWallCanvas } from './SongWallCanvas';
import { wallPalette, LEVELS } from './songWall';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const WALL_TITLE = 'Song wall: where the attention goes';

/** Share of impressions that went to the 10% most shown songs, and how many songs were never shown. */
export function exposureSummary(
  impressions: ArrayLike<number>,
  released: number,
): { top10: number; unseen: number } {
  let unseen = 0;
  for (let i = 0; i < released; i++) if (impressions[i] === 0) unseen++;
  return { top10: topShareOf(impressions, 0.1, released), unseen };
}

/** The wall, a genre legend, an exposure ramp and one sentence summing up the concentration. */
export function SongWallView({ rows, songs, genres }: ViewProps) {
  const summary = useMemo(
    () => (songs ? exposureSummary(songs.impressions, songs.released) : null),
    [songs],
  );
  const legend = useMemo(
    () => genreColors(genres).map((c, g) => ({ label: `Genre ${g + 1}`, color: c })),
    [genres],
  );
  const ramp = wallPalette(1);
  const sentence =
    songs && summary
      ? `The 10% most shown songs got ${fmtPct(summary.top10)} of all impressions; ${fmtInt(summary.unseen)} of ${fmtInt(songs.released)} songs were never shown.`
      : '';
  return (
    <ViewCard
      title={WALL_TITLE}
      explanation="Every square is one song, grouped by genre and in release order within a genre. The stronger its colour, the more often the recommender showed it. A few strong squares in a pale wall mean attention is concentrated."
      empty={rows.length === 0 || songs === null}
    >
      {songs && (
        <>
          <p className="vw-callout">{sentence}</p>
          <SongWallCanvas
            songs={songs}
            genres={genres}
            ariaLabel={`Song wall of ${fmtInt(songs.released)} songs. ${sentence}`}
          />
          <div className="vw-wall-keys">
            <Legend label="Genres" items={legend} />
            <div className="vw-ramp" aria-label="Exposure: pale = never shown, strong = shown most">
              <span className="vw-muted">never shown</span>
              <span className="vw-ramp-cells" aria-hidden="true">
                <span style={{ background: UNSEEN }} />
                {ramp.slice(1, LEVELS).map((c) => (
                  <span key={c} style={{ background: c }} />
                ))}
              </span>
              <span className="vw-muted">shown most (log scale)</span>
            </div>
          </div>
        </>
      )}
    </ViewCard>
  );
}
