// Turns a view card as drawn on screen into one standalone SVG: its HTML text and boxes, its SVG charts with
// inlined styles, its canvases as images, and the run's caption right under its content.
import { drawCaption } from './captionBlock';
import { controlKind } from './controls';
import { firstColor, isPainted, px, resolveVars, splitAlpha } from './cssValues';
import { drawHeldBack } from '../views/canvas';
import { canvasFontMetrics, fontOf, type FontMetrics } from './fontMetrics';
import { drawBox, type Origin } from './htmlBoxes';
import { SKIP_ATTRIBUTE } from './marks';
import { layOutForSaving } from './saveLayout';
import { NUMERIC_RULES, inlineSvgStyles, numericClass } from './svgStyles';
import { XLINK_NS, num, svgElement } from './svgBuild';
import { groupLines, placedWords } from './textLines';

export interface SerializeOptions {
  /** The line(s) of text under the picture, e.g. "The loop forms · seed 42 · step 60". */
  readonly caption: string;
  /** The file's <title>; defaults to the card's heading text. */
  readonly title?: string;
  /** Text measurement; a canvas-based one by default. */
  readonly metrics?: FontMetrics;
}

export interface SerializedView {
  /** A complete SVG document (with XML declaration). */
  readonly svg: string;
  /** Size in CSS pixels, caption included. */
  readonly width: number;
  readonly height: number;
}

interface Walk {
  readonly doc: Document;
  readonly origin: Origin;
  readonly defs: SVGDefsElement;
  readonly metrics: FontMetrics;
  readonly nextId: () => string;
  /** The lowest edge drawn so far, in picture pixels: where the caption goes. Shared by the whole walk. */
  readonly extent: { bottom: number };
  /** The bottom of the clipping boxes around the current element: what is clipped away is not drawn. */
  readonly clipBottom: number;
}

/** Records that something was drawn down to `bottom` (picture pixels). */
function reach(walk: Walk, bottom: number): void {
  walk.extent.bottom = Math.max(walk.extent.bottom, Math.min(bottom, walk.clipBottom));
}

const TRANSFORMS: Readonly<Record<string, (s: string) => string>> = {
  uppercase: (s) => s.toUpperCase(),
  lowercase: (s) => s.toLowerCase(),
  capitalize: (s) =>
    s.replace(
      /(^|\s)(\p{L})/gu,
      (_m, space: string, letter: string) => space + letter.toUpperCase(),
    ),
};

/**
 * Draws a text node line by line at the positions the browser wrapped it to. SVG has no text
 * wrapping, and placing each line where the screen has it is what makes the file match the screen.
 */
function drawText(
  node: Text,
  parent: HTMLElement,
  style: CSSStyleDeclaration,
  walk: Walk,
  into: SVGElement,
): void {
  if (style.visibility !== 'visible' || !node.data.trim()) return;
  const color = resolveVars(style.color, parent);
  if (!isPainted(color)) return;
  const { color: fill, alpha } = splitAlpha(color);
  const font = fontOf(style);
  const transform = TRANSFORMS[style.textTransform] ?? ((s: string) => s);
  const spacing =
    style.letterSpacing && style.letterSpacing !== 'normal' ? style.letterSpacing : undefined;
  const numeric = numericClass(style.fontVariantNumeric || '');
  for (const line of groupLines(placedWords(node))) {
    const text = svgElement(walk.doc, 'text', {
      x: line.box.left - walk.origin.x,
      y: line.box.top - walk.origin.y + walk.metrics.baseline(font, line.box.height),
      fill,
      'fill-opacity': alpha < 1 ? alpha : undefined,
      'font-family': style.fontFamily,
      'font-size': style.fontSize,
      'font-weight': style.fontWeight === '400' ? undefined : style.fontWeight,
      'font-style': style.fontStyle === 'normal' ? undefined : style.fontStyle,
      'letter-spacing': spacing,
      class: numeric,
    });
    text.textContent = transform(line.text);
    into.append(text);
    reach(walk, line.box.top + line.box.height - walk.origin.y);
  }
}

/** An on-screen chart: a deep clone with its computed styles inlined, placed where it sits in the card. */
function drawSvg(source: SVGSVGElement, walk: Walk, into: SVGElement): void {
  const box = source.getBoundingClientRect();
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineSvgStyles(source, clone);
  const overflow = source.ownerDocument.defaultView?.getComputedStyle(source).overflow;
  if (overflow === 'visible') clone.setAttribute('overflow', 'visible');
  clone.setAttribute('x', num(box.left - walk.origin.x));
  clone.setAttribute('y', num(box.top - walk.origin.y));
  clone.setAttribute('width', num(box.width));
  clone.setAttribute('height', num(box.height));
  for (const attribute of ['tabindex', 'focusable', 'aria-hidden'])
    clone.removeAttribute(attribute);
  into.append(clone);
  reach(walk, box.bottom - walk.origin.y);
}

/** A canvas layer (song wall, scatter points) as a PNG image at its backing-store resolution. */
function drawCanvas(canvas: HTMLCanvasElement, walk: Walk, into: SVGElement): void {
  // A canvas out of sight may hold its latest drawing back (views/canvas): draw it first.
  drawHeldBack(canvas);
  const box = canvas.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0 || canvas.width === 0 || canvas.height === 0) return;
  let href: string;
  try {
    href = canvas.toDataURL('image/png');
  } catch {
    return; // A tainted canvas cannot be read; nothing in this app draws one.
  }
  if (typeof href !== 'string' || !href.startsWith('data:image/')) return;
  const image = svgElement(walk.doc, 'image', {
    x: box.left - walk.origin.x,
    y: box.top - walk.origin.y,
    width: box.width,
    height: box.height,
    preserveAspectRatio: 'none',
    href,
  });
  // SVG 1.1 readers (older Inkscape, some slide tools) only know xlink:href.
  image.setAttributeNS(XLINK_NS, 'xlink:href', href);
  into.append(image);
  reach(walk, box.bottom - walk.origin.y);
}

function screenOnly(style: CSSStyleDeclaration, box: DOMRect): boolean {
  // The .visually-hidden pattern: a 1 px clipped box that only screen readers read.
  if (box.width <= 1 && box.height <= 1 && style.overflow !== 'visible') return true;
  return style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clip === 'rect(0px 0px 0px 0px)';
}

function clipsContent(style: CSSStyleDeclaration): boolean {
  return [style.overflowX, style.overflowY].some(
    (o) => o === 'hidden' || o === 'clip' || o === 'auto' || o === 'scroll',
  );
}

function drawElement(el: Element, walk: Walk, into: SVGElement, isRoot = false): void {
  if (el.hasAttribute(SKIP_ATTRIBUTE)) return;
  if (el instanceof SVGSVGElement) {
    if (el.getClientRects().length > 0) drawSvg(el, walk, into);
    return;
  }
  if (el instanceof HTMLCanvasElement) {
    drawCanvas(el, walk, into);
    return;
  }
  if (!(el instanceof HTMLElement)) return;
  const view = walk.doc.defaultView;
  if (!view) return;
  const style = view.getComputedStyle(el);
  if (style.display === 'none') return;
  // Controls are for using the page, not for reading the picture; a view that needs the choice
  // made with one read from the picture says it in words (marks.SAVE_ONLY_ATTRIBUTE).
  const control = controlKind(el, style);
  if (control === 'widget') return;
  let target = into;
  let inner = walk;
  if (style.display !== 'contents') {
    const box = el.getBoundingClientRect();
    if (screenOnly(style, box)) return;
    const opacity = Number.parseFloat(style.opacity);
    if (opacity < 1) {
      if (opacity <= 0) return;
      target = svgElement(walk.doc, 'g', { opacity });
      into.append(target);
    }
    // The card's own background is the picture's backdrop (it would span the whole card, however
    // far its content reaches); its border and shadow are page chrome.
    if (style.visibility === 'visible' && control !== 'word' && !isRoot)
      reach(walk, drawBox(el, style, walk.origin, target, walk.defs, walk.nextId));
    if (!isRoot && clipsContent(style)) {
      const id = walk.nextId();
      const left = px(style.borderLeftWidth);
      const top = px(style.borderTopWidth);
      const clip = svgElement(walk.doc, 'clipPath', { id });
      clip.append(
        svgElement(walk.doc, 'rect', {
          x: box.left - walk.origin.x + left,
          y: box.top - walk.origin.y + top,
          width: Math.max(0, box.width - left - px(style.borderRightWidth)),
          height: Math.max(0, box.height - top - px(style.borderBottomWidth)),
          rx: px(style.borderTopLeftRadius) || undefined,
        }),
      );
      walk.defs.append(clip);
      const group = svgElement(walk.doc, 'g', { 'clip-path': `url(#${id})` });
      target.append(group);
      target = group;
      const clipBottom = box.bottom - walk.origin.y - px(style.borderBottomWidth);
      inner = { ...walk, clipBottom: Math.min(walk.clipBottom, clipBottom) };
    }
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) drawText(child as Text, el, style, inner, target);
    else if (child.nodeType === 1) drawElement(child as Element, inner, target);
  }
}

/**
 * Serializes `card` (a view card on screen) to a standalone SVG as wide as the card, with the
 * caption right under its content. What is on screen is copied as it is laid out: positions come
 * from the browser's layout, colours and fonts from computed styles, so the file needs neither the
 * page's stylesheet nor its fonts beyond the system ones the page uses. Elements marked with
 * {@link SKIP_ATTRIBUTE} and controls are left out, and the card is laid out without them (see
 * {@link layOutForSaving}); so are the card's own border and shadow (page chrome). The picture ends
 * at the lowest thing drawn, not at the card's bottom: a card in a grid row is stretched to its
 * neighbour's height, and that blank stretch is no part of the chart.
 */
export function serializeView(card: HTMLElement, options: SerializeOptions): SerializedView {
  const restore = layOutForSaving(card);
  try {
    return serializeLaidOut(card, options);
  } finally {
    restore();
  }
}

function serializeLaidOut(card: HTMLElement, options: SerializeOptions): SerializedView {
  const doc = card.ownerDocument;
  const view = doc.defaultView;
  const metrics = options.metrics ?? canvasFontMetrics(doc);
  const box = card.getBoundingClientRect();
  const width = Math.max(1, Math.ceil(box.width));
  const cardStyle = view?.getComputedStyle(card);

  let ids = 0;
  const defs = svgElement(doc, 'defs');
  const walk: Walk = {
    doc,
    origin: { x: box.left, y: box.top },
    defs,
    metrics,
    nextId: () => `save-clip-${++ids}`,
    extent: { bottom: -Infinity },
    clipBottom: Infinity,
  };

  const family = cardStyle?.fontFamily || 'system-ui, sans-serif';
  const root = svgElement(doc, 'svg', { 'font-family': family });
  // Declared up front so every serializer writes the canvases' xlink:href with the usual prefix.
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xlink', XLINK_NS);
  const title = svgElement(doc, 'title');
  title.textContent =
    options.title ?? card.querySelector('h2, h3')?.textContent?.trim() ?? 'Feedback Loop Lab';
  const desc = svgElement(doc, 'desc');
  desc.textContent = options.caption;
  // A detached <style> is never applied to the page, so the page's CSP has nothing to block.
  const rules = svgElement(doc, 'style');
  rules.textContent = NUMERIC_RULES;
  root.append(title, desc, rules, defs);

  // The card's background colour (a gradient's first colour, as drawBox paints one), else white.
  const color = cardStyle ? resolveVars(cardStyle.backgroundColor, card) : '';
  const image = cardStyle ? firstColor(resolveVars(cardStyle.backgroundImage, card)) : null;
  const background = isPainted(color) ? color : (image ?? '');
  const backdrop = svgElement(doc, 'rect', {
    fill: isPainted(background) ? splitAlpha(background).color : '#fff',
  });
  root.append(backdrop);

  const content = svgElement(doc, 'g');
  root.append(content);
  drawElement(card, walk, content, true);

  const contentBottom = Number.isFinite(walk.extent.bottom) ? Math.ceil(walk.extent.bottom) : 0;
  const pad = (cardStyle && px(cardStyle.paddingLeft)) || 16;
  const { group, height } = drawCaption(card, options.caption, { top: contentBottom, width, pad, family, metrics });
  root.append(group);

  for (const el of [root, backdrop]) {
    el.setAttribute('width', num(width));
    el.setAttribute('height', num(height));
  }
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const serializer = new (view?.XMLSerializer ?? XMLSerializer)();
  return {
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n`,
    width,
    height,
  };
}
