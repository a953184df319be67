// Places the loop diagram's nodes, arrows and labels at a given width: pure geometry over measured text.
import {
  type ArrowId,
  type ArrowText,
  type LoopLabels,
  type NodeId,
  type NodeText,
} from './loopLabels';

/** Anything that can tell a string's width in px (a TextMeter, or a fixed-width fake in tests). */
export interface Meter {
  width(text: string): number;
}
export type Weight = 400 | 600;
export type MeterFactory = (weight: Weight, px: number) => Meter;

export type LoopSize = 'compact' | 'present';
export type TextRole = 'title' | 'sub' | 'main' | 'detail' | 'caption';

/** Font sizes (px) and spacing of one rendering size. */
export interface LoopStyle {
  readonly name: 'desktop' | 'tablet' | 'phone' | 'present';
  readonly font: Readonly<Record<TextRole, number>>;
  /** Padding inside a node box. */
  readonly padX: number;
  readonly padY: number;
  /** Between an arrow and the text beside it. */
  readonly gap: number;
  /** Room at each end of a horizontal arrow, outside its label. */
  readonly arrowPad: number;
  /** The shortest an arrow may be. */
  readonly minArrow: number;
  /** Least height of the band between the two rows of nodes. */
  readonly minBand: number;
  /** Widest text line inside a node. */
  readonly nodeMax: number;
  /** Widest drawing; wider containers centre it. */
  readonly maxWidth: number;
  /** Outer padding of the drawing. */
  readonly pad: number;
  /** Least space between two labels side by side. */
  readonly gutter: number;
  readonly head: number;
  readonly radius: number;
}

export const WEIGHT: Readonly<Record<TextRole, Weight>> = {
  title: 600,
  sub: 400,
  main: 600,
  detail: 400,
  caption: 600,
};

/** Below these widths the compact size switches to smaller type and spacing. */
export const PHONE_BELOW = 560;
export const TABLET_BELOW = 1000;

export const STYLES: Readonly<Record<LoopStyle['name'], LoopStyle>> = {
  desktop: {
    name: 'desktop',
    font: { title: 15, sub: 13, main: 14, detail: 13, caption: 13 },
    padX: 12,
    padY: 6,
    gap: 5,
    arrowPad: 12,
    minArrow: 44,
    minBand: 30,
    nodeMax: 200,
    maxWidth: 1080,
    pad: 4,
    gutter: 28,
    head: 7,
    radius: 9,
  },
  tablet: {
    name: 'tablet',
    font: { title: 14, sub: 12, main: 13, detail: 12, caption: 12 },
    padX: 10,
    padY: 5,
    gap: 4,
    arrowPad: 8,
    minArrow: 36,
    minBand: 26,
    nodeMax: 180,
    maxWidth: 10000,
    pad: 3,
    gutter: 20,
    head: 6,
    radius: 8,
  },
  phone: {
    name: 'phone',
    font: { title: 14, sub: 12, main: 13, detail: 12, caption: 12 },
    padX: 8,
    padY: 4,
    gap: 4,
    arrowPad: 8,
    minArrow: 26,
    minBand: 22,
    nodeMax: 150,
    maxWidth: 10000,
    pad: 2,
    gutter: 16,
    head: 6,
    radius: 8,
  },
  present: {
    name: 'present',
    font: { title: 34, sub: 26, main: 32, detail: 24, caption: 26 },
    padX: 26,
    padY: 14,
    gap: 12,
    arrowPad: 26,
    minArrow: 90,
    minBand: 200,
    nodeMax: 420,
    maxWidth: 1800,
    pad: 8,
    gutter: 56,
    head: 18,
    radius: 18,
  },
};

export function styleFor(size: LoopSize, width: number): LoopStyle {
  if (size === 'present') return STYLES.present;
  return width < PHONE_BELOW ? STYLES.phone : width < TABLET_BELOW ? STYLES.tablet : STYLES.desktop;
}

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
  readonly loopRect: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

const lineHeight = (px: number) => Math.round(px * 1.25);

/** Greedy word wrap into at most `maxLines` lines; an overlong last line ends in "…". */
export function wrap(text: string, meter: Meter, maxWidth: number, maxLines: number): string[] {
  if (text === '' || maxLines <= 0) return [];
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current === '' || meter.width(next) <= maxWidth) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  if (lines.length <= maxLines && lines.every((l) => meter.width(l) <= maxWidth)) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  kept[maxLines - 1] = ellipsize(rest, meter, maxWidth);
  // A single word wider than the box ends in an ellipsis too.
  return kept.map((l) => (meter.width(l) <= maxWidth ? l : ellipsize(l, meter, maxWidth)));
}

function ellipsize(text: string, meter: Meter, maxWidth: number): string {
  if (meter.width(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && meter.width(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Like `wrap`, but with lines of even length: "top 10% hold / 84% of plays", not "… of / plays". */
export function wrapBalanced(
  text: string,
  meter: Meter,
  maxWidth: number,
  maxLines: number,
): string[] {
  const greedy = wrap(text, meter, maxWidth, maxLines);
  if (greedy.length <= 1 || greedy.some((l) => l.endsWith('…'))) return greedy;
  const even = wrap(
    text,
    meter,
    Math.min(maxWidth, Math.ceil(minWidth(text, meter, greedy.length))),
    maxLines,
  );
  return even.length === greedy.length && !even.some((l) => l.endsWith('…')) ? even : greedy;
}

/**
 * Wraps the ranker's mitigations ("+ ε-greedy 10%", "+ IPS debiasing"), breaking between phrases where
 * it can; when they need more than `maxLines`, the last ones are counted instead ("+ 2 more", or
 * "+ 3 mitigations" when none fits).
 */
export function wrapParts(
  parts: readonly string[],
  meter: Meter,
  maxWidth: number,
  maxLines: number,
): string[] {
  if (parts.length === 0 || maxLines <= 0) return [];
  for (let shown = parts.length; shown >= 0; shown--) {
    const hidden = parts.length - shown;
    const units =
      hidden > 0
        ? [...parts.slice(0, shown), shown > 0 ? `+ ${hidden} more` : `+ ${hidden} mitigations`]
        : [...parts];
    const lines = packUnits(units, meter, maxWidth);
    if (lines.length <= maxLines && lines.every((l) => meter.width(l) <= maxWidth)) return lines;
  }
  return wrap(`+ ${parts.length} mitigations`, meter, maxWidth, maxLines);
}

/** Greedy packing of phrases into lines; a phrase wider than a line is word-wrapped on its own lines. */
function packUnits(units: readonly string[], meter: Meter, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const joined = current === '' ? unit : `${current} ${unit}`;
    if (meter.width(joined) <= maxWidth) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    if (meter.width(unit) <= maxWidth) current = unit;
    else {
      const pieces = wrap(unit, meter, maxWidth, Infinity);
      current = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** The narrowest width at which `text` wraps into `lines` lines without an ellipsis. */
export function minWidth(text: string, meter: Meter, lines: number): number {
  if (text === '') return 0;
  const full = meter.width(text);
  if (lines <= 1) return full;
  const widestWord = Math.max(...text.split(' ').map((w) => meter.width(w)));
  let lo = widestWord;
  let hi = full;
  // Bisection to a pixel: the greedy wrap's line count only falls as the width grows.
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (fitsIn(text, meter, mid, lines)) hi = mid;
    else lo = mid;
  }
  return fitsIn(text, meter, lo, lines) ? lo : hi;
}

function fitsIn(text: string, meter: Meter, width: number, lines: number): boolean {
  let count = 1;
  let current = '';
  for (const word of text.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current === '' || meter.width(next) <= width) current = next;
    else {
      count++;
      current = word;
    }
  }
  return count <= lines;
}

interface Slot {
  /** Width the texts may take. */
  readonly width: number;
  readonly mainLines: number;
  readonly detailLines: number;
  /** Main and detail share one line ("no slates yet · press Play"). */
  readonly joined?: boolean;
}

/** Height of a label block (main lines over detail lines). */
function blockHeight(style: LoopStyle, slot: Pick<Slot, 'mainLines' | 'detailLines'>): number {
  return (
    slot.mainLines * lineHeight(style.font.main) + slot.detailLines * lineHeight(style.font.detail)
  );
}

/**
 * Sizing over the candidate texts is the costly part of a layout and the same at every step of a
 * run: it is kept per meter set and candidate list, so a new step only wraps its own texts.
 */
const sizing = new WeakMap<MeterFactory, WeakMap<object, Map<string, number>>>();
function sizingCache(
  meters: MeterFactory,
  candidates: object,
): (key: string, f: () => number) => number {
  let byCandidates = sizing.get(meters);
  if (!byCandidates) sizing.set(meters, (byCandidates = new WeakMap()));
  let cache = byCandidates.get(candidates);
  if (!cache) byCandidates.set(candidates, (cache = new Map()));
  const values = cache;
  return (key, f) => {
    let v = values.get(key);
    if (v === undefined) values.set(key, (v = f()));
    return v;
  };
}

interface Texts {
  readonly nodes: Readonly<Record<NodeId, NodeText>>;
  /** Every text each arrow may show this run (sizes the layout). */
  readonly candidates: Readonly<Record<ArrowId, readonly ArrowText[]>>;
}

/**
 * Lays the diagram out at `width`, sized for every candidate text so that the geometry stays put
 * while the numbers change; `labels` are the texts shown now.
 */
export function layoutLoop(
  width: number,
  size: LoopSize,
  labels: LoopLabels,
  texts: Texts,
  meters: MeterFactory,
): LoopLayout {
  const style = styleFor(size, width);
  const m = (role: TextRole) => meters(WEIGHT[role], style.font[role]);
  const inner = Math.max(0, width - 2 * style.pad);

  const memo = sizingCache(meters, texts.candidates);
  // How wide an arrow's label must be to fit every candidate in `lines` lines of main and of detail.
  const need = (id: ArrowId, lines: number) =>
    memo(`need ${style.name} ${id} ${lines}`, () =>
      Math.max(
        0,
        ...texts.candidates[id].map((c) =>
          Math.max(minWidth(c.main, m('main'), lines), minWidth(c.detail, m('detail'), lines)),
        ),
      ),
    );
  // Lines a label block needs at `w`, over every candidate.
  const linesAt = (id: ArrowId, w: number, max: number) => ({
    mainLines: memo(`main ${style.name} ${id} ${w} ${max}`, () =>
      Math.max(1, ...texts.candidates[id].map((c) => wrap(c.main, m('main'), w, max).length)),
    ),
    detailLines: memo(`detail ${style.name} ${id} ${w} ${max}`, () =>
      Math.max(0, ...texts.candidates[id].map((c) => wrap(c.detail, m('detail'), w, max).length)),
    ),
  });

  // On a phone a node shows its one-line short form where it has one: the height goes to the numbers.
  const nodeText = (t: NodeText, maxText: number, titleLines: number, maxSub: number) => {
    const short = style.name === 'phone' ? t.short : undefined;
    return short
      ? { title: wrap(short, m('title'), maxText, titleLines), sub: [] }
      : {
          title: wrap(t.title, m('title'), maxText, titleLines),
          sub: t.parts
            ? wrapParts(t.parts, m('sub'), maxText, maxSub)
            : wrap(t.sub, m('sub'), maxText, maxSub),
        };
  };
  // A node's second line holds at most this many lines: the mitigation list on a phone may take two.
  const subLines = style.name === 'phone' ? 2 : 1;
  const nodeLines = (id: NodeId, maxText: number) =>
    nodeText(texts.nodes[id], maxText, 2, subLines);
  const nodeWidth = (l: { title: string[]; sub: string[] }) =>
    Math.ceil(
      Math.max(...l.title.map((t) => m('title').width(t)), ...l.sub.map((t) => m('sub').width(t))),
    ) +
    2 * style.padX;
  const nodeHeight = (l: { title: string[]; sub: string[] }) =>
    l.title.length * lineHeight(style.font.title) +
    l.sub.length * lineHeight(style.font.sub) +
    2 * style.padY;

  // ---- horizontal plan: side (listeners left of the loop) if it fits, else top ----
  const sidePlan = () => {
    const lines = Object.fromEntries(
      NODES.map((id) => [id, nodeLines(id, style.nodeMax)]),
    ) as Record<NodeId, ReturnType<typeof nodeLines>>;
    // Beside the listeners there is width to spare: the ranker's mitigations get it rather than a second line.
    lines.ranker = nodeLines('ranker', Math.round(style.nodeMax * 1.4));
    const w0 = nodeWidth(lines.listeners);
    const colL = Math.max(nodeWidth(lines.slates), nodeWidth(lines.ranker));
    const colR = Math.max(nodeWidth(lines.clicks), nodeWidth(lines.log));
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
  };
  const side = sidePlan();

  let mode: 'side' | 'top';
  let lines: Record<NodeId, ReturnType<typeof nodeLines>>;
  let x0 = 0; // listeners node left
  let w0: number;
  let xL: number; // left column left edge
  let colL: number;
  let xR: number;
  let colR: number;
  let hk: number; // line budget of the loop's horizontal labels
  let hk1: number; // and of the feed label
  if (side) {
    mode = 'side';
    ({ lines, w0, colL, colR } = side);
    hk = side.k2;
    hk1 = side.k1;
    const drawW = Math.min(inner, Math.max(side.total, style.maxWidth));
    const extra = drawW - side.total;
    // Spare width lengthens the loop's arrows (the story) more than the feed arrow.
    const gap1 = side.gap1 + Math.min(extra * 0.25, style.minArrow * 2);
    const gap2 = side.gap2 + extra - (gap1 - side.gap1);
    x0 = style.pad + (inner - drawW) / 2;
    xL = x0 + w0 + gap1;
    xR = xL + colL + gap2;
  } else {
    mode = 'top';
    hk1 = 2;
    const gap2Need = (k: number) =>
      Math.max(
        style.minArrow,
        need('slatesClicks', k) + 2 * style.arrowPad,
        need('logRanker', k) + 2 * style.arrowPad,
      );
    lines = Object.fromEntries(NODES.map((id) => [id, nodeLines(id, style.nodeMax)])) as Record<
      NodeId,
      ReturnType<typeof nodeLines>
    >;
    // The right column holds one-word nodes; the left one (the ranker and its mitigations) takes
    // what the loop's labels leave, but never less than its longest word: node names stay whole
    // and the labels wrap onto more lines instead.
    lines.clicks = nodeLines('clicks', Math.min(style.nodeMax, inner / 4));
    lines.log = nodeLines('log', Math.min(style.nodeMax, inner / 4));
    colR = Math.max(nodeWidth(lines.clicks), nodeWidth(lines.log));
    const leftMin = Math.max(
      ...(['slates', 'ranker'] as const).flatMap((id) => longestWords(texts.nodes[id], style, m)),
    );
    const leftMax = Math.max(
      leftMin,
      Math.min(style.nodeMax, inner - gap2Need(2) - colR - 2 * style.padX),
    );
    lines.slates = nodeLines('slates', leftMax);
    lines.ranker = nodeLines('ranker', leftMax);
    colL = Math.max(nodeWidth(lines.slates), nodeWidth(lines.ranker));
    const gap2 = inner - colL - colR;
    hk = [2, 3, 4].find((k) => gap2Need(k) <= gap2) ?? 4;
    // The listeners have a row of their own up here: only the caption shares it.
    lines.listeners = nodeLines('listeners', style.nodeMax);
    w0 = nodeWidth(lines.listeners);
    xL = style.pad;
    xR = style.pad + inner - colR;
  }
  const cxL = xL + colL / 2;
  const cxR = xR + colR / 2;
  const gapW = xR - (xL + colL);
  const hSlot = (id: ArrowId, w: number, k = hk): Slot => ({ width: w, ...linesAt(id, w, k) });
  const slotA2 = hSlot('slatesClicks', gapW - 2 * style.arrowPad);
  const slotA4 = hSlot('logRanker', gapW - 2 * style.arrowPad);

  // ---- vertical plan ----
  const lhMain = lineHeight(style.font.main);
  const lhDetail = lineHeight(style.font.detail);
  const up = (s: Slot) => s.mainLines * lhMain + style.gap;
  const down = (s: Slot) => s.detailLines * lhDetail + style.gap;

  // The band between the rows holds the two vertical arrows' labels: side by side when they fit.
  // Labels start two gaps off each vertical arrow (see `beside` below).
  const interior = cxR - cxL - 4 * style.gap;
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
  const bandPad = style.gap;
  const blocks = sideBySide
    ? Math.max(blockHeight(style, slot3), blockHeight(style, slot5))
    : blockHeight(style, slot3) + style.gap * 2 + blockHeight(style, slot5);

  const h = (id: NodeId) => nodeHeight(lines[id]);
  const row1H = Math.max(h('slates'), h('clicks'), mode === 'side' ? h('listeners') : 0);
  const row2H = Math.max(h('ranker'), h('log'));

  let y = style.pad;
  let listenersBox: Box;
  let slotA1: Slot;
  let a1: { x1: number; y1: number; x2: number; y2: number };
  let row1Top: number;
  let captionLine: TextLine;
  const capMeter = m('caption');
  const capH = lineHeight(style.font.caption);
  if (mode === 'side') {
    slotA1 = hSlot('listenersSlates', xL - (x0 + w0) - 2 * style.arrowPad, hk1);
    const overflowUp = Math.max(0, up(slotA1), up(slotA2)) - row1H / 2;
    row1Top = y + Math.max(0, overflowUp);
    const cy = row1Top + row1H / 2;
    listenersBox = { x: x0, y: cy - h('listeners') / 2, w: w0, h: h('listeners') };
    a1 = { x1: x0 + w0, y1: cy, x2: xL, y2: cy };
  } else {
    listenersBox = {
      x: cxL - w0 / 2 < style.pad ? style.pad : cxL - w0 / 2,
      y,
      w: w0,
      h: h('listeners'),
    };
    y += listenersBox.h;
    const w = style.pad + inner - (cxL + style.gap);
    const joinedFits = texts.candidates.listenersSlates.every(
      (c) =>
        m('main').width(c.main) + (c.detail ? m('detail').width(`${JOIN}${c.detail}`) : 0) <= w,
    );
    slotA1 = joinedFits
      ? { width: w, mainLines: 1, detailLines: 0, joined: true }
      : { width: w, ...linesAt('listenersSlates', w, hk1) };
    // The top row's label above its arrow may reach up into this band; keep the two apart.
    const band1 =
      Math.max(style.minArrow, blockHeight(style, slotA1) + 2 * bandPad) +
      Math.max(0, up(slotA2) + style.gap - row1H / 2);
    row1Top = y + band1;
    a1 = {
      x1: cxL,
      y1: listenersBox.y + listenersBox.h,
      x2: cxL,
      y2: row1Top + (row1H - h('slates')) / 2,
    };
  }
  const cy1 = row1Top + row1H / 2;
  const row1Bottom = Math.max(
    row1Top + row1H,
    cy1 + down(slotA2),
    mode === 'side' ? cy1 + down(slotA1) : 0,
  );
  const a4Overflow = Math.max(0, up(slotA4) - row2H / 2);
  const bandH = Math.max(style.minBand, blocks + 2 * bandPad) + a4Overflow;
  const row2Top = row1Bottom + bandH;
  const cy2 = row2Top + row2H / 2;
  const row2Bottom = Math.max(row2Top + row2H, cy2 + down(slotA4));
  const height = Math.ceil(row2Bottom + style.pad);

  // ---- nodes ----
  const boxes: Record<NodeId, Box> = {
    listeners: listenersBox,
    slates: { x: xL, y: cy1 - h('slates') / 2, w: colL, h: h('slates') },
    clicks: { x: xR, y: cy1 - h('clicks') / 2, w: colR, h: h('clicks') },
    ranker: { x: xL, y: cy2 - h('ranker') / 2, w: colL, h: h('ranker') },
    log: { x: xR, y: cy2 - h('log') / 2, w: colR, h: h('log') },
  };
  // Shown texts may differ from the sizing texts only in what the layout reserved room for.
  const shown = (id: NodeId) => {
    const maxText = boxes[id].w - 2 * style.padX;
    return nodeText(labels.nodes[id], maxText, lines[id].title.length, lines[id].sub.length);
  };
  const nodes: NodeGeom[] = NODES.map((id) => {
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

  // ---- arrows and their labels ----
  const arrow = (
    id: ArrowId,
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    labelLines: TextLine[],
  ): ArrowGeom => ({
    id,
    loop: id !== 'listenersSlates',
    x1,
    y1,
    x2,
    y2,
    head: arrowHead(x1, y1, x2, y2, style.head),
    lines: labelLines,
  });
  const above = (id: ArrowId, slot: Slot, cx: number, cy: number): TextLine[] => {
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
  };
  /** A label beside a vertical arrow, aligned within the region [top, top + height] by its shown lines. */
  const beside = (
    id: ArrowId,
    slot: Slot,
    x: number,
    anchor: 'start' | 'end',
    region: { top: number; height: number; align: 'top' | 'middle' | 'bottom' },
  ): TextLine[] => {
    const t = labels.arrows[id];
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
  };

  const bandTop = row1Bottom;
  const bandInner = bandH - a4Overflow;
  const h3 = blockHeight(style, slot3);
  const h5 = blockHeight(style, slot5);
  const region3 = sideBySide
    ? { top: bandTop, height: bandInner, align: 'middle' as const }
    : { top: bandTop + bandPad, height: h3, align: 'top' as const };
  const region5 = sideBySide
    ? { top: bandTop, height: bandInner, align: 'middle' as const }
    : { top: bandTop + bandInner - bandPad - h5, height: h5, align: 'bottom' as const };
  const gap2Mid = xL + colL + gapW / 2;

  const a1Lines =
    mode === 'side'
      ? above('listenersSlates', slotA1, (a1.x1 + a1.x2) / 2, cy1)
      : beside('listenersSlates', slotA1, cxL + style.gap * 2, 'start', {
          top: a1.y1,
          height: a1.y2 - a1.y1,
          align: 'middle',
        });
  const arrows: ArrowGeom[] = [
    arrow('listenersSlates', a1.x1, a1.y1, a1.x2, a1.y2, a1Lines),
    arrow('slatesClicks', xL + colL, cy1, xR, cy1, above('slatesClicks', slotA2, gap2Mid, cy1)),
    arrow(
      'clicksLog',
      cxR,
      boxes.clicks.y + boxes.clicks.h,
      cxR,
      boxes.log.y,
      beside('clicksLog', slot3, cxR - style.gap * 2, 'end', region3),
    ),
    arrow('logRanker', xR, cy2, xL + colL, cy2, above('logRanker', slotA4, gap2Mid, cy2)),
    arrow(
      'rankerSlates',
      cxL,
      boxes.ranker.y,
      cxL,
      boxes.slates.y + boxes.slates.h,
      beside('rankerSlates', slot5, cxL + style.gap * 2, 'start', region5),
    ),
  ];

  // ---- caption: under the listeners beside the loop, or beside them above it ----
  if (mode === 'side') {
    const text = ellipsize(labels.caption, capMeter, xL - x0 - style.gap * 2);
    captionLine = textLine(text, 'caption', x0, cy2 - capH / 2, 'start', style, capMeter);
  } else {
    const room = style.pad + inner - (listenersBox.x + listenersBox.w + style.gutter);
    const text = ellipsize(labels.caption, capMeter, room);
    captionLine = textLine(
      text,
      'caption',
      style.pad + inner,
      listenersBox.y + (listenersBox.h - capH) / 2,
      'end',
      style,
      capMeter,
    );
  }

  const loopRect = { left: r(cxL), right: r(cxR), top: r(cy1), bottom: r(cy2) };
  const loopPath = `M${loopRect.left},${loopRect.top}H${loopRect.right}V${loopRect.bottom}H${loopRect.left}Z`;
  return { width, height, mode, style, nodes, arrows, caption: captionLine, loopPath, loopRect };
}

const JOIN = ' · ';

/** Widths of the words a node's text must keep whole: title words, and each mitigation phrase's words. */
function longestWords(t: NodeText, style: LoopStyle, m: (role: TextRole) => Meter): number[] {
  const short = style.name === 'phone' ? t.short : undefined;
  const title = (short ?? t.title).split(' ').map((w) => m('title').width(w));
  const sub = short ? [] : t.sub.split(' ').map((w) => m('sub').width(w));
  return [...title, ...sub].map((w) => Math.ceil(w));
}

const NODES: readonly NodeId[] = ['listeners', 'slates', 'clicks', 'log', 'ranker'];

const r = (v: number) => Math.round(v * 10) / 10;

function textLine(
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
    x: r(x),
    y: r(top + lh / 2 + px * 0.35),
    anchor,
    box: { x: left, y: top, w, h: lh },
  };
}

/** A filled triangle pointing along (x1,y1) → (x2,y2), its tip at the end point. */
function arrowHead(x1: number, y1: number, x2: number, y2: number, size: number): string {
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
    .map(([px, py]) => `${r(px!)},${r(py!)}`)
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
