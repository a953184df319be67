// Messages between the page and the simulation worker.
//
// The page owns the parameters and the transport; the worker owns the simulation and its clock.
// While playing, the worker steps on its own timer and streams the rows in batches, at most one
// message per display frame, and only after the page acknowledged the previous one (or after
// `ACK_TIMEOUT_MS`), so a busy page is never flooded. Per-song counts travel as transferred
// typed arrays: copied once in the worker, moved (not copied again) to the page.
import type { InitialMetrics, ListenerKind, ListenerProfile, Params, StepMetrics, TrailStep } from '../engine';

/** Song attributes fixed for a whole run, sent once per reset. Index = song id. */
export interface SongCatalog {
  /** True quality in (0, 1). */
  readonly quality: Float64Array;
  readonly genre: Uint8Array;
  /** 1 if in the long tail Γ. */
  readonly longTail: Uint8Array;
}

/** Per-song counts after step `t`, fresh copies whose buffers are transferred. */
export interface SongFrame {
  readonly t: number;
  /** Songs with id < released exist at step t. */
  readonly released: number;
  /** Logged plays: prior plays + clicks so far. */
  readonly plays: Float64Array;
  /** Impressions since step 1. */
  readonly impressions: Float64Array;
}

/** Page → worker. */
export type WorkerRequest =
  /**
   * Builds a new world and log for `params` (validated again in the worker); stops playing. Responses carry `runId`.
   * `schedule`: live changes to apply on their own, each just before step `t` runs (a replayed link or a lesson);
   * `follow`: the listener whose slates the steps messages carry.
   */
  | { type: 'reset'; runId: number; params: Params; schedule?: readonly ScheduledParams[]; follow?: number }
  /**
   * Follows another listener: by number, or the example listener of a kind. Their profile and their
   * slates of the steps the worker still holds come back at once; later steps follow in `steps` messages.
   */
  | { type: 'follow'; listener: number | ListenerKind }
  /** Steps on the worker's own timer at `stepsPerSecond` until paused or done; a second `play` changes the speed. */
  | { type: 'play'; stepsPerSecond: number }
  /** Stops the timer and sends any rows not yet sent. */
  | { type: 'pause' }
  /** Stops playing, runs up to `count` steps now (never past the run length) and sends them at once. */
  | { type: 'step'; count: number }
  /**
   * Applies live parameters from the next step on. With a `label` the reply carries a marker at that
   * step; `id` is echoed so the page can match the reply to its change. A labelled change (the user's)
   * also drops what is left of the reset's `schedule`: from here on the user drives.
   */
  | { type: 'setParams'; params: Params; label?: string; id?: number }
  /** The page has shown the last `steps` message; the worker may send the next one. */
  | { type: 'ack' };

/** Worker → page. Every response but a crash names the run it belongs to. */
export type WorkerResponse =
  /** `historySteps`: how many recent steps of slates a newly followed listener comes with (see SLATE_HISTORY_BUDGET). */
  | { type: 'ready'; runId: number; initial: InitialMetrics; params: Params; catalog: SongCatalog; songs: SongFrame; listener: ListenerProfile; historySteps: number }
  | { type: 'steps'; runId: number; rows: StepMetrics[]; songs?: SongFrame; done: boolean; trail?: TrailStep[]; listener?: ListenerProfile }
  /**
   * A `follow` took effect: who the followed listener is now, and their slates of the last steps the
   * worker holds (up to `historySteps`, oldest first, empty before step 1). This trail replaces the
   * page's; trail steps already on their way still name the previous listener (TrailStep.listener).
   */
  | { type: 'listener'; runId: number; listener: ListenerProfile; trail: TrailStep[] }
  /** A `setParams` took effect: `marker.t` is the first step that runs with the new values. */
  | { type: 'applied'; runId: number; id?: number; marker: { t: number; label: string } | null; t: number; done: boolean }
  /** `runId` is missing when the worker itself crashed (reported by the client, which has terminated it). The page terminates the worker on any error. */
  | { type: 'error'; runId?: number; message: string };

/** A live change applied by the worker just before step `t` runs; `id` and `label` make its `applied` reply and marker. */
export interface ScheduledParams {
  readonly t: number;
  readonly params: Params;
  readonly label: string;
  readonly id: number;
}

/**
 * How the message of an `error` begins when the worker refused to start a run (too big for the
 * browser's memory budget) rather than failed: the page says what to lower instead of "stopped".
 */
export const RUN_REFUSED = 'This run was not started';

/**
 * How the page asks for an internal error to be reported. An exception's own text (a RangeError, a
 * stack) would mean nothing to the user: it goes to the browser's console, and the page shows a
 * fixed sentence with this. A run is seeded, so the link reproduces it.
 */
export const HOW_TO_REPORT = 'please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console';

/** What the page shows when the simulation failed unexpectedly (the exception itself is logged to the console). */
export const SIMULATION_FAILED = `The simulation failed with an internal error: ${HOW_TO_REPORT}.`;
/** What the page shows when the simulation worker itself crashed. */
export const SIMULATION_CRASHED = `The simulation worker crashed: ${HOW_TO_REPORT}.`;
/** What the page shows when a message from the simulation worker could not be read. */
export const SIMULATION_UNREADABLE = `A message from the simulation worker could not be read: ${HOW_TO_REPORT}.`;
/** What the page shows when the simulation worker could not be started. */
export const SIMULATION_NOT_STARTED = `The simulation worker could not start: ${HOW_TO_REPORT}.`;

/** The shortest interval between two `steps` messages while playing: one display frame. */
export const FRAME_MS = 16;
/** Without an ack for this long the worker sends anyway (e.g. the page's tab is in the background). */
export const ACK_TIMEOUT_MS = 1000;
