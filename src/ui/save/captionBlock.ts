// Draws a saved picture's caption under its content: a thin rule, then the run's caption in the card's muted colour.
import { wrapCaption } from './caption';
import { resolveVars } from './cssValues';
import type { FontMetrics } from './fontMetrics';
import { svgElement } from './svgBuild';

/** Caption type: small, like a figure credit, but still readable when the picture is projected. */
const CAPTION_SIZE = 13;
const CAPTION_LINE = 18;
/** From the lowest thing drawn to the caption's rule: about a card's padding, so the caption reads as the picture's own. */
const CONTENT_GAP = 16;
/** From the rule to the caption's first line. */
const CAPTION_GAP = 10;
/** Under the caption's last line. */
const CAPTION_BOTTOM = 12;

export interface CaptionPlace {
  /** The lowest edge of the content drawn above, in picture pixels. */
  readonly top: number;
  /** The picture's width, and the card's padding the caption keeps to on either side. */
  readonly width: number;
  readonly pad: number;
  readonly family: string;
  readonly metrics: FontMetrics;
}

/**
 * The caption's group, its rule CONTENT_GAP under `top` and its text wrapped to the padding, and the
 * picture's height with it: rule + CAPTION_GAP + one CAPTION_LINE a line + CAPTION_BOTTOM.
 */
export function drawCaption(card: Element, text: string, { top, width, pad, family, metrics }: CaptionPlace): { group: SVGGElement; height: number } {
  const doc = card.ownerDocument;
  const ruleY = top + CONTENT_GAP;
  const font = `normal 400 ${CAPTION_SIZE}px ${family}`;
  const lines = wrapCaption(text, width - 2 * pad, (line) => metrics.width(line, font));
  const group = svgElement(doc, 'g', { class: 'caption', fill: resolveVars('var(--muted, #5a6375)', card), 'font-size': CAPTION_SIZE });
  group.append(
    svgElement(doc, 'line', { x1: pad, x2: width - pad, y1: ruleY + 0.5, y2: ruleY + 0.5, stroke: resolveVars('var(--line, #dde2ea)', card) }),
  );
  const first = ruleY + CAPTION_GAP + metrics.baseline(font, CAPTION_LINE);
  lines.forEach((line, i) => {
    const el = svgElement(doc, 'text', { x: pad, y: first + i * CAPTION_LINE });
    el.textContent = line;
    group.append(el);
  });
  return { group, height: ruleY + CAPTION_GAP + lines.length * CAPTION_LINE + CAPTION_BOTTOM };
}
