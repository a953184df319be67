// The Lorenz curve of plays: how far it bows below the diagonal is how unequal plays are.
import { area, line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { fmtPct, fmtPctTick } from './format';
import { plotBox } from './layout';
import { lorenzPoints, type XY } from './inequality';
import { ACCENT, MUTED } from './palette';
import { useElementWidth } from './useElementWidth';

/** Props of {@link LorenzChart}: plays of the released songs, sorted ascending. */
export interface LorenzChartProps {
  sorted: Float64Array;
  /** The step the plays are from, for the text alternative. */
  step?: number;
  /** How the Gini moved since step 0, appended to the text alternative. */
  trend?: string;
  height?: number;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Share of songs (least played first) against the share of plays they hold, with the line of equality. */
export function LorenzChart({ sorted, step = 0, trend = '', height = 240 }: LorenzChartProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(360);
  // Once per snapshot and size: the curve, its scales and paths.
  const g = useMemo(() => {
    const points = lorenzPoints(sorted, 400);
    const box = plotBox(width, height);
    const x = scaleLinear([0, 1], [box.left, box.right]);
    const y = scaleLinear([0, 1], [box.bottom, box.top]);
    const path =
      line<XY>()
        .digits(1)
        .x((p) => x(p.x))
        .y((p) => y(p.y))(points) ?? '';
    // The gap between equality and the curve is what the Gini measures (twice its area).
    const gap =
      area<XY>()
        .digits(1)
        .x((p) => x(p.x))
        .y0((p) => y(p.x))
        .y1((p) => y(p.y))(points) ?? '';
    const half = points.find((p) => p.x >= 0.5)?.y ?? 0;
    return { box, x, y, path, gap, half };
  }, [sorted, width, height]);
  const { box, x, y } = g;
  const label = `Lorenz curve of plays at step ${step}: the least played half of the songs holds ${fmtPct(g.half)} of all plays.${trend ? ` ${trend}` : ''}`;
  const ticks = TICKS;
  if (!measured)
    return <div ref={ref} className="vw-chart" role="img" aria-label={label} style={{ height }} />;
  return (
    <div ref={ref} className="vw-chart" role="img" aria-label={label}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        <AxisLeft box={box} ticks={ticks} position={y} format={fmtPctTick} label="share of plays" />
        <AxisBottom
          box={box}
          ticks={ticks}
          position={x}
          format={fmtPctTick}
          label="share of songs, least played first"
        />
        <path d={g.gap} fill={ACCENT} opacity={0.12} />
        <line
          x1={x(0)}
          y1={y(0)}
          x2={x(1)}
          y2={y(1)}
          stroke={MUTED}
          strokeWidth={1.5}
          strokeDasharray="4 4"
        />
        <text
          x={x(0.36)}
          y={y(0.36) - 8}
          className="vw-annot"
          transform={`rotate(${-angle(box)} ${x(0.36)} ${y(0.36) - 8})`}
          textAnchor="middle"
        >
          equal plays
        </text>
        <path d={g.path} fill="none" stroke={ACCENT} strokeWidth={2.5} strokeLinejoin="round" />
      </svg>
    </div>
  );
}

/** The on-screen angle of the diagonal, so its label runs along it. */
function angle(box: { left: number; right: number; top: number; bottom: number }): number {
  return (Math.atan2(box.bottom - box.top, box.right - box.left) * 180) / Math.PI;
}
