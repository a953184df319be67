// Where the lesson sits and scrolls: beside the charts or above them (a phone), the view a chapter points at, the rail itself.
import { useSyncExternalStore } from 'react';
import type { LessonFocus } from './chapters';

const WIDE = '(min-width: 900px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(WIDE);
  query.addEventListener?.('change', onChange);
  return () => query.removeEventListener?.('change', onChange);
}

/** Whether the rail sits beside the charts (else it is a compact card above them, on a phone); wide where it cannot tell. */
export function wideScreen(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches;
}

/** {@link wideScreen}, re-rendering when the window crosses the width (a phone turned sideways). */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, wideScreen, () => true);
}

/** The element a chapter points at: a view's slot, the headline numbers, or a chart inside a view. */
export function focusTarget(focus: LessonFocus | null): Element | null {
  if (!focus) return null;
  if (focus === 'numbers') return document.querySelector('.numbers');
  if (focus === 'loop') return document.querySelector('.loop-slot');
  return document.getElementById(`view-${focus}`);
}

/** Scrolls an element to the top of the window, just under the sticky transport (lesson.css gives it the scroll margin). */
export function scrollToTop(element: Element | null): void {
  if (!element || typeof window.matchMedia !== 'function') return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}

/**
 * Scrolls to what a chapter points at as soon as it is on the page: a chart inside a view appears only
 * once the world is built. Returns a cleanup that stops waiting.
 */
export function scrollToFocus(focus: LessonFocus | null, tries = 50): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = (left: number) => {
    const target = focusTarget(focus);
    if (!target) {
      if (left > 0) timer = setTimeout(() => attempt(left - 1), 100);
      return;
    }
    scrollToTop(target);
    // Views out of sight are laid out only once scrolled to (content-visibility), so the views above
    // may change height during the scroll and it lands short: once it has settled, it lands again.
    timer = setTimeout(() => {
      const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
      if (Math.abs(target.getBoundingClientRect().top - margin) > 24) target.scrollIntoView({ block: 'start', behavior: 'auto' });
    }, 900);
  };
  if (focus) attempt(tries);
  return () => clearTimeout(timer);
}
