// Parameters round-trip through the URL, bad URL values are reported while the rest apply, UI
// flags live next to the parameters without being parameters, and the address bar follows the store.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { linkFor, paramsFromSearch, searchFromParams, syncUrl, uiFlagsFromSearch } from '../../src/state/url';

describe('URL parameters', () => {
  it('round-trips every kind of parameter', () => {
    const params = { ...defaultParams(), users: 250, positionBias: 1.5, recommender: 'oracle' as const, excludeConsumed: true, bucketThresholds: [50, 500] };
    const search = searchFromParams(params);
    expect(search).toBe('?users=250&positionBias=1.5&recommender=oracle&excludeConsumed=true&bucketThresholds=50%2C500');
    expect(paramsFromSearch(search)).toEqual({ params, issues: [] });
  });

  it('round-trips the model v2 parameters: world seed, personal taste, sign-up picks, τ, factorization, raw', () => {
    const params = {
      ...defaultParams(),
      worldSeed: 7,
      idiosyncrasy: 0,
      onboardingPicks: 0,
      rankingTemperature: 0,
      recommender: 'factorization' as const,
      positionDebias: 'raw' as const,
    };
    const search = searchFromParams(params);
    for (const part of ['worldSeed=7', 'idiosyncrasy=0', 'onboardingPicks=0', 'rankingTemperature=0', 'recommender=factorization', 'positionDebias=raw'])
      expect(search).toContain(part);
    expect(paramsFromSearch(search)).toEqual({ params, issues: [] });
    // −1 (use the seed) is the default world seed, below it is out of range.
    expect(searchFromParams({ ...defaultParams(), worldSeed: -1 })).toBe('');
    expect(paramsFromSearch('?worldSeed=-2').issues.map((i) => i.key)).toEqual(['worldSeed']);
  });

  it('leaves defaults out of the link', () => {
    expect(searchFromParams(defaultParams())).toBe('');
  });

  it('ignores invalid and unknown values, naming each, and keeps the valid ones', () => {
    const { params, issues } = paramsFromSearch('?users=abc&songs=500&slateSize=99&bogus=1');
    expect(params).toEqual({ ...defaultParams(), songs: 500 });
    expect(issues.map((i) => i.key)).toEqual(['users', 'slateSize', 'bogus']);
    expect(issues[1]!.message).toBe('slateSize: must be an integer from 1 to 50, got "99"');
  });

  it('reads controls=hidden as a UI flag, not a parameter, and without a notice', () => {
    expect(paramsFromSearch('?controls=hidden&users=300')).toEqual({ params: { ...defaultParams(), users: 300 }, issues: [] });
    expect(uiFlagsFromSearch('?controls=hidden')).toEqual({ controlsHidden: true });
    expect(uiFlagsFromSearch('?controls=shown')).toEqual({ controlsHidden: false });
    expect(uiFlagsFromSearch('')).toEqual({ controlsHidden: false });
    expect(searchFromParams({ ...defaultParams(), users: 300 }, { controlsHidden: true })).toBe('?users=300&controls=hidden');
    expect(searchFromParams(defaultParams(), { controlsHidden: false })).toBe('');
  });

  it('builds a link on the page address, keeping its path (e.g. a sub-path)', () => {
    expect(linkFor('https://example.org/lab/sub/?users=3#x', { ...defaultParams(), seed: 7 })).toBe('https://example.org/lab/sub/?seed=7#x');
  });

  it('keeps the address bar in step with the running parameters and the controls flag', () => {
    const calls: string[] = [];
    const host = { location: { href: 'http://localhost/app/?users=abc' }, history: { replaceState: (_d: unknown, _u: string, url?: string | URL | null) => {
      calls.push(String(url));
      host.location.href = String(url);
    } } };
    const store = createAppStore({ ...defaultParams(), users: 500 });
    const stop = syncUrl(store, host);
    expect(calls).toEqual(['http://localhost/app/?users=500']);
    store.getState().setDraftValue('recommender', 'random', true);
    expect(calls.at(-1)).toBe('http://localhost/app/?users=500&recommender=random');
    // A change waiting for a restart is not in the link: the link reproduces the running simulation.
    store.getState().setDraftValue('songs', 100, false);
    expect(calls).toHaveLength(2);
    store.getState().setControlsHidden(true);
    expect(calls.at(-1)).toBe('http://localhost/app/?users=500&recommender=random&controls=hidden');
    stop();
    store.getState().setControlsHidden(false);
    expect(calls).toHaveLength(3);
  });
});
