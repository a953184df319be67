// The final top songs of each world side by side: a table, one column per world, ranks down, a chip per song; arrow keys move between chips; a caption and a faded edge show worlds scrolled out of view.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { WorldsRun, WorldsSide } from '../../state/worlds';
import { fmtIndex } from '../views/format';
import { scrollHint } from './gridScroll';
import { useWorldsOutOfView } from './useWorldsOutOfView';
import { fmtShare, songName, worldName } from './worldsText';

export interface TopSongsGridProps {
  run: WorldsRun;
  side: WorldsSide;
  colors: readonly string[];
  highlight: number | null;
  onHighlight(song: number | null): void;
}

/** Moves of the arrow keys and Home/End: [worlds, ranks]. */
const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function TopSongsGrid({ run, side, colors, highlight, onHighlight }: TopSongsGridProps) {
  const table = useRef<HTMLTableElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const hintId = useId();
  // Worlds past the box's edge: a caption says which and where, a fade or shadow marks that edge.
  const out = useWorldsOutOfView(box, side.worlds.length);
  const hint = scrollHint(out);
  // One chip is in the tab order (roving tabindex): the grid is one stop, arrows move inside it.
  const [active, setActive] = useState<readonly [number, number]>([0, 0]);
  const ranks = Math.max(0, ...side.worlds.map((w) => w.top.length));
  const focusCell = (world: number, rank: number) => {
    const w = Math.max(0, Math.min(side.worlds.length - 1, world));
    const r = Math.max(0, Math.min((side.worlds[w]?.top.length ?? 1) - 1, rank));
    setActive([w, r]);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${w}:${r}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const [w, r] = active;
    const move = MOVES[event.key];
    if (move) focusCell(w + move[0], r + move[1]);
    else if (event.key === 'Home') focusCell(event.ctrlKey ? 0 : w, 0);
    else if (event.key === 'End') focusCell(event.ctrlKey ? side.worlds.length - 1 : w, ranks - 1);
    else if (event.key === 'Escape') onHighlight(null);
    else return;
    event.preventDefault();
  };
  const [aw, ar] = active[0] < side.worlds.length && active[1] < (side.worlds[active[0]]?.top.length ?? 0) ? active : [0, 0];
  const frame = `wl-grid-frame${out.before ? ' has-before' : ''}${out.after ? ' has-after' : ''}`;
  return (
    <>
      {hint && (
        <p className="wl-grid-hint" id={hintId}>
          {out.before && <span aria-hidden="true">← </span>}
          {hint}
          {out.after && <span aria-hidden="true"> →</span>}
        </p>
      )}
      <div className={frame}>
        {/* Focusable, so the keyboard scrolls it too (arrow keys on the box; on a chip they move between chips). */}
        <div
          ref={box}
          className="wl-grid-scroll"
          role="region"
          tabIndex={0}
          aria-label={`Top ${ranks} songs of each world, ${side.title}`}
          aria-describedby={hint ? hintId : undefined}
        >
          <table ref={table} className={highlight === null ? 'wl-grid' : 'wl-grid has-hit'} onKeyDown={onKeyDown} onMouseLeave={() => onHighlight(null)}>
            <caption className="visually-hidden">
              {`${side.title}: the ${ranks} songs with the most clicks in each of ${side.worlds.length} worlds, best first. Arrow keys move between songs; the same song is highlighted in every world.`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="wl-rank-head">
                  <span className="visually-hidden">Rank</span>
                </th>
                {side.worlds.map((w, j) => (
                  <th key={j} scope="col" className="wl-world-head" data-world={j}>
                    <span className="wl-world-name">{worldName(j)}</span>
                    <span className="wl-world-seed">seed {w.seed}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: ranks }, (_, r) => (
                <tr key={r}>
                  <th scope="row" className="wl-rank">
                    {r + 1}
                  </th>
                  {side.worlds.map((w, j) => {
                    const song = w.top[r];
                    if (song === undefined) return <td key={j} />;
                    const genre = run.genre[song] ?? 0;
                    const hit = song === highlight;
                    return (
                      <td key={j}>
                        <button
                          type="button"
                          className={hit ? 'wl-chip is-hit' : 'wl-chip'}
                          style={{ borderLeftColor: colors[genre] }}
                          data-cell={`${j}:${r}`}
                          data-song={song}
                          tabIndex={j === aw && r === ar ? 0 : -1}
                          aria-label={`${songName(song)}: rank ${r + 1} in ${worldName(j)}, ${fmtShare(w.shares[song] ?? 0)} of its clicks; genre ${genre + 1}, quality ${fmtIndex(run.quality[song] ?? 0)}`}
                          onMouseEnter={() => onHighlight(song)}
                          onClick={() => onHighlight(song)}
                          onFocus={() => {
                            setActive([j, r]);
                            onHighlight(song);
                          }}
                          onBlur={(e) => {
                            // Leaving the grid clears the highlight; moving between chips keeps it.
                            if (!table.current?.contains(e.relatedTarget as Node | null)) onHighlight(null);
                          }}
                        >
                          <span className="wl-chip-id">{song}</span>
                          <span className="wl-chip-share">{fmtShare(w.shares[song] ?? 0)}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
