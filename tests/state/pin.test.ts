// Pin as A: A keeps its rows and is replayed in a batch worker as far as B goes; a change of setting starts B on A's world and seed.
import { describe, expect, it } from 'vitest';
import { armParams, defaultParams, findPreset, presetParams, runSimulation, type Params } from '../../src/engine';
import { readPinned, writePinned } from '../../src/state/pinLink';
import { readQuery } from '../../src/state/query';
import { SimulationSession } from '../../src/state/session';
import { createAppStore } from '../../src/state/store';
import { readLink, searchFromParams } from '../../src/state/url';
import { runBatchJob } from '../../src/worker/batch';
import { createController } from '../../src/worker/controller';
import { BatchPool, type WorkerLike } from '../../src/worker/pool';

const base: Params = { ...defaultParams(), users: 60, songs: 150, steps: 8, seed: 5 };

/** A batch worker that answers at once, on this thread. */
class SyncWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  postMessage(message: Parameters<WorkerLike['postMessage']>[0]): void {
    runBatchJob(message, (m) => this.onmessage?.({ data: m }), () => 0);
  }
  terminate(): void {}
}

function wired(params: Params = base) {
  const store = createAppStore(params);
  const timers: (() => void)[] = [];
  const session = new SimulationSession(store, {
    startWorker: (onMessage) => {
      const handle = createController((m) => onMessage(m), { clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} } });
      return { send: handle, terminate: () => {} };
    },
    afterPaint: () => {},
    settleMs: 0,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
    startPool: () => new BatchPool(1, () => new SyncWorker()),
  });
  session.start();
  const flush = () => {
    while (timers.length > 0) timers.shift()!();
  };
  return { store, session, flush };
}

describe('pin as A', () => {
  it('keeps the run as A; a change starts B from step 0 on the same seed and runs it to the step reached', () => {
    const { store, session, flush } = wired();
    session.step(5);
    session.pin();
    const pinned = store.getState().pinned!;
    expect(pinned.scenario.params).toEqual(base);
    // A is computed to the run's length: the rows of `npm run sim` with A's settings.
    expect(pinned.rows).toEqual(runSimulation(base).steps);
    session.changeParam('exploration', 'epsilon');
    flush();
    const state = store.getState();
    const b = { ...base, exploration: 'epsilon' } as Params;
    expect(state.base).toEqual(b);
    expect(state.markers).toEqual([]);
    expect(state.t).toBe(5);
    expect(state.rows).toEqual(runSimulation(b).steps.slice(0, 5));
    expect(state.pinned!.scenario.params).toEqual(base);
  });

  it('extends A in step with B when B plays on past its end', () => {
    const { store, session } = wired();
    session.step(8);
    session.pin();
    session.play();
    expect(store.getState().params.steps).toBe(108);
    expect(store.getState().pinned!.rows).toEqual(runSimulation({ ...base, steps: 108 }).steps);
  });

  it('keeps A\'s seed and sizes when B is a preset', () => {
    const { store, session, flush } = wired();
    session.step(3);
    session.pin();
    session.choosePreset('thompson-sampling');
    flush();
    const expected = armParams(presetParams(findPreset('thompson-sampling')!), base);
    expect(store.getState().base).toEqual(expected);
    expect(store.getState().base.seed).toBe(5);
    expect(store.getState().t).toBe(3);
  });

  it('pinned before step 1, a change is simply B\'s scenario; unpin forgets A', () => {
    const { store, session } = wired();
    session.pin();
    session.changeParam('epsilon', 0.3);
    expect(store.getState().base.epsilon).toBe(0.3);
    expect(store.getState().pinned!.scenario.params.epsilon).toBe(base.epsilon);
    session.unpin();
    expect(store.getState().pinned).toBeNull();
  });
});

describe('A in the link', () => {
  it('writes a=pinned, A\'s differing values and its timeline, and reads them back', () => {
    const b = { ...base, exploration: 'epsilon' } as Params;
    const a = { params: { ...base, epsilon: 0.2 } as Params, changes: [{ t: 4, key: 'rerank' as const, value: 'xquad' as Params['rerank'] }] };
    const query = new URLSearchParams();
    writePinned(query, a, b);
    expect(query.toString()).toBe('a=pinned&a.exploration=none&a.epsilon=0.2&a.at=4%3Arerank%3Dxquad');
    const back = readPinned(readQuery(query.toString()), b);
    expect(back.issues).toEqual([]);
    expect(back.pinned).toEqual(a);
  });

  it('writes only the values that differ, lists compared by value (a fresh copy is no difference)', () => {
    const b = { ...base, bucketThresholds: [100, 1000] } as Params;
    const same = new URLSearchParams();
    writePinned(same, { params: structuredClone(b), changes: [] }, b);
    expect(same.toString()).toBe('a=pinned');
    const other = new URLSearchParams();
    writePinned(other, { params: { ...b, bucketThresholds: [100, 2000] }, changes: [] }, b);
    expect(other.toString()).toBe('a=pinned&a.bucketThresholds=100%2C2000');
  });

  it('round-trips through the page link with B', () => {
    const b = { ...base, exploration: 'epsilon' } as Params;
    const search = searchFromParams(b, undefined, { pinned: { params: base, changes: [] } });
    const link = readLink(search);
    expect(link.issues).toEqual([]);
    expect(link.params).toEqual(b);
    expect(link.pinned).toEqual({ params: base, changes: [] });
  });

  it('names each bad part and leaves it out', () => {
    const { pinned, issues } = readPinned(readQuery('a=pinned&a.epsilon=7&a.nope=1&a.at=1:exploration=epsilon'), base);
    expect(pinned!.params).toEqual(base);
    expect(issues.map((i) => i.key)).toEqual(['a.epsilon', 'a.nope', 'a.at']);
    expect(issues[0]!.message).toMatch(/^a\.epsilon: must be/);
    expect(readPinned(readQuery('a.epsilon=0.1'), base).issues[0]!.message).toContain('needs a=pinned');
    expect(readPinned(readQuery('a=yes'), base).pinned).toBeNull();
  });
});
