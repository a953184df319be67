// One lap of the pulse: a short orange dash that runs once around the loop, passing behind the nodes, moved by the
// compositor rather than redrawn every frame.
import { useLayoutEffect, useRef } from 'react';
import type { LoopLayout } from './loopGeometry';

/** The dash's length in hundredths of the loop (the lap is the stroke pattern 4 on, 96 off, run once round). */
export const DASH = 4;
/** One lap, ms (loop.css fades the pulse in and out over the same time). */
export const LAP_MS = 1200;

/** One side of the loop, the box the dash is seen through while it runs along that side. */
export interface Lane {
  /** The side's box, whole pixels: along the side from corner to corner, across it the stroke's width and a pixel more. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly axis: 'x' | 'y';
  /** The lap runs right-to-left (bottom side) or upwards (left side) along this one: the box is mirrored. */
  readonly reverse: boolean;
  /** Where the loop's line runs across the box, px from its (unmirrored) top or left edge. */
  readonly line: number;
  /** The dash's runs along the side (two on the side the lap ends on): its box's translations at the lap's start and end, px. */
  readonly runs: readonly (readonly [number, number])[];
}

/** Space around the dash's round caps in its box, px, for their anti-aliased edge. */
const PAD = 1;

/**
 * The lanes of a lap round `rect` with a stroke `stroke` px wide. The dash covers the loop from q to
 * q + DASH hundredths, q going from −DASH to 100 − DASH (the stroke-dashoffset 4 → −96 of a dash
 * pattern 4 96 on a path of length 100); each side shows the part of it that lies on that side, cut
 * at the corners, which lie under the nodes. The dash is drawn with round caps (stroke / 2 beyond
 * either end) in a box of its own, PAD px bigger. Just after the start the dash straddles the
 * top-left corner: its part before the corner is the end of the last side, hence a second run there.
 */
export function pulseLanes(rect: LoopLayout['loopRect'], stroke: number): Lane[] {
  const across = rect.right - rect.left;
  const down = rect.bottom - rect.top;
  const loop = 2 * across + 2 * down;
  const unit = loop / 100;
  const half = stroke / 2;
  // The box across a line at `at`: whole pixels, with a pixel to spare either side.
  const band = (at: number) => {
    const from = Math.floor(at - half) - PAD;
    return { from, size: Math.ceil(at + half) + PAD - from, line: at - from };
  };
  const lo = (v: number) => Math.floor(v);
  const hi = (v: number) => Math.ceil(v);
  // `start`: where the side starts along the loop; `offset`: from the box's edge (mirrored or not) to the side's first corner.
  const run = (start: number, offset: number, extra = 0): [number, number] => [
    -DASH * unit - start + offset - half - PAD + extra,
    (100 - DASH) * unit - start + offset - half - PAD + extra,
  ];
  const top = band(rect.top);
  const right = band(rect.right);
  const bottom = band(rect.bottom);
  const left = band(rect.left);
  const xs = { from: lo(rect.left), size: hi(rect.right) - lo(rect.left) };
  const ys = { from: lo(rect.top), size: hi(rect.bottom) - lo(rect.top) };
  return [
    {
      left: xs.from, top: top.from, width: xs.size, height: top.size, axis: 'x', reverse: false, line: top.line,
      runs: [run(0, rect.left - xs.from)],
    },
    {
      left: right.from, top: ys.from, width: right.size, height: ys.size, axis: 'y', reverse: false, line: right.line,
      runs: [run(across, rect.top - ys.from)],
    },
    {
      left: xs.from, top: bottom.from, width: xs.size, height: bottom.size, axis: 'x', reverse: true, line: bottom.line,
      runs: [run(across + down, xs.from + xs.size - rect.right)],
    },
    {
      left: left.from, top: ys.from, width: left.size, height: ys.size, axis: 'y', reverse: true, line: left.line,
      runs: [run(2 * across + down, ys.from + ys.size - rect.bottom), run(2 * across + down, ys.from + ys.size - rect.bottom, loop)],
    },
  ];
}

export interface LoopPulseProps {
  rect: LoopLayout['loopRect'];
  /** The stroke's width, px. */
  stroke: number;
  /** The step this lap stands for. */
  step: number;
  /** The lap has ended (its fade, a CSS animation, is over). */
  onEnd(): void;
}

/**
 * The dash is a rounded box per side, clipped to that side and moved along it by a transform
 * animation, which the compositor runs: redrawing a dashed line's offset every frame made every
 * frame of a playing run repaint the page. The fade is a CSS animation of the whole pulse (its end
 * ends the lap).
 */
export function LoopPulse({ rect, stroke, step, onEnd }: LoopPulseProps) {
  const lanes = pulseLanes(rect, stroke);
  const unit = (2 * (rect.right - rect.left) + 2 * (rect.bottom - rect.top)) / 100;
  // The dash's box along the line: the dash, its two round caps and PAD either end.
  const along = DASH * unit + stroke + 2 * PAD;
  const dashes = useRef<(SVGSVGElement | null)[]>([]);
  useLayoutEffect(() => {
    if (typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const animations: Animation[] = [];
    let i = 0;
    for (const lane of lanes)
      for (const [from, to] of lane.runs) {
        const el = dashes.current[i++];
        if (!el || typeof el.animate !== 'function') continue;
        const move = (v: number) => (lane.axis === 'x' ? `translateX(${v}px)` : `translateY(${v}px)`);
        animations.push(el.animate([{ transform: move(from) }, { transform: move(to) }], { duration: LAP_MS, easing: 'ease-in-out' }));
      }
    return () => {
      for (const a of animations) a.cancel();
    };
    // One lap per mount (LoopDiagram keys the pulse by its step); a resize mid-lap keeps the lap's run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  let i = 0;
  return (
    <div className="loop-pulse" data-step={step} aria-hidden="true" onAnimationEnd={onEnd}>
      {lanes.map((lane, l) => {
        const x = lane.axis === 'x';
        const [w, h] = x ? [along, lane.height] : [lane.width, along];
        // The dash as the loop's stroke drew it: a line with round caps, across the lane where the loop runs.
        const [x1, y1, x2, y2] = x
          ? [PAD + stroke / 2, lane.line, along - PAD - stroke / 2, lane.line]
          : [lane.line, PAD + stroke / 2, lane.line, along - PAD - stroke / 2];
        return (
          <div
            key={l}
            className="loop-pulse-lane"
            style={{
              left: lane.left,
              top: lane.top,
              width: lane.width,
              height: lane.height,
              transform: lane.reverse ? (x ? 'scaleX(-1)' : 'scaleY(-1)') : undefined,
            }}
          >
            {lane.runs.map(([from], r) => {
              const k = i++;
              return (
                <svg
                  key={r}
                  ref={(el) => {
                    dashes.current[k] = el;
                  }}
                  className="loop-pulse-dash"
                  width={w}
                  height={h}
                  viewBox={`0 0 ${w} ${h}`}
                  style={{ transform: x ? `translateX(${from}px)` : `translateY(${from}px)` }}
                >
                  <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={stroke} />
                </svg>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
