// Following a listener at any time: the worker keeps everyone's recent slates within a memory budget
// and sends a newly followed listener's history at once, the same slates as following them from step 1.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation, trailStep, type Params, type TrailStep } from '../../src/engine';
import { createController, type ControllerClock, type ControllerOptions } from '../../src/worker/controller';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import { historyCapacity, SLATE_HISTORY_BUDGET, SlateHistory, TRAIL_STEPS } from '../../src/worker/slateHistory';

const params: Params = { ...defaultParams(), users: 40, songs: 120, steps: 30 };
const N = 17;

/** A controller whose timers never fire: every step is asked for with `step`. */
function harness(options: ControllerOptions = {}) {
  const messages: WorkerResponse[] = [];
  const clock: ControllerClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };
  const handle = createController((m) => messages.push(m), { clock, ...options });
  const send = (...requests: WorkerRequest[]) => requests.forEach(handle);
  const ofType = <T extends WorkerResponse['type']>(type: T) => messages.filter((m): m is Extract<WorkerResponse, { type: T }> => m.type === type);
  const trail = () => ofType('steps').flatMap((m) => m.trail ?? []);
  return { messages, send, ofType, trail };
}

/** Listener `listener`'s trail over a whole run of `p` (with its live changes), followed from step 1. */
function followedFromStart(p: Params, steps: number, listener: number, changes: WorkerRequest[] = [], at = 0): TrailStep[] {
  const h = harness();
  h.send({ type: 'reset', runId: 1, params: p, follow: listener });
  if (at > 0) h.send({ type: 'step', count: at }, ...changes);
  h.send({ type: 'step', count: steps - at });
  return h.trail();
}

describe('slate history', () => {
  it('keeps every step the strip shows at the default size, fewer when the budget is short, none past it', () => {
    expect(historyCapacity(1000, 10)).toBe(TRAIL_STEPS);
    // 100,000 × 10 slots ≈ 5.1 MB a step: three fit in 16 MiB.
    expect(historyCapacity(100_000, 10)).toBe(3);
    expect(historyCapacity(200_000, 10)).toBe(1);
    expect(historyCapacity(200_000, 50)).toBe(0);
    // Never more than the budget.
    for (const [users, k] of [[1000, 10], [100_000, 10], [37_000, 33]] as const)
      expect(historyCapacity(users, k) * (users * k * 5 + users)).toBeLessThanOrEqual(SLATE_HISTORY_BUDGET);
  });

  it('holds the last `capacity` steps of every listener, oldest first, as the live arrays had them', () => {
    const p = { ...params, users: 30 };
    const sim = new Simulation(p);
    const perStep = p.users * p.slateSize * 5 + p.users;
    const ring = new SlateHistory(p.users, p.slateSize, perStep * 3);
    expect(ring.capacity).toBe(3);
    const live: TrailStep[][] = [];
    for (let t = 1; t <= 7; t++) {
      sim.step();
      ring.record(sim.t, sim.arrays);
      live.push([0, 12, 29].map((u) => trailStep(sim.world, sim.arrays, p.slateSize, sim.t, u)));
    }
    for (const [i, u] of [0, 12, 29].entries()) expect(ring.trailOf(sim.world, u)).toEqual(live.slice(-3).map((step) => step[i]));
  });

  it('following listener N after 20 steps sends their slates of the last steps, equal to following N from step 1', () => {
    const fromStart = followedFromStart(params, 20, N);
    expect(fromStart.map((s) => s.t)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const h = harness();
    h.send({ type: 'reset', runId: 2, params }, { type: 'step', count: 20 });
    expect(h.ofType('ready')[0]!.historySteps).toBe(TRAIL_STEPS);
    h.send({ type: 'follow', listener: N });
    const reply = h.ofType('listener').at(-1)!;
    expect(reply.listener.listener).toBe(N);
    expect(reply.trail.map((s) => s.t)).toEqual(Array.from({ length: TRAIL_STEPS }, (_, i) => 20 - TRAIL_STEPS + 1 + i));
    expect(reply.trail).toEqual(fromStart.slice(-TRAIL_STEPS));
    // Later steps go on from there, still the same slates.
    h.send({ type: 'step', count: 2 });
    expect(h.ofType('steps').at(-1)!.trail).toEqual(followedFromStart(params, 22, N).slice(-2));
  });

  it('covers the steps still waiting to be sent while playing, without sending them twice', () => {
    // A clock the test moves: the worker plays on its own timer while the page has not acknowledged.
    let now = 0;
    let timers: { at: number; fn: () => void }[] = [];
    const clock: ControllerClock = {
      now: () => now,
      setTimeout: (fn, ms) => {
        const timer = { at: now + ms, fn };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (timer) => void (timers = timers.filter((t) => t !== timer)),
    };
    const advance = (ms: number) => {
      const end = now + ms;
      for (let due = timers.filter((t) => t.at <= end); due.length > 0; due = timers.filter((t) => t.at <= end)) {
        const next = due.sort((a, b) => a.at - b.at)[0]!;
        timers = timers.filter((t) => t !== next);
        now = Math.max(now, next.at);
        next.fn();
      }
      now = end;
    };
    const h = harness({ clock, frameMs: 0, ackTimeoutMs: 1e9 });
    h.send({ type: 'reset', runId: 3, params }, { type: 'play', stepsPerSecond: 10 });
    advance(0);
    advance(1000);
    const sent = h.ofType('steps').flatMap((m) => m.rows).length;
    // Unacknowledged: some steps ran in the worker and wait there.
    expect(sent).toBe(1);
    h.send({ type: 'follow', listener: N });
    const reply = h.ofType('listener').at(-1)!;
    const last = reply.trail.at(-1)!.t;
    expect(last).toBeGreaterThan(sent);
    expect(reply.trail).toEqual(followedFromStart(params, last, N).slice(-TRAIL_STEPS));
    h.send({ type: 'pause' });
    // The waiting rows went out without the previous listener's slates, and no step of N twice.
    const afterFollow = h.ofType('steps').slice(1).flatMap((m) => m.trail ?? []);
    expect(afterFollow.every((s) => s.listener === N && s.t > last)).toBe(true);
  });

  it('never shows slates of another run: a reset empties the history', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 4, params }, { type: 'step', count: 20 });
    h.send({ type: 'reset', runId: 5, params: { ...params, seed: params.seed + 1 } });
    h.send({ type: 'follow', listener: N });
    expect(h.ofType('listener').at(-1)).toMatchObject({ runId: 5, trail: [] });
    h.send({ type: 'step', count: 3 }, { type: 'follow', listener: N });
    const reply = h.ofType('listener').at(-1)!;
    expect(reply.trail.map((s) => s.t)).toEqual([1, 2, 3]);
    expect(reply.trail).toEqual(followedFromStart({ ...params, seed: params.seed + 1 }, 3, N));
  });

  it('keeps the history across a live change: the slates before it are still this run\u2019s', () => {
    const change: WorkerRequest = { type: 'setParams', params: { ...params, exploration: 'epsilon' }, label: 'exploration = epsilon', id: 1 };
    const h = harness();
    h.send({ type: 'reset', runId: 6, params }, { type: 'step', count: 10 }, change, { type: 'step', count: 10 }, { type: 'follow', listener: N });
    expect(h.ofType('listener').at(-1)!.trail).toEqual(followedFromStart(params, 20, N, [change], 10).slice(-TRAIL_STEPS));
  });

  it('keeps fewer steps when the budget is short, and the last step alone when not even one fits', () => {
    const perStep = params.users * params.slateSize * 5 + params.users;
    const short = harness({ slateHistoryBudget: perStep * 4 });
    short.send({ type: 'reset', runId: 7, params }, { type: 'step', count: 20 }, { type: 'follow', listener: N });
    expect(short.ofType('ready')[0]!.historySteps).toBe(4);
    expect(short.ofType('listener').at(-1)!.trail).toEqual(followedFromStart(params, 20, N).slice(-4));

    const none = harness({ slateHistoryBudget: perStep - 1 });
    none.send({ type: 'reset', runId: 8, params }, { type: 'step', count: 20 }, { type: 'follow', listener: N });
    expect(none.ofType('ready')[0]!.historySteps).toBe(1);
    expect(none.ofType('listener').at(-1)!.trail).toEqual(followedFromStart(params, 20, N).slice(-1));
  });
});
