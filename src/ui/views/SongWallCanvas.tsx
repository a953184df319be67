// The song wall on a canvas (50,000 cells stay fast) with a React hover read-out mapped from the pointer.
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { prepareCanvas } from './canvas';
import { fmtIndex, fmtInt } from './format';
import { cellAt, drawWall, genreCounts, wallLayout, wallOrder, wallPlan } from './songWall';
import { Tooltip } from './Tooltip';
import type { SongSnapshot } from './types';
import { useElementWidth } from './useElementWidth';

/** Props of {@link SongWallCanvas}. */
export interface SongWallCanvasProps {
  songs: SongSnapshot;
  genres: number;
  ariaLabel: string;
}

/** Every released song as a square, grouped by genre; hover names the song under the pointer. */
export function SongWallCanvas({ songs, genres, ariaLabel }: SongWallCanvasProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(560);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ id: number; x: number; y: number } | null>(null);
  // Genres never change within a run and songs are only added, so the grid is rebuilt only when
  // the catalog grows, the genre count changes or the wall is resized: not on every snapshot.
  const { genre, released } = songs;
  const layout = useMemo(() => {
    const catalog = { genre, released };
    return wallLayout(wallOrder(catalog, genres), genreCounts(catalog, genres), width);
  }, [genre, released, genres, width]);
  const plan = useMemo(() => wallPlan(songs, layout.slots, genres), [songs, layout, genres]);

  useEffect(() => {
    if (!measured) return;
    const canvas = canvasRef.current;
    const ctx = prepareCanvas(canvas, layout.width, layout.height);
    if (ctx && canvas) drawWall(ctx, plan, layout, canvas.width / Math.max(1, layout.width));
  }, [plan, layout, measured]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = layout.width / (rect.width || layout.width);
    const x = (e.clientX - rect.left) * scale;
    const y = (e.clientY - rect.top) * scale;
    const id = cellAt(x, y, layout);
    setHover(id === null ? null : { id, x, y });
  };

  const id = hover?.id;
  if (!measured)
    return (
      <div
        ref={ref}
        className="vw-wall"
        role="img"
        aria-label={ariaLabel}
        style={{ height: 240 }}
      />
    );
  return (
    <div ref={ref} className="vw-wall" role="img" aria-label={ariaLabel} tabIndex={0}>
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
