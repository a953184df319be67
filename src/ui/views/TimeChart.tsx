// The shared time chart: step on x (0..steps), one or more metric lines, markers, hover and keyboard read-out.
import { area, line, scaleLinear } from 'd3';
import { memo, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { plotBox, tickCount, type Margin, MARGIN, TICK_GAP, TITLE_BAND } from './layout';
import { layoutMarkers, Markers, markerStrip } from './Markers';
import { tickMeter } from './textFit';
import { decimate, nearestPoint, valueAt, type Point, type Series } from './timeSeries';
import { Tooltip } from './Tooltip';
import type { Marker } from './types';
import { useElementWidth } from './useElementWidth';

/** Props of {@link TimeChart}. */
export interface TimeChartProps {
  series: readonly Series[];
  /** Planned run length: the x axis always spans 0..steps so progress is visible. */
  steps: number;
  markers: readonly Marker[];
  yDomain: readonly [number, number];
  /**
   * Tick labels: a d3 format type such as '%', ',' or 'f' lets the scale pick the precision that
   * the ticks need (so 0.1% and 0.2% never both print as "0%"); a function is used as is.
   */
  yFormat: string | ((v: number) => string);
  /** Read-out values on hover and focus, e.g. "21.3%". */
  valueFormat: (v: number) => string;
  /** y axis title with unit. */
  yLabel: string;
  /** Summary for screen readers, e.g. "Gini 0.91 at step 60, up from 0.86". */
  ariaLabel: string;
  height?: number;
  margin?: Margin;
  /** Marker text on (default) or off for tiny panels. */
  markerLabels?: boolean;
  /**
   * Said inside the empty plot while no series has a value yet (e.g. "This line starts at step 1"),
   * so empty axes are never read as a zero.
   */
  note?: string;
  /** Shaded ranges drawn under the lines, e.g. the 10–90% band over seeds of each arm. */
  bands?: readonly Band[];
}

/** A shaded range over steps: from `lo` to `hi` at each point. */
export interface Band {
  readonly id: string;
  readonly color: string;
  readonly points: readonly { readonly t: number; readonly lo: number; readonly hi: number }[];
}

const bandPath = (band: Band, x: (t: number) => number, y: (v: number) => number) =>
  area<Band['points'][number]>()
    .digits(1)
    .x((p) => x(p.t))
    .y0((p) => y(p.lo))
    .y1((p) => y(p.hi))(band.points as Band['points'][number][]) ?? '';

const pathOf = (points: readonly Point[], x: (t: number) => number, y: (v: number) => number) =>
  line<Point>()
    .digits(1)
    .defined((p) => p.v !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.v!))(points as Point[]) ?? '';

/** Scales, ticks, marker layout and paths: everything drawn that does not depend on the hover. */
function geometry(
  series: readonly Series[],
  steps: number,
  markers: readonly Marker[],
  yDomain: readonly [number, number],
  yFormatSpec: string | ((v: number) => string),
  width: number,
  height: number,
  margin: Margin,
  markerLabels: boolean,
  bands: readonly Band[],
) {
  const first = series[0]?.points ?? [];
  const lastT = first.at(-1)?.t ?? 0;
  // Ticks and their labels depend on the domain only, so they come first: the left margin grows
  // with the widest label ("1,500", "100%"), keeping the rotated axis title clear of them.
  const yCount = height < 200 ? 3 : 5;
  const yNice = scaleLinear().domain(yDomain).nice(4);
  const yTicks = yNice.ticks(yCount);
  const yFormat =
    typeof yFormatSpec === 'string' ? yNice.tickFormat(yCount, yFormatSpec) : yFormatSpec;
  const tickWidth = Math.max(0, ...yTicks.map((t) => tickMeter.width(yFormat(t))));
  const m = {
    ...margin,
    left: Math.max(margin.left, Math.ceil(tickWidth) + TICK_GAP + TITLE_BAND),
  };
  // The plot's left and right do not depend on its top, so the marker labels are laid out next
  // and the strip above the plot gets as many rows as they need.
  const outer = plotBox(width, height, m);
  const x = scaleLinear([0, Math.max(1, steps, lastT)], [outer.left, outer.right]);
  // Labels keep clear of the band of the rotated y axis title, which on a short plot reaches up
  // into the strip.
  const marks = layoutMarkers(
    markers,
    x,
    TITLE_BAND,
    width - 2,
    markerLabels ? (height < 200 ? 2 : 3) : 0,
  );
  const box = plotBox(width, height, { ...m, top: m.top + markerStrip(marks.lanes) });
  const y = scaleLinear(yNice.domain(), [box.bottom, box.top]);
  const xTicks = x.ticks(tickCount(box.right - box.left)).filter(Number.isInteger);
  // Long histories are thinned to a few points per pixel column: same picture, far shorter paths.
  const paths = series.map((s) => pathOf(decimate(s.points, x, box.right - box.left), x, y));
  const bandPaths = bands.map((b) => bandPath(b, x, y));
  return { first, x, y, box, marks, xTicks, yTicks, yFormat, paths, bandPaths };
}

const NO_BANDS: readonly Band[] = [];

/**
 * A responsive line chart over steps; hover or focus + arrow keys show the values at a step.
 * Memoised, and its geometry too: pass `series` and `yDomain` that keep their identity while the
 * data is unchanged, and scales, ticks, marker layout and paths are computed once per new data
 * and size, not again for every pointer move.
 */
export const TimeChart = memo(function TimeChart(props: TimeChartProps) {
  const {
    series,
    steps,
    markers,
    yDomain,
    yFormat: yFormatSpec,
    valueFormat,
    yLabel,
    ariaLabel,
    height = 240,
    margin = MARGIN,
    markerLabels = true,
    note,
    bands = NO_BANDS,
  } = props;
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(560);
  const [hoverT, setHoverT] = useState<number | null>(null);
  const g = useMemo(
    () =>
      geometry(series, steps, markers, yDomain, yFormatSpec, width, height, margin, markerLabels, bands),
    [series, steps, markers, yDomain, yFormatSpec, width, height, margin, markerLabels, bands],
  );
  const { first, x, y, box } = g;

  const moveTo = (t: number) => setHoverT(nearestPoint(first, t)?.t ?? null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    // The viewBox equals the measured width, but scale anyway in case CSS stretched the SVG.
    const px = ((e.clientX - rect.left) * width) / (rect.width || width);
    moveTo(x.invert(px));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = first.findIndex((p) => p.t === hoverT);
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const next = i < 0 ? first.length - 1 : i + (e.key === 'ArrowLeft' ? -1 : 1);
      setHoverT(first[Math.max(0, Math.min(first.length - 1, next))]?.t ?? null);
    } else if (e.key === 'Escape') setHoverT(null);
  };

  const hasValue = series.some((s) => s.points.some((p) => p.v !== null));
  const hx = hoverT === null ? 0 : x(hoverT);
  const change = hoverT === null ? undefined : markers.find((m) => m.t === hoverT);
  return (
    <div
      ref={ref}
      className="vw-chart"
      tabIndex={0}
      role="img"
      aria-label={ariaLabel}
      onKeyDown={onKeyDown}
      onFocus={() => hoverT === null && setHoverT(first.at(-1)?.t ?? null)}
      onBlur={() => setHoverT(null)}
      style={measured ? undefined : { height }}
    >
      {measured && (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHoverT(null)}
          aria-hidden="true"
        >
          <AxisLeft box={box} ticks={g.yTicks} position={y} format={g.yFormat} label={yLabel} />
          <AxisBottom box={box} ticks={g.xTicks} position={x} format={String} label="step" />
          <Markers box={box} layout={g.marks} />
          {bands.map((b, i) => (
            <path key={b.id} d={g.bandPaths[i]} fill={b.color} fillOpacity={0.16} stroke="none" />
          ))}
          {series.map((s, i) => (
            <path
              key={s.id}
              d={g.paths[i]}
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              strokeDasharray={s.dash}
              strokeLinejoin="round"
            />
          ))}
          {series.map((s) => {
            // A dot on the latest value: visible even when the series has a single point so far.
            const p = s.points.at(-1);
            return p && p.v !== null ? (
              <circle key={s.id} cx={x(p.t)} cy={y(p.v)} r={3.5} fill={s.color} />
            ) : null;
          })}
          {hoverT !== null && (
            <g className="vw-hover">
              <line x1={hx} x2={hx} y1={box.top} y2={box.bottom} className="vw-hover-line" />
              {series.map((s) => {
                const v = valueAt(s.points, hoverT);
                return v === null ? null : (
                  <circle
                    key={s.id}
                    cx={hx}
                    cy={y(v)}
                    r={5}
                    fill="#fff"
                    stroke={s.color}
                    strokeWidth={2.5}
                  />
                );
              })}
            </g>
          )}
        </svg>
      )}
      {measured && note && !hasValue && (
        <div
          className="vw-chart-note"
          aria-hidden="true"
          style={{
            left: box.left,
            top: box.top,
            width: box.right - box.left,
            height: box.bottom - box.top,
          }}
        >
          <span>{note}</span>
        </div>
      )}
      {measured && hoverT !== null && (
        <Tooltip
          x={hx}
          y={box.top}
          containerWidth={width}
          title={`Step ${hoverT}`}
          rows={series.map((s) => {
            const v = valueAt(s.points, hoverT);
            return {
              label: s.label,
              value: v === null ? 'n/a' : (s.format ?? valueFormat)(v),
              color: s.color,
            };
          })}
          note={change?.label}
        />
      )}
    </div>
  );
});
