// Measures an element's width so charts draw at true pixel size (text stays 13px+ at any width).
import { useCallback, useState, type RefCallback } from 'react';

/**
 * Returns a ref callback and the element's current content width. Falls back to `fallback` until
 * measured, and where ResizeObserver is missing (jsdom) uses window resize events instead.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefCallback<T>, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    // Rounding avoids re-render ping-pong on sub-pixel layout changes.
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
