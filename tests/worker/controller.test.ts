// The worker's message handling, run in Node with a fake clock: reset, stepping, playing on the
// worker's own timer, throttled and acknowledged frames, transferred song arrays, live changes, errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROWSER_MEMORY_BUDGET, defaultParams, memoryProblem, runSimulation, Simulation, type Params } from '../../src/engine';
import { BROWSER_MEMORY_CHECK, createController, type ControllerClock } from '../../src/worker/controller';
import { RUN_REFUSED, type WorkerRequest, type WorkerResponse } from '../../src/worker/protocol';

const params: Params = { ...defaultParams(), users: 40, songs: 120, steps: 5 };

/** What the page shows of an unexpected error: what failed and how to report it, never the error's own text. */
const FAILED = 'The simulation failed with an internal error: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console.';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A clock whose time only moves when the test says so; due timers run in order. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: ControllerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  /** Advances time by `ms`, running every timer that falls due (including ones they schedule). */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
      if (due.length === 0) break;
      const [id, timer] = due[0]!;
      timers.delete(id);
      now = Math.max(now, timer.at);
      timer.fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

function harness(options: { frameMs?: number; ackTimeoutMs?: number } = {}) {
  const messages: WorkerResponse[] = [];
  const transfers: Transferable[][] = [];
  const time = fakeClock();
  const handle = createController(
    (m, transfer) => {
      messages.push(m);
      transfers.push(transfer);
    },
    { clock: time.clock, ...options },
  );
  const send = (...requests: WorkerRequest[]) => requests.forEach(handle);
  const rows = () => messages.flatMap((m) => (m.type === 'steps' ? m.rows : []));
  const ofType = <T extends WorkerResponse['type']>(type: T) => messages.filter((m): m is Extract<WorkerResponse, { type: T }> => m.type === type);
  return { messages, transfers, send, rows, ofType, ...time };
}

describe('simulation worker controller', () => {
  it('replies ready with the catalog and a song frame, then steps on request with the same rows as a direct run', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 7, params }, { type: 'step', count: 2 }, { type: 'step', count: 10 });
    expect(h.messages.map((m) => m.type)).toEqual(['ready', 'steps', 'steps']);
    const ready = h.ofType('ready')[0]!;
    expect(ready.runId).toBe(7);
    expect(ready.catalog.quality).toHaveLength(params.songs);
    expect(ready.songs.t).toBe(0);
    expect(h.rows()).toEqual(runSimulation(params).steps);
    expect(h.messages[1]).toMatchObject({ runId: 7, done: false });
    expect(h.messages[2]).toMatchObject({ runId: 7, done: true });
  });

  it('transfers fresh copies of the per-song counts with every frame', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 1, params }, { type: 'step', count: 1 }, { type: 'step', count: 1 });
    const [a, b] = h.ofType('steps');
    expect(a!.songs!.t).toBe(1);
    expect(b!.songs!.t).toBe(2);
    expect(a!.songs!.plays).not.toBe(b!.songs!.plays);
    // The frame's buffers are in the transfer list (moved to the page, not copied again).
    expect(h.transfers[1]).toEqual([a!.songs!.plays.buffer, a!.songs!.impressions.buffer]);
    // The catalog goes once, with the ready message.
    const ready = h.ofType('ready')[0]!;
    expect(h.transfers[0]).toContain(ready.catalog.quality.buffer);
    // Plays after step 2 are plays after step 1 plus the clicks of step 2.
    const total = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
    expect(total(b!.songs!.plays) - total(a!.songs!.plays)).toBe(h.rows()[1]!.clicks);
  });

  it('plays on its own timer at the chosen speed until the run is done', () => {
    const h = harness({ frameMs: 0 });
    h.send({ type: 'reset', runId: 1, params }, { type: 'play', stepsPerSecond: 10 });
    h.advance(0);
    expect(h.rows().map((r) => r.t)).toEqual([1]);
    h.send({ type: 'ack' });
    h.advance(100);
    expect(h.rows().map((r) => r.t)).toEqual([1, 2]);
    h.send({ type: 'ack' });
    h.advance(250);
    // Steps 3 and 4 fell due at 200 and 300 ms; step 4 waits for the ack of step 3's message.
    expect(h.rows().at(-1)!.t).toBe(3);
    h.send({ type: 'ack' });
    expect(h.rows().at(-1)!.t).toBe(4);
    for (let i = 0; i < 5; i++) {
      h.send({ type: 'ack' });
      h.advance(100);
    }
    expect(h.rows()).toEqual(runSimulation(params).steps);
    expect(h.ofType('steps').at(-1)!.done).toBe(true);
    expect(h.pending()).toBe(0);
  });

  it('sends at most one message per frame and waits for the ack before the next', () => {
    const h = harness({ frameMs: 16, ackTimeoutMs: 250 });
    const long = { ...params, steps: 2000 };
    h.send({ type: 'reset', runId: 1, params: long }, { type: 'play', stepsPerSecond: 1000 });
    h.advance(0);
    expect(h.ofType('steps')).toHaveLength(1);
    // No ack: the worker keeps stepping but holds the rows back until the ack timeout.
    h.advance(200);
    expect(h.ofType('steps')).toHaveLength(1);
    h.send({ type: 'ack' });
    expect(h.ofType('steps')).toHaveLength(2);
    // Many steps in one message: batched rows, consecutive and complete.
    const batch = h.ofType('steps')[1]!.rows;
    expect(batch.length).toBeGreaterThan(10);
    expect(h.rows().map((r) => r.t)).toEqual(h.rows().map((_, i) => i + 1));
    // Without acks, one message per ack timeout.
    h.advance(260);
    expect(h.ofType('steps')).toHaveLength(3);
    // With prompt acks, never more than one message per frame.
    const before = h.ofType('steps').length;
    for (let i = 0; i < 10; i++) {
      h.send({ type: 'ack' });
      h.advance(4);
    }
    expect(h.ofType('steps').length - before).toBeLessThanOrEqual(3);
  });

  it('does not run ahead of a page that is still drawing: pause stops where the page is', () => {
    const h = harness({ frameMs: 16, ackTimeoutMs: 1000 });
    h.send({ type: 'reset', runId: 1, params: { ...params, steps: 500 } }, { type: 'play', stepsPerSecond: 20 });
    h.advance(0);
    expect(h.rows().at(-1)!.t).toBe(1);
    // No ack for 900 ms: at 20 steps/s the worker buffers 5 rows (a quarter second), then waits.
    h.advance(900);
    expect(h.ofType('steps')).toHaveLength(1);
    h.send({ type: 'pause' });
    expect(h.rows().at(-1)!.t).toBe(6);
    // After an ack it plays on from where it stopped, at the same pace.
    h.send({ type: 'ack' }, { type: 'play', stepsPerSecond: 20 });
    h.advance(0);
    h.send({ type: 'ack' });
    h.advance(100);
    h.send({ type: 'pause' });
    // Steps 7, 8 and 9 at 900, 950 and 1000 ms.
    expect(h.rows().at(-1)!.t).toBe(9);
  });

  it('pauses: the timer stops and buffered rows are sent', () => {
    const h = harness({ frameMs: 16 });
    h.send({ type: 'reset', runId: 1, params: { ...params, steps: 50 } }, { type: 'play', stepsPerSecond: 100 });
    h.advance(45);
    h.send({ type: 'pause' });
    const t = h.rows().at(-1)!.t;
    h.advance(1000);
    expect(h.rows().at(-1)!.t).toBe(t);
    expect(h.pending()).toBe(0);
    expect(h.rows().map((r) => r.t)).toEqual(Array.from({ length: t }, (_, i) => i + 1));
  });

  it('applies a live change from the next step, with a marker at that step', () => {
    const h = harness();
    // A deterministic ranking (τ = 0) shows everyone the same slate, so the switch to random slates shows at once.
    const ranked = { ...params, rankingTemperature: 0 };
    h.send(
      { type: 'reset', runId: 3, params: ranked },
      { type: 'step', count: 2 },
      { type: 'setParams', params: { ...ranked, recommender: 'random' }, label: 'recommender = random from here', id: 9 },
      { type: 'step', count: 1 },
    );
    expect(h.ofType('applied')[0]).toEqual({ type: 'applied', runId: 3, id: 9, marker: { t: 3, label: 'recommender = random from here' }, t: 2, done: false });
    const rows = h.rows();
    expect(rows[1]!.aggregateDiversity).toBe(params.slateSize);
    expect(rows[2]!.aggregateDiversity).toBeGreaterThan(params.slateSize);
  });

  it('replays a scheduled change just before its step, with the same rows as a change made live', () => {
    const ranked = { ...params, rankingTemperature: 0 };
    const random = { ...ranked, recommender: 'random' as const };
    const scheduled = harness();
    scheduled.send({ type: 'reset', runId: 5, params: ranked, schedule: [{ t: 3, params: random, label: 'recommender = random', id: 21 }] }, { type: 'step', count: 4 });
    const live = harness();
    live.send({ type: 'reset', runId: 5, params: ranked }, { type: 'step', count: 2 }, { type: 'setParams', params: random, label: 'recommender = random', id: 21 }, { type: 'step', count: 2 });
    // Marker at step 3: the first step that runs with the new values, as for a live change after step 2.
    expect(scheduled.ofType('applied')).toEqual([{ type: 'applied', runId: 5, id: 21, marker: { t: 3, label: 'recommender = random' }, t: 2, done: false }]);
    expect(scheduled.rows()).toEqual(live.rows());
  });

  it('drops the rest of a schedule once the user changes something', () => {
    const h = harness();
    const schedule = [{ t: 4, params: { ...params, exploration: 'epsilon' as const }, label: 'exploration = epsilon', id: 1 }];
    h.send(
      { type: 'reset', runId: 6, params, schedule },
      { type: 'step', count: 1 },
      { type: 'setParams', params: { ...params, positionBias: 2 }, label: 'η = 2', id: 2 },
      { type: 'step', count: 4 },
    );
    expect(h.ofType('applied').map((m) => m.id)).toEqual([2]);
  });

  it('follows listener 0 by default and another on request, one slate per step', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 8, params }, { type: 'step', count: 2 });
    expect(h.ofType('ready')[0]!.listener.listener).toBe(0);
    const trail = h.ofType('steps').flatMap((m) => m.trail ?? []);
    expect(trail.map((s) => s.t)).toEqual([1, 2]);
    expect(trail.every((s) => s.songs.length === params.slateSize && s.genres.length === params.slateSize)).toBe(true);
    h.send({ type: 'follow', listener: 7 }, { type: 'step', count: 1 });
    expect(h.ofType('listener').at(-1)!.listener.listener).toBe(7);
    expect(h.ofType('listener').at(-1)!.trail).toMatchObject([{ t: 1, listener: 7 }, { t: 2, listener: 7 }]);
    expect(h.ofType('steps').at(-1)!.trail).toMatchObject([{ t: 3, listener: 7 }]);
    expect(h.ofType('steps').at(-1)!.listener!.listener).toBe(7);
    // An out-of-range listener falls back to 0 rather than failing the run.
    h.send({ type: 'follow', listener: 4000 });
    expect(h.ofType('listener').at(-1)!.listener.listener).toBe(0);
  });

  it('applies a new ranking temperature live: from one ranking for all to a draw per listener', () => {
    const h = harness();
    const ranked = { ...params, rankingTemperature: 0 };
    h.send(
      { type: 'reset', runId: 4, params: ranked },
      { type: 'step', count: 2 },
      { type: 'setParams', params: { ...ranked, rankingTemperature: 0.5 }, label: 'τ = 0.5 from here', id: 1 },
      { type: 'step', count: 1 },
    );
    expect(h.ofType('applied')[0]).toMatchObject({ runId: 4, id: 1, marker: { t: 3 }, t: 2 });
    const rows = h.rows();
    expect(rows.map((r) => r.t)).toEqual([1, 2, 3]);
    expect(rows[1]!.aggregateDiversity).toBe(params.slateSize);
    expect(rows[2]!.aggregateDiversity).toBeGreaterThan(params.slateSize);
  });

  it('ends the run when its length is cut below the current step, and goes on when it is raised', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 1, params }, { type: 'step', count: 3 }, { type: 'setParams', params: { ...params, steps: 2 } });
    expect(h.ofType('applied')[0]).toMatchObject({ done: true, marker: null });
    expect(h.ofType('steps').at(-1)).toMatchObject({ done: true });
    h.send({ type: 'setParams', params: { ...params, steps: 6 } }, { type: 'step', count: 10 });
    expect(h.rows().map((r) => r.t)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports invalid parameters as an error naming the field', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 2, params: { ...params, users: 0 } });
    expect(h.messages).toEqual([{ type: 'error', runId: 2, message: 'users: must be an integer from 2 to 200000, got 0' }]);
  });

  it('refuses a run too big for the browser before building it, naming the controls to lower', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness();
    const big = { ...params, users: 200000, songs: 200000, slateSize: 50, steps: 100 };
    h.send({ type: 'reset', runId: 3, params: big }, { type: 'step', count: 1 });
    expect(h.messages).toHaveLength(2);
    const [refusal, step] = h.messages;
    expect(refusal).toEqual({ type: 'error', runId: 3, message: memoryProblem(big, BROWSER_MEMORY_BUDGET, BROWSER_MEMORY_CHECK) });
    expect(refusal).toMatchObject({
      message: expect.stringMatching(
        new RegExp(`^${RUN_REFUSED}: it needs about 1\\.\\d GB of memory, .*; the limit in the browser is 1 GB: lower Listeners \\(largest allowed with the other values: [\\d,]+\\)`),
      ),
    });
    // No simulation was built: the next request has nothing to step (an internal error: the page never sends it).
    expect(step).toEqual({ type: 'error', runId: 3, message: FAILED });
    // A run within the budget starts as usual.
    h.send({ type: 'reset', runId: 4, params });
    expect(h.messages.at(-1)).toMatchObject({ type: 'ready', runId: 4 });
  });

  it('reports an unexpected error (a step before any reset, a live change that needs a restart) with a fixed sentence, the error itself in the console', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness();
    h.send({ type: 'step', count: 1 }, { type: 'reset', runId: 1, params }, { type: 'setParams', params: { ...params, songs: 200 } });
    expect(h.messages[0]).toEqual({ type: 'error', runId: 0, message: FAILED });
    expect(h.messages[1]).toMatchObject({ type: 'ready', runId: 1 });
    expect(h.messages[2]).toEqual({ type: 'error', runId: 1, message: FAILED });
    // The details are kept for the report, in the console only.
    const errors = logged.mock.calls.map((call) => call[1] as Error);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/reset first/), expect.stringMatching(/songs.*restart/)]);
  });

  it('never passes an exception\'s own text (a RangeError while playing) to the page', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness({ frameMs: 0 });
    h.send({ type: 'reset', runId: 5, params: { ...params, steps: 50 } }, { type: 'step', count: 1 });
    // The run's own step breaks as the engine might (a typed array or Set past its size limit).
    const broken = vi.spyOn(Simulation.prototype, 'step').mockImplementationOnce(() => {
      throw new RangeError('Set maximum size exceeded');
    });
    h.send({ type: 'step', count: 1 });
    broken.mockRestore();
    const error = h.ofType('error');
    expect(error).toEqual([{ type: 'error', runId: 5, message: FAILED }]);
    expect(JSON.stringify(h.messages)).not.toContain('RangeError');
    expect(JSON.stringify(h.messages)).not.toContain('maximum size');
    expect(logged).toHaveBeenCalledWith('The simulation failed:', expect.any(RangeError));
  });

  it('a reset stops playing and starts the new run clean', () => {
    const h = harness({ frameMs: 0 });
    h.send({ type: 'reset', runId: 1, params: { ...params, steps: 50 } }, { type: 'play', stepsPerSecond: 50 });
    h.advance(100);
    h.send({ type: 'reset', runId: 2, params });
    const count = h.messages.length;
    h.advance(1000);
    expect(h.messages).toHaveLength(count);
    h.send({ type: 'step', count: 5 });
    const last = h.ofType('steps').at(-1)!;
    expect(last.runId).toBe(2);
    expect(last.rows).toEqual(runSimulation(params).steps);
  });

  it('play after the end only reports done', () => {
    const h = harness();
    h.send({ type: 'reset', runId: 1, params }, { type: 'step', count: 5 }, { type: 'play', stepsPerSecond: 10 });
    expect(h.ofType('steps').at(-1)).toMatchObject({ rows: [], done: true });
    expect(h.pending()).toBe(0);
  });
});
