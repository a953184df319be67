// The present-mode view a lesson chapter stands for: P (or Present) opens on what the chapter points at, not always on the loop.
import type { LessonPosition } from '../../state/store';
import { chapterAt, type LessonFocus } from './chapters';

/** The view present mode shows with no lesson, or for a chapter that points at no view (the sandbox). */
export const LOOP_VIEW = 'loop';

/**
 * Each focus as a present view (ids of PRESENT_VIEWS). Parts of the page present mode has no view of
 * go to the view that holds them: the estimate-error chart sits inside the hit-rate view; the headline
 * numbers have no view, and the loop's present headlines are theirs (distinct songs, head clicks, Gini).
 * A Record, so a new focus cannot be added without choosing its view.
 */
export const PRESENT_VIEW_OF_FOCUS: Readonly<Record<LessonFocus, string>> = {
  loop: LOOP_VIEW,
  numbers: LOOP_VIEW,
  'rich-get-richer': 'rich-get-richer',
  'exposure-bias': 'exposure-bias',
  'hit-rate': 'hit-rate',
  diversity: 'diversity',
  'song-wall': 'song-wall',
  'estimate-error': 'hit-rate',
};

/** The view present mode opens on: the open chapter's focus as a present view, else the loop. */
export function presentViewFor(lesson: LessonPosition | null): string {
  const focus = chapterAt(lesson)?.chapter.focus;
  return focus ? PRESENT_VIEW_OF_FOCUS[focus] : LOOP_VIEW;
}
