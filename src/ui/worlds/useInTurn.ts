// Shows a new result part by part, one part per frame, so no single task lays out the whole page.
import { startTransition, useEffect, useState } from 'react';

interface Turn<T> {
  /** The newest value. */
  readonly value: T;
  /** What the parts not yet reached show: the value every part showed last (null before the first). */
  readonly before: T | null;
  /** How many parts, in order, show `value`. */
  readonly shown: number;
}

/**
 * Hands a new `value` to `parts` parts of a page one at a time, in order: none in the render that
 * brings it (for the worlds page, the task that received the last world), then one more after each
 * frame, each in a task of its own and at transition priority. Drawing the finished worlds at once
 * (the numbers, two grids of 80 chips, two scatters of 16,000 points) took tasks of 260–400 ms;
 * a part at a time, each task lays out and paints one part.
 *
 * Returns what part `k` (from 0) shows: the new value once its turn has come, else the value all
 * parts showed before (null before the first), so a new run replaces an old one without blanks.
 */
export function useInTurn<T>(value: T, parts: number): (part: number) => T | null {
  const [turn, setTurn] = useState<Turn<T>>(() => ({ value, before: null, shown: parts }));
  let current = turn;
  if (turn.value !== value) {
    // A new value (adjusting state while rendering: React renders again before committing).
    current = { value, before: turn.shown >= parts ? turn.value : turn.before, shown: 0 };
    setTurn(current);
  }
  useEffect(() => {
    if (current.shown >= parts) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(() => {
        startTransition(() => setTurn((t) => (t.value === current.value && t.shown < parts ? { ...t, shown: t.shown + 1 } : t)));
      }, 0);
    };
    // After the next frame (the part before is on screen), in a task of its own.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(next) : null;
    if (frame === null) next();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [current, parts]);
  return (part) => (part < current.shown ? current.value : current.before);
}
