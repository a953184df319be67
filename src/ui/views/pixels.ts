// Direct pixel drawing for the dense canvases: writing 50,000 small squares into ImageData beats any path.
import { rgb } from 'd3';

/** A CSS colour packed as ImageData's 32-bit RGBA on little-endian machines (all current browsers' hosts). */
export function packColor(css: string, alpha = 1): number {
  const c = rgb(css);
  return (
    ((Math.round(alpha * 255) << 24) |
      (Math.round(c.b) << 16) |
      (Math.round(c.g) << 8) |
      Math.round(c.r)) >>>
    0
  );
}

/** A pixel buffer of the canvas' backing store, with its device pixel ratio. */
export interface PixelBuffer {
  readonly data: Uint32Array;
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel. */
  readonly dpr: number;
}

/** Fills an s × s square of device pixels with top-left (x, y), clipped to the buffer. */
export function fillSquare(buf: PixelBuffer, x: number, y: number, s: number, color: number): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(buf.width, Math.round(x) + s);
  const y1 = Math.min(buf.height, Math.round(y) + s);
  const { data, width } = buf;
  for (let row = y0; row < y1; row++) {
    // Small squares (the usual case) are cheaper written out than through fill().
    if (x1 - x0 <= 8)
      for (let i = row * width + x0, end = row * width + x1; i < end; i++) data[i] = color;
    else data.fill(color, row * width + x0, row * width + x1);
  }
}

const images = new WeakMap<object, ImageData>();

/**
 * Runs `draw` on a transparent buffer the size of the canvas' backing store and puts it on the
 * canvas. The ImageData is kept per canvas and cleared, not allocated anew every frame.
 * `cssWidth` gives the device pixel ratio (prepareCanvas sized the store).
 */
export function drawPixels(
  ctx: CanvasRenderingContext2D,
  cssWidth: number,
  draw: (buf: PixelBuffer) => void,
): void {
  const { width, height } = ctx.canvas;
  let image = images.get(ctx.canvas);
  if (!image || image.width !== width || image.height !== height) {
    image = ctx.createImageData(width, height);
    images.set(ctx.canvas, image);
  }
  const data = new Uint32Array(image.data.buffer);
  data.fill(0);
  draw({ data, width, height, dpr: width / Math.max(1, cssWidth) });
  ctx.putImageData(image, 0, 0);
}
