// One strategy's worlds: its title, the top songs of every world, a line on the highlighted song, and success against quality.
import { useId } from 'react';
import { TOP_K, worldsTopping, type WorldsRun, type WorldsSide } from '../../state/worlds';
import { fmtIndex } from '../views/format';
import { SuccessScatter } from './SuccessScatter';
import { TopSongsGrid } from './TopSongsGrid';
import { songName } from './worldsText';

export interface WorldSideProps {
  /** The side as the page's numbers show it: its id and title. */
  side: WorldsSide;
  /**
   * The run the grid and the scatter draw (WorldsPage reveals a new run one part at a time): the
   * page's run once their turn has come, the run before until then, null before the first.
   */
  grid: WorldsRun | null;
  scatter: WorldsRun | null;
  colors: readonly string[];
  highlight: number | null;
  onHighlight(song: number | null): void;
  /** Scatter height, px (smaller on a phone). */
  chartHeight: number;
}

/** The highlighted song in this side's words, e.g. "Song 17 · genre 3 · quality 0.82: top 10 in 5 of 8 worlds". */
function songLine(run: WorldsRun, side: WorldsSide, song: number): string {
  const worlds = worldsTopping(side, song);
  const where = worlds === 0 ? `in no world's top ${TOP_K}` : `top ${TOP_K} in ${worlds} of ${side.worlds.length} worlds`;
  return `${songName(song)} · genre ${(run.genre[song] ?? 0) + 1} · quality ${fmtIndex(run.quality[song] ?? 0)}: ${where}`;
}

export function WorldSide({ side, grid, scatter, colors, highlight, onHighlight, chartHeight }: WorldSideProps) {
  const id = useId();
  const gridSide = grid?.[side.id];
  return (
    <section className={`wl-side wl-side-${side.id}`} aria-labelledby={id}>
      <h3 id={id} className="wl-side-title">
        {/* The title says which side too; the tag is the coloured mark that matches the numbers' column. */}
        <span className="wl-side-tag" aria-hidden="true">
          {side.id === 'current' ? 'Current' : 'Baseline'}
        </span>
        {side.title}
      </h3>
      <div className="wl-side-body">
        <div className="wl-side-grid">
          <h4 className="wl-sub">Final top {TOP_K} of each world</h4>
          {grid && gridSide ? (
            <TopSongsGrid run={grid} side={gridSide} colors={colors} highlight={highlight} onHighlight={onHighlight} />
          ) : (
            // The grid's place, kept while it waits for its turn.
            <div className="wl-grid-wait" />
          )}
          <p className="wl-song-line" aria-live="polite">
            {highlight === null || !grid || !gridSide ? 'Point at or focus a song to find it in every world.' : songLine(grid, gridSide, highlight)}
          </p>
        </div>
        <div className="wl-side-scatter">
          <h4 className="wl-sub">Success against quality, every world</h4>
          <SuccessScatter
            run={scatter}
            side={side.id}
            colors={colors}
            highlight={highlight}
            onHighlight={onHighlight}
            height={chartHeight}
          />
        </div>
      </div>
    </section>
  );
}
