// The views, each in its own error boundary, fed from the store. This is the one place (with the
// headline numbers) that subscribes to per-frame data, so the controls never re-render per step.
import { useMemo } from 'react';
import { VIEWS, type ViewEntry } from './views';
import type { ViewProps } from './views/types';
import { ErrorBoundary } from './ErrorBoundary';
import { useAppStore } from './storeContext';

/** The props every view gets, rebuilt only when one of its parts changes. */
export function useViewProps(): ViewProps {
  const initial = useAppStore((s) => s.initial);
  const rows = useAppStore((s) => s.rows);
  const markers = useAppStore((s) => s.markers);
  const steps = useAppStore((s) => s.params.steps);
  const bucketThresholds = useAppStore((s) => s.params.bucketThresholds);
  const genres = useAppStore((s) => s.params.genres);
  const songs = useAppStore((s) => s.songs);
  return useMemo(
    () => ({ initial, rows, markers, steps, bucketThresholds, genres, songs }),
    [initial, rows, markers, steps, bucketThresholds, genres, songs],
  );
}

function ViewSlot({ view, props, runCount }: { view: ViewEntry; props: ViewProps; runCount: number }) {
  const { Component } = view;
  return (
    <div className="view-slot" id={`view-${view.id}`} data-view={view.id} data-step={props.rows.at(-1)?.t ?? 0}>
      <ErrorBoundary name={view.title} resetKey={runCount}>
        <Component {...props} />
      </ErrorBoundary>
    </div>
  );
}

export function ViewGrid({ views = VIEWS }: { views?: readonly ViewEntry[] }) {
  const props = useViewProps();
  const runCount = useAppStore((s) => s.runCount);
  return (
    <div className="view-grid">
      {views.map((view) => (
        <ViewSlot key={view.id} view={view} props={props} runCount={runCount} />
      ))}
    </div>
  );
}
