// The data every view receives: metric history, strategy-change markers and a per-song snapshot.
import type { InitialMetrics, StepMetrics } from '../../engine';

/** A live parameter change during a run, drawn on every time chart from step `t` on. */
export interface Marker {
  /** First step that ran with the new value. */
  readonly t: number;
  /** Short text such as "ε = 0.1 from here". */
  readonly label: string;
}

/**
 * Per-song state after the latest step, sent by the worker as transferable typed arrays
 * (throttled to the display rate). Index = song id; only ids < released exist yet.
 */
export interface SongSnapshot {
  readonly t: number;
  readonly released: number;
  /** Logged plays: prior plays + clicks so far. */
  readonly plays: Float64Array;
  /** Impressions since step 1. */
  readonly impressions: Float64Array;
  /** True quality in (0, 1). */
  readonly quality: Float64Array;
  readonly genre: Uint8Array;
  /** 1 if in the long tail Γ. */
  readonly longTail: Uint8Array;
}

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
}
