// The loop drawing in present mode: the layout width and scale that fill the stage, the drawing's aspect chosen to match the stage's.

/** Largest scale of the present-size drawing: its text (24–34 px at scale 1) then stays under about 55 px. */
export const LOOP_MAX_SCALE = 1.6;
/**
 * Scales tried, each with a layout `width / scale` wide: a narrower layout is taller (its labels
 * wrap, or the listeners move above the loop), so on a tall stage it fills more of it once scaled
 * up; below 1, a layout wider than the stage is scaled down (text still 19 px and more).
 */
const LOOP_SCALES = [1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1, 0.9, 0.8] as const;

export interface LoopFit {
  /** The width to lay the drawing out at. */
  readonly width: number;
  /** The scale it is drawn at: its height × scale fits `height`, its width × scale fits `width`. */
  readonly scale: number;
}

/**
 * The fit of the loop drawing in a `width` × `height` box: of the layouts `width / s` wide, the one
 * drawn largest (its scale the least of the width's and the height's), the wider one on a tie.
 * `heightAt(layoutWidth)` is the drawing's height laid out that wide (a pure layout, no DOM).
 */
export function fitLoop(width: number, height: number, heightAt: (layoutWidth: number) => number): LoopFit {
  let best: LoopFit = { width, scale: 1 };
  let bestScale = -1;
  // Widest first: a narrower layout is taken only when it is drawn larger.
  for (const s of [...LOOP_SCALES].reverse()) {
    const w = Math.floor(width / s);
    const scale = Math.min(LOOP_MAX_SCALE, width / w, height / Math.max(1, heightAt(w)));
    if (scale > bestScale + 0.005) {
      best = { width: w, scale };
      bestScale = scale;
    }
  }
  return best;
}
