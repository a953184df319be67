// The five nodes: their text wrapped to a width, the box that holds it, and its lines placed in the box.
import { NODE_IDS, type LoopLabels, type NodeId, type NodeText } from './loopLabels';
import { textLine, type Box, type NodeGeom, type TextLine } from './loopGeometry';
import { lineHeight } from './loopStyle';
import type { Sizing } from './loopSizing';
import { wrap, wrapParts } from './textWrap';

/** A node's text as wrapped lines: its title, then its second line. */
export interface NodeLines {
  readonly title: string[];
  readonly sub: string[];
}

/**
 * A node's text wrapped to `maxText` px, in at most `titleLines` and `maxSub` lines. On a phone a
 * node shows its one-line short form where it has one: the height goes to the numbers.
 */
export function nodeText(
  s: Sizing,
  t: NodeText,
  maxText: number,
  titleLines: number,
  maxSub: number,
): NodeLines {
  const { style, m } = s;
  const short = style.name === 'phone' ? t.short : undefined;
  return short
    ? { title: wrap(short, m('title'), maxText, titleLines), sub: [] }
    : {
        title: wrap(t.title, m('title'), maxText, titleLines),
        sub: t.parts
          ? wrapParts(t.parts, m('sub'), maxText, maxSub)
          : wrap(t.sub, m('sub'), maxText, maxSub),
      };
}

/**
 * The sizing text of node `id` at `maxText` px: two title lines at most, and one second line (two on
 * a phone, where the mitigation list may take two).
 */
export function nodeLines(s: Sizing, id: NodeId, maxText: number): NodeLines {
  const subLines = s.style.name === 'phone' ? 2 : 1;
  return nodeText(s, s.texts.nodes[id], maxText, 2, subLines);
}

/** Box width: the widest line, rounded up, plus padding each side. */
export function nodeWidth(s: Sizing, l: NodeLines): number {
  const { style, m } = s;
  return (
    Math.ceil(
      Math.max(...l.title.map((t) => m('title').width(t)), ...l.sub.map((t) => m('sub').width(t))),
    ) +
    2 * style.padX
  );
}

/** Box height: the lines' heights plus padding above and below. */
export function nodeHeight(s: Sizing, l: NodeLines): number {
  const { style } = s;
  return (
    l.title.length * lineHeight(style.font.title) +
    l.sub.length * lineHeight(style.font.sub) +
    2 * style.padY
  );
}

/** Widths of the words a node's text must keep whole: title words, and each mitigation phrase's words. */
export function longestWords(s: Sizing, t: NodeText): number[] {
  const { style, m } = s;
  const short = style.name === 'phone' ? t.short : undefined;
  const title = (short ?? t.title).split(' ').map((w) => m('title').width(w));
  const sub = short ? [] : t.sub.split(' ').map((w) => m('sub').width(w));
  return [...title, ...sub].map((w) => Math.ceil(w));
}

/**
 * The nodes with the texts shown now, centred in their boxes. Shown texts may differ from the
 * sizing texts only in what the layout reserved room for: as many lines as `sized` has, at the box's width.
 */
export function placeNodes(
  s: Sizing,
  labels: LoopLabels,
  boxes: Readonly<Record<NodeId, Box>>,
  sized: Readonly<Record<NodeId, NodeLines>>,
): NodeGeom[] {
  const { style, m } = s;
  const shown = (id: NodeId) => {
    const maxText = boxes[id].w - 2 * style.padX;
    return nodeText(s, labels.nodes[id], maxText, sized[id].title.length, sized[id].sub.length);
  };
  return NODE_IDS.map((id) => {
    const box = boxes[id];
    const l = shown(id);
    const cx = box.x + box.w / 2;
    let top = box.y + style.padY;
    const out: TextLine[] = [];
    for (const [role, list] of [
      ['title', l.title],
      ['sub', l.sub],
    ] as const) {
      for (const text of list) {
        out.push(textLine(text, role, cx, top, 'middle', style, m(role)));
        top += lineHeight(style.font[role]);
      }
    }
    return { id, box, lines: out };
  });
}
