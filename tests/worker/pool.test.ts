// The batch pool: jobs run in order on a few workers, results reach the right job, cancel and crashes end only their job.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateRunBytes, findPreset, presetParams, replayScenario, type Params } from '../../src/engine';
import { runBatchJob } from '../../src/worker/batch';
import type { BatchRequest, BatchResponse } from '../../src/worker/batchProtocol';
import { BatchPool, poolSizeFor, type WorkerLike } from '../../src/worker/pool';

const params = (over: Partial<Params> = {}): Params => ({ ...presetParams(findPreset('loop-forms')!), users: 40, songs: 80, steps: 6, seed: 3, ...over });

/** A worker that runs each job on a later tick, in this thread; `crashOn` makes a job throw like an uncaught error. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  received: BatchRequest[] = [];
  constructor(private readonly crashOn?: number) {}
  postMessage(message: BatchRequest): void {
    this.received.push(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (message.id === this.crashOn) {
        this.onerror?.({ message: 'boom' });
        return;
      }
      // Chunks by time would make the message count depend on speed; a clock that never moves sends one.
      runBatchJob(message, (m) => !this.terminated && this.onmessage?.({ data: m }), () => 0);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** What the page shows of a job that failed or crashed: what failed and how to report it, never the error's own text. */
const JOB_FAILED = 'an internal error stopped this run: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console';
const WORKER_CRASHED = 'the worker running it crashed: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console';

/** Catches console.error (the raw details go there); restored after each test. */
function quietConsole() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}
afterEach(() => {
  vi.restoreAllMocks();
});

describe('poolSizeFor', () => {
  it('one worker per core, from one to four', () => {
    expect(poolSizeFor(undefined)).toBe(2);
    expect(poolSizeFor(0)).toBe(1);
    expect(poolSizeFor(2)).toBe(2);
    expect(poolSizeFor(4)).toBe(4);
    expect(poolSizeFor(16)).toBe(4);
  });
});

describe('BatchPool', () => {
  it('runs every job and passes each its own rows, equal to a replay', async () => {
    const workers: FakeWorker[] = [];
    const pool = new BatchPool(2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const got = new Map<number, BatchResponse[]>();
    const seeds = [1, 2, 3];
    const handles = seeds.map((seed) => {
      const list: BatchResponse[] = [];
      const handle = pool.submit({ kind: 'rows', scenario: { params: params({ seed }) }, toStep: 6 }, (m) => list.push(m));
      got.set(seed, list);
      return handle;
    });
    expect(pool.pending).toBe(3);
    expect(await Promise.all(handles.map((h) => h.ended))).toEqual(['done', 'done', 'done']);
    expect(workers).toHaveLength(2);
    for (const seed of seeds) {
      const messages = got.get(seed)!;
      const rows = messages.flatMap((m) => (m.type === 'rows' ? m.rows : []));
      expect(rows).toEqual(replayScenario({ params: params({ seed }) }).rows);
      expect(messages[0]!.type === 'rows' && messages[0]!.initial).toBeTruthy();
      const last = messages.at(-1)!;
      expect(last.type === 'rows' && last.done).toBe(true);
    }
    expect(pool.pending).toBe(0);
  });

  it('cancels a queued job without running it, and a running one by stopping its worker', async () => {
    const workers: FakeWorker[] = [];
    const pool = new BatchPool(1, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const seen: number[] = [];
    const first = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 6 }, (m) => seen.push(m.id));
    const second = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 6 }, (m) => seen.push(m.id));
    const third = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 6 }, (m) => seen.push(m.id));
    second.cancel();
    first.cancel();
    expect(await first.ended).toBe('cancelled');
    expect(await second.ended).toBe('cancelled');
    expect(await third.ended).toBe('done');
    expect(workers[0]!.terminated).toBe(true);
    // The third ran on a fresh worker; neither cancelled job passed a message on.
    expect(workers).toHaveLength(2);
    expect(new Set(seen)).toEqual(new Set([third.id]));
    first.cancel();
  });

  it('a crash fails only the job it ran, with a fixed sentence; the next job gets a fresh worker', async () => {
    quietConsole();
    let made = 0;
    const pool = new BatchPool(1, () => new FakeWorker(made++ === 0 ? 1 : undefined));
    const messages: BatchResponse[] = [];
    const a = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, (m) => messages.push(m));
    const b = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {});
    expect(await a.ended).toBe('failed');
    expect(messages).toEqual([{ type: 'error', id: a.id, message: WORKER_CRASHED }]);
    // The worker's own words are kept for whoever reports it, in the console only.
    expect(console.error).toHaveBeenCalledWith(expect.any(String), 'boom');
    expect(await b.ended).toBe('done');
    expect(made).toBe(2);
  });

  it('an engine error ends the job as failed with a fixed sentence (the error in the console), and dispose cancels the rest', async () => {
    const logged = quietConsole();
    const pool = new BatchPool(1, () => new FakeWorker());
    const messages: BatchResponse[] = [];
    const bad = pool.submit(
      { kind: 'rows', scenario: { params: params(), changes: [{ t: 2, key: 'songs', value: 50 }] }, toStep: 4 },
      (m) => messages.push(m),
    );
    expect(await bad.ended).toBe('failed');
    expect(messages.at(-1)).toEqual({ type: 'error', id: bad.id, message: JOB_FAILED });
    expect(logged).toHaveBeenCalledTimes(1);
    const [, error] = logged.mock.calls[0]!;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/songs.*needs a restart/);
    const waiting = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {});
    const queued = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {});
    pool.dispose();
    expect(await waiting.ended).toBe('cancelled');
    expect(await queued.ended).toBe('cancelled');
    expect(await pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {}).ended).toBe('cancelled');
  });

  it('a world job returns each song\'s clicks during the run, summing to the run\'s clicks', async () => {
    const pool = new BatchPool(1, () => new FakeWorker());
    let reply: BatchResponse | undefined;
    await pool.submit({ kind: 'world', params: params(), withQuality: true }, (m) => (reply = m)).ended;
    if (reply?.type !== 'world') throw new Error(`expected a world reply, got ${JSON.stringify(reply)}`);
    const total = reply.rows.reduce((sum, r) => sum + r.clicks, 0);
    expect(reply.runClicks.reduce((s, v) => s + v, 0)).toBe(total);
    expect(reply.quality).toHaveLength(80);
    expect(reply.genre).toHaveLength(80);
    expect(reply.rows).toEqual(replayScenario({ params: params() }).rows);
  });
});

describe('BatchPool.reserveCore', () => {
  it('keeps one worker from new jobs while reserved, never the last one', async () => {
    const workers: FakeWorker[] = [];
    const pool = new BatchPool(2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    pool.reserveCore(true);
    const jobs = [1, 2].map((seed) => pool.submit({ kind: 'rows', scenario: { params: params({ seed }) }, toStep: 2 }, () => {}));
    // One worker takes the first job; the second waits instead of starting a second worker.
    expect(workers).toHaveLength(1);
    pool.reserveCore(false);
    expect(workers).toHaveLength(2);
    expect(await Promise.all(jobs.map((j) => j.ended))).toEqual(['done', 'done']);
    const single = new BatchPool(1, () => new FakeWorker());
    single.reserveCore(true);
    expect(await single.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {}).ended).toBe('done');
  });
});

describe('runBatchJob memory guard', () => {
  /** Issue 10's run (on the loop-forms preset): valid, but over 1 GB. */
  const huge = params({ users: 200000, songs: 200000, slateSize: 50, steps: 100 });

  function runOne(request: BatchRequest): BatchResponse[] {
    const sent: BatchResponse[] = [];
    runBatchJob(request, (m) => sent.push(m), () => 0);
    return sent;
  }

  it('refuses a run too big for the browser before building anything, with the page\'s refusal', () => {
    const started = performance.now();
    for (const job of [
      { kind: 'rows', scenario: { params: huge }, toStep: huge.steps },
      { kind: 'world', params: huge, withQuality: true },
    ] as const) {
      const sent = runOne({ type: 'job', id: 9, job });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ type: 'error', id: 9 });
      const message = (sent[0] as { message: string }).message;
      expect(message).toMatch(/^This run was not started: it needs about \d+(\.\d)? GB of memory, .*; the limit in the browser is 1 GB: lower Listeners \(largest allowed with the other values: [\d,]+\)/);
    }
    // From the parameters alone: building 200,000 listeners and songs would take seconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the steps a rows job runs to, not only the scenario\'s own length', () => {
    // 1,000 new songs a step: 5 steps make 205,000 songs, 1,000 steps 1.2 million (× 50 slots × 16 bytes: 960 MB of position log alone).
    const growing = params({ songs: 200000, newSongsPerStep: 1000, slateSize: 50, steps: 5 });
    expect(estimateRunBytes(growing)).toBeLessThan(1e9);
    expect(estimateRunBytes({ ...growing, steps: 1000 })).toBeGreaterThan(1e9);
    const sent = runOne({ type: 'job', id: 4, job: { kind: 'rows', scenario: { params: growing }, toStep: 1000 } });
    expect(sent).toEqual([{ type: 'error', id: 4, message: expect.stringMatching(/^This run was not started: it needs about 1\.\d GB of memory/) }]);
  });
});
