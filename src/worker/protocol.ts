// Messages between the page and the simulation worker.
import type { InitialMetrics, Params, StepMetrics } from '../engine';

/** Page → worker. */
export type WorkerRequest =
  /** Builds a new world and log for `params` (validated again in the worker). */
  | { type: 'reset'; params: Params }
  /** Runs up to `count` steps (never past the run length). */
  | { type: 'step'; count: number }
  /** Applies live parameters from the next step on. */
  | { type: 'setParams'; params: Params };

/** Worker → page. */
export type WorkerResponse =
  | { type: 'ready'; initial: InitialMetrics; params: Params }
  | { type: 'steps'; rows: StepMetrics[]; done: boolean }
  | { type: 'error'; message: string };
