// A small pool of batch workers on the page: jobs queue in order, each worker runs one at a time, any job can be cancelled.
import { BATCH_WORKER_CRASHED, type BatchJob, type BatchRequest, type BatchResponse } from './batchProtocol';

/** The part of a Worker the pool uses, so tests can stand in a fake. */
export interface WorkerLike {
  postMessage(message: BatchRequest): void;
  terminate(): void;
  onmessage: ((event: { data: BatchResponse }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** How a job ended: it finished (its last message passed on), failed (an error message passed on), or was cancelled. */
export type JobEnd = 'done' | 'failed' | 'cancelled';

export interface JobHandle {
  readonly id: number;
  /** Settles once the job has ended; never rejects. */
  readonly ended: Promise<JobEnd>;
  /** Drops a queued job, or stops the worker running it (a fresh one takes its place). Safe to call late. */
  cancel(): void;
}

/** Most workers a pool starts: four arms play side by side, and more would fight the page for cores. */
export const POOL_MAX = 4;

/**
 * Workers for a machine with `cores` logical cores: one per core, at least one, at most POOL_MAX.
 * While an animation plays, one of them takes no new jobs (see BatchPool.reserveCore).
 */
export function poolSizeFor(cores: number | undefined): number {
  return Math.max(1, Math.min(POOL_MAX, Math.floor(cores ?? 2) || 1));
}

interface Entry {
  readonly id: number;
  readonly job: BatchJob;
  readonly onMessage: (message: BatchResponse) => void;
  readonly end: (how: JobEnd) => void;
}

interface Slot {
  worker: WorkerLike | null;
  running: Entry | null;
}

const isLast = (message: BatchResponse) => message.type !== 'rows' || message.done;

export class BatchPool {
  private readonly slots: Slot[];
  private readonly queue: Entry[] = [];
  private nextId = 1;
  private disposed = false;
  /** Workers that may take a new job (see `reserveCore`). */
  private limit: number;

  constructor(
    size: number,
    private readonly spawn: () => WorkerLike,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, running: null }));
    this.limit = this.slots.length;
  }

  /**
   * While `reserve` holds, one worker fewer takes new jobs (never fewer than one), so the page has a
   * core to draw on: an animation playing beside busy workers on a 2-core machine stutters. Jobs
   * already running finish where they are.
   */
  reserveCore(reserve: boolean): void {
    this.limit = reserve ? Math.max(1, this.slots.length - 1) : this.slots.length;
    this.pump();
  }

  /** Workers in the pool. */
  get size(): number {
    return this.slots.length;
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.running).length;
  }

  /** Queues `job`; `onMessage` sees each of its messages, the last one included, until it ends. */
  submit(job: BatchJob, onMessage: (message: BatchResponse) => void): JobHandle {
    const id = this.nextId++;
    let end!: (how: JobEnd) => void;
    const ended = new Promise<JobEnd>((resolve) => {
      let settled = false;
      end = (how) => {
        if (settled) return;
        settled = true;
        resolve(how);
      };
    });
    const entry: Entry = { id, job, onMessage, end };
    if (this.disposed) end('cancelled');
    else {
      this.queue.push(entry);
      this.pump();
    }
    return { id, ended, cancel: () => this.cancel(entry) };
  }

  /** Cancels every job and stops every worker; the pool takes no more jobs. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.queue.splice(0)) entry.end('cancelled');
    for (const slot of this.slots) {
      const running = slot.running;
      this.stop(slot);
      running?.end('cancelled');
    }
  }

  private cancel(entry: Entry): void {
    const queued = this.queue.indexOf(entry);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      entry.end('cancelled');
      return;
    }
    const slot = this.slots.find((s) => s.running === entry);
    if (!slot) return;
    // A worker deep in a run reads no messages until it finishes, so stopping it is the only quick way.
    this.stop(slot);
    entry.end('cancelled');
    this.pump();
  }

  private stop(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = null;
    slot.running = null;
  }

  private pump(): void {
    let busy = this.slots.filter((s) => s.running).length;
    for (const slot of this.slots) {
      if (this.queue.length === 0 || busy >= this.limit) return;
      if (slot.running) continue;
      busy++;
      const entry = this.queue.shift()!;
      this.start(slot, entry);
    }
  }

  private start(slot: Slot, entry: Entry): void {
    const worker = slot.worker ?? this.spawn();
    slot.worker = worker;
    slot.running = entry;
    worker.onmessage = (event) => {
      const message = event.data;
      if (slot.running !== entry || message.id !== entry.id) return;
      entry.onMessage(message);
      if (!isLast(message)) return;
      slot.running = null;
      entry.end(message.type === 'error' ? 'failed' : 'done');
      this.pump();
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (slot.running !== entry) return;
      this.stop(slot);
      // The worker's own words go to the console; the page shows a fixed sentence.
      console.error('A batch worker crashed:', event.message ?? event);
      entry.onMessage({ type: 'error', id: entry.id, message: BATCH_WORKER_CRASHED });
      entry.end('failed');
      this.pump();
    };
    worker.postMessage({ type: 'job', id: entry.id, job: entry.job });
  }
}

/** A pool of real batch workers sized to this machine's cores. */
export function startBatchPool(size = poolSizeFor(globalThis.navigator?.hardwareConcurrency)): BatchPool {
  return new BatchPool(size, () => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
}

let shared: BatchPool | null = null;

/** The page's one pool, started on first use: pinned runs, comparison arms and parallel worlds share its workers. */
export function sharedBatchPool(): BatchPool {
  shared ??= startBatchPool();
  return shared;
}
