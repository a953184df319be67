// Quality against impressions for every released song: SVG axes in React, the points on a canvas (fast at 50,000).
import { scaleLinear, scaleLog } from 'd3';
import { useCallback, useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { prepareCanvas, useCanvasInSight } from './canvas';
import { GEM_QUALITY, scatterPlan, type ScatterPlan } from './exposure';
import { fmtCompact, fmtInt } from './format';
import { logTicks, plotBox } from './layout';
import { drawPixels, fillSquare, packColor } from './pixels';
import { BUCKET_COLOR, INK } from './palette';
import type { SongSnapshot } from './types';
import { useElementWidth } from './useElementWidth';

/** Above this many songs points become 2 px squares: arcs would cost too much per frame. */
export const DENSE_SONGS = 5000;
/** Above this many gems rings merge into a dark smear (they crowd one corner); the shaded zone marks them instead. */
export const MAX_RINGS = 40;
const COLORS = [BUCKET_COLOR.low, BUCKET_COLOR.mid, BUCKET_COLOR.high];

/** Props of {@link ExposureScatter}. */
export interface ExposureScatterProps {
  songs: SongSnapshot;
  thresholds: readonly number[];
  gems: Uint8Array;
  /** A gem was shown fewer times than this: the top of the shaded hidden-gem zone. */
  gemLimit: number;
  gemCount: number;
  ariaLabel: string;
  height?: number;
}

const PACKED = COLORS.map((c) => packColor(c, 0.85));

/**
 * Draws the plan, the popular bucket last so it stays visible. Up to DENSE_SONGS songs are circles
 * (one path per bucket, three fills); beyond that 2 px squares written straight into pixels.
 * Gems get rings unless there are so many that rings would merge (the view shades their zone).
 */
export function drawScatter(
  ctx: CanvasRenderingContext2D,
  plan: ScatterPlan,
  cssWidth: number,
): void {
  const r = 3;
  if (plan.n > DENSE_SONGS) {
    drawPixels(ctx, cssWidth, (buf) => {
      // 3 px: small enough for 50,000 songs, big enough that the few popular ones read on a projector.
      const s = Math.max(3, Math.round(3 * buf.dpr));
      for (let b = 0; b < 3; b++) {
        for (let i = 0; i < plan.n; i++) {
          if (plan.bucket[i] === b)
            fillSquare(
              buf,
              plan.x[i]! * buf.dpr - s / 2,
              plan.y[i]! * buf.dpr - s / 2,
              s,
              PACKED[b]!,
            );
        }
      }
    });
  } else {
    ctx.globalAlpha = 0.7;
    for (let b = 0; b < 3; b++) {
      ctx.beginPath();
      for (let i = 0; i < plan.n; i++) {
        if (plan.bucket[i] !== b) continue;
        ctx.moveTo(plan.x[i]! + r, plan.y[i]!);
        ctx.arc(plan.x[i]!, plan.y[i]!, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = COLORS[b]!;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }
  let gems = 0;
  for (let i = 0; i < plan.n; i++) gems += plan.gem[i]!;
  if (gems > MAX_RINGS) return;
  ctx.beginPath();
  for (let i = 0; i < plan.n; i++) {
    if (!plan.gem[i]) continue;
    ctx.moveTo(plan.x[i]! + r + 3, plan.y[i]!);
    ctx.arc(plan.x[i]!, plan.y[i]!, r + 3, 0, 2 * Math.PI);
  }
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** Height of the never-shown band under the log axis, px. */
const ZERO_BAND = 30;

/** The scatter: x = true quality (0–1), y = impressions on a log scale with a band for 0, colour = popularity bucket. */
export function ExposureScatter({
  songs,
  thresholds,
  gems,
  gemLimit,
  gemCount,
  ariaLabel,
  height = 320,
}: ExposureScatterProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(560);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const box = plotBox(width, height);
  const zeroY = box.bottom - ZERO_BAND / 2 - 1;
  const { plan, x, y } = useMemo(() => {
    const b = plotBox(width, height);
    let maxImp = 0;
    for (let i = 0; i < songs.released; i++) maxImp = Math.max(maxImp, songs.impressions[i]!);
    const xs = scaleLinear([0, 1], [b.left + 6, b.right - 6]);
    // Impressions ≥ 1 on the log scale, 14 px clear of the zero band.
    const ys = scaleLog([1, Math.max(10, maxImp)], [b.bottom - ZERO_BAND - 14, b.top + 4]).nice();
    const zero = { y: b.bottom - ZERO_BAND / 2 - 1, spread: ZERO_BAND - 8 };
    // The same mappings as plain arithmetic: a d3 scale call per song is the slow part at 50,000.
    const [q0, q1] = xs.range() as [number, number];
    const [d0, d1] = ys.domain() as [number, number];
    const [r0, r1] = ys.range() as [number, number];
    const l0 = Math.log(d0);
    const k = (r1 - r0) / (Math.log(d1) - l0);
    const plan = scatterPlan(
      songs,
      thresholds,
      gems,
      (q) => q0 + q * (q1 - q0),
      (v) => r0 + (Math.log(v) - l0) * k,
      zero,
      6,
    );
    return { plan, x: xs, y: ys };
  }, [songs, thresholds, gems, width, height]);
  const [y0, y1] = y.domain() as [number, number];
  // Drawn while in sight; out of sight, once it comes back (views/canvas).
  const draw = useCallback(() => {
    if (!measured) return;
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (ctx) drawScatter(ctx, plan, width);
  }, [plan, width, height, measured]);
  useCanvasInSight(canvasRef, draw);
  if (!measured)
    return (
      <div ref={ref} className="vw-chart" role="img" aria-label={ariaLabel} style={{ height }} />
    );
  // Gems were shown fewer than `gemLimit` times: the zone reaches up to that count on the log axis
  // (just over the zero band while the limit is under 1, i.e. while a gem must be never shown).
  const zoneTop = gemLimit > 1 ? y(gemLimit) - 4 : box.bottom - ZERO_BAND - 2;
  return (
    <div ref={ref} className="vw-chart vw-stack" role="img" aria-label={ariaLabel}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        <rect
          x={box.left}
          y={box.bottom - ZERO_BAND}
          width={box.right - box.left}
          height={ZERO_BAND}
          className="vw-zero-band"
        />
        <AxisLeft
          box={box}
          ticks={[0, ...logTicks(y0, y1)]}
          position={(v) => (v === 0 ? zeroY : y(v))}
          format={fmtCompact}
          label="times shown (log)"
        />
        <AxisBottom
          box={box}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          position={x}
          format={(v) => v.toFixed(1)}
          label="true quality (0 = worst, 1 = best)"
        />
        {gemCount > 0 && (
          // The hidden-gem zone: top quality, (almost) no impressions. Drawn under the points.
          <g>
            <rect
              x={x(GEM_QUALITY) - 5}
              y={zoneTop}
              width={x(1) - x(GEM_QUALITY) + 10}
              height={box.bottom - zoneTop}
              className="vw-gem-zone"
              rx={4}
            />
          </g>
        )}
      </svg>
      <canvas ref={canvasRef} className="vw-canvas" style={{ width, height }} aria-hidden="true" />
      {/* Labels over the points (the canvas), each with a white halo, so the dots never hide them. */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="vw-overlay"
        aria-hidden="true"
      >
        {gemCount > 0 && (
          <text x={x(1) + 5} y={zoneTop - 6} textAnchor="end" className="vw-annot vw-gem-label">
            {`${fmtInt(gemCount)} hidden gem${gemCount === 1 ? '' : 's'}`}
          </text>
        )}
        <text x={box.left + 6} y={box.bottom - ZERO_BAND - 5} className="vw-annot">
          never shown ↓
        </text>
      </svg>
    </div>
  );
}
