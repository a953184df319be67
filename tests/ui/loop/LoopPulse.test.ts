// The pulse's lanes: along every side, at every moment of a lap, the dash shows exactly where the loop's dashed
// stroke (4 on, 96 off, offset 4 → −96 on a path of length 100) had it, cut only at the corners, under the nodes.
import { describe, expect, it } from 'vitest';
import { DASH, pulseLanes, type Lane } from '../../../src/ui/loop/LoopPulse';

const RECT = { left: 160.4, right: 590.6, top: 32.5, bottom: 114 };

/** Where along the loop (px from the top-left corner) the dashed stroke drew its dash at progress `p` (eased time, 0–1). */
function strokeDash(p: number, loop: number): [number, number][] {
  const q = (-DASH + 100 * p) * (loop / 100);
  const on: [number, number][] = [];
  // The pattern repeats every 100: the dash and its copies, cut to the path.
  for (const k of [-1, 0, 1]) {
    const a = Math.max(0, q + k * loop);
    const b = Math.min(loop, q + k * loop + DASH * (loop / 100));
    if (b - a > 1e-6) on.push([a, b]);
  }
  return on;
}

/** Where along the loop the lanes show the dash at progress `p`: each run's line (caps left out), cut to its side. */
function laneDash(lanes: Lane[], p: number, stroke: number, loop: number): [number, number][] {
  const across = RECT.right - RECT.left;
  const down = RECT.bottom - RECT.top;
  const starts = [0, across, across + down, 2 * across + down];
  const lengths = [across, down, across, down];
  // From the lane box's (mirrored) edge to the side's first corner.
  const offsets = [
    RECT.left - lanes[0]!.left,
    RECT.top - lanes[1]!.top,
    lanes[2]!.left + lanes[2]!.width - RECT.right,
    lanes[3]!.top + lanes[3]!.height - RECT.bottom,
  ];
  const on: [number, number][] = [];
  lanes.forEach((lane, i) => {
    for (const [from, to] of lane.runs) {
      const box = from + (to - from) * p;
      // The line starts a pixel and a cap into the dash's box.
      const start = box + 1 + stroke / 2 - offsets[i]!;
      const a = Math.max(0, start);
      const b = Math.min(lengths[i]!, start + DASH * (loop / 100));
      // (A part shorter than a millionth of a pixel is rounding, not dash.)
      if (b - a > 1e-6) on.push([starts[i]! + a, starts[i]! + b]);
    }
  });
  return on;
}

const merge = (spans: [number, number][]) => {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1e-9) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
};

describe('pulseLanes', () => {
  it('shows the dash where the dashed stroke drew it, at every moment of the lap', () => {
    for (const stroke of [6, 12]) {
      const lanes = pulseLanes(RECT, stroke);
      const loop = 2 * (RECT.right - RECT.left) + 2 * (RECT.bottom - RECT.top);
      for (let step = 0; step <= 200; step++) {
        const p = step / 200;
        const want = merge(strokeDash(p, loop));
        const got = merge(laneDash(lanes, p, stroke, loop));
        expect(got.length).toBe(want.length);
        got.forEach(([a, b], i) => {
          expect(a).toBeCloseTo(want[i]![0], 6);
          expect(b).toBeCloseTo(want[i]![1], 6);
        });
      }
    }
  });

  it('lays each side out in whole pixels, corner to corner, with the loop line inside the stroke’s band', () => {
    const lanes = pulseLanes(RECT, 6);
    expect(lanes.map((l) => [l.axis, l.reverse])).toEqual([
      ['x', false],
      ['y', false],
      ['x', true],
      ['y', true],
    ]);
    for (const lane of lanes) {
      for (const v of [lane.left, lane.top, lane.width, lane.height]) expect(Number.isInteger(v)).toBe(true);
      const band = lane.axis === 'x' ? lane.height : lane.width;
      expect(lane.line - 3).toBeGreaterThanOrEqual(0);
      expect(lane.line + 3).toBeLessThanOrEqual(band);
    }
    // The top side's band is centred on the loop's top line; the right side's on its right column.
    expect(lanes[0]!.top + lanes[0]!.line).toBeCloseTo(RECT.top, 9);
    expect(lanes[1]!.left + lanes[1]!.line).toBeCloseTo(RECT.right, 9);
    expect(lanes[0]!.left).toBe(Math.floor(RECT.left));
    expect(lanes[0]!.left + lanes[0]!.width).toBe(Math.ceil(RECT.right));
  });
});
