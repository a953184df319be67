// A small time-series chart: d3 computes scales and the path, React renders the SVG.
import { line, scaleLinear } from 'd3';

export interface LineChartProps {
  /** Points (x, y); a null y leaves a gap instead of drawing a misleading zero. */
  points: ReadonlyArray<{ x: number; y: number | null }>;
  xMax: number;
  yDomain: [number, number];
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 72 };

export function LineChart({ points, xMax, yDomain, xLabel, yLabel, width = 560, height = 260 }: LineChartProps) {
  const x = scaleLinear([0, Math.max(1, xMax)], [MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]).nice();
  const yFormat = y.tickFormat(5);
  const path = line<{ x: number; y: number | null }>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.x))
    .y((p) => y(p.y ?? 0))(points as { x: number; y: number | null }[]);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${yLabel} by ${xLabel}`} className="chart">
      <g aria-hidden="true">
        {x.ticks(6).map((tick) => (
          <g key={`x${tick}`} transform={`translate(${x(tick)},0)`}>
            <line y1={MARGIN.top} y2={height - MARGIN.bottom} className="grid" />
            <text y={height - MARGIN.bottom + 18} textAnchor="middle" className="tick">{tick}</text>
          </g>
        ))}
        {y.ticks(5).map((tick) => (
          <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} className="grid" />
            <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end" className="tick">{yFormat(tick)}</text>
          </g>
        ))}
        <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 4} textAnchor="middle" className="axis-label">{xLabel}</text>
        <text transform={`translate(18,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">{yLabel}</text>
      </g>
      {path && <path d={path} className="series" />}
    </svg>
  );
}
