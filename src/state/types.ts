// Types the store holds and the views draw: live-change markers and the per-song snapshot.

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
