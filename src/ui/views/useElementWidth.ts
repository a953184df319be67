// Measures an element's width so charts draw at true pixel size (text stays 13px+ at any width).
import { useCallback, useState, type RefCallback } from 'react';

/**
 * First measurements wait here and are handed out one per task. When the first data arrives a
 * dozen charts mount at once; drawing them all in the task that measured them blocked the page for
 * hundreds of milliseconds. One chart per task keeps every task short (the charts appear within a
 * few frames of each other), and later resizes apply at once.
 */
const firstQueue: (() => void)[] = [];
let draining = false;

function drainOne(): void {
  const next = firstQueue.shift();
  if (next) next();
  if (firstQueue.length > 0) setTimeout(drainOne, 0);
  else draining = false;
}

function enqueueFirst(apply: () => void): void {
  firstQueue.push(apply);
  if (!draining) {
    draining = true;
    setTimeout(drainOne, 0);
  }
}

/**
 * Returns a ref callback, the element's content width (`fallback` until measured) and whether it has
 * been measured. Charts draw only once measured, so they are never drawn at a guessed width first.
 *
 * With ResizeObserver the width comes from its callback, after the browser's own layout: reading
 * clientWidth while React commits would force a synchronous layout of the whole page (the largest
 * single cost of the first frame). Without it (jsdom) the width is read once and on window resizes.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
): [RefCallback<T>, number, boolean] {
  const [state, setState] = useState<{ width: number; measured: boolean }>(() => ({
    width: fallback,
    measured: typeof ResizeObserver === 'undefined',
  }));
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    // Rounding down avoids re-render ping-pong on sub-pixel layout changes.
    const apply = (w: number) =>
      setState((s) =>
        w > 0 && (w !== s.width || !s.measured)
          ? { width: w, measured: true }
          : s.measured
            ? s
            : { ...s, measured: true },
      );
    if (typeof ResizeObserver === 'undefined') {
      const measure = () => apply(Math.floor(el.clientWidth));
      measure();
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    // Until the queued first measurement is applied, later callbacks only update `latest`.
    let waiting = false;
    let measured = false;
    let latest = 0;
    let live = true;
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      latest = Math.floor(entry.contentRect.width);
      if (measured) apply(latest);
      else if (!waiting) {
        waiting = true;
        enqueueFirst(() => {
          measured = true;
          if (live) apply(latest);
        });
      }
    });
    observer.observe(el);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, []);
  return [ref, state.width, state.measured];
}
