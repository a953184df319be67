// Messages between the page and a batch worker, which runs whole scenarios for comparisons and parallel worlds.
import type { InitialMetrics, Params, Scenario, StepMetrics } from '../engine';
import { HOW_TO_REPORT } from './protocol';

/** What a batch worker is asked to run. */
export type BatchJob =
  /** A scenario to step `toStep`, its rows streamed in chunks as they are made. */
  | { readonly kind: 'rows'; readonly scenario: Scenario; readonly toStep: number }
  /** One parallel world to its end: its rows and each song's clicks during the run (and the songs' quality, once). */
  | { readonly kind: 'world'; readonly params: Params; readonly withQuality: boolean };

/** Page → batch worker. */
export interface BatchRequest {
  readonly type: 'job';
  readonly id: number;
  readonly job: BatchJob;
}

/** Batch worker → page. */
export type BatchResponse =
  /** Rows of a `rows` job since the last message; `initial` comes with the first. */
  | { readonly type: 'rows'; readonly id: number; readonly initial?: InitialMetrics; readonly rows: StepMetrics[]; readonly done: boolean }
  /** A finished `world` job; per-song arrays are indexed by song id. */
  | {
      readonly type: 'world';
      readonly id: number;
      readonly initial: InitialMetrics;
      readonly rows: StepMetrics[];
      readonly runClicks: Float64Array;
      readonly quality?: Float64Array;
      readonly genre?: Uint8Array;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Longest the worker goes between two `rows` messages of one job, so progress shows. */
export const BATCH_CHUNK_MS = 50;

/**
 * The `error` message of a job that failed unexpectedly (the exception itself goes to the console).
 * The page puts it after what failed: "Arm B failed: …", "seed 12: …".
 */
export const BATCH_JOB_FAILED = `an internal error stopped this run: ${HOW_TO_REPORT}`;
/** The `error` message of a job whose worker crashed. */
export const BATCH_WORKER_CRASHED = `the worker running it crashed: ${HOW_TO_REPORT}`;
