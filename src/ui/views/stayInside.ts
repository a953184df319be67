// Keeps a floating box (tooltip, popover) inside a container: a pure shift, and a hook that applies it.
import { useLayoutEffect, type RefObject } from 'react';

/** A box in page pixels, as getBoundingClientRect gives it. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The shift that moves `box` inside `bounds`, `pad` px clear of each edge. A box larger than the
 * bounds keeps its left and top edge inside (its start is what one reads first).
 */
export function shiftInto(box: Box, bounds: Box, pad = 4): { dx: number; dy: number } {
  const axis = (lo: number, hi: number, min: number, max: number) => {
    let d = 0;
    if (hi > max - pad) d = max - pad - hi;
    if (lo + d < min + pad) d = min + pad - lo;
    return d;
  };
  return {
    dx: axis(box.left, box.right, bounds.left, bounds.right),
    dy: axis(box.top, box.bottom, bounds.top, bounds.bottom),
  };
}

/** The viewport as a box. */
function viewport(): Box {
  const el = document.documentElement;
  return {
    left: 0,
    top: 0,
    right: el.clientWidth || window.innerWidth,
    bottom: el.clientHeight || window.innerHeight,
  };
}

/**
 * After every render while `active`, moves the element (with a CSS translate) so it stays inside
 * its closest ancestor matching `selector` and inside the viewport's width; without such an
 * ancestor, inside the viewport. Runs before paint, so the box never shows outside first. Pass
 * `active` false while the box is hidden: measuring forces a layout, which a hidden box (re-rendered
 * with its view on every step) must not cost.
 */
export function useStayInside(
  ref: RefObject<HTMLElement | null>,
  selector: string,
  active = true,
): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    el.style.translate = '';
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return; // not laid out (jsdom) or hidden
    const container = el.parentElement?.closest(selector);
    const view = viewport();
    const outer = container ? container.getBoundingClientRect() : view;
    // The container may be wider than the screen (a scrolled table): the screen wins sideways.
    const bounds = {
      left: Math.max(outer.left, view.left),
      right: Math.min(outer.right, view.right),
      top: outer.top,
      bottom: outer.bottom,
    };
    const { dx, dy } = shiftInto(box, bounds);
    if (dx !== 0 || dy !== 0) el.style.translate = `${Math.round(dx)}px ${Math.round(dy)}px`;
  });
}
