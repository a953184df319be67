// Which worlds a top-songs grid's box cuts off, and the caption naming them.
import { describe, expect, it } from 'vitest';
import { scrollHint, worldsOutOfView } from '../../../src/ui/worlds/gridScroll';

/** Eight columns 77 px wide, 80 px apart from x = 33, scrolled `by` px; the box shows x 30–350 (right of a 30 px rank column). */
const columns = (by: number) => Array.from({ length: 8 }, (_, j) => ({ left: 33 + 80 * j - by, right: 110 + 80 * j - by }));
const view = { left: 30, right: 350 };

describe('worldsOutOfView', () => {
  it('lists the worlds not wholly in view on each side, a half-shown column among them', () => {
    // Unscrolled: world 4 (index 3) ends at 350, the edge; world 5 (index 4) runs to 430.
    expect(worldsOutOfView(columns(0), view)).toEqual({ before: null, after: [4, 7] });
    // 200 px on: worlds 1–3 start left of 30 (world 3 at −7), worlds 7–8 end past 350 (world 7 at 390).
    expect(worldsOutOfView(columns(200), view)).toEqual({ before: [0, 2], after: [6, 7] });
    // At the end (330 px): world 8 ends at 340; worlds 1–5 start before 30 (world 5 at 23).
    expect(worldsOutOfView(columns(330), view)).toEqual({ before: [0, 4], after: null });
    // A box wide enough for all: nothing to say.
    expect(worldsOutOfView(columns(0), { left: 30, right: 700 })).toEqual({ before: null, after: null });
  });

  it('takes a pixel of rounding as in view', () => {
    expect(worldsOutOfView([{ left: 29.5, right: 350.5 }], view)).toEqual({ before: null, after: null });
    expect(worldsOutOfView([{ left: 28, right: 352 }], view)).toEqual({ before: [0, 0], after: null });
  });
});

describe('scrollHint', () => {
  it('names the hidden worlds, counted from 1, and the way to scroll', () => {
    expect(scrollHint({ before: null, after: [4, 7] })).toBe('Scroll right for worlds 5–8');
    expect(scrollHint({ before: null, after: [7, 7] })).toBe('Scroll right for world 8');
    expect(scrollHint({ before: [0, 4], after: null })).toBe('Scroll left for worlds 1–5');
    expect(scrollHint({ before: [0, 0], after: null })).toBe('Scroll left for world 1');
    expect(scrollHint({ before: [0, 2], after: [6, 7] })).toBe('Scroll for worlds 1–3 and 7–8');
    expect(scrollHint({ before: null, after: null })).toBeNull();
  });
});
