// The five arrows and their labels: across a horizontal arrow, or beside a vertical one within its region.
import type { ArrowId, LoopLabels } from './loopLabels';
import { arrowHead, textLine, type ArrowGeom, type TextLine } from './loopGeometry';
import type { Columns } from './loopColumns';
import type { Region, Rows } from './loopRows';
import { lineHeight } from './loopStyle';
import { JOIN, type Sizing, type Slot } from './loopSizing';
import { wrapBalanced } from './textWrap';

function arrow(
  s: Sizing,
  id: ArrowId,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  labelLines: TextLine[],
): ArrowGeom {
  return {
    id,
    loop: id !== 'listenersSlates',
    x1,
    y1,
    x2,
    y2,
    head: arrowHead(x1, y1, x2, y2, s.style.head),
    lines: labelLines,
  };
}

/** A label across a horizontal arrow at height `cy`, centred on `cx`. */
function above(
  s: Sizing,
  labels: LoopLabels,
  id: ArrowId,
  slot: Slot,
  cx: number,
  cy: number,
): TextLine[] {
  const { style, m } = s;
  const lhMain = lineHeight(style.font.main);
  const lhDetail = lineHeight(style.font.detail);
  const t = labels.arrows[id];
  const main = wrapBalanced(t.main, m('main'), slot.width, slot.mainLines);
  const detail = wrapBalanced(t.detail, m('detail'), slot.width, slot.detailLines);
  const out: TextLine[] = [];
  // Main lines sit on the arrow (the last one just above it); detail lines hang below it.
  let top = cy - style.gap - main.length * lhMain;
  for (const text of main) {
    out.push(textLine(text, 'main', cx, top, 'middle', style, m('main')));
    top += lhMain;
  }
  top = cy + style.gap;
  for (const text of detail) {
    out.push(textLine(text, 'detail', cx, top, 'middle', style, m('detail')));
    top += lhDetail;
  }
  return out;
}

/** A label beside a vertical arrow, aligned within its region by its shown lines. */
function beside(
  s: Sizing,
  labels: LoopLabels,
  id: ArrowId,
  slot: Slot,
  x: number,
  anchor: 'start' | 'end',
  region: Region,
): TextLine[] {
  const { style, m } = s;
  const t = labels.arrows[id];
  // A joined slot keeps main and detail on one line: the detail follows as the main line's tail.
  const items: { role: 'main' | 'detail'; text: string; tail?: string }[] = slot.joined
    ? [{ role: 'main', text: t.main, tail: t.detail ? `${JOIN}${t.detail}` : undefined }]
    : [
        ...wrapBalanced(t.main, m('main'), slot.width, slot.mainLines).map((text) => ({
          role: 'main' as const,
          text,
        })),
        ...wrapBalanced(t.detail, m('detail'), slot.width, slot.detailLines).map((text) => ({
          role: 'detail' as const,
          text,
        })),
      ];
  const height = items.reduce((sum, item) => sum + lineHeight(style.font[item.role]), 0);
  let top =
    region.align === 'top'
      ? region.top
      : region.align === 'bottom'
        ? region.top + region.height - height
        : region.top + (region.height - height) / 2;
  return items.map((item) => {
    const line = textLine(item.text, item.role, x, top, anchor, style, m(item.role));
    top += lineHeight(style.font[item.role]);
    if (!item.tail) return line;
    const w = line.box.w + m('detail').width(item.tail);
    return {
      ...line,
      tail: item.tail,
      box: { ...line.box, x: anchor === 'start' ? x : x - w, w },
    };
  });
}

/**
 * The arrows between the nodes' edges, with the texts shown now: labels across the horizontal
 * arrows; beside the vertical ones two gaps off the shaft, inside the loop.
 */
export function placeArrows(s: Sizing, labels: LoopLabels, c: Columns, r: Rows): ArrowGeom[] {
  const { style } = s;
  const { mode, xL, colL, xR, cxL, cxR, gapW } = c;
  const { a1, cy1, cy2, boxes, slots } = r;
  const gap2Mid = xL + colL + gapW / 2;
  const at = (id: ArrowId, cx: number, cy: number) => above(s, labels, id, slots[id], cx, cy);
  const by = (id: ArrowId, x: number, anchor: 'start' | 'end', region: Region) =>
    beside(s, labels, id, slots[id], x, anchor, region);
  const a1Lines =
    mode === 'side'
      ? at('listenersSlates', (a1.x1 + a1.x2) / 2, cy1)
      : by('listenersSlates', cxL + style.gap * 2, 'start', {
          top: a1.y1,
          height: a1.y2 - a1.y1,
          align: 'middle',
        });
  return [
    arrow(s, 'listenersSlates', a1.x1, a1.y1, a1.x2, a1.y2, a1Lines),
    arrow(s, 'slatesClicks', xL + colL, cy1, xR, cy1, at('slatesClicks', gap2Mid, cy1)),
    arrow(
      s,
      'clicksLog',
      cxR,
      boxes.clicks.y + boxes.clicks.h,
      cxR,
      boxes.log.y,
      by('clicksLog', cxR - style.gap * 2, 'end', r.region3),
    ),
    arrow(s, 'logRanker', xR, cy2, xL + colL, cy2, at('logRanker', gap2Mid, cy2)),
    arrow(
      s,
      'rankerSlates',
      cxL,
      boxes.ranker.y,
      cxL,
      boxes.slates.y + boxes.slates.h,
      by('rankerSlates', cxL + style.gap * 2, 'start', r.region5),
    ),
  ];
}
