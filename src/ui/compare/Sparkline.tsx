// A small multiple: one arm's line of one metric, on the metric's shared scale, with its value at the step shown.
import { line, scaleLinear } from 'd3';
import { memo } from 'react';
import type { Point } from '../views/timeSeries';

export interface SparklineProps {
  readonly points: readonly Point[];
  readonly steps: number;
  readonly domain: readonly [number, number];
  readonly color: string;
  readonly dash?: string;
  /** Text under the line: the arm and its value, e.g. "B 0.412". */
  readonly label: string;
}

const WIDTH = 200;
const HEIGHT = 56;
const PAD = 4;

export const Sparkline = memo(function Sparkline({ points, steps, domain, color, dash, label }: SparklineProps) {
  const x = scaleLinear([0, Math.max(1, steps)], [PAD, WIDTH - PAD]);
  const y = scaleLinear(domain, [HEIGHT - PAD, PAD]);
  const d =
    line<Point>()
      .digits(1)
      .defined((p) => p.v !== null)
      .x((p) => x(p.t))
      .y((p) => y(p.v!))(points as Point[]) ?? '';
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" preserveAspectRatio="none" aria-hidden="true">
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="sparkline-frame" />
        <path d={d} fill="none" stroke={color} strokeWidth={2} strokeDasharray={dash} vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
});
