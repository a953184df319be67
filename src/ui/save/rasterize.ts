// Draws a saved view's SVG onto a canvas at print resolution and encodes it as PNG.

/** Pixels per CSS pixel in a saved PNG: sharp on a projector and in print, like a 2× (retina) screen. */
export const PNG_SCALE = 2;

/** Browsers refuse canvases much larger than this on a side; a huge card is scaled down to fit. */
const MAX_SIDE = 8192;

/**
 * The scale a PNG is drawn at: at least {@link PNG_SCALE}, more on a denser screen so the file is
 * never softer than what the user sees, and small enough to stay within canvas limits.
 */
export function pngScale(width: number, height: number, devicePixelRatio: number): number {
  const wanted = Math.max(PNG_SCALE, Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1);
  return Math.min(wanted, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height));
}

/** The SVG as a data: URL: the page's Content-Security-Policy allows images from data: but not from blob:. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Renders `svg` (width × height CSS pixels) to a PNG at `scale`. The PNG is the SVG file's own
 * rendering, so the two formats cannot disagree; canvases inside it are already data-URL images,
 * which keeps the drawing canvas readable (untainted).
 */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<Blob> {
  const image = new Image();
  image.src = svgDataUrl(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}
