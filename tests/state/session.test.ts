// The page side of a run, wired to the real worker controller in Node: the store follows the
// worker, live changes leave markers, restart changes wait, errors keep the parameters.
import { describe, expect, it } from 'vitest';
import { defaultParams, runSimulation, type Params } from '../../src/engine';
import { needsRestart, SimulationSession } from '../../src/state/session';
import { createAppStore, TRAIL_LENGTH } from '../../src/state/store';
import { createController, type ControllerClock } from '../../src/worker/controller';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';

const base: Params = { ...defaultParams(), users: 60, songs: 150, steps: 8 };

/** Timers that only run when the test flushes them. */
function manualTimers() {
  const queue = new Map<number, () => void>();
  let id = 0;
  return {
    set: (fn: () => void) => {
      queue.set(++id, fn);
      return id;
    },
    clear: (handle: unknown) => void queue.delete(handle as number),
    runAll: () => {
      for (const [key, fn] of [...queue]) {
        queue.delete(key);
        fn();
      }
    },
    size: () => queue.size,
  };
}

function wired(params: Params = base, options: { settleMs?: number } = {}) {
  const store = createAppStore(params);
  const sent: WorkerRequest[] = [];
  const acks: (() => void)[] = [];
  const timers = manualTimers();
  const workerClock: ControllerClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };
  let workers = 0;
  let crash: ((message: WorkerResponse) => void) | null = null;
  const session = new SimulationSession(store, {
    startWorker: (onMessage) => {
      workers++;
      crash = onMessage;
      const handle = createController((m) => onMessage(m), { clock: workerClock });
      return {
        send: (request) => {
          sent.push(request);
          handle(request);
        },
        terminate: () => {},
      };
    },
    afterPaint: (fn) => acks.push(fn),
    settleMs: options.settleMs ?? 0,
    setTimer: (fn) => timers.set(fn),
    clearTimer: timers.clear,
  });
  session.start();
  return { store, session, sent, timers, workers: () => workers, crash: (m: string) => crash!({ type: 'error', message: m }) };
}

describe('simulation session', () => {
  it('builds the world on start and is ready at step 0 with the song catalog', () => {
    const { store } = wired();
    const s = store.getState();
    expect(s.status).toBe('idle');
    expect(s.t).toBe(0);
    expect(s.initial).not.toBeNull();
    expect(s.songs?.t).toBe(0);
    expect(s.songs?.quality).toHaveLength(base.songs);
    expect(s.songs?.plays).toHaveLength(base.songs);
  });

  it('steps in the worker and shows exactly the rows of a direct run', () => {
    const { store, session } = wired();
    session.step(3);
    expect(store.getState().status).toBe('paused');
    expect(store.getState().t).toBe(3);
    session.step(10);
    expect(store.getState().status).toBe('done');
    expect(store.getState().rows).toEqual(runSimulation(base).steps);
    expect(store.getState().songs?.t).toBe(8);
  });

  it('a live change applies from the next step and leaves a marker there', () => {
    // A deterministic ranking (τ = 0) shows everyone the same slate, so the switch to random slates shows at once.
    const { store, session, sent } = wired({ ...base, rankingTemperature: 0 });
    session.step(4);
    session.changeParam('recommender', 'random');
    expect(store.getState().params.recommender).toBe('random');
    expect(store.getState().pendingRestart).toEqual([]);
    expect(sent.at(-1)).toMatchObject({ type: 'setParams', label: 'recommender = random' });
    expect(store.getState().markers.map(({ t, label }) => ({ t, label }))).toEqual([{ t: 5, label: 'recommender = random from here' }]);
    session.step(1);
    const rows = store.getState().rows;
    expect(rows[3]!.aggregateDiversity).toBe(base.slateSize);
    expect(rows[4]!.aggregateDiversity).toBeGreaterThan(base.slateSize);
  });

  it('changes at the same step merge into one marker; changing back removes it', () => {
    const { store, session } = wired();
    session.step(2);
    session.changeParam('exploration', 'epsilon');
    session.changeParam('epsilon', 0.2);
    expect(store.getState().markers.map((m) => m.label)).toEqual(['ε 10%, ε = 0.2 from here']);
    session.changeParam('epsilon', 0.3);
    expect(store.getState().markers.map((m) => m.label)).toEqual(['ε 10%, ε = 0.3 from here']);
    session.changeParam('epsilon', 0.1);
    session.changeParam('exploration', 'none');
    expect(store.getState().markers).toEqual([]);
  });

  it('a value equal to the current one (a list as a fresh copy) changes nothing: no message, no marker', () => {
    const { store, session, sent } = wired();
    session.step(2);
    const before = sent.length;
    const draft = store.getState().draft;
    session.changeParam('bucketThresholds', [100, 1000]);
    session.changeParam('epsilon', 0.1);
    expect(sent).toHaveLength(before);
    expect(store.getState().draft).toBe(draft);
    expect(store.getState().markers).toEqual([]);
    // A list that differs in one entry is a change.
    session.changeParam('bucketThresholds', [100, 2000]);
    expect(sent.at(-1)).toMatchObject({ type: 'setParams', params: { bucketThresholds: [100, 2000] } });
  });

  it('before the first step a change is part of the run: no marker', () => {
    const { store, session, sent } = wired();
    session.changeParam('tasteDrift', 0.1);
    expect(sent.at(-1)).toEqual({ type: 'setParams', params: { ...base, tasteDrift: 0.1 } });
    session.step(1);
    expect(store.getState().markers).toEqual([]);
    expect(store.getState().rows).toEqual(runSimulation({ ...base, tasteDrift: 0.1, steps: 1 }).steps);
  });

  it('a continuous control tells the worker once, after it settles', () => {
    const { store, session, sent, timers } = wired(base, { settleMs: 250 });
    session.step(1);
    const before = sent.length;
    for (const v of [0.1, 0.2, 0.3]) session.changeParam('tasteDrift', v, { continuous: true });
    expect(store.getState().params.tasteDrift).toBe(0.3);
    expect(sent.length).toBe(before);
    timers.runAll();
    expect(sent.slice(before)).toMatchObject([{ type: 'setParams', label: 'taste drift = 0.3' }]);
    expect(store.getState().markers.map((m) => m.label)).toEqual(['taste drift = 0.3 from here']);
  });

  it('a settling change is sent before the next step', () => {
    const { store, session, timers } = wired(base, { settleMs: 250 });
    session.step(1);
    session.changeParam('positionBias', 2, { continuous: true });
    session.step(1);
    expect(timers.size()).toBe(0);
    expect(store.getState().markers).toMatchObject([{ t: 2, label: 'η = 2 from here' }]);
  });

  it('restart parameters wait for "Apply and restart"; the run goes on with the old world', () => {
    const { store, session, sent } = wired();
    session.step(2);
    const count = sent.length;
    session.changeParam('songs', 300);
    session.changeParam('users', 80);
    expect(sent.length).toBe(count);
    expect(store.getState().pendingRestart).toEqual(['songs', 'users']);
    expect(store.getState().params.songs).toBe(150);
    expect(store.getState().draft.songs).toBe(300);
    session.step(1);
    expect(store.getState().t).toBe(3);
    session.applyRestart();
    expect(store.getState().pendingRestart).toEqual([]);
    expect(store.getState().params).toMatchObject({ songs: 300, users: 80 });
    expect(store.getState().t).toBe(0);
    expect(store.getState().songs?.plays).toHaveLength(300);
  });

  it('discarding pending changes restores the running values', () => {
    const { store, session } = wired();
    session.changeParam('genres', 4);
    session.discardPending();
    expect(store.getState().draft).toEqual(store.getState().params);
    expect(store.getState().pendingRestart).toEqual([]);
  });

  it('a longer run with catalog growth needs a restart; a shorter one is live', () => {
    const growing = { ...base, newSongsPerStep: 2 };
    expect(needsRestart('steps', 20, growing)).toBe(true);
    expect(needsRestart('steps', 4, growing)).toBe(false);
    expect(needsRestart('steps', 20, base)).toBe(false);
    expect(needsRestart('songs', 20, base)).toBe(true);
    const { store, session } = wired(growing);
    session.changeParam('steps', 20);
    expect(store.getState().pendingRestart).toEqual(['steps']);
  });

  it('choosing a preset applies it and restarts', () => {
    const { store, session } = wired();
    session.step(2);
    session.choosePreset('random-baseline');
    expect(store.getState().params).toEqual({ ...defaultParams(), recommender: 'random' });
    expect(store.getState().t).toBe(0);
    // The locked catalog changes the world, so choosing it also restarts, with its world and τ = 0.
    session.step(1);
    session.choosePreset('locked-catalog');
    expect(store.getState().params).toEqual({
      ...defaultParams(),
      priorMedianPlays: 13,
      priorSpread: 1.15,
      priorMaxPlays: 10000,
      rankingTemperature: 0,
      idiosyncrasy: 0,
      onboardingPicks: 0,
    });
    expect(store.getState().t).toBe(0);
    expect(store.getState().pendingRestart).toEqual([]);
  });

  it('a crashed worker is reported; restarting makes a new worker with the same parameters', () => {
    const { store, session, workers, crash } = wired({ ...base, recommender: 'oracle' });
    session.step(2);
    crash('the simulation worker crashed: boom');
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatch(/boom/);
    session.restartWorker();
    expect(workers()).toBe(2);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().error).toBeNull();
    expect(store.getState().params.recommender).toBe('oracle');
    session.step(8);
    expect(store.getState().rows).toEqual(runSimulation({ ...base, recommender: 'oracle' }).steps);
  });

  it('ignores replies that belong to an earlier run', () => {
    const { store, session } = wired();
    session.step(3);
    session.reset();
    // A late frame of the first run (runId 1) arriving after the reset is dropped.
    (session as unknown as { receive(m: WorkerResponse): void }).receive({ type: 'steps', runId: 1, rows: [store.getState().rows[0]!], done: false });
    expect(store.getState().rows).toEqual([]);
  });

  it('play and pause send the speed and follow the status', () => {
    const { store, session, sent } = wired();
    session.setSpeed(99);
    expect(store.getState().speed).toBe(60);
    session.play();
    expect(sent.at(-1)).toEqual({ type: 'play', stepsPerSecond: 60 });
    expect(store.getState().status).toBe('running');
    session.togglePlay();
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    expect(store.getState().status).toBe('idle');
  });

  it('replays a scenario\'s timeline with the markers and rows of the same change made by hand', () => {
    const replay = wired();
    replay.session.runScript({ params: base, changes: [{ t: 4, key: 'exploration', value: 'epsilon' }], toStep: 6 });
    const byHand = wired();
    byHand.session.step(3);
    byHand.session.changeParam('exploration', 'epsilon');
    byHand.session.step(3);
    const a = replay.store.getState();
    const b = byHand.store.getState();
    expect(a.t).toBe(6);
    expect(a.markers).toEqual(b.markers);
    expect(a.markers).toEqual([{ t: 4, label: 'ε 10% from here', parts: [{ key: 'exploration', from: 'none', to: 'epsilon', text: 'ε 10%' }] }]);
    expect(a.rows).toEqual(b.rows);
    // The scenario stays what the link said; the running parameters follow the timeline.
    expect(a.base.exploration).toBe('none');
    expect(a.params.exploration).toBe('epsilon');
  });

  it('keeps a run that already is the scenario asked for, and rebuilds it once the user changed it', () => {
    const { store, session, sent } = wired();
    session.step(2);
    const resets = () => sent.filter((r) => r.type === 'reset').length;
    session.runScript({ params: base, changes: [] });
    expect(resets()).toBe(1);
    expect(store.getState().t).toBe(2);
    session.changeParam('exploration', 'epsilon');
    session.runScript({ params: base, changes: [] });
    expect(resets()).toBe(2);
    expect(store.getState().t).toBe(0);
  });

  it('a fresh script starts the same scenario again from step 0, and keeps a run still at step 0', () => {
    const { store, session, sent } = wired();
    const resets = () => sent.filter((r) => r.type === 'reset').length;
    session.runScript({ params: base, changes: [], fresh: true });
    expect(resets()).toBe(1);
    session.step(3);
    session.runScript({ params: base, changes: [], fresh: true });
    expect(resets()).toBe(2);
    expect(store.getState().t).toBe(0);
    expect(store.getState().rows).toEqual([]);
    // Held at step 0 until asked to play, then plays the scenario from there.
    expect(store.getState().status).not.toBe('running');
    session.runScript({ params: base, changes: [], play: true });
    expect(resets()).toBe(2);
    expect(store.getState().status).toBe('running');
  });

  it('Reset returns to the scenario and its own timeline, not to the changes made since', () => {
    const { store, session } = wired();
    session.runScript({ params: base, changes: [{ t: 3, key: 'epsilon', value: 0.3 }], toStep: 4 });
    session.changeParam('exploration', 'epsilon');
    session.step(1);
    expect(store.getState().markers.map((m) => m.t)).toEqual([3, 5]);
    session.reset();
    session.step(4);
    const s = store.getState();
    expect(s.params.exploration).toBe('none');
    expect(s.params.epsilon).toBe(0.3);
    expect(s.markers.map((m) => m.t)).toEqual([3]);
  });

  it('a change of the user before a scheduled one drops the rest of the scenario\'s timeline', () => {
    const { store, session } = wired();
    session.runScript({ params: base, changes: [{ t: 5, key: 'exploration', value: 'epsilon' }], toStep: 2 });
    session.changeParam('positionBias', 2);
    session.step(5);
    const s = store.getState();
    expect(s.scenarioChanges).toEqual([]);
    expect(s.params.exploration).toBe('none');
    expect(s.markers.map((m) => m.parts.map((p) => p.key))).toEqual([['positionBias']]);
  });

  it('Play at the end extends the run by 100 steps, with no marker, and goes on from where it was', () => {
    const { store, session, sent } = wired();
    session.step(base.steps);
    expect(store.getState().status).toBe('done');
    session.play();
    const s = store.getState();
    expect(s.params.steps).toBe(base.steps + 100);
    expect(s.base.steps).toBe(base.steps + 100);
    expect(s.status).toBe('running');
    expect(s.t).toBe(base.steps);
    expect(s.markers).toEqual([]);
    expect(sent.at(-1)).toEqual({ type: 'play', stepsPerSecond: 10 });
  });

  it('follows the listener asked for, keeping their recent slates', () => {
    const { store, session } = wired();
    session.followListener('niche');
    session.step(3);
    const s = store.getState();
    expect(s.listener?.kind).toBe('niche');
    expect(s.follow).toBe(s.listener!.listener);
    expect(s.trail.map((step) => step.t)).toEqual([1, 2, 3]);
    expect(s.trail.every((step) => step.listener === s.follow)).toBe(true);
    // A listener picked mid-run comes with their slates of the steps so far, not only the last one.
    session.followListener(5);
    expect(store.getState().follow).toBe(5);
    expect(store.getState().trail.map((step) => [step.t, step.listener])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
    ]);
    // Not a listener of this run: nothing is asked of the worker.
    session.followListener(base.users);
    expect(store.getState().follow).toBe(5);
  });

  it('a listener picked after the run shows their recent slates, the same as following them from step 1', () => {
    const long = { ...base, steps: 20 };
    const followed = wired(long);
    followed.session.followListener(9);
    followed.session.step(20);
    const late = wired(long);
    late.session.step(20);
    expect(late.store.getState().status).toBe('done');
    late.session.followListener(9);
    const trail = late.store.getState().trail;
    expect(trail.map((step) => step.t)).toEqual(Array.from({ length: TRAIL_LENGTH }, (_, i) => 20 - TRAIL_LENGTH + 1 + i));
    expect(trail).toEqual(followed.store.getState().trail);
    // Following another replaces the trail (no steps of the previous listener left in it).
    late.session.followListener(10);
    expect(late.store.getState().trail.every((step) => step.listener === 10)).toBe(true);
    expect(late.store.getState().trail).toHaveLength(TRAIL_LENGTH);
    // Play on: a step of the new listener is added once.
    late.session.play();
    late.session.step(1);
    expect(late.store.getState().trail.map((step) => step.t).slice(-2)).toEqual([20, 21]);
  });

  it('Reset and a new scenario clear the followed listener\u2019s slates: a rewind never shows another run\u2019s', () => {
    const { store, session } = wired({ ...base, steps: 20 });
    session.step(15);
    session.followListener(4);
    expect(store.getState().trail).toHaveLength(TRAIL_LENGTH);
    session.reset();
    expect(store.getState().trail).toEqual([]);
    session.followListener(4);
    expect(store.getState().trail).toEqual([]);
    session.step(2);
    session.followListener(4);
    expect(store.getState().trail.map((step) => step.t)).toEqual([1, 2]);
  });
});
