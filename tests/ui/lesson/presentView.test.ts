// The present view a lesson chapter opens on: what the chapter highlights, or the view holding it, else the loop.
import { describe, expect, it } from 'vitest';
import { LOOPS_LESSON } from '../../../src/ui/lesson/chapters';
import { PRESENT_VIEW_OF_FOCUS, presentViewFor } from '../../../src/ui/lesson/presentView';
import { PRESENT_VIEWS } from '../../../src/ui/present/PresentMode';

describe('presentViewFor', () => {
  it('opens each chapter on the view it highlights; chapter 7\u2019s estimate-error chart on the hit-rate view that holds it; the sandbox on the loop', () => {
    expect(LOOPS_LESSON.map((_, i) => presentViewFor({ name: 'loops', chapter: i + 1 }))).toEqual([
      'rich-get-richer',
      'rich-get-richer',
      'diversity',
      'hit-rate',
      'diversity',
      'diversity',
      'hit-rate',
      'loop',
    ]);
  });

  it('names a view present mode has, for every part of the page a chapter may highlight', () => {
    const ids = PRESENT_VIEWS.map((v) => v.id);
    for (const [focus, view] of Object.entries(PRESENT_VIEW_OF_FOCUS)) expect(ids, focus).toContain(view);
    // The headline numbers have no view of their own: the loop carries their present headlines.
    expect(PRESENT_VIEW_OF_FOCUS.numbers).toBe('loop');
  });

  it('opens on the loop with no lesson or an unknown one, and takes the nearest chapter for a number out of range', () => {
    expect(presentViewFor(null)).toBe('loop');
    expect(presentViewFor({ name: 'nope', chapter: 1 })).toBe('loop');
    expect(presentViewFor({ name: 'loops', chapter: 0 })).toBe('rich-get-richer');
    expect(presentViewFor({ name: 'loops', chapter: 99 })).toBe('loop');
  });
});
