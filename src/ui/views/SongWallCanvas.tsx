// The song wall on a canvas (50,000 cells stay fast) with a React hover read-out mapped from the pointer.
import { useCallback, useMemo, useRef, useState, type PointerEvent } from 'react';
import { prepareCanvas, useCanvasInSight } from './canvas';
import { fmtIndex, fmtInt } from './format';
import { drawWall, type WallPlan } from './songWall';
import { cellAt, genreCounts, wallLayout, wallOrder, type WallLayout } from './wallLayout';
import { useScaledToFit } from './scaledToFit';
import { Tooltip } from './Tooltip';
import type { SongSnapshot } from './types';

/** Width of the genre labels left of the wall, px: "Genre 10" on a wide card, "G10" on a phone. */
export function gutterWidth(width: number): number {
  return width < 480 ? 34 : 66;
}

/**
 * Height the wall fits when a parent scales it to fit (present mode): about the same at every width,
 * so present mode's fit search measures the height the wall will have at the width it picks.
 */
export const SCALED_WALL_HEIGHT = 320;

/** The grid of a wall `width` px wide (labels included) holding `songs`, grouped by genre. */
export function useWallLayout(songs: SongSnapshot, genres: number, width: number): WallLayout {
  const scaled = useScaledToFit();
  // Genres never change within a run and songs are only added, so the grid is rebuilt only when
  // the catalog grows, the genre count changes or the wall is resized: not on every snapshot.
  const { genre, released } = songs;
  return useMemo(() => {
    const catalog = { genre, released };
    return wallLayout(
      wallOrder(catalog, genres),
      genreCounts(catalog, genres),
      width - gutterWidth(width),
      scaled ? SCALED_WALL_HEIGHT : undefined,
    );
  }, [genre, released, genres, width, scaled]);
}

/** Props of {@link SongWallCanvas}. */
export interface SongWallCanvasProps {
  songs: SongSnapshot;
  layout: WallLayout;
  plan: WallPlan;
  /** The wall's outer width (labels + grid), measured by the view. */
  width: number;
  ariaLabel: string;
  /** False until the view has measured its width: nothing is drawn at the fallback width. */
  drawn?: boolean;
}

/** Labels of a genre band shorter than this, px, would overlap the next: the band keeps its bracket only. */
const MIN_LABEL_HEIGHT = 12;

/**
 * Every released song as a square, grouped by genre, with each genre's band labelled on the left;
 * hover names the song under the pointer.
 */
export function SongWallCanvas({
  songs,
  layout,
  plan,
  width,
  ariaLabel,
  drawn = true,
}: SongWallCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ id: number; x: number; y: number } | null>(null);
  const gutter = gutterWidth(width);
  const short = gutter < 60;

  // Drawn while in sight; out of sight, once it comes back (views/canvas).
  const draw = useCallback(() => {
    if (!drawn) return;
    const canvas = canvasRef.current;
    const ctx = prepareCanvas(canvas, layout.width, layout.height);
    if (ctx && canvas) drawWall(ctx, plan, layout, canvas.width / Math.max(1, layout.width));
  }, [plan, layout, drawn]);
  useCanvasInSight(canvasRef, draw);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = layout.width / (rect.width || layout.width);
    const x = (e.clientX - rect.left) * scale;
    const y = (e.clientY - rect.top) * scale;
    const id = cellAt(x, y, layout);
    setHover(id === null ? null : { id, x, y });
  };

  const id = hover?.id;
  return (
    <div className="vw-wall" role="img" aria-label={ariaLabel} tabIndex={0}>
      <div
        className="vw-wall-genres"
        style={{ width: gutter, height: layout.height }}
        aria-hidden="true"
      >
        {layout.bands.map((b) => {
          const name = `Genre ${b.genre + 1}`;
          // The band's bracket spans its rows, 1 px short at each end so neighbours read apart.
          const height = b.rows * layout.pitch - (layout.pitch - layout.cell) - 2;
          return (
            <span
              key={b.genre}
              className="vw-wall-band"
              style={{ top: b.row * layout.pitch + 1, height }}
              title={name}
            >
              {height >= MIN_LABEL_HEIGHT ? (short ? `G${b.genre + 1}` : name) : ''}
            </span>
          );
        })}
      </div>
      <div className="vw-stack" style={{ width: layout.width, height: layout.height }}>
        <canvas
          ref={canvasRef}
          className="vw-canvas vw-canvas-live"
          style={{ width: layout.width, height: layout.height }}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        />
        {hover && id !== undefined && (
          <>
            <div
              className="vw-cell-ring"
              style={{
                left: Math.floor(hover.x / layout.pitch) * layout.pitch - 2,
                top: Math.floor(hover.y / layout.pitch) * layout.pitch - 2,
                width: layout.cell + 4,
                height: layout.cell + 4,
              }}
            />
            <Tooltip
              x={hover.x}
              y={hover.y + 12}
              containerWidth={layout.width}
              title={`Song ${id}`}
              rows={[
                { label: 'Genre', value: `Genre ${songs.genre[id]! + 1}` },
                { label: 'Quality', value: fmtIndex(songs.quality[id]!) },
                { label: 'Plays', value: fmtInt(songs.plays[id]!) },
                { label: 'Impressions', value: fmtInt(songs.impressions[id]!) },
              ]}
            />
          </>
        )}
      </div>
    </div>
  );
}
