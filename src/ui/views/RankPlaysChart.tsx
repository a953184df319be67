// Songs ranked by plays on log–log axes: a straight, steep line is the signature of a long tail.
import { area, line, scaleLog } from 'd3';
import { useMemo } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { fmtCompact, fmtInt } from './format';
import { logTicks, plotBox } from './layout';
import { rankCurve, type XY } from './inequality';
import { ACCENT } from './palette';
import { useElementWidth } from './useElementWidth';

/** Props of {@link RankPlaysChart}: plays of the released songs, sorted ascending. */
export interface RankPlaysChartProps {
  sorted: Float64Array;
  /** The step the plays are from, for the text alternative. */
  step?: number;
  /** How the top songs' share moved since step 0, appended to the text alternative. */
  trend?: string;
  height?: number;
}

/** Rank (1 = most played) against plays + 1, both on log scales. */
export function RankPlaysChart({
  sorted,
  step = 0,
  trend = '',
  height = 240,
}: RankPlaysChartProps) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(360);
  // Once per snapshot and size: the curve, its scales and paths.
  const g = useMemo(() => {
    const curve = rankCurve(sorted);
    const n = sorted.length;
    const maxY = (sorted[n - 1] ?? 0) + 1;
    const box = plotBox(width, height);
    const x = scaleLog([1, Math.max(10, n)], [box.left, box.right]);
    const y = scaleLog([1, Math.max(10, maxY)], [box.bottom, box.top]).nice();
    const [y0, y1] = y.domain() as [number, number];
    const path =
      line<XY>()
        .digits(1)
        .x((p) => x(p.x))
        .y((p) => y(p.y))(curve) ?? '';
    const fill =
      area<XY>()
        .digits(1)
        .x((p) => x(p.x))
        .y0(box.bottom)
        .y1((p) => y(p.y))(curve) ?? '';
    return {
      n,
      box,
      x,
      y,
      yTicks: logTicks(y0, y1),
      xTicks: logTicks(1, Math.max(10, n)),
      path,
      fill,
    };
  }, [sorted, width, height]);
  const { n, box, x, y } = g;
  const top = sorted[n - 1] ?? 0;
  const label = `Plays by rank on log scales at step ${step}: the most played of ${fmtInt(n)} songs has ${fmtInt(top)} plays; the median song has ${fmtInt(sorted[Math.floor((n - 1) / 2)] ?? 0)}.${trend ? ` ${trend}` : ''}`;
  if (!measured)
    return <div ref={ref} className="vw-chart" role="img" aria-label={label} style={{ height }} />;
  return (
    <div ref={ref} className="vw-chart" role="img" aria-label={label}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        <AxisLeft
          box={box}
          ticks={g.yTicks}
          position={y}
          format={fmtCompact}
          label="plays + 1 (log)"
        />
        <AxisBottom
          box={box}
          ticks={g.xTicks}
          position={x}
          format={fmtCompact}
          label="song rank (log; 1 = most played)"
        />
        <path d={g.fill} fill={ACCENT} opacity={0.12} />
        <path d={g.path} fill="none" stroke={ACCENT} strokeWidth={2.5} strokeLinejoin="round" />
      </svg>
    </div>
  );
}
