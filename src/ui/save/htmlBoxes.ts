// The painted box of an HTML element (background and borders) as SVG shapes.
import { firstColor, isPainted, px, resolveVars, splitAlpha } from './cssValues';
import { num, svgElement } from './svgBuild';

/** Where the picture's top-left corner is, in page (client) pixels. */
export interface Origin {
  readonly x: number;
  readonly y: number;
}

/** Hands out ids for clip paths, unique within one saved file. */
export type IdSource = () => string;

interface Side {
  readonly width: number;
  readonly color: string;
  readonly style: string;
}

function radius(value: string, width: number, height: number): number {
  const first = value.trim().split(/\s+/)[0] ?? '0';
  const r = first.endsWith('%')
    ? (Number.parseFloat(first) / 100) * Math.min(width, height)
    : px(first);
  return Math.max(0, Math.min(r, width / 2, height / 2));
}

function paintAttributes(
  color: string,
  prefix: 'fill' | 'stroke',
): Record<string, string | number | undefined> {
  const { color: opaque, alpha } = splitAlpha(color);
  return { [prefix]: opaque, [`${prefix}-opacity`]: alpha < 1 ? alpha : undefined };
}

function sides(el: Element, style: CSSStyleDeclaration): [Side, Side, Side, Side] {
  const side = (name: 'Top' | 'Right' | 'Bottom' | 'Left'): Side => ({
    width: px(style.getPropertyValue(`border-${name.toLowerCase()}-width`)),
    color: resolveVars(style.getPropertyValue(`border-${name.toLowerCase()}-color`), el),
    style: style.getPropertyValue(`border-${name.toLowerCase()}-style`),
  });
  return [side('Top'), side('Right'), side('Bottom'), side('Left')];
}

const shows = (s: Side) =>
  s.width > 0 && s.style !== 'none' && s.style !== 'hidden' && isPainted(s.color);

/** Dash patterns close to Chromium's dashed and dotted borders. */
function dashes(s: Side): string | undefined {
  if (s.style === 'dashed') return `${num(3 * s.width)} ${num(3 * s.width)}`;
  if (s.style === 'dotted') return `${num(s.width)} ${num(s.width)}`;
  return undefined;
}

/**
 * Appends the element's background and borders to `into`. A gradient background becomes its first
 * colour (a flat fill every SVG reader shows); box shadows are left out. Uneven borders (a
 * coloured left edge on a rounded box) are drawn as strips clipped to the rounded box. Returns the
 * bottom edge of what it painted, in picture pixels, or -Infinity when it painted nothing.
 */
export function drawBox(
  el: HTMLElement,
  style: CSSStyleDeclaration,
  origin: Origin,
  into: SVGElement,
  defs: SVGDefsElement,
  nextId: IdSource,
): number {
  const doc = into.ownerDocument;
  let fill = resolveVars(style.backgroundColor, el);
  if (!isPainted(fill)) fill = firstColor(resolveVars(style.backgroundImage, el)) ?? '';
  const edges = sides(el, style);
  const anyBorder = edges.some(shows);
  if (!isPainted(fill) && !anyBorder) return -Infinity;
  const boxes =
    style.display === 'inline' ? Array.from(el.getClientRects()) : [el.getBoundingClientRect()];
  let lowest = -Infinity;
  for (const b of boxes) {
    const x = b.left - origin.x;
    const y = b.top - origin.y;
    const { width: w, height: h } = b;
    if (w <= 0 || h <= 0) continue;
    lowest = Math.max(lowest, y + h);
    const r = radius(style.borderTopLeftRadius, w, h);
    if (isPainted(fill))
      into.append(
        svgElement(doc, 'rect', {
          x,
          y,
          width: w,
          height: h,
          rx: r || undefined,
          ...paintAttributes(fill, 'fill'),
        }),
      );
    if (!anyBorder) continue;
    const [top, right, bottom, left] = edges;
    const even = edges.every(
      (s) => s.width === top.width && s.color === top.color && s.style === top.style,
    );
    if (even) {
      const half = top.width / 2;
      into.append(
        svgElement(doc, 'rect', {
          x: x + half,
          y: y + half,
          width: w - top.width,
          height: h - top.width,
          rx: r > half ? r - half : undefined,
          fill: 'none',
          'stroke-width': top.width,
          'stroke-dasharray': dashes(top),
          ...paintAttributes(top.color, 'stroke'),
        }),
      );
      continue;
    }
    let group: SVGElement = into;
    if (r > 0) {
      const id = nextId();
      const clip = svgElement(doc, 'clipPath', { id });
      clip.append(svgElement(doc, 'rect', { x, y, width: w, height: h, rx: r }));
      defs.append(clip);
      group = svgElement(doc, 'g', { 'clip-path': `url(#${id})` });
      into.append(group);
    }
    const strips: [Side, number, number, number, number][] = [
      [top, x, y, w, top.width],
      [right, x + w - right.width, y, right.width, h],
      [bottom, x, y + h - bottom.width, w, bottom.width],
      [left, x, y, left.width, h],
    ];
    for (const [side, sx, sy, sw, sh] of strips) {
      if (!shows(side)) continue;
      const dash = dashes(side);
      if (dash) {
        const horizontal = sw > sh;
        group.append(
          svgElement(doc, 'line', {
            x1: horizontal ? sx : sx + sw / 2,
            x2: horizontal ? sx + sw : sx + sw / 2,
            y1: horizontal ? sy + sh / 2 : sy,
            y2: horizontal ? sy + sh / 2 : sy + sh,
            'stroke-width': side.width,
            'stroke-dasharray': dash,
            ...paintAttributes(side.color, 'stroke'),
          }),
        );
      } else
        group.append(
          svgElement(doc, 'rect', {
            x: sx,
            y: sy,
            width: sw,
            height: sh,
            ...paintAttributes(side.color, 'fill'),
          }),
        );
    }
  }
  return lowest;
}
