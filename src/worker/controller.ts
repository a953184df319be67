// The worker's logic, free of worker globals so it runs (and is tested) in Node too: the clock and
// the outgoing channel are passed in.
import { exampleListener, listenerProfile, Simulation, trailStep, validateParams, type Params, type StepMetrics, type TrailStep } from '../engine';
import { browserRunProblem } from './memory';
import { ACK_TIMEOUT_MS, FRAME_MS, SIMULATION_FAILED, type ScheduledParams, type SongFrame, type WorkerRequest, type WorkerResponse } from './protocol';
import { SLATE_HISTORY_BUDGET, SlateHistory } from './slateHistory';

/** Time and timers; the defaults use the host's (worker or Node) globals. */
export interface ControllerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ControllerOptions {
  clock?: ControllerClock;
  /** Minimum interval between two `steps` messages while playing (default one frame). */
  frameMs?: number;
  /** Send without an ack after this long (default ACK_TIMEOUT_MS). */
  ackTimeoutMs?: number;
  /** Longest stretch of stepping before the worker yields to read messages (pause, changes). */
  tickBudgetMs?: number;
  /**
   * How far the simulation may run ahead of what the page has shown, in seconds of play: while the
   * page is still drawing, at most speed × this many rows wait, then the clock stops until the ack.
   * Pause then stops where the page is, not seconds later.
   */
  maxLeadSeconds?: number;
  /** Bytes the history of everyone's recent slates may take (default SLATE_HISTORY_BUDGET). */
  slateHistoryBudget?: number;
}

/** Sends one response; `transfer` lists buffers to move rather than copy. */
export type Post = (message: WorkerResponse, transfer: Transferable[]) => void;

const hostClock: ControllerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A listener number the run has, else listener 0 (the page validates first; this guards the worker). */
function validListener(listener: number | undefined, sim: Simulation): number {
  return listener !== undefined && Number.isInteger(listener) && listener >= 0 && listener < sim.world.userCount ? listener : 0;
}

export { BROWSER_MEMORY_CHECK } from './memory';

/**
 * A problem the worker words for the user on purpose (a run too big for the browser, parameters
 * that fail the schema's checks): its message reaches the page as it is. Any other error is
 * unexpected: the page gets SIMULATION_FAILED and the console the error itself.
 */
class Refusal extends Error {}

/** Throws a Refusal naming every field of `params` that fails the schema's checks. */
function requireValid(params: Params): void {
  const issues = validateParams(params);
  if (issues.length > 0) throw new Refusal(issues.map((i) => i.message).join('; '));
}

/** Slowest and fastest play speeds accepted, in steps per second. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** Handles requests against the current simulation and, while playing, steps on its own timer. */
export function createController(post: Post, options: ControllerOptions = {}): (request: WorkerRequest) => void {
  const clock = options.clock ?? hostClock;
  const frameMs = options.frameMs ?? FRAME_MS;
  const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  const tickBudgetMs = options.tickBudgetMs ?? 25;
  const maxLeadSeconds = options.maxLeadSeconds ?? 0.25;
  const slateHistoryBudget = options.slateHistoryBudget ?? SLATE_HISTORY_BUDGET;

  let sim: Simulation | null = null;
  let runId = 0;
  let rows: StepMetrics[] = [];
  /** The followed listener's slates of the buffered rows, one per row. */
  let trail: TrailStep[] = [];
  let follow = 0;
  /** Everyone's slates of the last few steps of this run, for a listener followed later. */
  let history: SlateHistory | null = null;
  /** Live changes still to come in this run, by step. */
  let pendingChanges: ScheduledParams[] = [];
  // Playing: step anchorT + k is due at anchorTime + (k − 1) / speed.
  let playing = false;
  let speed = 10;
  let anchorTime = 0;
  let anchorT = 0;
  let tickTimer: unknown = null;
  // Flow control: at most one message per frame, and one unacknowledged message at a time.
  let unacked = 0;
  let lastPost = -Infinity;
  let flushTimer: unknown = null;
  /** Playing, but stopped until the page catches up. */
  let stalled = false;

  const cancel = (handle: unknown) => {
    if (handle !== null) clock.clearTimeout(handle);
    return null;
  };

  function fail(error: unknown): void {
    stop();
    flushTimer = cancel(flushTimer);
    if (!(error instanceof Refusal)) console.error('The simulation failed:', error);
    post({ type: 'error', runId, message: error instanceof Refusal ? error.message : SIMULATION_FAILED }, []);
  }

  function stop(): void {
    playing = false;
    stalled = false;
    tickTimer = cancel(tickTimer);
  }

  /** Applies the scheduled changes due before the next step, each with its `applied` reply. */
  function applyDue(s: Simulation): void {
    while (pendingChanges.length > 0 && pendingChanges[0]!.t <= s.t + 1) {
      const change = pendingChanges.shift()!;
      requireValid(change.params);
      s.setParams(change.params);
      post({ type: 'applied', runId, id: change.id, marker: { t: s.t + 1, label: change.label }, t: s.t, done: s.done }, []);
    }
  }

  /** Runs one step (after the changes due before it) and buffers its row and the followed listener's slate. */
  function advance(s: Simulation): void {
    applyDue(s);
    rows.push(s.step());
    trail.push(trailStep(s.world, s.arrays, s.params.slateSize, s.t, follow));
    history?.record(s.t, s.arrays);
  }

  /** Listener `listener`'s slates of the last steps held (at least the last step, once there is one), oldest first. */
  function recentTrail(s: Simulation, listener: number): TrailStep[] {
    if (s.t === 0) return [];
    if (history && history.capacity > 0) return history.trailOf(s.world, listener);
    // Too many listeners to keep even one step of copies: the live arrays still hold the last one.
    return [trailStep(s.world, s.arrays, s.params.slateSize, s.t, listener)];
  }

  function songFrame(s: Simulation): { songs: SongFrame; transfer: Transferable[] } {
    const plays = s.log.plays.slice();
    const impressions = s.log.impressions.slice();
    return { songs: { t: s.t, released: s.log.released, plays, impressions }, transfer: [plays.buffer, impressions.buffer] };
  }

  /** Sends the buffered rows with a fresh song frame; unless `force`, only when the page is ready for more. */
  function flush(force: boolean): void {
    if (!sim) return;
    if (!force) {
      if (rows.length === 0) return;
      const since = clock.now() - lastPost;
      const waitAck = unacked > 0 && since < ackTimeoutMs;
      if (waitAck || since < frameMs) {
        // An ack flushes sooner; the timer covers the frame interval and a missing ack.
        if (flushTimer === null) {
          const delay = (waitAck ? ackTimeoutMs : frameMs) - since;
          flushTimer = clock.setTimeout(() => {
            flushTimer = null;
            flush(false);
          }, Math.max(0, delay));
        }
        return;
      }
    }
    flushTimer = cancel(flushTimer);
    const { songs, transfer } = songFrame(sim);
    const batch = rows;
    const steps = trail;
    rows = [];
    trail = [];
    unacked++;
    lastPost = clock.now();
    // The profile goes with every batch: a drifting taste changes it step by step.
    post({ type: 'steps', runId, rows: batch, songs, done: sim.done, trail: steps, listener: listenerProfile(sim.world, sim.log, follow) }, transfer);
    if (stalled) {
      stalled = false;
      if (playing) {
        // Restart the clock from now: the wait is not made up with a burst.
        anchorT = sim.t;
        anchorTime = lastPost;
        schedule(0);
      }
    }
  }

  function schedule(delay: number): void {
    tickTimer = cancel(tickTimer);
    tickTimer = clock.setTimeout(tick, Math.max(0, delay));
  }

  function tick(): void {
    tickTimer = null;
    if (!playing || !sim) return;
    try {
      const start = clock.now();
      // The page is behind: stop the clock until the next frame goes out (on its ack, or the ack timeout).
      if (unacked > 0 && rows.length >= Math.max(1, Math.ceil(speed * maxLeadSeconds))) {
        stalled = true;
        flush(false);
        return;
      }
      const due = anchorT + 1 + Math.floor(((start - anchorTime) * speed) / 1000);
      while (!sim.done && sim.t < due) {
        advance(sim);
        if (clock.now() - start > tickBudgetMs) break;
      }
      if (sim.done) {
        stop();
        flush(true);
        return;
      }
      const now = clock.now();
      // Too slow for the speed: drop the backlog rather than race to catch up.
      if (sim.t < due - 1) {
        anchorT = sim.t;
        anchorTime = now;
      }
      flush(false);
      schedule(anchorTime + ((sim.t - anchorT) * 1000) / speed - now);
    } catch (error) {
      fail(error);
    }
  }

  function requireSim(action: string): Simulation {
    if (!sim) throw new Error(`no simulation to ${action}: send reset first`);
    return sim;
  }

  return (request) => {
    try {
      switch (request.type) {
        case 'reset': {
          stop();
          flushTimer = cancel(flushTimer);
          rows = [];
          trail = [];
          pendingChanges = [...(request.schedule ?? [])].sort((a, b) => a.t - b.t);
          unacked = 0;
          lastPost = -Infinity;
          runId = request.runId;
          sim = null;
          // Slates of the previous run must never show in this one.
          history = null;
          requireValid(request.params);
          // A run too big for the browser is refused before any array is allocated: the page shows
          // this one line (naming the controls to lower) instead of the tab running out of memory.
          const tooBig = browserRunProblem(request.params);
          if (tooBig) throw new Refusal(tooBig);
          const next = new Simulation(request.params);
          sim = next;
          history = new SlateHistory(next.world.userCount, next.params.slateSize, slateHistoryBudget);
          const { world } = next;
          const catalog = {
            quality: world.songQuality.slice(),
            genre: world.songGenre.slice(),
            longTail: world.longTail.slice(),
          };
          follow = validListener(request.follow, next);
          const { songs, transfer } = songFrame(next);
          post(
            {
              type: 'ready',
              runId,
              initial: next.initial,
              params: next.params,
              catalog,
              songs,
              listener: listenerProfile(next.world, next.log, follow),
              historySteps: Math.max(1, history.capacity),
            },
            [catalog.quality.buffer, catalog.genre.buffer, catalog.longTail.buffer, ...transfer],
          );
          return;
        }
        case 'follow': {
          const s = requireSim('follow a listener');
          follow = typeof request.listener === 'string' ? exampleListener(s.world, request.listener) : validListener(request.listener, s);
          // The buffered rows' slates were the previous listener's; the history below covers those steps for the new one.
          trail = [];
          post({ type: 'listener', runId, listener: listenerProfile(s.world, s.log, follow), trail: recentTrail(s, follow) }, []);
          return;
        }
        case 'play': {
          const s = requireSim('play');
          speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number.isFinite(request.stepsPerSecond) ? request.stepsPerSecond : 10));
          if (s.done) {
            stop();
            flush(true);
            return;
          }
          anchorT = s.t;
          anchorTime = clock.now();
          if (!playing) {
            playing = true;
            schedule(0);
          }
          return;
        }
        case 'pause':
          stop();
          if (rows.length > 0) flush(true);
          return;
        case 'step': {
          const s = requireSim('step');
          stop();
          for (let n = 0; n < request.count && !s.done; n++) advance(s);
          flush(true);
          return;
        }
        case 'setParams': {
          const s = requireSim('change');
          requireValid(request.params);
          const wasDone = s.done;
          s.setParams(request.params);
          // The user's own change ends a replayed timeline: later scheduled values would undo it.
          if (request.label) pendingChanges = [];
          const marker = request.label ? { t: s.t + 1, label: request.label } : null;
          post({ type: 'applied', runId, id: request.id, marker, t: s.t, done: s.done }, []);
          // A shorter run can end here; a longer one can go on (the page decides whether to play).
          if (s.done && !wasDone) {
            stop();
            flush(true);
          }
          return;
        }
        case 'ack':
          unacked = Math.max(0, unacked - 1);
          if (rows.length > 0) flush(false);
          return;
      }
    } catch (error) {
      fail(error);
    }
  };
}
