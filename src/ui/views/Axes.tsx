// Axes rendered by React from d3 scales: ticks, light gridlines and an axis title with its unit.
import type { PlotBox } from './layout';

/** Props shared by both axes. */
export interface AxisProps {
  box: PlotBox;
  ticks: readonly number[];
  /** Maps a value to its pixel position along the axis. */
  position: (value: number) => number;
  format: (value: number) => string;
  /** Axis title, including the unit, e.g. "plays + 1 (log scale)". */
  label: string;
  /** Draw gridlines across the plot (default true). */
  grid?: boolean;
}

/** The x axis under the plot, with vertical gridlines. */
export function AxisBottom({ box, ticks, position, format, label, grid = true }: AxisProps) {
  return (
    <g className="vw-axis" aria-hidden="true">
      <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} className="vw-axis-line" />
      {ticks.map((t) => {
        const x = position(t);
        return (
          <g key={t} transform={`translate(${x},0)`}>
            {grid && <line y1={box.top} y2={box.bottom} className="vw-grid" />}
            <line y1={box.bottom} y2={box.bottom + 5} className="vw-axis-line" />
            <text y={box.bottom + 20} textAnchor="middle" className="vw-tick">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text
        x={(box.left + box.right) / 2}
        y={box.height - 6}
        textAnchor="middle"
        className="vw-axis-label"
      >
        {label}
      </text>
    </g>
  );
}

/** The y axis left of the plot, with horizontal gridlines and a rotated title. */
export function AxisLeft({ box, ticks, position, format, label, grid = true }: AxisProps) {
  return (
    <g className="vw-axis" aria-hidden="true">
      {ticks.map((t) => {
        const y = position(t);
        return (
          <g key={t} transform={`translate(0,${y})`}>
            {grid && <line x1={box.left} x2={box.right} className="vw-grid" />}
            <text x={box.left - 7} dy="0.32em" textAnchor="end" className="vw-tick">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text
        transform={`translate(15,${(box.top + box.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="vw-axis-label"
      >
        {label}
      </text>
    </g>
  );
}
