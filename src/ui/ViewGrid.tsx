// The views, each in its own error boundary, fed from the store. This is the one place (with the
// headline numbers) that subscribes to per-frame data, so the controls never re-render per step.
//
// The views get a deferred copy of their props: a new batch of steps is drawn at transition
// priority, which React renders in short slices between frames, so a heavy chart never blocks the
// page (the first data, when every chart mounts at once, used to take one task of 150–300 ms). The
// session acknowledges the batch only once it is drawn (viewFrames), so the next one cannot
// interrupt it.
import { memo, useDeferredValue, useMemo } from 'react';
import { VIEWS, type ViewEntry } from './views';
import type { GhostRun, ViewProps } from './views/types';
import { ErrorBoundary } from './ErrorBoundary';
import { useAppStore } from './storeContext';
import { useReportShown, viewFrames, type ViewFrames } from './viewFrames';

/** The props every view gets, rebuilt only when one of its parts changes. */
export function useViewProps(): ViewProps {
  const initial = useAppStore((s) => s.initial);
  const rows = useAppStore((s) => s.rows);
  const markers = useAppStore((s) => s.markers);
  const steps = useAppStore((s) => s.params.steps);
  const bucketThresholds = useAppStore((s) => s.params.bucketThresholds);
  const genres = useAppStore((s) => s.params.genres);
  const songs = useAppStore((s) => s.songs);
  const pinned = useAppStore((s) => s.pinned);
  const t = useAppStore((s) => s.t);
  // A in lockstep with B: only A's rows up to the step B has reached.
  const ghost = useMemo<GhostRun | null>(
    () => (pinned ? { initial: pinned.initial, rows: pinned.rows.filter((r) => r.t <= t) } : null),
    [pinned, t],
  );
  return useMemo(
    () => ({ initial, rows, markers, steps, bucketThresholds, genres, songs, ghost }),
    [initial, rows, markers, steps, bucketThresholds, genres, songs, ghost],
  );
}

/** Memoised: while a new batch waits to be drawn, the urgent render passes the old props and skips every view. */
const ViewSlot = memo(function ViewSlot({ view, props, runCount }: { view: ViewEntry; props: ViewProps; runCount: number }) {
  const { Component } = view;
  return (
    <div className="view-slot" id={`view-${view.id}`} data-view={view.id} data-step={props.rows.at(-1)?.t ?? 0}>
      <ErrorBoundary name={view.title} resetKey={runCount}>
        <Component {...props} />
      </ErrorBoundary>
    </div>
  );
});

export function ViewGrid({ views = VIEWS, frames = viewFrames }: { views?: readonly ViewEntry[]; frames?: ViewFrames }) {
  const latest = useViewProps();
  const props = useDeferredValue(latest);
  useReportShown(props, latest, frames);
  const runCount = useAppStore((s) => s.runCount);
  return (
    <div className="view-grid">
      {views.map((view) => (
        <ViewSlot key={view.id} view={view} props={props} runCount={runCount} />
      ))}
    </div>
  );
}
