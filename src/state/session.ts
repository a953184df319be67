// The page side of a run: sends the user's actions to the simulation worker and puts its replies
// in the store. No simulation runs here; the page only renders what the worker streams.
import { armParams, findPreset, formatValue, paramSpec, presetParams, restartReasons, sameValue, type ListenerKind, type Params } from '../engine';
import type { BatchPool } from '../worker/pool';
import { PinnedRows } from './pinnedRows';
import type { TimelineChange } from './timeline';
import type { SimulationClient } from '../worker/client';
import { FRAME_MS, SIMULATION_NOT_STARTED, type ScheduledParams, type WorkerResponse } from '../worker/protocol';
import { changeText } from './markers';
import type { AppStore, MarkerPart } from './store';
import { timelineOf } from './url';

/** What the UI can ask for. Components get this interface, so tests can pass a stub. */
export interface SimulationActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(count: number): void;
  /** Starts the run over from step 0 with the running parameters. */
  reset(): void;
  setSpeed(stepsPerSecond: number): void;
  /**
   * Changes one parameter from a control. Live parameters apply from the next step (with a marker);
   * restart parameters wait in the draft. `continuous` (sliders, typing) waits until the value
   * settles before telling the worker, so a drag makes one marker, not twenty.
   */
  changeParam<K extends keyof Params>(key: K, value: Params[K], options?: { continuous?: boolean }): void;
  applyRestart(): void;
  discardPending(): void;
  choosePreset(name: string): void;
  /** After an error: a new worker, reset with the same parameters. */
  restartWorker(): void;
  /**
   * Starts a scenario: `params` at step 0, its own live `changes` at their steps, then runs to
   * `toStep` at once or plays (a lesson chapter, an opened link). A run that already is this
   * scenario, unchanged since, is kept rather than built again.
   */
  runScript(script: RunScript): void;
  /** Follows another listener, with their slates of the recent steps and then step by step: by number, or an example listener of a kind. */
  followListener(listener: number | ListenerKind): void;
  /**
   * Pins the run as A: its scenario and timeline are kept and drawn as a ghost. From then on, any
   * change of setting starts B from step 0 on the same world and seed and runs it to the step
   * reached, so A and B stand side by side at every step.
   */
  pin(): void;
  /** Forgets A. */
  unpin(): void;
}

/** A scenario to run: see SimulationActions.runScript. */
export interface RunScript {
  readonly params: Params;
  readonly changes: readonly TimelineChange[];
  /** Run straight to this step (0 or absent: stay at step 0). */
  readonly toStep?: number;
  /** Then play (animated) at the chosen speed. */
  readonly play?: boolean;
  /**
   * Start again from step 0 even when the run on screen already is this scenario (a lesson asks its
   * question before the run plays, so the answer must not be on the charts already).
   */
  readonly fresh?: boolean;
}

/** Steps a Play at the end of a run adds. */
export const EXTEND_STEPS = 100;

export interface SessionOptions {
  /** Starts a worker and routes its responses to `onMessage`. */
  startWorker(onMessage: (message: WorkerResponse) => void): SimulationClient;
  /** Runs `fn` once the page has shown the latest update (default: next animation frame). */
  afterPaint?: (fn: () => void) => void;
  /** How long a continuous control must rest before its value is sent (default 250 ms). */
  settleMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Starts the pool of batch workers that computes a pinned run A (started on first use). */
  startPool?: () => BatchPool;
}

/** Speeds the transport offers, in steps per second. */
export const SPEED_MIN = 1;
export const SPEED_MAX = 60;

/** Whether changing `key` to `value` needs a new run, given the running parameters. */
export function needsRestart(key: string, value: unknown, running: Params): boolean {
  if (!paramSpec(key)) return true;
  return restartReasons(running, { ...running, [key]: value } as Params).length > 0;
}

interface PendingChange {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

/** Longest pause the page adds before asking for the next frame. */
const MAX_REST_MS = 400;

/**
 * Calls `fn` once the page has painted what it has now: after the next animation frame, and then,
 * if more than a frame has passed since `since` (when the data arrived), after a rest as long as the
 * overrun, capped at MAX_REST_MS. The session acknowledges a worker message this way, so the main
 * thread stays at least about half idle however heavy the views are (the worker batches the steps
 * meanwhile) and clicks and keys are handled promptly.
 */
export function afterPaintAndRest(fn: () => void, since: number = performance.now()): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(fn, FRAME_MS);
    return;
  }
  requestAnimationFrame(() =>
    setTimeout(() => {
      const rest = Math.min(MAX_REST_MS, Math.max(0, performance.now() - since - FRAME_MS));
      if (rest > 0) setTimeout(fn, rest);
      else fn();
    }, 0),
  );
}

const defaultAfterPaint = (fn: () => void) => afterPaintAndRest(fn);

export class SimulationSession implements SimulationActions {
  private client: SimulationClient | null = null;
  /** Counts the workers started; a message is handled only if it comes from the latest one. */
  private generation = 0;
  private runId = 0;
  private changeId = 0;
  /** Changes sent to the worker and not yet confirmed, by request id. */
  private readonly inFlight = new Map<number, PendingChange>();
  /** The scenario's own changes sent with the reset and not yet applied, by request id. */
  private readonly scheduled = new Map<number, TimelineChange>();
  /** The scenario of the current run, as text, while the user has not changed it (see runScript). */
  private scriptKey: string | null = null;
  /** Play as soon as the world is built. */
  private playWhenReady = false;
  /** Live changes waiting for their control to settle, by key. */
  private readonly settling = new Map<string, { timer: unknown; from: string }>();
  /** The parameters the worker's simulation has now (as far as the page has told it). */
  private sent: Params;
  private readonly afterPaint: (fn: () => void) => void;
  private readonly settleMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** Computes a pinned run A in a batch worker. */
  private readonly pinnedRows: PinnedRows;
  /** A change of setting with A pinned waits for its control to settle, then starts B. */
  private pinRestart: unknown = null;

  constructor(
    private readonly store: AppStore,
    private readonly options: SessionOptions,
  ) {
    this.sent = store.getState().params;
    this.afterPaint = options.afterPaint ?? defaultAfterPaint;
    this.settleMs = options.settleMs ?? 250;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.pinnedRows = new PinnedRows(store, options.startPool);
  }

  /** Starts the worker and builds the world of the store's parameters (with a link's timeline and step). */
  start(script: Omit<RunScript, 'params'> = { changes: [] }): void {
    this.runScript({ ...script, params: this.store.getState().params });
  }

  dispose(): void {
    this.cancelSettling();
    this.disconnect();
    this.pinnedRows.dispose();
  }

  /** Starts a fresh worker; the old one, if any, is terminated first. */
  private connect(): void {
    this.disconnect();
    const generation = this.generation;
    try {
      this.client = this.options.startWorker((message) => {
        // A message already on its way when its worker was replaced or terminated is stale.
        if (generation === this.generation) this.receive(message);
      });
    } catch (error) {
      this.client = null;
      // The browser's own words go to the console; the page shows a fixed sentence.
      console.error('The simulation worker could not start:', error);
      this.store.getState().setStatus('error', SIMULATION_NOT_STARTED);
    }
  }

  /** Terminates the worker and stops listening to it: nothing it sent can reach the store any more. */
  private disconnect(): void {
    this.generation++;
    this.client?.terminate();
    this.client = null;
  }

  private receive(message: WorkerResponse): void {
    // Replies to an earlier run (sent before the worker saw the reset) are stale.
    if (message.runId !== undefined && message.runId !== this.runId) return;
    const state = this.store.getState();
    switch (message.type) {
      case 'ready':
        state.runReady(message.initial, message.catalog, message.songs, message.listener, message.historySteps);
        if (this.playWhenReady) {
          this.playWhenReady = false;
          this.play();
        }
        return;
      case 'listener':
        state.receiveListener(message.listener, message.trail);
        return;
      case 'steps': {
        state.receiveSteps(message.rows, message.songs, message.done, message.trail, message.listener);
        // The ack belongs to the worker that sent the steps, not to one started since.
        const client = this.client;
        this.afterPaint(() => {
          if (client && client === this.client) client.send({ type: 'ack' });
        });
        return;
      }
      case 'applied': {
        const change = message.id === undefined ? undefined : this.inFlight.get(message.id);
        if (message.id !== undefined) this.inFlight.delete(message.id);
        const scheduled = message.id === undefined ? undefined : this.scheduled.get(message.id);
        if (scheduled && message.id !== undefined) {
          // The worker applied one of the scenario's changes: the page's running parameters follow.
          this.scheduled.delete(message.id);
          this.sent = { ...this.sent, [scheduled.key]: scheduled.value };
          state.setDraftValue(scheduled.key, scheduled.value, true);
        }
        if (change && message.marker) {
          const part: MarkerPart = { key: change.key, from: change.from, to: change.to, text: change.text };
          state.addMarkerPart(message.marker.t, part);
        }
        state.setDone(message.done);
        return;
      }
      case 'error':
        this.cancelSettling();
        // Terminate before showing the banner: a crashed worker may still be stepping on its own
        // timer, and the page must not keep counting behind a "stopped" message. Any new run
        // (Restart, Reset, a preset) starts a fresh worker.
        this.disconnect();
        state.setStatus('error', message.message);
        return;
    }
  }

  private resetWith(params: Params, changes: readonly TimelineChange[] = []): void {
    this.cancelSettling();
    this.inFlight.clear();
    this.scheduled.clear();
    this.scriptKey = null;
    this.playWhenReady = false;
    this.runId++;
    this.sent = params;
    this.store.getState().beginRun(params, changes);
    // Each scheduled change carries the whole parameter set in force from its step, and the marker
    // text and id of a change made by hand, so a replayed link draws the same markers.
    const schedule: ScheduledParams[] = [];
    let before = params;
    for (const change of changes) {
      const spec = paramSpec(String(change.key));
      if (!spec) continue;
      const after = { ...before, [change.key]: change.value } as Params;
      const id = ++this.changeId;
      const text = changeText(spec, change.value, after);
      this.inFlight.set(id, { key: String(change.key), from: formatValue(before[change.key]), to: formatValue(change.value), text });
      this.scheduled.set(id, change);
      schedule.push({ t: change.t, params: after, label: text, id });
      before = after;
    }
    // First run, or the worker was terminated after an error: start one (after beginRun, so a
    // worker that cannot start leaves the error showing).
    if (!this.client) this.connect();
    this.client?.send({ type: 'reset', runId: this.runId, params, schedule, follow: this.store.getState().follow });
    this.pinnedRows.extend(params.steps);
  }

  readonly runScript = (script: RunScript): void => {
    const key = scriptText(script.params, script.changes);
    const state = this.store.getState();
    const atStart = state.t === 0 && state.status !== 'running';
    if (key === this.scriptKey && state.status !== 'error' && (!script.fresh || atStart)) {
      if (script.play && state.status === 'starting') this.playWhenReady = true;
      else if (script.play && (state.status === 'idle' || state.status === 'paused')) this.play();
      return;
    }
    this.resetWith(script.params, script.changes);
    this.scriptKey = key;
    const toStep = Math.min(script.toStep ?? 0, script.params.steps);
    if (toStep > 0) this.client?.send({ type: 'step', count: toStep });
    if (script.play) this.playWhenReady = true;
  };

  readonly followListener = (listener: number | ListenerKind): void => {
    const state = this.store.getState();
    if (typeof listener === 'number' && !(Number.isInteger(listener) && listener >= 0 && listener < state.params.users)) return;
    this.client?.send({ type: 'follow', listener });
  };

  readonly play = (): void => {
    const { status, speed } = this.store.getState();
    if (status === 'done' && this.extend()) {
      this.play();
      return;
    }
    if (status !== 'idle' && status !== 'paused' && status !== 'running') return;
    this.flushSettling();
    this.client?.send({ type: 'play', stepsPerSecond: speed });
    this.store.getState().setStatus('running');
  }

  readonly pause = (): void => {
    const { status, t } = this.store.getState();
    if (status !== 'running') return;
    this.client?.send({ type: 'pause' });
    this.store.getState().setStatus(t === 0 ? 'idle' : 'paused');
  }

  readonly togglePlay = (): void => {
    if (this.store.getState().status === 'running') this.pause();
    else this.play();
  }

  readonly step = (count: number): void => {
    const { status, t } = this.store.getState();
    if (status !== 'idle' && status !== 'paused' && status !== 'running') return;
    this.flushSettling();
    this.client?.send({ type: 'step', count });
    if (status === 'running') this.store.getState().setStatus(t === 0 ? 'idle' : 'paused');
  }

  /**
   * Lengthens a finished run by EXTEND_STEPS (up to the schema's maximum), live: the run goes on from
   * where it is, and the link's run length grows with it. False when the run cannot grow live.
   */
  private extend(): boolean {
    const state = this.store.getState();
    const spec = paramSpec('steps');
    const max = spec && 'max' in spec ? spec.max : state.params.steps;
    const steps = Math.min(max, state.params.steps + EXTEND_STEPS);
    const next = { ...state.params, steps };
    if (steps <= state.params.steps || restartReasons(state.params, next).length > 0 || !this.client) return false;
    state.setSteps(steps);
    this.sent = { ...this.sent, steps };
    // No label: a longer run is not a change of strategy, so it leaves no marker.
    this.client.send({ type: 'setParams', params: { ...this.sent } });
    state.setDone(false);
    this.pinnedRows.extend(steps);
    if (this.scriptKey !== null) this.scriptKey = scriptText(this.store.getState().base, this.store.getState().scenarioChanges);
    return true;
  }

  /** Starts the scenario over from step 0: its parameters and its own timeline, not the changes made since. */
  readonly reset = (): void => {
    const { base, scenarioChanges } = this.store.getState();
    this.resetWith(base, scenarioChanges);
    this.scriptKey = scriptText(base, scenarioChanges);
  }

  readonly setSpeed = (stepsPerSecond: number): void => {
    const speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, stepsPerSecond));
    const state = this.store.getState();
    state.setSpeed(speed);
    if (state.status === 'running') this.client?.send({ type: 'play', stepsPerSecond: speed });
  }

  readonly changeParam = <K extends keyof Params>(key: K, value: Params[K], options: { continuous?: boolean } = {}): void => {
    const state = this.store.getState();
    if (sameValue(key, state.draft[key], value)) return;
    if (needsRestart(key, value, state.params)) {
      state.setDraftValue(key, value, false);
      return;
    }
    state.setDraftValue(key, value, true);
    if (state.pinned && state.t > 0) {
      // With A pinned a change starts B over, not a live change of the run: B differs from A in
      // this setting from step 1, and is run at once to the step A and B had reached.
      this.restartB(options.continuous ? this.settleMs : 0);
      return;
    }
    // Before step 1 the change is part of the scenario at once (the link holds it even while a
    // typed value is still settling).
    if (state.status === 'starting' || state.status === 'idle') state.adoptAsScenario();
    const settling = this.settling.get(key);
    if (settling) this.clearTimer(settling.timer);
    const from = settling?.from ?? formatValue(this.sent[key]);
    if (options.continuous && this.settleMs > 0) {
      const timer = this.setTimer(() => this.commit(key), this.settleMs);
      this.settling.set(key, { timer, from });
    } else {
      this.settling.delete(key);
      this.commit(key, from);
    }
  }

  /** Sends the running value of `key` to the worker; once the run has begun, with a marker label. */
  private commit(key: keyof Params, from?: string): void {
    const settling = this.settling.get(key);
    this.settling.delete(key);
    const spec = paramSpec(key);
    const { params, status } = this.store.getState();
    const start = from ?? settling?.from ?? formatValue(this.sent[key]);
    // After an error the next reset sends the whole parameter set anyway.
    if (!spec || status === 'error' || !this.client) return;
    this.sent = params;
    // The user changed the run: it is no longer the scenario a lesson or link set up.
    this.scriptKey = null;
    // Before the first step a change is simply part of the run: no marker, and the scenario (what
    // the link holds and Reset returns to) is the run as it is now.
    if (status === 'starting' || status === 'idle') {
      this.store.getState().adoptAsScenario();
      this.client.send({ type: 'setParams', params });
      return;
    }
    // The worker drops the scenario's changes still to come (they would undo this one).
    const { t } = this.store.getState();
    this.store.getState().keepScenarioChangesUpTo(t);
    for (const [id, change] of [...this.scheduled]) if (change.t > t) {
      this.scheduled.delete(id);
      this.inFlight.delete(id);
    }
    const to = formatValue(params[key]);
    const text = changeText(spec, params[key], params);
    const id = ++this.changeId;
    this.inFlight.set(id, { key, from: start, to, text });
    this.client.send({ type: 'setParams', params, label: text, id });
  }

  private flushSettling(): void {
    for (const [key, { timer }] of [...this.settling]) {
      this.clearTimer(timer);
      this.commit(key as keyof Params);
    }
  }

  private cancelSettling(): void {
    for (const { timer } of this.settling.values()) this.clearTimer(timer);
    this.settling.clear();
  }

  readonly applyRestart = (): void => {
    const { draft, pinned, t } = this.store.getState();
    this.resetWith(draft);
    if (pinned && t > 0) this.client?.send({ type: 'step', count: t });
  }

  readonly discardPending = (): void => {
    this.store.getState().discardPending();
  }

  readonly choosePreset = (name: string): void => {
    const preset = findPreset(name);
    if (!preset) return;
    const { pinned, t } = this.store.getState();
    // With A pinned, B is the preset on A's world and seed, run to the step reached.
    if (pinned) this.runScript({ params: armParams(presetParams(preset), pinned.scenario.params), changes: [], toStep: t });
    else this.runScript({ params: presetParams(preset), changes: [] });
  }

  readonly pin = (): void => {
    const state = this.store.getState();
    if (state.status === 'starting' || state.status === 'error') return;
    this.flushSettling();
    const now = this.store.getState();
    this.pinnedRows.cancel();
    now.setPinned({
      scenario: { params: now.base, changes: timelineOf(now) },
      initial: now.initial,
      rows: now.rows,
      computing: false,
      error: null,
    });
    this.pinnedRows.extend(now.params.steps);
  };

  readonly unpin = (): void => {
    if (this.pinRestart !== null) this.clearTimer(this.pinRestart);
    this.pinRestart = null;
    this.pinnedRows.cancel();
    this.store.getState().setPinned(null);
  };

  /**
   * Starts B from the running parameters after `delay` ms: a slider's drag makes one restart, not
   * twenty, and a mitigation chip that sets two parameters at once makes one too.
   */
  private restartB(delay: number): void {
    if (this.pinRestart !== null) this.clearTimer(this.pinRestart);
    this.pinRestart = this.setTimer(() => {
      this.pinRestart = null;
      const { params, t } = this.store.getState();
      this.runScript({ params, changes: [], toStep: t });
    }, delay);
  }

  readonly restartWorker = (): void => {
    this.disconnect();
    this.resetWith(this.store.getState().params);
  }
}

/** A scenario as text, to tell whether a run already is it. */
function scriptText(params: Params, changes: readonly TimelineChange[]): string {
  const values = Object.keys(params)
    .sort()
    .map((key) => `${key}=${formatValue(params[key as keyof Params])}`);
  return `${values.join('&')}|${changes.map((c) => `${c.t}:${String(c.key)}=${formatValue(c.value)}`).join('&')}`;
}
