// Worker thread of --worlds: runs whole simulations handed out by the pool in worlds.ts and posts each back.
import { parentPort, workerData } from 'node:worker_threads';
import { runSimulation, type Params, type RunResult, type World } from '../engine';

/** Marks a thread started by the pool, so that importing this module elsewhere starts nothing. */
export const WORKER_ROLE = 'feedback-loop-lab/worlds';

/** One simulation to run: the index keeps results in seed order whatever thread finishes first. */
export interface WorldJob {
  readonly index: number;
  readonly params: Params;
  /** Send the songs' quality too; the world is shared, so one world's copy serves all. */
  readonly withQuality: boolean;
}

/** What one world yields: its result and the clicks each song got during the run. */
export interface WorldOutcome {
  readonly result: RunResult;
  /** Per song id: final logged plays − prior plays. */
  readonly runClicks: Float64Array;
  readonly quality?: Float64Array;
}

export type WorkerReply =
  ({ readonly index: number } & WorldOutcome) | { readonly index: number; readonly error: string };

/** Runs one world to the end; the same code path whether on a worker thread or in-process. */
export function runWorld(params: Params, withQuality: boolean): WorldOutcome {
  // Declared wide: TS does not see the assignment inside the callback.
  let sim = null as { world: World; log: { plays: Float64Array } } | null;
  const result = runSimulation(params, (_row, _arrays, s) => {
    sim ??= s;
  });
  if (!sim) throw new Error('the run had no steps');
  const { world, log } = sim;
  const runClicks = new Float64Array(world.songCount);
  for (let i = 0; i < world.songCount; i++) runClicks[i] = log.plays[i]! - world.songPrior[i]!;
  return withQuality
    ? { result, runClicks, quality: Float64Array.from(world.songQuality) }
    : { result, runClicks };
}

const port = parentPort;
if (port && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
  port.on('message', (job: WorldJob) => {
    let outcome: WorldOutcome;
    try {
      outcome = runWorld(job.params, job.withQuality);
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      port.postMessage({ index: job.index, error } satisfies WorkerReply);
      return;
    }
    // The song arrays are moved, not copied: the worker has no further use for them.
    const transfer: ArrayBuffer[] = [outcome.runClicks.buffer as ArrayBuffer];
    if (outcome.quality) transfer.push(outcome.quality.buffer as ArrayBuffer);
    port.postMessage({ index: job.index, ...outcome } satisfies WorkerReply, transfer);
  });
}
