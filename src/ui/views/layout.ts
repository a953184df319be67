// Plot geometry shared by the SVG charts: margins, the inner plot box and tick helpers.

/** Pixel margins around the plot area. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The inner plot area in SVG pixels: x from left to right, y from top to bottom. */
export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Default margins: room for 13px tick labels and a 14px axis title on both axes. */
export const MARGIN: Margin = { top: 16, right: 16, bottom: 46, left: 58 };

/** Space between the y tick labels and the plot, px (AxisLeft draws them at box.left - 7). */
export const TICK_GAP = 7;
/** Width of the band at the far left that holds the rotated y axis title, px. */
export const TITLE_BAND = 26;

/** The plot box of a width × height chart with the given margins. */
export function plotBox(width: number, height: number, margin: Margin = MARGIN): PlotBox {
  return {
    width,
    height,
    left: margin.left,
    right: Math.max(margin.left + 10, width - margin.right),
    top: margin.top,
    bottom: Math.max(margin.top + 10, height - margin.bottom),
  };
}

/**
 * Ticks for a log axis: the powers of ten inside [lo, hi], plus 2× and 5× steps when the range
 * spans less than two decades (else a short axis would have a single tick).
 */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const first = Math.floor(Math.log10(Math.max(lo, 1e-12)));
  const last = Math.ceil(Math.log10(Math.max(hi, 1e-12)));
  const steps = last - first < 2 ? [1, 2, 5] : [1];
  for (let e = first; e <= last; e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/** Fewer ticks on narrow charts, so labels never collide: about one per 90 px. */
export function tickCount(pixels: number, min = 2, max = 8): number {
  return Math.max(min, Math.min(max, Math.floor(pixels / 90)));
}
