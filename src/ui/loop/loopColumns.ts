// The horizontal plan: listeners beside the loop when everything fits in one row, else above it; the columns' x.
import { NODE_IDS, type NodeId } from './loopLabels';
import { longestWords, nodeLines, nodeWidth, type NodeLines } from './loopNodes';
import type { Sizing } from './loopSizing';

/** Where the nodes go across, and how many lines the horizontal arrows' labels may take. */
export interface Columns {
  /** `side`: listeners left of the loop; `top`: above it. */
  readonly mode: 'side' | 'top';
  /** Each node's sizing text, wrapped to its column. */
  readonly lines: Readonly<Record<NodeId, NodeLines>>;
  /** The listeners node's left edge (side mode; 0 on top, where the rows place it) and width. */
  readonly x0: number;
  readonly w0: number;
  /** The loop's left column (slates, ranker): left edge, width, centre. */
  readonly xL: number;
  readonly colL: number;
  readonly cxL: number;
  /** The loop's right column (clicks, log). */
  readonly xR: number;
  readonly colR: number;
  readonly cxR: number;
  /** Between the columns: the horizontal loop arrows' length. */
  readonly gapW: number;
  /** Line budget of the loop's horizontal labels, and of the feed label (listeners → slates). */
  readonly hk: number;
  readonly hk1: number;
}

/**
 * The width of a one-row layout with listeners, left column and right column side by side, or
 * null when it does not fit: each gap is max(minArrow, label need + 2 · arrowPad).
 */
function sidePlan(s: Sizing) {
  const { style, inner, need } = s;
  const lines = Object.fromEntries(
    NODE_IDS.map((id) => [id, nodeLines(s, id, style.nodeMax)]),
  ) as Record<NodeId, NodeLines>;
  // Beside the listeners there is width to spare: the ranker's mitigations get it rather than a second line.
  lines.ranker = nodeLines(s, 'ranker', Math.round(style.nodeMax * 1.4));
  const w0 = nodeWidth(s, lines.listeners);
  const colL = Math.max(nodeWidth(s, lines.slates), nodeWidth(s, lines.ranker));
  const colR = Math.max(nodeWidth(s, lines.clicks), nodeWidth(s, lines.log));
  // Line budgets of the feed label and of the two loop labels: one line each if that fits, then
  // wrap the feed label (it only waits for Play), then the loop labels.
  for (const [k1, k2] of [
    [1, 1],
    [2, 1],
    [1, 2],
    [2, 2],
  ] as const) {
    const gap1 = Math.max(style.minArrow, need('listenersSlates', k1) + 2 * style.arrowPad);
    const gap2 = Math.max(
      style.minArrow,
      need('slatesClicks', k2) + 2 * style.arrowPad,
      need('logRanker', k2) + 2 * style.arrowPad,
    );
    const total = w0 + gap1 + colL + gap2 + colR;
    if (total <= inner) return { lines, w0, colL, colR, gap1, gap2, total, k1, k2 };
  }
  return null;
}

/** The one-row plan, centred within maxWidth, with its spare width given to the arrows. */
function sideColumns(s: Sizing, side: NonNullable<ReturnType<typeof sidePlan>>) {
  const { style, inner } = s;
  const { lines, w0, colL, colR } = side;
  const drawW = Math.min(inner, Math.max(side.total, style.maxWidth));
  const extra = drawW - side.total;
  // Spare width lengthens the loop's arrows (the story) more than the feed arrow.
  const gap1 = side.gap1 + Math.min(extra * 0.25, style.minArrow * 2);
  const gap2 = side.gap2 + extra - (gap1 - side.gap1);
  const x0 = style.pad + (inner - drawW) / 2;
  const xL = x0 + w0 + gap1;
  const xR = xL + colL + gap2;
  return { mode: 'side' as const, lines, x0, w0, xL, colL, xR, colR, hk: side.k2, hk1: side.k1 };
}

/** The listeners on a row of their own above the loop, whose two columns fill the width. */
function topColumns(s: Sizing) {
  const { style, inner, need, texts } = s;
  const gap2Need = (k: number) =>
    Math.max(
      style.minArrow,
      need('slatesClicks', k) + 2 * style.arrowPad,
      need('logRanker', k) + 2 * style.arrowPad,
    );
  const lines = Object.fromEntries(
    NODE_IDS.map((id) => [id, nodeLines(s, id, style.nodeMax)]),
  ) as Record<NodeId, NodeLines>;
  // The right column holds one-word nodes; the left one (the ranker and its mitigations) takes
  // what the loop's labels leave, but never less than its longest word: node names stay whole
  // and the labels wrap onto more lines instead.
  lines.clicks = nodeLines(s, 'clicks', Math.min(style.nodeMax, inner / 4));
  lines.log = nodeLines(s, 'log', Math.min(style.nodeMax, inner / 4));
  const colR = Math.max(nodeWidth(s, lines.clicks), nodeWidth(s, lines.log));
  const leftMin = Math.max(
    ...(['slates', 'ranker'] as const).flatMap((id) => longestWords(s, texts.nodes[id])),
  );
  const leftMax = Math.max(
    leftMin,
    Math.min(style.nodeMax, inner - gap2Need(2) - colR - 2 * style.padX),
  );
  lines.slates = nodeLines(s, 'slates', leftMax);
  lines.ranker = nodeLines(s, 'ranker', leftMax);
  const colL = Math.max(nodeWidth(s, lines.slates), nodeWidth(s, lines.ranker));
  const gap2 = inner - colL - colR;
  const hk = [2, 3, 4].find((k) => gap2Need(k) <= gap2) ?? 4;
  // The listeners have a row of their own up here: only the caption shares it.
  lines.listeners = nodeLines(s, 'listeners', style.nodeMax);
  const w0 = nodeWidth(s, lines.listeners);
  const xL = style.pad;
  const xR = style.pad + inner - colR;
  return { mode: 'top' as const, lines, x0: 0, w0, xL, colL, xR, colR, hk, hk1: 2 };
}

/** The side plan if it fits, else the top plan; with the columns' centres and the gap between them. */
export function planColumns(s: Sizing): Columns {
  const side = sidePlan(s);
  const c = side ? sideColumns(s, side) : topColumns(s);
  return {
    ...c,
    cxL: c.xL + c.colL / 2,
    cxR: c.xR + c.colR / 2,
    gapW: c.xR - (c.xL + c.colL),
  };
}
