// Sizing a layout for every text its arrows may show this run: label widths and line counts, cached per run.
import type { ArrowId, ArrowText, NodeId, NodeText } from './loopLabels';
import {
  lineHeight,
  styleFor,
  WEIGHT,
  type LoopSize,
  type LoopStyle,
  type TextRole,
} from './loopStyle';
import type { Meter, MeterFactory } from './meter';
import { minWidth, wrap } from './textWrap';

/** The texts a layout is sized for. */
export interface Texts {
  readonly nodes: Readonly<Record<NodeId, NodeText>>;
  /** Every text each arrow may show this run (sizes the layout). */
  readonly candidates: Readonly<Record<ArrowId, readonly ArrowText[]>>;
}

/** The room a layout reserves for one arrow's label. */
export interface Slot {
  /** Width the texts may take. */
  readonly width: number;
  readonly mainLines: number;
  readonly detailLines: number;
  /** Main and detail share one line ("no slates yet · press Play"). */
  readonly joined?: boolean;
}

/** Between main and detail text when they share a line. */
export const JOIN = ' · ';

/** Height of a label block: mainLines · lineHeight(main) + detailLines · lineHeight(detail). */
export function blockHeight(
  style: LoopStyle,
  slot: Pick<Slot, 'mainLines' | 'detailLines'>,
): number {
  return (
    slot.mainLines * lineHeight(style.font.main) + slot.detailLines * lineHeight(style.font.detail)
  );
}

/** What every phase of a layout measures with: the style for the width, its meters, and the sizing texts. */
export interface Sizing {
  readonly style: LoopStyle;
  readonly texts: Texts;
  /** The width inside the drawing's outer padding. */
  readonly inner: number;
  /** The meter of a text role at this style's font size. */
  readonly m: (role: TextRole) => Meter;
  /** How wide an arrow's label must be to fit every candidate in `lines` lines of main and of detail. */
  readonly need: (id: ArrowId, lines: number) => number;
  /** Lines a label block needs at width `w` (at most `max` each), over every candidate. */
  readonly linesAt: (
    id: ArrowId,
    w: number,
    max: number,
  ) => { mainLines: number; detailLines: number };
}

/**
 * Sizing over the candidate texts is the costly part of a layout and the same at every step of a
 * run: it is kept per meter set and candidate list, so a new step only wraps its own texts.
 */
const caches = new WeakMap<MeterFactory, WeakMap<object, Map<string, number>>>();
function sizingCache(
  meters: MeterFactory,
  candidates: object,
): (key: string, f: () => number) => number {
  let byCandidates = caches.get(meters);
  if (!byCandidates) caches.set(meters, (byCandidates = new WeakMap()));
  let cache = byCandidates.get(candidates);
  if (!cache) byCandidates.set(candidates, (cache = new Map()));
  const values = cache;
  return (key, f) => {
    let v = values.get(key);
    if (v === undefined) values.set(key, (v = f()));
    return v;
  };
}

/** The sizing of a layout `width` px wide at `size`. */
export function sizing(width: number, size: LoopSize, texts: Texts, meters: MeterFactory): Sizing {
  const style = styleFor(size, width);
  const m = (role: TextRole) => meters(WEIGHT[role], style.font[role]);
  const inner = Math.max(0, width - 2 * style.pad);

  // Keys name the style: one cache serves every width of a run.
  const memo = sizingCache(meters, texts.candidates);
  const need = (id: ArrowId, lines: number) =>
    memo(`need ${style.name} ${id} ${lines}`, () =>
      Math.max(
        0,
        ...texts.candidates[id].map((c) =>
          Math.max(minWidth(c.main, m('main'), lines), minWidth(c.detail, m('detail'), lines)),
        ),
      ),
    );
  const linesAt = (id: ArrowId, w: number, max: number) => ({
    mainLines: memo(`main ${style.name} ${id} ${w} ${max}`, () =>
      Math.max(1, ...texts.candidates[id].map((c) => wrap(c.main, m('main'), w, max).length)),
    ),
    detailLines: memo(`detail ${style.name} ${id} ${w} ${max}`, () =>
      Math.max(0, ...texts.candidates[id].map((c) => wrap(c.detail, m('detail'), w, max).length)),
    ),
  });
  return { style, texts, inner, m, need, linesAt };
}
