// The shared time chart: step on x (0..steps), one or more metric lines, markers, hover and keyboard read-out.
import { line, scaleLinear } from 'd3';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { plotBox, tickCount, type Margin, MARGIN } from './layout';
import { MARKER_STRIP, Markers } from './Markers';
import { nearestPoint, valueAt, type Point, type Series } from './timeSeries';
import { Tooltip } from './Tooltip';
import type { Marker } from './types';
import { useElementWidth } from './useElementWidth';

/** Props of {@link TimeChart}. */
export interface TimeChartProps {
  series: readonly Series[];
  /** Planned run length: the x axis always spans 0..steps so progress is visible. */
  steps: number;
  markers: readonly Marker[];
  yDomain: [number, number];
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
}

const pathOf = (points: readonly Point[], x: (t: number) => number, y: (v: number) => number) =>
  line<Point>()
    .defined((p) => p.v !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.v!))(points as Point[]) ?? '';

/** A responsive line chart over steps; hover or focus + arrow keys show the values at a step. */
export function TimeChart(props: TimeChartProps) {
  const {
    series,
    steps,
    markers,
    valueFormat,
    yLabel,
    ariaLabel,
    height = 240,
    margin = MARGIN,
    markerLabels = true,
  } = props;
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const [hoverT, setHoverT] = useState<number | null>(null);
  const labelled = markerLabels && markers.length > 0;
  const box = plotBox(
    width,
    height,
    labelled ? { ...margin, top: margin.top + MARKER_STRIP } : margin,
  );
  const first = series[0]?.points ?? [];
  const lastT = first.at(-1)?.t ?? 0;
  const x = scaleLinear([0, Math.max(1, steps, lastT)], [box.left, box.right]);
  const y = scaleLinear(props.yDomain, [box.bottom, box.top]).nice(4);
  const xTicks = x.ticks(tickCount(box.right - box.left)).filter(Number.isInteger);
  const yCount = height < 200 ? 3 : 5;
  const yTicks = y.ticks(yCount);
  const yFormat =
    typeof props.yFormat === 'string' ? y.tickFormat(yCount, props.yFormat) : props.yFormat;

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

  const hx = hoverT === null ? 0 : x(hoverT);
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
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHoverT(null)}
        aria-hidden="true"
      >
        <AxisLeft box={box} ticks={yTicks} position={y} format={yFormat} label={yLabel} />
        <AxisBottom box={box} ticks={xTicks} position={x} format={String} label="step" />
        <Markers box={box} markers={markers} x={x} showLabels={markerLabels} />
        {series.map((s) => (
          <path
            key={s.id}
            d={pathOf(s.points, x, y)}
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
      {hoverT !== null && (
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
        />
      )}
    </div>
  );
}
