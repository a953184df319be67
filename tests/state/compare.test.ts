// The compare session: every arm on the shared world and seed with its own strategy, arms replaced and
// removed, a lockstep cursor, spreads over seeds with progress and cancel, and dispose/start.
import { describe, expect, it } from 'vitest';
import { armParams, defaultParams, replayScenario, runSimulation, type Params, type StepMetrics } from '../../src/engine';
import { createCompareStore, MAX_SEEDS, presetArm, reachedStep, type ArmChoice, type ArmRun } from '../../src/state/compare';
import { CompareSession } from '../../src/state/compareSession';
import { runBatchJob } from '../../src/worker/batch';
import { BATCH_CHUNK_MS, type BatchRequest, type BatchResponse } from '../../src/worker/batchProtocol';
import { BatchPool, type WorkerLike } from '../../src/worker/pool';
import { recordingPool } from './recordingPool';

/** The page's world: small, so every run takes milliseconds. */
const shared: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7 };

const arm = (name: string): ArmChoice => presetArm(name)!;
const loop = () => arm('loop-forms');
const epsilon = () => arm('epsilon-exploration');
const thompson = () => arm('thompson-sampling');

/** What each arm is, written out by hand on the shared world (not through armParams). */
const LOOP: Params = shared;
const EPSILON: Params = { ...shared, exploration: 'epsilon', epsilon: 0.1 };
const THOMPSON: Params = { ...shared, exploration: 'thompson' };
const UCB: Params = { ...shared, exploration: 'ucb' };

const rowsOf = (params: Params): StepMetrics[] => runSimulation(params).steps;

/** A batch worker that answers at once, on this thread. */
class SyncWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  constructor(private readonly requests: BatchRequest[]) {}
  postMessage(message: BatchRequest): void {
    this.requests.push(message);
    runBatchJob(message, (m) => this.onmessage?.({ data: m }), () => 0);
  }
  terminate(): void {}
}

function syncPool() {
  const requests: BatchRequest[] = [];
  const pool = new BatchPool(2, () => new SyncWorker(requests));
  return { pool, requests };
}

/** A job a HeldWorker has been given: its messages (one per row, then the last) are delivered when the test says. */
interface HeldJob {
  readonly request: BatchRequest;
  readonly worker: HeldWorker;
  readonly messages: BatchResponse[];
  sent: number;
}

/** A worker that holds each job until the test delivers its messages; terminated, it says nothing more. */
class HeldWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  constructor(private readonly jobs: HeldJob[]) {}
  postMessage(message: BatchRequest): void {
    const messages: BatchResponse[] = [];
    // A clock that moves a chunk's length at every reading: each row becomes its own message.
    let clock = 0;
    runBatchJob(message, (m) => messages.push(m), () => (clock += BATCH_CHUNK_MS));
    this.jobs.push({ request: message, worker: this, messages, sent: 0 });
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A pool of HeldWorkers (one per arm by default) and the jobs given to them. */
function heldPool(size = 4) {
  const jobs: HeldJob[] = [];
  const pool = new BatchPool(size, () => new HeldWorker(jobs));
  const paramsOf = (job: HeldJob) => (job.request.job.kind === 'rows' ? job.request.job.scenario.params : job.request.job.params);
  /** Delivers up to `count` more messages of each job whose parameters pass `which`. */
  const deliver = (which: (p: Params) => boolean, count = Infinity) => {
    for (const job of jobs.filter((j) => which(paramsOf(j)))) {
      const end = Math.min(job.messages.length, job.sent + count);
      for (; job.sent < end; job.sent++) if (!job.worker.terminated) job.worker.onmessage?.({ data: job.messages[job.sent]! });
    }
  };
  const all = () => true;
  /** Delivers everything, including jobs that start as others end, until nothing is left to send. */
  const drain = () => {
    while (jobs.some((j) => !j.worker.terminated && j.sent < j.messages.length)) deliver(all);
  };
  return { pool, jobs, deliver, drain, all, paramsOf };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clearTimer: (handle: unknown) => {
      pending.delete(handle as number);
    },
    /** Fires the one pending timer (there is never more than one). */
    fire: () => {
      expect(pending.size).toBe(1);
      const [id, timer] = [...pending][0]!;
      pending.delete(id);
      timer.fn();
    },
  };
}

function setup(arms: ArmChoice[], pool: BatchPool, seedCount?: number) {
  const store = createCompareStore(shared, arms, seedCount);
  const timers = manualTimers();
  // A clock far apart at every reading: no update is held back by a throttle, so each message shows.
  let clock = 0;
  const now = () => (clock += 1_000_000);
  const session = new CompareSession(store, () => pool, { setTimer: timers.setTimer, clearTimer: timers.clearTimer, now });
  return { store, session, timers };
}

const isEps = (p: Params) => p.exploration === 'epsilon';
const isThompson = (p: Params) => p.exploration === 'thompson';
const isLoop = (p: Params) => p.exploration === 'none';

describe('CompareSession: the arms on one world and seed', () => {
  it("runs every arm on the shared world and seed with the arm's own strategy, each equal to a replay", () => {
    const { pool, requests } = syncPool();
    const { store, session } = setup([loop(), epsilon(), thompson()], pool);
    expect(store.getState().runs).toEqual([null, null, null]);
    session.start();
    const { arms, runs } = store.getState();
    expect(requests).toHaveLength(3);
    runs.forEach((run, i) => {
      const replay = replayScenario({ params: armParams(arms[i]!.params, shared) });
      expect(run!.status).toBe('done');
      expect(run!.error).toBeNull();
      expect(run!.rows).toEqual(replay.rows);
      expect(run!.initial).toEqual(replay.initial);
    });
    // The same runs, with each arm's parameters written out by hand: the page's seed and sizes, the preset's strategy.
    expect(runs.map((r) => r!.rows)).toEqual([rowsOf(LOOP), rowsOf(EPSILON), rowsOf(THOMPSON)]);
    expect(runs[0]!.rows.map((r) => r.t)).toEqual([1, 2, 3, 4, 5, 6]);
    // Strategies differ, so the rows do too (the comparison is not trivially equal).
    expect(runs[1]!.rows).not.toEqual(runs[0]!.rows);
    expect(reachedStep(runs)).toBe(6);
  });

  it('start() runs only the arms not yet run', () => {
    const { pool, requests } = syncPool();
    const { session } = setup([loop(), epsilon()], pool);
    session.start();
    session.start();
    expect(requests).toHaveLength(2);
  });

  it('setArm replaces one arm and reruns only it; index = length adds an arm; no fifth arm', () => {
    const { pool, requests } = syncPool();
    const { store, session } = setup([loop(), epsilon(), thompson()], pool);
    session.start();
    const before = store.getState().runs;
    session.setArm(1, arm('ucb-exploration'));
    let state = store.getState();
    expect(requests).toHaveLength(4);
    expect(requests[3]!.job).toMatchObject({ kind: 'rows', scenario: { params: UCB }, toStep: 6 });
    expect(state.arms.map((a) => a.preset)).toEqual(['loop-forms', 'ucb-exploration', 'thompson-sampling']);
    // The other arms keep their runs untouched.
    expect(state.runs[0]).toBe(before[0]);
    expect(state.runs[2]).toBe(before[2]);
    expect(state.runs[1]!.rows).toEqual(rowsOf(UCB));
    session.setArm(3, arm('random-baseline'));
    state = store.getState();
    expect(state.arms).toHaveLength(4);
    expect(requests).toHaveLength(5);
    expect(state.runs[3]!.rows).toEqual(rowsOf({ ...shared, recommender: 'random' }));
    session.setArm(4, loop());
    session.setArm(-1, loop());
    expect(store.getState().arms).toHaveLength(4);
    expect(requests).toHaveLength(5);
  });

  it('an arm of custom settings runs on the shared seed and sizes, whatever its own were', () => {
    const { pool } = syncPool();
    const own: Params = { ...defaultParams(), seed: 99, users: 500, songs: 900, steps: 50, popularityPenalty: 0.5 };
    const { store, session } = setup([loop(), { preset: null, params: own }], pool);
    session.start();
    expect(store.getState().runs[1]!.rows).toEqual(rowsOf({ ...shared, popularityPenalty: 0.5 }));
  });

  it('removeArm removes one arm and its run, never going below two arms', () => {
    const { pool } = syncPool();
    const { store, session } = setup([loop(), epsilon(), thompson()], pool);
    session.start();
    const [, , thompsonRun] = store.getState().runs;
    session.removeArm(1);
    expect(store.getState().arms.map((a) => a.preset)).toEqual(['loop-forms', 'thompson-sampling']);
    expect(store.getState().runs[1]).toBe(thompsonRun);
    session.removeArm(0);
    session.removeArm(1);
    expect(store.getState().arms.map((a) => a.preset)).toEqual(['loop-forms', 'thompson-sampling']);
    expect(store.getState().runs).toHaveLength(2);
  });

  it('removing an arm while the others are still computing: each remaining arm still gets its own rows', () => {
    const held = heldPool();
    const { store, session } = setup([loop(), epsilon(), thompson()], held.pool);
    session.start();
    held.deliver(held.all, 2);
    session.removeArm(0);
    held.deliver(held.all);
    const { arms, runs } = store.getState();
    expect(arms.map((a) => a.preset)).toEqual(['epsilon-exploration', 'thompson-sampling']);
    expect(runs.map((r) => r!.status)).toEqual(['done', 'done']);
    expect(runs[0]!.rows).toEqual(rowsOf(EPSILON));
    expect(runs[1]!.rows).toEqual(rowsOf(THOMPSON));
  });

  it('a replaced arm ignores what its old job still sends', () => {
    const held = heldPool();
    const { store, session } = setup([loop(), epsilon()], held.pool);
    session.start();
    session.setArm(1, thompson());
    // The epsilon job's worker was stopped; even if a late message came, it must not land on the new arm.
    const old = held.jobs.find((j) => isEps(held.paramsOf(j)))!;
    old.worker.onmessage?.({ data: old.messages[0]! });
    expect(store.getState().runs[1]!.rows).toEqual([]);
    held.deliver(isThompson);
    expect(store.getState().runs[1]!.rows).toEqual(rowsOf(THOMPSON));
  });

  it('an arm whose job fails says so, keeping the rows it had', () => {
    const held = heldPool();
    const { store, session } = setup([loop(), epsilon()], held.pool);
    session.start();
    held.deliver(isEps, 2);
    const job = held.jobs.find((j) => isEps(held.paramsOf(j)))!;
    job.worker.onmessage?.({ data: { type: 'error', id: job.request.id, message: 'out of memory' } });
    const run = store.getState().runs[1]!;
    expect(run.status).toBe('failed');
    expect(run.error).toBe('out of memory');
    expect(run.rows).toEqual(rowsOf(EPSILON).slice(0, 2));
  });
});

describe('CompareSession: the shared cursor', () => {
  it('seek clamps to the step every arm has reached, and to 0 … steps', () => {
    const held = heldPool();
    const { store, session } = setup([loop(), epsilon()], held.pool);
    session.start();
    session.seek(3);
    expect(store.getState().shown).toBe(0);
    held.deliver(isLoop, 4);
    held.deliver(isEps, 2);
    expect(reachedStep(store.getState().runs)).toBe(2);
    session.seek(5);
    expect(store.getState().shown).toBe(2);
    session.seek(1);
    expect(store.getState().shown).toBe(1);
    session.seek(-3);
    expect(store.getState().shown).toBe(0);
    session.seek(1.6);
    expect(store.getState().shown).toBe(2);
    held.deliver(held.all);
    session.seek(100);
    expect(store.getState().shown).toBe(6);
  });

  it('a step asked for before the arms reach it is shown as they get there; a later seek or Play drops it', () => {
    const held = heldPool();
    const { store, session } = setup([loop(), epsilon()], held.pool);
    session.start();
    session.seek(6);
    held.deliver(held.all, 3);
    expect(store.getState().shown).toBe(3);
    held.deliver(held.all);
    expect(store.getState().shown).toBe(6);
    // A seek to an earlier step replaces the wish to go further.
    const again = heldPool();
    const second = setup([loop(), epsilon()], again.pool);
    second.session.start();
    second.session.seek(6);
    again.deliver(again.all, 2);
    second.session.seek(1);
    again.deliver(again.all);
    expect(second.store.getState().shown).toBe(1);
  });

  it('play moves the cursor one step per timer tick and stops at the end', () => {
    const { pool } = syncPool();
    const { store, session, timers } = setup([loop(), epsilon()], pool);
    session.start();
    session.play();
    expect(store.getState().playing).toBe(true);
    // 10 steps per second: one tick every 100 ms.
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([100]);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      timers.fire();
      seen.push(store.getState().shown);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    // At the end it stops (within a tick) and schedules nothing more.
    for (let i = 0; i < 3 && timers.pending.size > 0; i++) timers.fire();
    expect(timers.pending.size).toBe(0);
    expect(store.getState()).toMatchObject({ playing: false, shown: 6 });
  });

  it('play at the end starts again from step 0; pause stops the ticks', () => {
    const { pool } = syncPool();
    const { store, session, timers } = setup([loop(), epsilon()], pool);
    session.start();
    session.seek(6);
    session.play();
    expect(store.getState().shown).toBe(0);
    timers.fire();
    timers.fire();
    expect(store.getState().shown).toBe(2);
    session.pause();
    expect(timers.pending.size).toBe(0);
    expect(store.getState()).toMatchObject({ playing: false, shown: 2 });
    session.togglePlay();
    expect(store.getState().playing).toBe(true);
    session.togglePlay();
    expect(store.getState().playing).toBe(false);
  });

  it('while an arm is still computing, play waits at the step all arms reached', () => {
    const held = heldPool();
    const { store, session, timers } = setup([loop(), epsilon()], held.pool);
    session.start();
    held.deliver(isLoop);
    held.deliver(isEps, 2);
    session.play();
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      timers.fire();
      seen.push(store.getState().shown);
    }
    expect(seen).toEqual([1, 2, 2, 2]);
    expect(store.getState().playing).toBe(true);
    held.deliver(isEps, 1);
    timers.fire();
    expect(store.getState().shown).toBe(3);
  });

  it('speed is kept within 1 … 60 steps per second', () => {
    const { pool } = syncPool();
    const { store, session, timers } = setup([loop(), epsilon()], pool);
    session.setSpeed(0);
    expect(store.getState().speed).toBe(1);
    session.setSpeed(500);
    expect(store.getState().speed).toBe(60);
    session.setSpeed(4);
    session.start();
    session.play();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([250]);
  });
});

describe('CompareSession: spread over seeds', () => {
  it('runs arms × n seeds on seeds S … S+n−1, each equal to its own run, and reports progress', () => {
    const held = heldPool(1);
    const { store, session } = setup([loop(), epsilon()], held.pool, 3);
    session.start();
    held.drain();
    const armRuns = store.getState().runs;
    expect(armRuns.map((r) => r!.status)).toEqual(['done', 'done']);
    session.runSeeds();
    // One worker: the first seed job is running, the rest queued.
    expect(held.jobs).toHaveLength(3);
    expect(store.getState().spread).toMatchObject({ seeds: [7, 8, 9], finished: 0, total: 6, status: 'running', error: null });
    held.deliver(held.all);
    expect(store.getState().spread).toMatchObject({ finished: 1, total: 6, status: 'running' });
    // Each delivery frees the worker for the next queued job; keep going until all are done.
    held.drain();
    const spread = store.getState().spread!;
    expect(spread).toMatchObject({ finished: 6, total: 6, status: 'done', error: null });
    const seedParams = held.jobs.slice(2).map((j) => held.paramsOf(j));
    expect(seedParams.map((p) => [p.exploration, p.seed])).toEqual([
      ['none', 7],
      ['none', 8],
      ['none', 9],
      ['epsilon', 7],
      ['epsilon', 8],
      ['epsilon', 9],
    ]);
    // The world follows the seed (no world seed is set): seed S+j is the CLI's run with --seed S+j.
    expect(spread.runs).toEqual([
      [rowsOf(LOOP), rowsOf({ ...LOOP, seed: 8 }), rowsOf({ ...LOOP, seed: 9 })],
      [rowsOf(EPSILON), rowsOf({ ...EPSILON, seed: 8 }), rowsOf({ ...EPSILON, seed: 9 })],
    ]);
    // The arms' own runs are left alone.
    expect(store.getState().runs).toBe(armRuns);
  });

  it('with a sync pool the default is ten seeds, arms × 10 runs', () => {
    const { pool, requests } = syncPool();
    const { store, session } = setup([loop(), epsilon()], pool);
    session.start();
    session.runSeeds();
    const spread = store.getState().spread!;
    expect(spread.seeds).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(spread).toMatchObject({ finished: 20, total: 20, status: 'done' });
    expect(requests).toHaveLength(2 + 20);
  });

  it('setSeedCount keeps the count within 2 … MAX_SEEDS, whole', () => {
    const { pool } = syncPool();
    const { store, session } = setup([loop(), epsilon()], pool);
    session.setSeedCount(1);
    expect(store.getState().seedCount).toBe(2);
    session.setSeedCount(MAX_SEEDS + 5);
    expect(store.getState().seedCount).toBe(30);
    session.setSeedCount(4.6);
    expect(store.getState().seedCount).toBe(5);
  });

  it('cancelSeeds with a pool that never answers: cancelled, nothing finished, no job left', () => {
    const requests: BatchRequest[] = [];
    const silent: WorkerLike = { onmessage: null, onerror: null, postMessage: (m) => void requests.push(m), terminate: () => {} };
    const pool = new BatchPool(2, () => ({ ...silent }));
    const { store, session } = setup([loop(), epsilon()], pool, 4);
    session.runSeeds();
    expect(requests.length).toBeGreaterThan(0);
    session.cancelSeeds();
    expect(store.getState().spread).toMatchObject({ seeds: [7, 8, 9, 10], finished: 0, total: 8, status: 'cancelled', error: null });
    expect(pool.pending).toBe(0);
  });

  it('cancelSeeds keeps the runs that finished; late messages change nothing', () => {
    const held = heldPool(4);
    const { store, session } = setup([loop(), epsilon()], held.pool, 3);
    session.runSeeds();
    // Four workers: the first four of six seed jobs run; finish two of them.
    held.deliver((p) => isLoop(p) && p.seed <= 8);
    expect(store.getState().spread).toMatchObject({ finished: 2, status: 'running' });
    session.cancelSeeds();
    held.deliver(held.all);
    const spread = store.getState().spread!;
    expect(spread).toMatchObject({ finished: 2, total: 6, status: 'cancelled' });
    expect(spread.runs[0]).toEqual([rowsOf(LOOP), rowsOf({ ...LOOP, seed: 8 }), []]);
    expect(spread.runs[1]).toEqual([[], [], []]);
    expect(held.pool.pending).toBe(0);
    session.clearSeeds();
    expect(store.getState().spread).toBeNull();
  });

  it('a seed run that fails stops the spread and names the seed', () => {
    const held = heldPool(4);
    const { store, session } = setup([loop(), epsilon()], held.pool, 2);
    session.runSeeds();
    const job = held.jobs.find((j) => isEps(held.paramsOf(j)) && held.paramsOf(j).seed === 8)!;
    job.worker.onmessage?.({ data: { type: 'error', id: job.request.id, message: 'boom' } });
    expect(store.getState().spread).toMatchObject({ status: 'failed', error: 'seed 8: boom', finished: 0 });
    expect(held.pool.pending).toBe(0);
  });

  it('changing an arm drops the spread (it no longer matches the arms)', () => {
    const { pool } = syncPool();
    const { store, session } = setup([loop(), epsilon()], pool, 2);
    session.start();
    session.runSeeds();
    expect(store.getState().spread!.status).toBe('done');
    session.setArm(1, thompson());
    expect(store.getState().spread).toBeNull();
  });
});

describe('CompareSession: dispose and start again', () => {
  it('dispose stops everything; start() then reruns only the arms that had been cut short', () => {
    const held = heldPool();
    const { store, session, timers } = setup([loop(), epsilon(), thompson()], held.pool, 2);
    session.start();
    held.deliver(isLoop);
    held.deliver(isEps, 3);
    const loopRun = store.getState().runs[0];
    session.runSeeds();
    session.play();
    session.dispose();
    let state = store.getState();
    expect(state.runs[0]).toBe(loopRun);
    expect(state.runs.slice(1)).toEqual([null, null]);
    expect(state.playing).toBe(false);
    expect(timers.pending.size).toBe(0);
    expect(state.spread!.status).toBe('cancelled');
    expect(held.pool.pending).toBe(0);
    // Whatever the stopped jobs might still send is ignored.
    held.deliver(held.all);
    expect(store.getState().runs.slice(1)).toEqual([null, null]);
    const before = held.jobs.length;
    session.start();
    const rerun = held.jobs.slice(before).map((j) => held.paramsOf(j).exploration);
    expect(rerun).toEqual(['epsilon', 'thompson']);
    held.deliver(held.all);
    state = store.getState();
    expect(state.runs.map((r) => (r as ArmRun).status)).toEqual(['done', 'done', 'done']);
    expect(state.runs.map((r) => r!.rows)).toEqual([rowsOf(LOOP), rowsOf(EPSILON), rowsOf(THOMPSON)]);
  });
});

describe('CompareSession: runs that go at once must fit in the browser', () => {
  /**
   * 60,000 listeners × 60,000 songs × 100 steps: one run is about 355 MB (estimateRunBytes), so
   * with its worker (20 MB) two at once take about 750 MB and three about 1.13 GB, over the
   * browser's 1 GB.
   */
  const big: Params = { ...shared, users: 60000, songs: 60000, steps: 100 };
  const bigSetup = (arms: ArmChoice[], size: number, seedCount?: number) => {
    const { pool, requests } = recordingPool(size);
    const store = createCompareStore(big, arms, seedCount);
    return { store, requests, session: new CompareSession(store, () => pool) };
  };
  const named = (message: string, label: string) => Number(new RegExp(`${label} \\(largest allowed with the other values: ([\\d,]+)\\)`).exec(message)?.[1]?.replace(/,/g, ''));

  it('refuses three arms at once before submitting any, naming the sizes to lower and the most arms that fit', () => {
    const { store, session, requests } = bigSetup([loop(), epsilon(), thompson()], 4);
    session.start();
    expect(requests).toEqual([]);
    expect(store.getState().runs).toEqual([null, null, null]);
    const refused = store.getState().refused!;
    expect(refused).toMatch(/^The comparison was not started: running 3 arms, 3 at a time, needs about 1\.1 GB of memory, the largest arm \d+ MB for .*; the limit in the browser is 1 GB: lower Listeners \(largest allowed with the other values: [\d,]+\)/);
    expect(refused).toMatch(/ or the number of arms \(largest allowed with the other values: 2\)$/);
    expect(refused).not.toMatch(/RangeError|Error:/);
    // The largest value it names is one that runs; one more is still refused.
    const users = named(refused, 'Listeners');
    expect(users).toBeGreaterThan(2);
    expect(users).toBeLessThan(60000);
    const fits = bigSetup([loop(), epsilon(), thompson()], 4);
    fits.store.setState({ shared: { ...big, users } });
    fits.session.start();
    expect(fits.store.getState().refused).toBeNull();
    expect(fits.requests).toHaveLength(3);
    const over = bigSetup([loop(), epsilon(), thompson()], 4);
    over.store.setState({ shared: { ...big, users: users + 1 } });
    over.session.start();
    expect(over.requests).toEqual([]);
  });

  it('counts only the runs that go at once: the same arms on a two-worker pool run', () => {
    const { store, session, requests } = bigSetup([loop(), epsilon(), thompson()], 2);
    session.start();
    expect(store.getState().refused).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('an added arm that would not fit stays unrun; removing one lets the rest run', () => {
    const { store, session, requests } = bigSetup([loop(), epsilon()], 4);
    session.start();
    expect(requests).toHaveLength(2);
    session.setArm(2, thompson());
    expect(requests).toHaveLength(2);
    expect(store.getState().runs[2]).toBeNull();
    expect(store.getState().refused).toMatch(/^The comparison was not started: running 3 arms, 3 at a time,/);
    session.removeArm(2);
    expect(store.getState().refused).toBeNull();
  });

  it('refuses a spread over seeds that would not fit before submitting any, naming the most seeds that fit; a spread shown stays', () => {
    // 2 arms × 10 seeds on 2 workers: two runs at once (about 750 MB) and every finished run's rows
    // kept (20 × 250 KB of rows and 480 KB a song array, about 15 MB): fits. 4 workers: four at once, not.
    const { store, session, requests } = bigSetup([loop(), epsilon()], 4, 10);
    session.start();
    const before = requests.length;
    session.runSeeds();
    expect(requests).toHaveLength(before);
    expect(store.getState().spread).toBeNull();
    const refused = store.getState().refused!;
    expect(refused).toMatch(/^The spread over seeds was not started: running 2 arms × 10 seeds, 4 at a time, needs about 1\.5 GB of memory, /);
    // Even two seeds make four runs, four at a time: no number of seeds is enough.
    expect(refused).not.toMatch(/Seeds \(largest/);
    const two = bigSetup([loop(), epsilon()], 2, 10);
    two.session.start();
    two.session.runSeeds();
    expect(two.store.getState().refused).toBeNull();
    expect(two.store.getState().spread?.total).toBe(20);
  });
});
