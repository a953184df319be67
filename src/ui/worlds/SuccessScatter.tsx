// Each song's success against its quality in every world of one side: d3 scales, React SVG axes, the points on a
// canvas under the highlighted song's points.
import { scaleLinear, scaleLog, type Quadtree } from 'd3';
import { useCallback, useMemo, useRef, type PointerEvent } from 'react';
import type { SideId, WorldsRun } from '../../state/worlds';
import { AxisBottom, AxisLeft } from '../views/Axes';
import { prepareCanvas, useCanvasInSight } from '../views/canvas';
import { logTicks, plotBox, type Margin, type PlotBox } from '../views/layout';
import { INK } from '../views/palette';
import { useElementWidth } from '../views/useElementWidth';
import { drawCells, genreCells, pointTree, shareRange, type ScatterPoint, type ScatterScales, type ShareRange } from './scatterPlan';
import { fmtShare, scatterSummary, songName } from './worldsText';

/** Left margin for tick labels as long as 0.0001% and the rotated axis title beside them. */
const MARGIN: Margin = { top: 14, right: 14, bottom: 46, left: 84 };
/** Height of the band under the log axis for songs nobody clicked, px. */
const ZERO_BAND = 22;
/** How near (px) the pointer must come to a point to highlight its song. */
const PICK_RADIUS = 14;

export interface SuccessScatterProps {
  /** The run drawn (both sides set the shared y axis); null: the scatter's place, waiting for its turn. */
  run: WorldsRun | null;
  side: SideId;
  colors: readonly string[];
  highlight: number | null;
  onHighlight(song: number | null): void;
  height?: number;
}

function scalesFor(box: PlotBox, shares: ShareRange) {
  const x = scaleLinear([0, 1], [box.left + 4, box.right - 4]);
  // A log axis: shares run from a few clicks in a million to a quarter of all clicks, and the
  // interesting part is how the small ones spread. A song nobody clicked sits in the band below.
  // The bottom goes down to a power of ten; the top stops a little above the largest share, so a
  // 27% hit does not leave the top of the chart empty up to 100%.
  const lo = 10 ** Math.floor(Math.log10(shares.min > 0 ? shares.min : 1e-6));
  const log = scaleLog([lo, Math.max(Math.min(1, shares.max * 1.25), lo * 10)], [box.bottom - ZERO_BAND - 8, box.top + 2]);
  const zeroY = box.bottom - ZERO_BAND / 2;
  const y = (share: number) => (share > 0 ? log(share) : zeroY);
  return { x, log, y, zeroY };
}

const NO_SHARES: ShareRange = { min: 0, max: 0 };

export function SuccessScatter({ run, side: sideId, colors, highlight, onHighlight, height = 300 }: SuccessScatterProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(480);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const side = run?.[sideId] ?? null;
  const shares = run ? shareRange(run) : NO_SHARES;
  const box = plotBox(width, height, MARGIN);
  const { x, y, log } = useMemo(() => scalesFor(plotBox(width, height, MARGIN), shares), [width, height, shares]);
  const scales = useMemo<ScatterScales>(() => ({ x: (q) => x(q), y: (s) => y(s) }), [x, y]);
  // The points are placed and drawn after the render, once the width is known (never at the width
  // guessed before measuring), once per run, size and domain (hovering redraws only the highlight
  // layer), and out of sight only once the scatter comes near the screen (views/canvas).
  const draw = useCallback(() => {
    if (!measured || !run || !side) return;
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (ctx) drawCells(ctx, genreCells(side, run.quality, run.genre, run.genres, scales), colors);
  }, [measured, run, side, scales, colors, width, height]);
  useCanvasInSight(canvasRef, draw);
  // The quadtree is built on the first pointer move, not for a scatter nobody points at.
  const tree = useRef<{ scales: ScatterScales; side: typeof side; tree: Quadtree<ScatterPoint> } | null>(null);
  if (!run || !side) return <div ref={ref} className="wl-scatter" style={{ height }} />;
  const pick = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / Math.max(1, rect.width)) * width;
    const py = ((event.clientY - rect.top) / Math.max(1, rect.height)) * height;
    if (tree.current?.scales !== scales || tree.current.side !== side) tree.current = { scales, side, tree: pointTree(side, run.quality, scales) };
    const found = tree.current.tree.find(px, py, PICK_RADIUS);
    onHighlight(found ? found.song : null);
  };
  const label = scatterSummary(run, side);
  if (!measured) return <div ref={ref} className="wl-scatter" role="img" aria-label={label} style={{ height }} />;
  const [yMin, yMax] = log.domain() as [number, number];
  const yTicks = [0, ...logTicks(yMin, yMax)];
  const hits =
    highlight === null
      ? []
      : side.worlds.map((w, j) => ({ key: j, cx: x(run.quality[highlight] ?? 0), cy: y(w.shares[highlight] ?? 0) }));
  const top = hits.reduce((m, h) => Math.min(m, h.cy), Infinity);
  return (
    <div
      ref={ref}
      className="wl-scatter"
      role="img"
      aria-label={highlight === null ? label : `${label} ${songName(highlight)} is highlighted.`}
      onPointerMove={pick}
      onPointerLeave={() => onHighlight(null)}
    >
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} aria-hidden="true">
        <rect x={box.left} y={box.bottom - ZERO_BAND} width={box.right - box.left} height={ZERO_BAND} className="vw-zero-band" />
        <AxisLeft box={box} ticks={yTicks} position={y} format={fmtShare} label="share of the run's clicks (log)" />
        <AxisBottom box={box} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} position={x} format={(v) => v.toFixed(1)} label="true quality (0 = worst, 1 = best)" />
      </svg>
      {/* Every point, one square per genre and pixel cell, over the axes as the SVG drew them. */}
      <canvas
        ref={canvasRef}
        className={highlight === null ? 'vw-canvas wl-points' : 'vw-canvas wl-points is-dimmed'}
        style={{ width, height }}
        aria-hidden="true"
      />
      {highlight !== null && (
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="vw-overlay wl-hit-points" aria-hidden="true">
          {hits.map((h) => (
            <circle key={h.key} cx={h.cx} cy={h.cy} r={5.5} fill={colors[run.genre[highlight] ?? 0]} stroke={INK} strokeWidth={1.5} />
          ))}
          <text x={hits[0]?.cx ?? 0} y={Math.max(box.top + 12, top - 10)} textAnchor={(hits[0]?.cx ?? 0) > (box.left + box.right) / 2 ? 'end' : 'start'} className="vw-annot wl-hit-label">
            {songName(highlight)}
          </text>
        </svg>
      )}
    </div>
  );
}
