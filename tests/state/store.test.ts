// The store's slices: pending restart changes, marker merging, the link notice, run transitions.
import { describe, expect, it } from 'vitest';
import { defaultParams, type ListenerProfile, type StepMetrics, type TrailStep } from '../../src/engine';
import { createAppStore, TRAIL_LENGTH } from '../../src/state/store';
import { paramsFromSearch } from '../../src/state/url';

const part = (key: string, from: string, to: string, text: string) => ({ key, from, to, text });

describe('app store', () => {
  it('tracks draft values that wait for a restart, keeping a stable list while nothing changes', () => {
    const store = createAppStore(defaultParams());
    const { setDraftValue } = store.getState();
    setDraftValue('songs', 500, false);
    const pending = store.getState().pendingRestart;
    expect(pending).toEqual(['songs']);
    setDraftValue('recommender', 'random', true);
    expect(store.getState().pendingRestart).toBe(pending);
    expect(store.getState().params.recommender).toBe('random');
    expect(store.getState().params.songs).toBe(2000);
    store.getState().discardPending();
    expect(store.getState().pendingRestart).toEqual([]);
    expect(store.getState().draft.recommender).toBe('random');
  });

  it('merges marker parts at the same step and drops a change that was undone', () => {
    const store = createAppStore(defaultParams());
    const { addMarkerPart } = store.getState();
    addMarkerPart(5, part('recommender', 'popularity', 'random', 'recommender = random'));
    addMarkerPart(5, part('epsilon', '0.1', '0.2', 'ε = 0.2'));
    expect(store.getState().markers.map((m) => [m.t, m.label])).toEqual([[5, 'recommender = random, ε = 0.2 from here']]);
    addMarkerPart(5, part('recommender', 'random', 'popularity', 'recommender = popularity'));
    expect(store.getState().markers.map((m) => m.label)).toEqual(['ε = 0.2 from here']);
    addMarkerPart(9, part('epsilon', '0.2', '0.5', 'ε = 0.5'));
    expect(store.getState().markers.map((m) => [m.t, m.label])).toEqual([[5, 'ε = 0.2 from here'], [9, 'ε = 0.5 from here']]);
  });

  it('turns ignored link values into one dismissible notice that names the defaults used', () => {
    const { params, issues } = paramsFromSearch('?users=abc&bogus=1');
    const store = createAppStore(params, issues);
    const [notice] = store.getState().notices;
    expect(notice!.text).toContain('users: must be an integer from 2 to 200000, got "abc" (using the default, 1000)');
    expect(notice!.text).toContain('unknown parameter "bogus"');
    store.getState().dismissNotice(notice!.id);
    expect(store.getState().notices).toEqual([]);
  });

  it('lists at most 20 link problems in the notice and counts the rest', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    const { params, issues } = paramsFromSearch(`?${keys.map((k) => `${k}=1`).join('&')}`);
    expect(issues).toHaveLength(25);
    const [notice] = createAppStore(params, issues).getState().notices;
    expect(notice!.text).toContain('unknown parameter "k19"; and 5 more settings.');
    expect(notice!.text).not.toContain('"k20"');
  });

  it('moves through the run states as batches arrive', () => {
    const store = createAppStore(defaultParams());
    const s = () => store.getState();
    expect(s().status).toBe('starting');
    s().runReady(
      { gini: 0.5, top1Share: 0.1, top10Share: 0.3, longTailSize: 1, songs: 2, bucketSizes: { low: 1, mid: 1, high: 0 }, listenersByTaste: { mainstream: 1, niche: 1 } },
      { quality: new Float64Array(2), genre: new Uint8Array(2), longTail: new Uint8Array(2) },
      { t: 0, released: 2, plays: new Float64Array(2), impressions: new Float64Array(2) },
    );
    expect(s().status).toBe('idle');
    const row = { t: 1 } as StepMetrics;
    s().receiveSteps([row], { t: 1, released: 2, plays: new Float64Array([3, 4]), impressions: new Float64Array(2) }, false);
    expect(s().status).toBe('paused');
    expect(s().songs?.plays[1]).toBe(4);
    expect(s().songs?.quality).toBe(s().catalog?.quality);
    s().receiveSteps([{ t: 2 } as StepMetrics], undefined, true);
    expect(s().status).toBe('done');
    expect(s().t).toBe(2);
    s().setDone(false);
    expect(s().status).toBe('paused');
  });

  it('replaces the trail when another listener is followed, then adds each later step of theirs once', () => {
    const store = createAppStore(defaultParams());
    const s = () => store.getState();
    const step = (t: number, listener: number): TrailStep => ({ t, listener, songs: [t], genres: [0], clicked: [false] });
    const profile = (listener: number): ListenerProfile => ({ listener, kind: 'niche', favourite: 0, taste: [1] });
    s().receiveSteps([], undefined, false, [step(1, 0), step(2, 0)]);
    expect(s().trail.map((x) => x.t)).toEqual([1, 2]);
    // The new listener's history reaches back further than the old trail: it replaces it, cut to the strip's length.
    const history = Array.from({ length: TRAIL_LENGTH + 3 }, (_, i) => step(i + 1, 7));
    s().receiveListener(profile(7), history);
    expect(s().follow).toBe(7);
    expect(s().trail).toEqual(history.slice(-TRAIL_LENGTH));
    // Steps already in the history, and the previous listener's steps still on their way, are not added.
    const last = TRAIL_LENGTH + 3;
    s().receiveSteps([], undefined, false, [step(last, 7), step(last + 1, 0), step(last + 1, 7)]);
    expect(s().trail.map((x) => [x.t, x.listener]).slice(-2)).toEqual([
      [last, 7],
      [last + 1, 7],
    ]);
    expect(s().trail).toHaveLength(TRAIL_LENGTH);
    // A new run starts with no slates at all.
    s().beginRun(defaultParams());
    expect(s().trail).toEqual([]);
  });
});
