// The data every view receives: metric history, strategy-change markers and a per-song snapshot.
import type { InitialMetrics, StepMetrics } from '../../engine';

// Marker and SongSnapshot are state the store holds; the views take them as props.
import type { Marker, SongSnapshot } from '../../state/types';
export type { Marker, SongSnapshot };

/** What every view component gets. Views are pure: same props, same picture. */
export interface ViewProps {
  readonly initial: InitialMetrics | null;
  readonly rows: readonly StepMetrics[];
  readonly markers: readonly Marker[];
  /** Planned run length, for the time axis. */
  readonly steps: number;
  /** Popularity bucket edges [a, b]: low < a ≤ mid ≤ b < high. */
  readonly bucketThresholds: readonly number[];
  readonly genres: number;
  readonly songs: SongSnapshot | null;
  /** A pinned run A, up to the step the run shown has reached: time charts draw it as a grey dashed ghost. */
  readonly ghost?: GhostRun | null;
}

/** The pinned run A as the views draw it. */
export interface GhostRun {
  readonly initial: InitialMetrics | null;
  /** A's rows from step 1 to the step of the run shown (lockstep). */
  readonly rows: readonly StepMetrics[];
}
