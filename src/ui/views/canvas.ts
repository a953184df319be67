// Canvas set-up shared by the scatter and the song wall: crisp on high-DPI screens, safe where 2D is missing;
// and drawing a canvas only once it comes into sight.
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Sizes the canvas backing store to width × height CSS pixels at the device pixel ratio and returns
 * a context scaled to CSS pixels, or null where there is no 2D context (jsdom, old browsers).
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  const dpr =
    typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  let ctx: CanvasRenderingContext2D | null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    // jsdom without the canvas package throws "not implemented" in some versions.
    return null;
  }
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

// ---------- drawing only what can be seen ----------
//
// A canvas redrawn every step costs its drawing and, at the end of the task, the browser's flush
// of the drawing into pixels (a few ms each without a GPU), whether or not the canvas is on screen:
// content-visibility skips layout and paint of a view out of sight, not its canvas's pixels. A
// canvas out of sight (with half a screen to spare, as content-visibility: auto renders ahead)
// keeps only its latest drawing, and draws it when it comes near the screen, when the page is
// idle for a moment (so a stopped run is never left stale) or when a view is saved.

/** How far beyond the screen a canvas counts as in sight (content-visibility: auto renders as far ahead). */
const SIGHT_MARGIN = '50% 0px';
/** A drawing held back this long without a newer one is drawn anyway, ms. */
const IDLE_DRAW_MS = 400;

interface Watched {
  inSight: boolean;
  /** The latest drawing, held back while the canvas is out of sight. */
  pending: (() => void) | null;
  timer: ReturnType<typeof setTimeout> | null;
}

const watched = new Map<HTMLCanvasElement, Watched>();
let observer: IntersectionObserver | null | undefined;

/** Forgets the held-back drawing, if any. */
function drop(entry: Watched): void {
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  entry.pending = null;
}

function runPending(entry: Watched): void {
  const draw = entry.pending;
  drop(entry);
  draw?.();
}

/** Holds `draw` back until the canvas comes into sight, or for IDLE_DRAW_MS if no newer drawing comes. */
function hold(entry: Watched, draw: () => void): void {
  drop(entry);
  entry.pending = draw;
  entry.timer = setTimeout(() => runPending(entry), IDLE_DRAW_MS);
}

function sharedObserver(): IntersectionObserver | null {
  if (observer === undefined) {
    observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (records) => {
              for (const record of records) {
                const entry = watched.get(record.target as HTMLCanvasElement);
                if (!entry) continue;
                entry.inSight = record.isIntersecting;
                if (entry.inSight) runPending(entry);
              }
            },
            { rootMargin: SIGHT_MARGIN },
          )
        : null;
  }
  return observer;
}

function watch(canvas: HTMLCanvasElement): Watched | undefined {
  let entry = watched.get(canvas);
  const io = sharedObserver();
  if (!entry && io) {
    // In sight until the observer's first report says otherwise: a new canvas draws at once.
    entry = { inSight: true, pending: null, timer: null };
    watched.set(canvas, entry);
    io.observe(canvas);
  }
  return entry;
}

function forget(canvas: HTMLCanvasElement): void {
  const entry = watched.get(canvas);
  if (!entry) return;
  drop(entry);
  watched.delete(canvas);
  observer?.unobserve(canvas);
}

/**
 * Runs `draw` (memoised by the caller: a new function means a new drawing) on the canvas of
 * `canvasRef` after each render that changes it, at once while the canvas is in sight and else
 * when it comes into sight, when no newer drawing has come for IDLE_DRAW_MS, or at
 * {@link drawHeldBack}. Without IntersectionObserver (jsdom) it always draws at once.
 */
export function useCanvasInSight(canvasRef: RefObject<HTMLCanvasElement | null>, draw: () => void): void {
  const seen = useRef<HTMLCanvasElement | null>(null);
  useEffect(
    () => () => {
      if (seen.current) forget(seen.current);
      seen.current = null;
    },
    [],
  );
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas !== seen.current) {
      if (seen.current) forget(seen.current);
      seen.current = canvas;
    }
    const entry = canvas ? watch(canvas) : undefined;
    if (entry && !entry.inSight) {
      hold(entry, draw);
      return;
    }
    if (entry) drop(entry);
    draw();
  }, [canvasRef, draw]);
}

/** Draws the canvas's held-back drawing, if any, now (before a view is saved). */
export function drawHeldBack(canvas: HTMLCanvasElement): void {
  const entry = watched.get(canvas);
  if (entry) runPending(entry);
}
