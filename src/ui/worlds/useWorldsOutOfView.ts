// Which worlds a top-songs grid's scroll box cuts off, kept up to date as the box scrolls and as it or its grid resizes.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { worldsOutOfView, type OutOfView } from './gridScroll';

const ALL_IN_VIEW: OutOfView = { before: null, after: null };

const sameRange = (a: OutOfView['before'], b: OutOfView['before']) =>
  a?.[0] === b?.[0] && a?.[1] === b?.[1];

/**
 * Measures the box (`[data-world]` column heads against the box less its sticky `.wl-rank-head`)
 * before paint and on every scroll and resize; a new value only when the cut-off worlds change, so
 * scrolling re-renders the grid only when its caption does. `worlds` re-measures a grid of a new size.
 */
export function useWorldsOutOfView(box: RefObject<HTMLElement | null>, worlds: number): OutOfView {
  const [out, setOut] = useState<OutOfView>(ALL_IN_VIEW);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const frame = el.getBoundingClientRect();
      const rank = el.querySelector('.wl-rank-head')?.getBoundingClientRect();
      const columns = [...el.querySelectorAll('[data-world]')].map((th) =>
        th.getBoundingClientRect(),
      );
      const next = worldsOutOfView(columns, {
        left: rank ? rank.right : frame.left,
        right: frame.right,
      });
      setOut((prev) =>
        sameRange(prev.before, next.before) && sameRange(prev.after, next.after) ? prev : next,
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    // The box narrows with the window; the grid widens when a new result has longer numbers.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(el);
    if (el.firstElementChild) resize?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [box, worlds]);
  return out;
}
