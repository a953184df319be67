// Scales a present-mode view to fill the stage: text grows with it, and a view too tall to grow is laid out wider or sheds its small print.
import { useLayoutEffect, useRef, useState } from 'react';
import { ScaledToFit } from '../views/scaledToFit';

/**
 * The largest scale present mode draws a view at: chart text is 13 px at scale 1, so about 23 px.
 * A view that fits at this scale is laid out at the stage width over it.
 */
export const TARGET_SCALE = 1.8;
/** The least scale at which 13 px chart text (the axes' ticks) is 20 px: readable from the back of a room. */
export const READABLE_SCALE = 20 / 13;
/**
 * A search sheds small print until the view is readable with this much to spare: a fit found just
 * readable (at step 0) became unreadable a few steps on as a label wrapped, and the search that
 * followed shed the explanation mid-run, jumping the view in front of the class.
 */
const READABLE_HEADROOM = 1.03;
/** A change of the stage's height within this fraction keeps the current fit, rescaled (see FitToStage). */
const STAGE_HEIGHT_SLACK = 0.1;
/**
 * The fit is searched again once the view has settled, this long after its last resize: the fit found
 * as a view mounts is for charts not yet drawn, and later checks only rescale it. A run playing at
 * 10 steps/s or faster resizes the view more often, so the search (a long task) waits for a pause.
 */
const SETTLE_MS = 250;
/**
 * A view just shown is searched this long after it mounts, whatever else resizes it: its charts
 * have drawn by then (their size arrives a frame after they mount), and until then it is hidden,
 * since the fit found for undrawn charts showed it at half size for a third of a second before it
 * jumped to its fit, on every change of view.
 */
const FIRST_SETTLE_MS = 120;
/** After that search, the view is shown once QUIET_MS pass without a resize, or this long after it at the latest. */
const REVEAL_BY_MS = 300;
const QUIET_MS = 50;
/** While the view is still hidden, a resize after its search is searched again after this much stillness (no play to disturb). */
const HIDDEN_SETTLE_MS = 60;
/** Narrowest layout worth scaling up; a narrower stage (a phone) shows the view at its own size. */
const MIN_LAYOUT_WIDTH = 360;
/** Stages narrower than this are phones: the view at its own size, scrolled. */
const MIN_STAGE_WIDTH = 576;
/**
 * Scales tried in turn, each laying the view out `stage width / scale` wide: a view laid out wider
 * is shorter (its grids take more columns), so a wide, short stage (a laptop or a 1280 × 800
 * projector) gets its charts side by side instead of a narrow column scaled down; below 1, a layout
 * wider than the stage is scaled down rather than cut off.
 */
const LAYOUT_SCALES = [TARGET_SCALE, 1.7, 1.6, READABLE_SCALE, 1.45, 1.35, 1.25, 1.15, 1.08, 1, 0.9, 0.8, 0.7] as const;
/**
 * How much small print a view sheds when it is too tall to be readable otherwise: 0 none, 1 the
 * panels' hints, 2 also the view's explanation and its save buttons (the stage title and the
 * presenter say what the view is; saving a chart is for the page, not the projector).
 */
export const COMPACT_LEVELS = [0, 1, 2] as const;
export type CompactLevel = (typeof COMPACT_LEVELS)[number];

export interface StageFit {
  readonly width: number;
  readonly scale: number;
  readonly compact: CompactLevel;
}

/**
 * The fit of a view on a `w` × `h` stage: the least small print shed and the layout width that give
 * the largest scale (at most TARGET_SCALE), stopping at the first compact level that is readable
 * with a little to spare (READABLE_HEADROOM).
 * `naturalHeight(width, compact)` lays the view out and measures it (a forced layout each time), in
 * whole pixels: a pixel more is allowed for the rounding.
 *
 * With `current` (the view's content changed, the stage did not, or hardly), the current fit is
 * measured once and kept, rescaled, while it is still readable (or not limited by height, or was not
 * readable before either): a view whose numbers change on every step must not pay a dozen layouts in
 * that frame. Only a view grown past readable is searched again, from its compact level on (small
 * print once shed stays shed until the stage changes).
 */
export function fitToStage(
  w: number,
  h: number,
  naturalHeight: (width: number, compact: CompactLevel) => number,
  current?: StageFit,
): StageFit {
  if (w < MIN_STAGE_WIDTH) return { width: w, scale: 1, compact: 0 };
  const layOut = (width: number, compact: CompactLevel): StageFit => {
    const height = naturalHeight(width, compact);
    return { width, compact, scale: Math.max(0.5, Math.min(TARGET_SCALE, w / width, h / Math.max(1, height + 1))) };
  };
  if (current) {
    const { scale } = layOut(current.width, current.compact);
    // Searched again only when this change made a readable fit unreadable: a stage too small for
    // any readable fit (a laptop) would otherwise search on every step.
    if (scale >= READABLE_SCALE || scale >= w / current.width - 0.001 || current.scale < READABLE_SCALE) return { ...current, scale };
  }
  let best: StageFit | null = null;
  for (const compact of COMPACT_LEVELS) {
    if (current && compact < current.compact) continue;
    for (const target of LAYOUT_SCALES) {
      const width = Math.floor(w / target);
      if (width < MIN_LAYOUT_WIDTH) continue;
      // This layout and every wider one are drawn at most w / width: none can beat the best.
      if (best && w / width <= best.scale + 0.01) break;
      const fit = layOut(width, compact);
      if (!best || fit.scale > best.scale + 0.01) best = fit;
      // Not limited by height at this width: a wider layout could only be smaller.
      if (fit.scale >= w / width - 0.001) break;
    }
    if (best && best.scale >= READABLE_SCALE * READABLE_HEADROOM) break;
  }
  return best!;
}

/** Scales its child to fit the stage, keeping its aspect, so text and strokes grow with it. */
export function FitToStage({ children }: { children: React.ReactNode }) {
  const stage = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<StageFit>({ width: 900, scale: 1, compact: 0 });
  // Without ResizeObserver (jsdom) nothing would reveal it: the first fit is the one shown.
  const [shown, setShown] = useState(() => typeof ResizeObserver === 'undefined');
  const current = useRef<StageFit | null>(null);
  useLayoutEffect(() => {
    let measuring = false;
    /** The stage size the current fit was searched for. */
    let searched = { w: 0, h: 0 };
    /** Whether the fit was searched once the view settled (since it mounted or the stage last changed). */
    let settled = false;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    /** Revealing: 0 not yet (before the first settled search), 1 waiting for QUIET_MS without a resize, 2 shown. */
    let reveal = 0;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let revealTimer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      reveal = 2;
      clearTimeout(quietTimer);
      clearTimeout(revealTimer);
      setShown(true);
    };
    /** Whether a search is due once the view settles (it then reveals the view, not the frames before it). */
    let settlePending = false;
    /** (Re)starts the quiet time before the reveal: a resize after the search (a chart redrawn at the new width) restarts it. */
    const awaitQuiet = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => settlePending || show(), QUIET_MS);
    };
    /**
     * A full search on mount, when the stage changed, and once the view settles; otherwise a check of
     * the current fit: the view's numbers change on every step and the stage's height moves a little
     * as the title above rewraps beside them, and a search is a dozen layouts of the whole view.
     */
    const measure = (settle = false) => {
      const [s, el] = [stage.current, inner.current];
      if (!s || !el || measuring) return;
      measuring = true;
      const { clientWidth: w, clientHeight: h } = s;
      const stageMoved = w !== searched.w || Math.abs(h - searched.h) > STAGE_HEIGHT_SLACK * searched.h;
      if (stageMoved) settled = false;
      const search = !current.current || stageMoved || settle;
      const [renderedWidth, renderedCompact] = [el.style.width, el.dataset.compact];
      // Charts keep their height at any width (they are drawn again at the width they get), but until
      // then a chart's SVG scales with its box: pinned to its height, each layout tried measures the
      // height the view will have at that width. Pinned only once a layout other than the rendered one
      // is tried: a check of the rendered fit (every step of a run) reads the layout the frame already
      // made, where pinning every chart's SVG cost a second layout of the whole view (~20 ms).
      const shown = el.getBoundingClientRect().width / Math.max(1, el.offsetWidth) || 1;
      const svgs = [...el.querySelectorAll<SVGSVGElement>('svg[width="100%"]')];
      const heights = svgs.map((svg) => svg.getBoundingClientRect().height / shown);
      let unpin = null as (() => void) | null;
      const pin = () => {
        const kept = svgs.map((svg) => svg.style.height);
        svgs.forEach((svg, i) => (svg.style.height = `${heights[i]}px`));
        return () => svgs.forEach((svg, i) => (svg.style.height = kept[i]!));
      };
      const rendered = (width: number, compact: CompactLevel) => `${width}px` === renderedWidth && String(compact) === renderedCompact;
      const next = fitToStage(
        w,
        h,
        (width, compact) => {
          if (!unpin && rendered(width, compact)) return el.offsetHeight;
          unpin ??= pin();
          el.style.width = `${width}px`;
          el.dataset.compact = String(compact);
          return el.offsetHeight;
        },
        search ? undefined : (current.current ?? undefined),
      );
      if (search) searched = { w, h };
      if (unpin) {
        // Back to what React rendered, until it renders the new fit.
        unpin();
        el.style.width = renderedWidth;
        el.dataset.compact = renderedCompact;
      }
      measuring = false;
      current.current = next;
      // A change of scale under 1% keeps the old one, unless the old one no longer fits.
      setFit((old) => (old.width === next.width && old.compact === next.compact && next.scale >= old.scale && next.scale - old.scale < 0.01 ? old : next));
      if (settle) {
        settled = true;
        // This search is the one that was due: no other waits behind it.
        clearTimeout(settleTimer);
        settlePending = false;
      }
      if (settle && reveal === 0) {
        reveal = 1;
        revealTimer = setTimeout(show, REVEAL_BY_MS);
      }
      if (reveal === 1) awaitQuiet();
      // Still hidden, a view that resized after its search (a chart redrawn at the new width) is
      // searched again once still, and shown after that.
      if (settled && (settle || reveal !== 1)) return;
      clearTimeout(settleTimer);
      settlePending = true;
      settleTimer = setTimeout(
        () => {
          settlePending = false;
          measure(true);
        },
        reveal === 1 ? HIDDEN_SETTLE_MS : SETTLE_MS,
      );
    };
    measure();
    // Without ResizeObserver (jsdom) the first fit stays.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    if (stage.current) observer.observe(stage.current);
    if (inner.current) observer.observe(inner.current);
    const firstSettle = setTimeout(() => {
      if (!settled) measure(true);
    }, FIRST_SETTLE_MS);
    return () => {
      observer.disconnect();
      clearTimeout(settleTimer);
      clearTimeout(firstSettle);
      clearTimeout(revealTimer);
      clearTimeout(quietTimer);
    };
  }, []);
  return (
    <div className="present-stage" ref={stage}>
      <div className="present-scale" ref={inner} data-compact={fit.compact} data-shown={shown} style={{ width: fit.width, transform: `scale(${fit.scale})` }}>
        <ScaledToFit.Provider value={true}>{children}</ScaledToFit.Provider>
      </div>
    </div>
  );
}
