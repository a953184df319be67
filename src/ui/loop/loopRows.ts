// The vertical plan: the two rows of the loop, the band between them, the listeners' place, and each label's slot.
import type { ArrowId, NodeId } from './loopLabels';
import type { Box } from './loopGeometry';
import type { Columns } from './loopColumns';
import { nodeHeight } from './loopNodes';
import { lineHeight, type LoopStyle } from './loopStyle';
import { blockHeight, JOIN, type Sizing, type Slot } from './loopSizing';

/** Where a label beside a vertical arrow goes: the span [top, top + height], and its alignment there. */
export interface Region {
  readonly top: number;
  readonly height: number;
  readonly align: 'top' | 'middle' | 'bottom';
}

/** Where the nodes go down, and the room each arrow's label has. */
export interface Rows {
  /** The drawing's height, rounded up to a pixel. */
  readonly height: number;
  readonly boxes: Readonly<Record<NodeId, Box>>;
  /** The feed arrow, listeners → slates: across in side mode, down in top mode. */
  readonly a1: {
    readonly x1: number;
    readonly y1: number;
    readonly x2: number;
    readonly y2: number;
  };
  /** The centre lines of the top row (slates, clicks) and of the bottom row (ranker, log). */
  readonly cy1: number;
  readonly cy2: number;
  readonly slots: Readonly<Record<ArrowId, Slot>>;
  /** The band between the rows holds the vertical arrows' labels: clicks → log, ranker → slates. */
  readonly region3: Region;
  readonly region5: Region;
}

/** Room a label's main lines take above its arrow, and its detail lines below. */
const up = (style: LoopStyle, s: Slot) => s.mainLines * lineHeight(style.font.main) + style.gap;
const down = (style: LoopStyle, s: Slot) =>
  s.detailLines * lineHeight(style.font.detail) + style.gap;

/**
 * The two vertical arrows' labels in the band between the rows: side by side when they fit (each
 * gets its need plus half the spare width), else one above the other at the full width.
 */
function bandSlots(s: Sizing, c: Columns) {
  const { style, need, linesAt } = s;
  // Labels start two gaps off each vertical arrow (see `beside` in arrowLabels).
  const interior = c.cxR - c.cxL - 4 * style.gap;
  const w3 = need('clicksLog', 1);
  const w5 = need('rankerSlates', 1);
  const sideBySide = w3 + w5 + style.gutter <= interior;
  const slot3: Slot = sideBySide
    ? {
        width: w3 + (interior - w3 - w5 - style.gutter) / 2,
        mainLines: 1,
        detailLines: linesAt('clicksLog', Infinity, 1).detailLines,
      }
    : { width: interior, ...linesAt('clicksLog', interior, 2) };
  const slot5: Slot = sideBySide
    ? {
        width: w5 + (interior - w3 - w5 - style.gutter) / 2,
        mainLines: 1,
        detailLines: linesAt('rankerSlates', Infinity, 1).detailLines,
      }
    : { width: interior, ...linesAt('rankerSlates', interior, 2) };
  const blocks = sideBySide
    ? Math.max(blockHeight(style, slot3), blockHeight(style, slot5))
    : blockHeight(style, slot3) + style.gap * 2 + blockHeight(style, slot5);
  return { sideBySide, slot3, slot5, blocks };
}

/**
 * The listeners node, the feed arrow and its label slot, and the top row's top edge: beside the
 * row (lowered when a label would rise above the drawing), or above it with the arrow in between.
 */
function placeListeners(s: Sizing, c: Columns, row1H: number, slotA2: Slot) {
  const { style, inner, texts, m, linesAt } = s;
  const { x0, w0, xL, cxL } = c;
  const h = (id: NodeId) => nodeHeight(s, c.lines[id]);
  const bandPad = style.gap;
  let y = style.pad;
  if (c.mode === 'side') {
    const slotA1 = hSlot(s, 'listenersSlates', xL - (x0 + w0) - 2 * style.arrowPad, c.hk1);
    const overflowUp = Math.max(0, up(style, slotA1), up(style, slotA2)) - row1H / 2;
    const row1Top = y + Math.max(0, overflowUp);
    const cy = row1Top + row1H / 2;
    const listenersBox: Box = { x: x0, y: cy - h('listeners') / 2, w: w0, h: h('listeners') };
    return { listenersBox, slotA1, a1: { x1: x0 + w0, y1: cy, x2: xL, y2: cy }, row1Top };
  }
  const listenersBox: Box = {
    x: cxL - w0 / 2 < style.pad ? style.pad : cxL - w0 / 2,
    y,
    w: w0,
    h: h('listeners'),
  };
  y += listenersBox.h;
  const w = style.pad + inner - (cxL + style.gap);
  // Main and detail on one line when every candidate fits so.
  const joinedFits = texts.candidates.listenersSlates.every(
    (t) => m('main').width(t.main) + (t.detail ? m('detail').width(`${JOIN}${t.detail}`) : 0) <= w,
  );
  const slotA1: Slot = joinedFits
    ? { width: w, mainLines: 1, detailLines: 0, joined: true }
    : { width: w, ...linesAt('listenersSlates', w, c.hk1) };
  // The top row's label above its arrow may reach up into this band; keep the two apart.
  const band1 =
    Math.max(style.minArrow, blockHeight(style, slotA1) + 2 * bandPad) +
    Math.max(0, up(style, slotA2) + style.gap - row1H / 2);
  const row1Top = y + band1;
  const a1 = {
    x1: cxL,
    y1: listenersBox.y + listenersBox.h,
    x2: cxL,
    y2: row1Top + (row1H - h('slates')) / 2,
  };
  return { listenersBox, slotA1, a1, row1Top };
}

/** A horizontal arrow's label slot `w` wide, in at most `k` lines each (the loop's budget by default). */
function hSlot(s: Sizing, id: ArrowId, w: number, k: number): Slot {
  return { width: w, ...s.linesAt(id, w, k) };
}

/**
 * Top to bottom: outer padding, (listeners row and feed arrow on top), the top row, the band —
 * max(minBand, labels + 2 gaps), plus what the bottom arrow's label lifts into it — the bottom row,
 * and each row's labels hanging below it.
 */
export function planRows(s: Sizing, c: Columns): Rows {
  const { style } = s;
  const { mode, xL, colL, xR, colR, gapW } = c;
  const slotA2 = hSlot(s, 'slatesClicks', gapW - 2 * style.arrowPad, c.hk);
  const slotA4 = hSlot(s, 'logRanker', gapW - 2 * style.arrowPad, c.hk);
  const { sideBySide, slot3, slot5, blocks } = bandSlots(s, c);
  const bandPad = style.gap;

  const h = (id: NodeId) => nodeHeight(s, c.lines[id]);
  const row1H = Math.max(h('slates'), h('clicks'), mode === 'side' ? h('listeners') : 0);
  const row2H = Math.max(h('ranker'), h('log'));

  const { listenersBox, slotA1, a1, row1Top } = placeListeners(s, c, row1H, slotA2);
  const cy1 = row1Top + row1H / 2;
  const row1Bottom = Math.max(
    row1Top + row1H,
    cy1 + down(style, slotA2),
    mode === 'side' ? cy1 + down(style, slotA1) : 0,
  );
  const a4Overflow = Math.max(0, up(style, slotA4) - row2H / 2);
  const bandH = Math.max(style.minBand, blocks + 2 * bandPad) + a4Overflow;
  const row2Top = row1Bottom + bandH;
  const cy2 = row2Top + row2H / 2;
  const row2Bottom = Math.max(row2Top + row2H, cy2 + down(style, slotA4));
  const height = Math.ceil(row2Bottom + style.pad);

  const boxes: Record<NodeId, Box> = {
    listeners: listenersBox,
    slates: { x: xL, y: cy1 - h('slates') / 2, w: colL, h: h('slates') },
    clicks: { x: xR, y: cy1 - h('clicks') / 2, w: colR, h: h('clicks') },
    ranker: { x: xL, y: cy2 - h('ranker') / 2, w: colL, h: h('ranker') },
    log: { x: xR, y: cy2 - h('log') / 2, w: colR, h: h('log') },
  };

  // Side by side, both labels centre in the band; stacked, one hangs from its top, one sits on its bottom.
  const bandTop = row1Bottom;
  const bandInner = bandH - a4Overflow;
  const h3 = blockHeight(style, slot3);
  const h5 = blockHeight(style, slot5);
  const region3: Region = sideBySide
    ? { top: bandTop, height: bandInner, align: 'middle' }
    : { top: bandTop + bandPad, height: h3, align: 'top' };
  const region5: Region = sideBySide
    ? { top: bandTop, height: bandInner, align: 'middle' }
    : { top: bandTop + bandInner - bandPad - h5, height: h5, align: 'bottom' };

  return {
    height,
    boxes,
    a1,
    cy1,
    cy2,
    slots: {
      listenersSlates: slotA1,
      slatesClicks: slotA2,
      clicksLog: slot3,
      logRanker: slotA4,
      rankerSlates: slot5,
    },
    region3,
    region5,
  };
}
