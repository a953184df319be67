// Parallel worlds (--worlds N): N seeds over one shared world, run on a worker-thread pool, then compared.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parallelSeedOverflow, parallelWorldParams, SCHEMA_VERSION, worldSeedOf, type Params, type RunResult } from '../engine';
import { acrossWorlds, type AcrossWorlds } from '../engine/metrics/across';
import { openAll } from './execute';
import { nodeFs, type TextSink, type WriteFs } from './files';
import { STDOUT_PATH } from './targets';
import {
  runWorld,
  WORKER_ROLE,
  type WorkerReply,
  type WorldJob,
  type WorldOutcome,
} from './worldsWorker';

/** The --worlds output: every run in seed order, then the measures across them. */
export interface WorldsResult {
  schemaVersion: typeof SCHEMA_VERSION;
  worlds: RunResult[];
  across: AcrossWorlds & {
    /** The seed of each world, S … S+N−1. */
    seeds: number[];
    /** The world seed every run shared. */
    worldSeed: number;
  };
}

/** Runs the jobs (in any order, on any threads) and returns their outcomes by job index. */
export type WorldRunner = (jobs: readonly WorldJob[]) => Promise<WorldOutcome[]>;

/** The jobs of `n` parallel worlds: world j runs parallelWorldParams(params, n)[j] (engine/worlds.ts). */
export function worldJobs(params: Params, n: number): WorldJob[] {
  return parallelWorldParams(params, n).map((world, index) => ({ index, params: world, withQuality: index === 0 }));
}

/** Why `n` worlds from `params` cannot run (seeds beyond the schema's largest), or undefined. */
export function worldsProblem(params: Params, n: number): string | undefined {
  const over = parallelSeedOverflow(params, n);
  return over
    ? `--worlds: seeds ${over.first} … ${over.last} go past the largest seed ${over.max}; lower --seed or --worlds`
    : undefined;
}

/** Threads for `n` worlds: one per world, at most one per core the process may use. */
export function poolSize(n: number): number {
  return Math.max(1, Math.min(n, availableParallelism()));
}

/** Runs every job on the calling thread, one after the other. */
export const inProcess: WorldRunner = async (jobs) =>
  jobs.map((job) => runWorld(job.params, job.withQuality));

const BOOTSTRAP = new URL('./worldsBootstrap.mjs', import.meta.url);

/**
 * A pool of `threads` worker threads, each running whole simulations. A thread takes the next
 * job whenever it finishes one, so uneven runs still keep every thread busy; outcomes are stored
 * by job index, so the result does not depend on the number of threads or on which finishes first.
 * The first failure rejects and stops every thread.
 */
export function workerPool(threads: number): WorldRunner {
  return (jobs) =>
    new Promise<WorldOutcome[]>((resolve, reject) => {
      const outcomes: WorldOutcome[] = new Array<WorldOutcome>(jobs.length);
      const workers: Worker[] = [];
      let next = 0;
      let done = 0;
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        for (const w of workers) void w.terminate();
        if (err) reject(err);
        else resolve(outcomes);
      };
      const feed = (worker: Worker) => {
        if (next < jobs.length) worker.postMessage(jobs[next++]!);
      };
      if (jobs.length === 0) return finish();
      for (let n = 0; n < Math.min(threads, jobs.length); n++) {
        const worker = new Worker(BOOTSTRAP, { workerData: { role: WORKER_ROLE } });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return finish(new Error(`world ${reply.index}: ${reply.error}`));
          const { index, ...outcome } = reply;
          outcomes[index] = outcome;
          if (++done === jobs.length) finish();
          else feed(worker);
        });
        worker.on('error', (err) => finish(err));
        worker.on('exit', (code) => {
          if (!settled) finish(new Error(`a worlds worker thread exited early (code ${code})`));
        });
        feed(worker);
      }
    });
}

/**
 * Runs `n` parallel worlds of `params` and compares them (metrics/across.ts). By default on a
 * pool of poolSize(n) worker threads; `runner` replaces the pool (e.g. `inProcess` in tests).
 */
export async function runWorlds(
  params: Params,
  n: number,
  runner: WorldRunner = workerPool(poolSize(n)),
): Promise<WorldsResult> {
  const jobs = worldJobs(params, n);
  const outcomes = await runner(jobs);
  const quality = outcomes[0]?.quality;
  if (outcomes.length !== n || !quality) throw new Error('the worlds runner returned too little');
  const worlds = outcomes.map((o) => o.result);
  const across = acrossWorlds({
    runClicks: outcomes.map((o) => o.runClicks),
    quality,
    // A run has at least one step (steps ≥ 1), so `final` is there; initial covers the type.
    gini: worlds.map((r) => r.summary.final?.gini ?? r.initial.gini),
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    worlds,
    across: { ...across, seeds: jobs.map((j) => j.params.seed), worldSeed: worldSeedOf(params) },
  };
}

/**
 * The output text: compact, newline-terminated JSON. Each entry of `worlds` is character for
 * character the JSON of the single run with that seed (JSON.stringify of the same object).
 */
export function formatWorlds(result: WorldsResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * Runs the worlds and writes the result to `out` (atomically, via a temporary opened before the
 * run so that an unwritable path fails fast) or else (`out` undefined or `-`) to `stdout`.
 */
export async function executeWorlds(
  params: Params,
  n: number,
  out: string | undefined,
  stdout: TextSink,
  runner?: WorldRunner,
  fs: WriteFs = nodeFs,
): Promise<void> {
  const toFile = out !== undefined && out !== STDOUT_PATH ? out : undefined;
  const { set, sinks } = openAll([['--out', toFile]], stdout, fs);
  let text: string;
  try {
    text = formatWorlds(await runWorlds(params, n, runner));
    sinks.get('--out')?.write(text);
    set.publishAll();
  } catch (err) {
    set.discardAll();
    throw err;
  }
  if (toFile === undefined) stdout.write(text);
}
