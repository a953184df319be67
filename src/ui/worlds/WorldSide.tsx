// One strategy's worlds: its title, the top songs of every world, a line on the highlighted song, and success against quality.
import { useId } from 'react';
import { TOP_K, worldsTopping, type WorldsRun, type WorldsSide } from '../../state/worlds';
import { fmtIndex } from '../views/format';
import { SuccessScatter, type ShareRange } from './SuccessScatter';
import { TopSongsGrid } from './TopSongsGrid';
import { songName } from './worldsText';

export interface WorldSideProps {
  run: WorldsRun;
  side: WorldsSide;
  shares: ShareRange;
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

export function WorldSide({ run, side, shares, colors, highlight, onHighlight, chartHeight }: WorldSideProps) {
  const id = useId();
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
          <TopSongsGrid run={run} side={side} colors={colors} highlight={highlight} onHighlight={onHighlight} />
          <p className="wl-song-line" aria-live="polite">
            {highlight === null ? 'Point at or focus a song to find it in every world.' : songLine(run, side, highlight)}
          </p>
        </div>
        <div className="wl-side-scatter">
          <h4 className="wl-sub">Success against quality, every world</h4>
          <SuccessScatter
            run={run}
            side={side}
            shares={shares}
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
