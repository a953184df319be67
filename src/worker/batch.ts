// A batch worker's logic, free of worker globals so it runs (and is tested) in Node: one job in, its results out.
import { replayScenario, Simulation, type InitialMetrics, type Params, type StepMetrics } from '../engine';
import { BATCH_CHUNK_MS, BATCH_JOB_FAILED, type BatchRequest, type BatchResponse } from './batchProtocol';
import { browserRunProblem } from './memory';

/** Sends one response; `transfer` lists buffers to move rather than copy. */
export type BatchPost = (message: BatchResponse, transfer: Transferable[]) => void;

/**
 * Runs one job to the end and posts what it makes. A `rows` job posts its rows at least every
 * BATCH_CHUNK_MS (the first message carries `initial`), the last with `done`; a `world` job posts
 * once. A run too big for the browser's memory is refused before anything is allocated, with the
 * page's refusal (the page checks the runs that go at once first; this guards each one). Any other
 * error becomes an `error` message with a fixed sentence (BATCH_JOB_FAILED), the exception itself
 * going to the console; the worker stays usable.
 */
export function runBatchJob(request: BatchRequest, post: BatchPost, now: () => number = () => performance.now()): void {
  const { id, job } = request;
  try {
    const tooBig = browserRunProblem(job.kind === 'rows' ? runParams(job.scenario.params, job.toStep) : job.params);
    if (tooBig) {
      post({ type: 'error', id, message: tooBig }, []);
      return;
    }
    if (job.kind === 'rows') {
      let pending: StepMetrics[] = [];
      let initial: InitialMetrics | undefined;
      let sentInitial = false;
      let last = now();
      const flush = (done: boolean) => {
        post({ type: 'rows', id, ...(sentInitial ? {} : { initial }), rows: pending, done }, []);
        sentInitial = true;
        pending = [];
        last = now();
      };
      const replay = replayScenario(job.scenario, job.toStep, (row, sim) => {
        initial ??= sim.initial;
        pending.push(row);
        if (now() - last >= BATCH_CHUNK_MS) flush(false);
      });
      initial ??= replay.initial;
      flush(true);
      return;
    }
    const sim = new Simulation(job.params);
    const rows: StepMetrics[] = [];
    while (!sim.done) rows.push(sim.step());
    const { world, log } = sim;
    const runClicks = new Float64Array(world.songCount);
    for (let i = 0; i < world.songCount; i++) runClicks[i] = log.plays[i]! - world.songPrior[i]!;
    if (job.withQuality) {
      const quality = Float64Array.from(world.songQuality);
      const genre = Uint8Array.from(world.songGenre);
      post({ type: 'world', id, initial: sim.initial, rows, runClicks, quality, genre }, [runClicks.buffer, quality.buffer, genre.buffer]);
    } else post({ type: 'world', id, initial: sim.initial, rows, runClicks }, [runClicks.buffer]);
  } catch (err) {
    console.error('A batch job failed:', err);
    post({ type: 'error', id, message: BATCH_JOB_FAILED }, []);
  }
}

/** The parameters a `rows` job runs with: a run longer than the scenario is built that long (engine replayScenario). */
function runParams(params: Params, toStep: number): Params {
  return toStep > params.steps ? { ...params, steps: toStep } : params;
}
