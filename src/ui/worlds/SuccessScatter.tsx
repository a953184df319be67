// Each song's success against its quality in every world of one side: d3 scales, React SVG, the highlighted song's points on top.
import { scaleLinear, scaleLog, type Quadtree } from 'd3';
import { memo, useMemo, useRef, type PointerEvent } from 'react';
import type { WorldsRun, WorldsSide } from '../../state/worlds';
import { AxisBottom, AxisLeft } from '../views/Axes';
import { logTicks, plotBox, type Margin, type PlotBox } from '../views/layout';
import { INK } from '../views/palette';
import { useElementWidth } from '../views/useElementWidth';
import { genrePaths, pointTree, type ScatterPoint, type ScatterScales } from './scatterPlan';
import { fmtShare, scatterSummary, songName } from './worldsText';

/** Left margin for tick labels as long as 0.0001% and the rotated axis title beside them. */
const MARGIN: Margin = { top: 14, right: 14, bottom: 46, left: 84 };
/** Height of the band under the log axis for songs nobody clicked, px. */
const ZERO_BAND = 22;
/** How near (px) the pointer must come to a point to highlight its song. */
const PICK_RADIUS = 14;

/** The smallest share above 0 and the largest, over both sides: the y axis, shared so the scatters compare by eye. */
export interface ShareRange {
  readonly min: number;
  readonly max: number;
}

export interface SuccessScatterProps {
  run: WorldsRun;
  side: WorldsSide;
  shares: ShareRange;
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

/** Every point, drawn once per run, size and domain: hovering redraws only the highlight layer. */
const Points = memo(function Points({ paths, colors }: { paths: readonly string[]; colors: readonly string[] }) {
  return (
    <g className="wl-points">
      {paths.map((d, g) => (d ? <path key={g} d={d} fill={colors[g]} /> : null))}
    </g>
  );
});

export function SuccessScatter({ run, side, shares, colors, highlight, onHighlight, height = 300 }: SuccessScatterProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(480);
  const box = plotBox(width, height, MARGIN);
  const { x, y, log } = useMemo(() => scalesFor(plotBox(width, height, MARGIN), shares), [width, height, shares]);
  const scales = useMemo<ScatterScales>(() => ({ x: (q) => x(q), y: (s) => y(s) }), [x, y]);
  const paths = useMemo(() => genrePaths(side, run.quality, run.genre, run.genres, scales), [side, run, scales]);
  // The quadtree is built on the first pointer move, not for a scatter nobody points at.
  const tree = useRef<{ scales: ScatterScales; tree: Quadtree<ScatterPoint> } | null>(null);
  const pick = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / Math.max(1, rect.width)) * width;
    const py = ((event.clientY - rect.top) / Math.max(1, rect.height)) * height;
    if (tree.current?.scales !== scales) tree.current = { scales, tree: pointTree(side, run.quality, scales) };
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
    <div ref={ref} className="wl-scatter" role="img" aria-label={highlight === null ? label : `${label} ${songName(highlight)} is highlighted.`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        aria-hidden="true"
        onPointerMove={pick}
        onPointerLeave={() => onHighlight(null)}
      >
        <rect x={box.left} y={box.bottom - ZERO_BAND} width={box.right - box.left} height={ZERO_BAND} className="vw-zero-band" />
        <AxisLeft box={box} ticks={yTicks} position={y} format={fmtShare} label="share of the run's clicks (log)" />
        <AxisBottom box={box} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} position={x} format={(v) => v.toFixed(1)} label="true quality (0 = worst, 1 = best)" />
        <g className={highlight === null ? 'wl-points-wrap' : 'wl-points-wrap is-dimmed'}>
          <Points paths={paths} colors={colors} />
        </g>
        {highlight !== null && (
          <g className="wl-hit-points">
            {hits.map((h) => (
              <circle key={h.key} cx={h.cx} cy={h.cy} r={5.5} fill={colors[run.genre[highlight] ?? 0]} stroke={INK} strokeWidth={1.5} />
            ))}
            <text x={hits[0]?.cx ?? 0} y={Math.max(box.top + 12, top - 10)} textAnchor={(hits[0]?.cx ?? 0) > (box.left + box.right) / 2 ? 'end' : 'start'} className="vw-annot wl-hit-label">
              {songName(highlight)}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
