// Stand-ins for the batch workers of the parallel-worlds tests: real jobs run in this thread (optionally held until released), or scripted replies.
import { findPreset, presetParams, type Params } from '../../src/engine';
import { runBatchJob } from '../../src/worker/batch';
import type { BatchRequest, BatchResponse } from '../../src/worker/batchProtocol';
import { BatchPool, type WorkerLike } from '../../src/worker/pool';

/** A tiny scenario: runs in a few milliseconds. */
export const tiny: Params = { ...presetParams(findPreset('loop-forms')!), users: 40, songs: 80, steps: 6, seed: 3 };

/** Holds jobs until the test releases them, so progress can be seen between replies. */
export class Gate {
  held = false;
  private readonly waiting: (() => void)[] = [];
  wait(run: () => void): void {
    if (this.held) this.waiting.push(run);
    else setTimeout(run, 0);
  }
  /** Lets `count` held jobs (default all) run on a later tick. */
  release(count = Infinity): void {
    for (const run of this.waiting.splice(0, count)) setTimeout(run, 0);
  }
  get size(): number {
    return this.waiting.length;
  }
}

/** A worker that runs each job with the real batch logic on a later tick, unless terminated first. */
export class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  constructor(private readonly gate?: Gate) {}
  postMessage(message: BatchRequest): void {
    const run = () => {
      if (this.terminated) return;
      runBatchJob(message, (m) => !this.terminated && this.onmessage?.({ data: m }), () => 0);
    };
    if (this.gate) this.gate.wait(run);
    else setTimeout(run, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A worker that answers each job with `reply(request)` on a later tick. */
export class ScriptWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  constructor(private readonly reply: (request: BatchRequest) => BatchResponse) {}
  postMessage(message: BatchRequest): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: this.reply(message) });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A pool of FakeWorkers, and every request it was sent. */
export function fakePool(size = 2, gate?: Gate): { pool: BatchPool; requests: BatchRequest[] } {
  const requests: BatchRequest[] = [];
  const pool = new BatchPool(size, () => {
    const worker = new FakeWorker(gate);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m) => {
      requests.push(m);
      post(m);
    };
    return worker;
  });
  return { pool, requests };
}
