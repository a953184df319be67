// Turns a view card as drawn on screen into one standalone SVG: its HTML text and boxes, its SVG charts with
// inlined styles, its canvases as images, and the run's caption under it.
import { wrapCaption } from './caption';
import { isPainted, px, resolveVars, splitAlpha } from './cssValues';
import { drawHeldBack } from '../views/canvas';
import { canvasFontMetrics, fontOf, type FontMetrics } from './fontMetrics';
import { drawBox, drawChoice, type Origin } from './htmlBoxes';
import { NUMERIC_RULES, inlineSvgStyles, numericClass } from './svgStyles';
import { XLINK_NS, num, svgElement } from './svgBuild';
import { groupLines, placedWords } from './textLines';

/** Marks an element (and what it holds) as screen-only: left out of the saved picture, e.g. the save buttons. */
export const SKIP_ATTRIBUTE = 'data-save-skip';

/** Caption type: small, like a figure credit, but still readable when the picture is projected. */
const CAPTION_SIZE = 13;
const CAPTION_LINE = 18;
const CAPTION_GAP = 10;

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
  let target = into;
  if (style.display !== 'contents') {
    const box = el.getBoundingClientRect();
    if (screenOnly(style, box)) return;
    const opacity = Number.parseFloat(style.opacity);
    if (opacity < 1) {
      if (opacity <= 0) return;
      target = svgElement(walk.doc, 'g', { opacity });
      into.append(target);
    }
    if (style.visibility === 'visible') {
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        drawChoice(el, style, walk.origin, target);
        return;
      }
      drawBox(el, style, walk.origin, target, walk.defs, walk.nextId, !isRoot);
    }
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
    }
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) drawText(child as Text, el, style, walk, target);
    else if (child.nodeType === 1) drawElement(child as Element, walk, target);
  }
}

/**
 * Serializes `card` (a view card on screen) to a standalone SVG the size of the card, with the
 * caption under it. What is on screen is copied as it is laid out: positions come from the
 * browser's layout, colours and fonts from computed styles, so the file needs neither the page's
 * stylesheet nor its fonts beyond the system ones the page uses. Elements marked with
 * {@link SKIP_ATTRIBUTE} are left out; so are the card's own border and shadow (page chrome).
 */
export function serializeView(card: HTMLElement, options: SerializeOptions): SerializedView {
  const doc = card.ownerDocument;
  const view = doc.defaultView;
  const metrics = options.metrics ?? canvasFontMetrics(doc);
  const box = card.getBoundingClientRect();
  const width = Math.max(1, Math.ceil(box.width));
  const contentHeight = Math.ceil(box.height);
  const cardStyle = view?.getComputedStyle(card);

  let ids = 0;
  const defs = svgElement(doc, 'defs');
  const walk: Walk = {
    doc,
    origin: { x: box.left, y: box.top },
    defs,
    metrics,
    nextId: () => `save-clip-${++ids}`,
  };

  // The caption: a thin rule, then the text in the card's muted colour, wrapped to the card's padding.
  const family = cardStyle?.fontFamily || 'system-ui, sans-serif';
  const font = `normal 400 ${CAPTION_SIZE}px ${family}`;
  const pad = (cardStyle && px(cardStyle.paddingLeft)) || 16;
  const lines = wrapCaption(options.caption, width - 2 * pad, (line) => metrics.width(line, font));
  const height = contentHeight + CAPTION_GAP + lines.length * CAPTION_LINE + CAPTION_GAP + 2;

  const root = svgElement(doc, 'svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': family,
  });
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

  const background = cardStyle ? resolveVars(cardStyle.backgroundColor, card) : '';
  root.append(
    svgElement(doc, 'rect', {
      width,
      height,
      fill: isPainted(background) ? splitAlpha(background).color : '#fff',
    }),
  );

  const content = svgElement(doc, 'g');
  root.append(content);
  drawElement(card, walk, content, true);

  const muted = resolveVars('var(--muted, #5a6375)', card);
  const rule = resolveVars('var(--line, #dde2ea)', card);
  const caption = svgElement(doc, 'g', {
    class: 'caption',
    fill: muted,
    'font-size': CAPTION_SIZE,
  });
  caption.append(
    svgElement(doc, 'line', {
      x1: pad,
      x2: width - pad,
      y1: contentHeight + 0.5,
      y2: contentHeight + 0.5,
      stroke: rule,
    }),
  );
  const first = contentHeight + CAPTION_GAP + metrics.baseline(font, CAPTION_LINE);
  lines.forEach((line, i) => {
    const text = svgElement(doc, 'text', { x: pad, y: first + i * CAPTION_LINE });
    text.textContent = line;
    caption.append(text);
  });
  root.append(caption);

  const serializer = new (view?.XMLSerializer ?? XMLSerializer)();
  return {
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n`,
    width,
    height,
  };
}
