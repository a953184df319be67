// Lets the session acknowledge a batch of steps only once the views have drawn it. The views render
// at transition priority (ViewGrid), in slices between frames, so "painted" means "the views
// committed the latest data", which can be a few frames after the data arrived.
import { useEffect } from 'react';
import { afterPaintAndRest } from '../state/session';

/** How a waiting callback is finally run; `since` is when the data arrived. */
export type Release = (fn: () => void, since: number) => void;

export class ViewFrames {
  private readonly waiting: { fn: () => void; since: number }[] = [];
  private grids = 0;

  constructor(
    private readonly release: Release = afterPaintAndRest,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The session's `afterPaint`: runs `fn` after the views have shown what the store holds now (or
   * at once, through `release`, when no views are mounted).
   */
  readonly afterShown = (fn: () => void): void => {
    const entry = { fn, since: this.now() };
    if (this.grids === 0) this.release(entry.fn, entry.since);
    else this.waiting.push(entry);
  };

  /** A view grid mounted; returns its unmount. */
  attach(): () => void {
    this.grids++;
    return () => {
      this.grids--;
      this.shown();
    };
  }

  /** The views committed the latest data: release everything that waited for it. */
  shown(): void {
    for (const { fn, since } of this.waiting.splice(0)) this.release(fn, since);
  }
}

/** The page's one instance (main.tsx hands its afterShown to the session). */
export const viewFrames = new ViewFrames();

/**
 * Reports to `frames` each commit in which the views show `latest`: `shown` is what they rendered
 * (a deferred value), `latest` what the store holds. A stale commit reports nothing; the newer one
 * follows.
 */
export function useReportShown<T>(shown: T, latest: T, frames: ViewFrames = viewFrames): void {
  useEffect(() => frames.attach(), [frames]);
  useEffect(() => {
    if (shown === latest) frames.shown();
  }, [shown, latest, frames]);
}
