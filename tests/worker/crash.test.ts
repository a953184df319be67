// A worker that crashes: the page terminates it before showing the banner, ignores whatever it
// still sends, and Restart starts a fresh one. Run in Node with a fake Worker around the real controller.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, type Params } from '../../src/engine';
import { SimulationSession } from '../../src/state/session';
import { createAppStore, type AppStore } from '../../src/state/store';
import { startSimulationWorker, type SimulationClient } from '../../src/worker/client';
import { createController, type ControllerClock } from '../../src/worker/controller';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';

const params: Params = { ...defaultParams(), users: 40, songs: 120, steps: 200 };

/** What the page shows of a crashed worker: what failed and how to report it, never the worker's own error text. */
const CRASHED = 'The simulation worker crashed: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console.';

/** What happened, in order: workers started and terminated, and the store's status changes. */
let log: string[] = [];

/** A clock that moves only when the test advances it; due timers run in order. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: ControllerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(nextId, { at: now + Math.max(0, ms), fn });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
      if (due.length === 0) break;
      const [id, timer] = due[0]!;
      timers.delete(id);
      now = Math.max(now, timer.at);
      timer.fn();
    }
    now = end;
  };
  return { clock, advance };
}

let time = fakeClock();

/**
 * Stands in for the browser's Worker: the real controller behind it, on the fake clock. terminate()
 * is only recorded, the controller keeps its timers: so the test sees both whether the page
 * terminates a crashed worker and whether it drops what that worker still sends.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly received: WorkerRequest[] = [];
  readonly id: number;
  private readonly handle = createController((message) => this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>), {
    clock: time.clock,
  });

  constructor() {
    FakeWorker.made.push(this);
    this.id = FakeWorker.made.length;
    log.push(`start ${this.id}`);
  }

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    this.handle(request);
  }

  terminate(): void {
    this.terminated = true;
    log.push(`terminate ${this.id}`);
  }

  /** An uncaught error in the worker's scope: it is reported, but does not stop the worker's timers. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as unknown as ErrorEvent);
  }
}

/** Logs each status the store moves to. */
function watchStatus(store: AppStore): void {
  store.subscribe((state, prev) => {
    if (state.status !== prev.status) log.push(`status ${state.status}`);
  });
}

beforeEach(() => {
  // The crashed worker's own words go to the console (checked where it matters).
  vi.spyOn(console, 'error').mockImplementation(() => {});
  log = [];
  time = fakeClock();
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('simulation client (fake Worker)', () => {
  it('terminates a crashed worker before reporting the crash, then passes nothing on and sends nothing', () => {
    const received: WorkerResponse[] = [];
    const client = startSimulationWorker((message) => {
      log.push(`message ${message.type}`);
      received.push(message);
    });
    const worker = FakeWorker.made[0]!;
    client.send({ type: 'reset', runId: 1, params });
    expect(received.map((m) => m.type)).toEqual(['ready']);
    worker.crash('boom');
    expect(log).toEqual(['start 1', 'message ready', 'terminate 1', 'message error']);
    expect(received.at(-1)).toEqual({ type: 'error', message: CRASHED });
    expect(console.error).toHaveBeenCalledWith(expect.any(String), 'boom');
    // A message already on its way, and a request after the crash: both dropped.
    const late: WorkerResponse = { type: 'steps', runId: 1, rows: [], done: false };
    worker.onmessage?.({ data: late } as MessageEvent<WorkerResponse>);
    client.send({ type: 'step', count: 1 });
    expect(received).toHaveLength(2);
    expect(worker.received.map((r) => r.type)).toEqual(['reset']);
    // Terminating again (the session does, on the error) does not call the worker twice.
    client.terminate();
    expect(log.filter((e) => e.startsWith('terminate'))).toEqual(['terminate 1']);
  });
});

describe('session with a crashing worker (fake Worker)', () => {
  function playing() {
    const store = createAppStore(params);
    watchStatus(store);
    const acks: (() => void)[] = [];
    const session = new SimulationSession(store, { startWorker: startSimulationWorker, afterPaint: (fn) => acks.push(fn) });
    session.start();
    expect(store.getState().status).toBe('idle');
    session.play();
    // 10 steps per second for half a second, acknowledging each batch as the page would.
    for (let ms = 0; ms < 500; ms += 50) {
      time.advance(50);
      acks.splice(0).forEach((ack) => ack());
    }
    return { store, session, acks };
  }

  it('terminates the worker first, then shows the error; the crashed worker cannot move the counter', () => {
    const { store, acks } = playing();
    const worker = FakeWorker.made[0]!;
    const t = store.getState().t;
    expect(t).toBeGreaterThanOrEqual(4);
    expect(store.getState().status).toBe('running');

    worker.crash('boom');
    expect(log.slice(log.indexOf('terminate 1'))).toEqual(['terminate 1', 'status error']);
    expect(worker.terminated).toBe(true);
    expect(store.getState().error).toBe(CRASHED);

    // The crashed worker's controller is still playing: 3 more seconds of steps go nowhere.
    const rows = store.getState().rows;
    for (let ms = 0; ms < 3000; ms += 50) {
      time.advance(50);
      acks.splice(0).forEach((ack) => ack());
    }
    expect(store.getState().t).toBe(t);
    expect(store.getState().rows).toBe(rows);
    expect(store.getState().status).toBe('error');
  });

  it('Restart starts a fresh worker with the same parameters; the old one stays ignored', () => {
    const { store, session, acks } = playing();
    const old = FakeWorker.made[0]!;
    // A batch arrives and the page has not drawn it yet when the worker crashes: its ack is pending.
    time.advance(200);
    expect(acks.length).toBeGreaterThan(0);
    old.crash('boom');
    const pendingAcks = acks.splice(0);

    session.restartWorker();
    expect(FakeWorker.made).toHaveLength(2);
    const fresh = FakeWorker.made[1]!;
    expect(fresh.terminated).toBe(false);
    expect(fresh.received).toEqual([{ type: 'reset', runId: 2, params, schedule: [], follow: 0 }]);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().error).toBeNull();
    expect(store.getState().t).toBe(0);

    // An ack the page owed the crashed worker is not sent to the new one.
    pendingAcks.forEach((ack) => ack());
    expect(fresh.received.map((r) => r.type)).toEqual(['reset']);

    session.step(3);
    expect(store.getState().t).toBe(3);
    // The old worker's timer runs on; nothing it sends reaches the store.
    time.advance(2000);
    expect(store.getState().t).toBe(3);
    expect(store.getState().status).toBe('paused');
    expect(log.filter((e) => e.startsWith('start') || e.startsWith('terminate'))).toEqual(['start 1', 'terminate 1', 'start 2']);
  });
});

describe('session with a client that keeps delivering after terminate', () => {
  /** A client whose callback stays live after terminate(), like a message already queued. */
  function leaky() {
    const store = createAppStore(params);
    watchStatus(store);
    const workers: { deliver: (m: WorkerResponse) => void; sent: WorkerRequest[] }[] = [];
    const session = new SimulationSession(store, {
      startWorker: (onMessage): SimulationClient => {
        const n = workers.length + 1;
        const handle = createController(onMessage, { clock: time.clock });
        const sent: WorkerRequest[] = [];
        workers.push({ deliver: onMessage, sent });
        log.push(`start ${n}`);
        return {
          send: (request) => {
            sent.push(request);
            handle(request);
          },
          terminate: () => void log.push(`terminate ${n}`),
        };
      },
      afterPaint: (fn) => fn(),
    });
    session.start();
    session.step(2);
    return { store, session, workers };
  }

  it('an error with a run id terminates the worker before it is shown; its late messages of the same run are dropped; Restart uses a new one', () => {
    const { store, session, workers } = leaky();
    const first = workers[0]!;
    first.deliver({ type: 'error', runId: 1, message: 'step failed' });
    expect(log).toEqual(['start 1', 'status idle', 'status paused', 'terminate 1', 'status error']);
    expect(store.getState().error).toBe('step failed');

    // Same run id as the running run: only the worker generation tells it is stale.
    const row = store.getState().rows[0]!;
    first.deliver({ type: 'steps', runId: 1, rows: [{ ...row, t: 3 }], done: true });
    first.deliver({ type: 'error', runId: 1, message: 'late' });
    expect(store.getState().t).toBe(2);
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('step failed');

    session.restartWorker();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ type: 'reset', runId: 2, params, schedule: [], follow: 0 }]);
    expect(store.getState().status).toBe('idle');
    first.deliver({ type: 'error', runId: 2, message: 'from the old worker' });
    expect(store.getState().status).toBe('idle');
    session.step(1);
    expect(store.getState().t).toBe(1);
  });
});

describe('session with a worker that cannot start', () => {
  it('shows a fixed sentence saying what failed and how to report it; the browser\'s own error goes to the console', () => {
    const store = createAppStore(params);
    const session = new SimulationSession(store, {
      startWorker: () => {
        throw new TypeError('Failed to construct \'Worker\': Script at blob:x cannot be accessed');
      },
    });
    session.start();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe(
      'The simulation worker could not start: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console.',
    );
    expect(console.error).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: expect.stringContaining('cannot be accessed') }));
  });
});
