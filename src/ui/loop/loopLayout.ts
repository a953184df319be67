// Places the loop diagram's nodes, arrows and labels at a given width: pure geometry over measured text.
import { placeArrows } from './arrowLabels';
import type { LoopLabels } from './loopLabels';
import { planColumns, type Columns } from './loopColumns';
import { round1, textLine, type LoopLayout, type TextLine } from './loopGeometry';
import { placeNodes } from './loopNodes';
import { planRows, type Rows } from './loopRows';
import { lineHeight, type LoopSize } from './loopStyle';
import { sizing, type Sizing, type Texts } from './loopSizing';
import type { MeterFactory } from './meter';
import { ellipsize } from './textWrap';

/**
 * Lays the diagram out at `width`, sized for every candidate text so that the geometry stays put
 * while the numbers change; `labels` are the texts shown now. In phases: size the texts, plan the
 * columns (across), then the rows (down), then place the nodes, the arrows and the caption.
 */
export function layoutLoop(
  width: number,
  size: LoopSize,
  labels: LoopLabels,
  texts: Texts,
  meters: MeterFactory,
): LoopLayout {
  const s = sizing(width, size, texts, meters);
  const columns = planColumns(s);
  const rows = planRows(s, columns);
  const nodes = placeNodes(s, labels, rows.boxes, columns.lines);
  const arrows = placeArrows(s, labels, columns, rows);
  const caption = placeCaption(s, labels, columns, rows);
  const loopRect = {
    left: round1(columns.cxL),
    right: round1(columns.cxR),
    top: round1(rows.cy1),
    bottom: round1(rows.cy2),
  };
  const loopPath = `M${loopRect.left},${loopRect.top}H${loopRect.right}V${loopRect.bottom}H${loopRect.left}Z`;
  return {
    width,
    height: rows.height,
    mode: columns.mode,
    style: s.style,
    nodes,
    arrows,
    caption,
    loopPath,
    loopRect,
  };
}

/** The caption: under the listeners beside the loop, or beside them (right-aligned) above it. */
function placeCaption(s: Sizing, labels: LoopLabels, c: Columns, r: Rows): TextLine {
  const { style, inner } = s;
  const capMeter = s.m('caption');
  const capH = lineHeight(style.font.caption);
  if (c.mode === 'side') {
    const text = ellipsize(labels.caption, capMeter, c.xL - c.x0 - style.gap * 2);
    return textLine(text, 'caption', c.x0, r.cy2 - capH / 2, 'start', style, capMeter);
  }
  const listenersBox = r.boxes.listeners;
  const room = style.pad + inner - (listenersBox.x + listenersBox.w + style.gutter);
  const text = ellipsize(labels.caption, capMeter, room);
  return textLine(
    text,
    'caption',
    style.pad + inner,
    listenersBox.y + (listenersBox.h - capH) / 2,
    'end',
    style,
    capMeter,
  );
}
