// Creating SVG elements for the saved file: namespaced, with attributes rounded to hundredths of a pixel.

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Rounds to 0.01 px: finer than any screen or printer resolves, and it keeps the file short. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** An SVG element with attributes; numbers are rounded with {@link num}, undefined values are left out. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Readonly<Record<string, string | number | undefined>> = {},
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    el.setAttribute(name, typeof value === 'number' ? num(value) : value);
  }
  return el;
}
