// The loop layout's output shapes (boxes, text lines, nodes, arrows) and the small geometry that builds them.
import type { ArrowId, NodeId } from './loopLabels';
import { lineHeight, type LoopStyle, type TextRole } from './loopStyle';
import type { Meter } from './meter';

/** One line of text: baseline position, anchor, and its box (for overlap checks). */
export interface TextLine {
  readonly text: string;
  readonly role: TextRole;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** Detail text that follows on the same line, in the detail style. */
  readonly tail?: string;
  readonly box: Box;
}
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
export interface NodeGeom {
  readonly id: NodeId;
  readonly box: Box;
  readonly lines: readonly TextLine[];
}
export interface ArrowGeom {
  readonly id: ArrowId;
  /** Whether the arrow is part of the loop (the listeners' arrow feeds it from outside). */
  readonly loop: boolean;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The arrowhead's points, for <polygon points>. */
  readonly head: string;
  readonly lines: readonly TextLine[];
}
export interface LoopLayout {
  readonly width: number;
  readonly height: number;
  /** `side`: listeners left of the loop; `top`: above it (narrow screens). */
  readonly mode: 'side' | 'top';
  readonly style: LoopStyle;
  readonly nodes: readonly NodeGeom[];
  readonly arrows: readonly ArrowGeom[];
  readonly caption: TextLine;
  /** The loop's centre line (slates → clicks → log → ranker → slates), for the travelling pulse. */
  readonly loopPath: string;
  /** The same line's corners, as loopPath has them: left and right columns' and top and bottom rows' centres. */
  readonly loopRect: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

/** Rounds to 0.1 px: the SVG's coordinates stay short, and sub-pixel noise does not show. */
export const round1 = (v: number) => Math.round(v * 10) / 10;

/** A line of `role` text whose line box starts at `top`, anchored at `x`. */
export function textLine(
  text: string,
  role: TextRole,
  x: number,
  top: number,
  anchor: TextLine['anchor'],
  style: LoopStyle,
  meter: Meter,
): TextLine {
  const px = style.font[role];
  const lh = lineHeight(px);
  const w = meter.width(text);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  // The baseline that centres a line's x-height-ish body in its line box.
  return {
    text,
    role,
    x: round1(x),
    y: round1(top + lh / 2 + px * 0.35),
    anchor,
    box: { x: left, y: top, w, h: lh },
  };
}

/**
 * A filled triangle pointing along (x1,y1) → (x2,y2), its tip at the end point: `size` long,
 * 1.2 · `size` wide at its base.
 */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, size: number): string {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const bx = x2 - ux * size;
  const by = y2 - uy * size;
  const half = size * 0.6;
  return [
    [x2, y2],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ]
    .map(([px, py]) => `${round1(px!)},${round1(py!)}`)
    .join(' ');
}

/** Every box the drawing puts ink in: nodes, arrow shafts (as thin boxes) and text lines. */
export function inkBoxes(layout: LoopLayout): { what: string; box: Box }[] {
  const half = layout.style.name === 'present' ? 2 : 1;
  return [
    ...layout.nodes.map((n) => ({ what: `node ${n.id}`, box: n.box })),
    ...layout.arrows.map((a) => ({
      what: `arrow ${a.id}`,
      box: {
        x: Math.min(a.x1, a.x2) - (a.x1 === a.x2 ? half : 0),
        y: Math.min(a.y1, a.y2) - (a.y1 === a.y2 ? half : 0),
        w: Math.abs(a.x2 - a.x1) + (a.x1 === a.x2 ? 2 * half : 0),
        h: Math.abs(a.y2 - a.y1) + (a.y1 === a.y2 ? 2 * half : 0),
      },
    })),
    ...layout.arrows.flatMap((a) =>
      a.lines.map((l) => ({ what: `${a.id}: ${l.text}`, box: l.box })),
    ),
    { what: `caption: ${layout.caption.text}`, box: layout.caption.box },
  ];
}
