// The batch pool: jobs run in order on a few workers, results reach the right job, cancel and crashes end only their job.
import { describe, expect, it } from 'vitest';
import { findPreset, presetParams, replayScenario, type Params } from '../../src/engine';
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

  it('a crash fails only the job it ran; the next job gets a fresh worker', async () => {
    let made = 0;
    const pool = new BatchPool(1, () => new FakeWorker(made++ === 0 ? 1 : undefined));
    const messages: BatchResponse[] = [];
    const a = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, (m) => messages.push(m));
    const b = pool.submit({ kind: 'rows', scenario: { params: params() }, toStep: 2 }, () => {});
    expect(await a.ended).toBe('failed');
    expect(messages).toEqual([{ type: 'error', id: a.id, message: 'a comparison worker crashed: boom' }]);
    expect(await b.ended).toBe('done');
    expect(made).toBe(2);
  });

  it('an engine error ends the job as failed with its message, and dispose cancels the rest', async () => {
    const pool = new BatchPool(1, () => new FakeWorker());
    const messages: BatchResponse[] = [];
    const bad = pool.submit(
      { kind: 'rows', scenario: { params: params(), changes: [{ t: 2, key: 'songs', value: 50 }] }, toStep: 4 },
      (m) => messages.push(m),
    );
    expect(await bad.ended).toBe('failed');
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('needs a restart') });
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
