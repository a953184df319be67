// Parameters round-trip through the URL, bad URL values are reported while the rest apply, UI
// flags live next to the parameters without being parameters, the address bar follows the store,
// and hostile links (prototype keys, repeated keys, huge values) are named in a short notice.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { linkFor, linkForState, paramsFromSearch, readLink, searchFromParams, syncUrl, uiFlagsFromSearch } from '../../src/state/url';

describe('URL parameters', () => {
  it('round-trips every kind of parameter', () => {
    const params = { ...defaultParams(), users: 250, positionBias: 1.5, recommender: 'oracle' as const, excludeConsumed: true, bucketThresholds: [50, 500] };
    const search = searchFromParams(params);
    expect(search).toBe('?users=250&positionBias=1.5&recommender=oracle&excludeConsumed=true&bucketThresholds=50,500');
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
    // Lists by value: a fresh [100, 1000] is the default; [100, 2000] is not.
    expect(searchFromParams({ ...defaultParams(), bucketThresholds: [100, 1000] })).toBe('');
    expect(searchFromParams({ ...defaultParams(), bucketThresholds: [100, 2000] })).toBe('?bucketThresholds=100,2000');
  });

  it('ignores invalid and unknown values, naming each, and keeps the valid ones', () => {
    const { params, issues } = paramsFromSearch('?users=abc&songs=500&slateSize=99&bogus=1');
    expect(params).toEqual({ ...defaultParams(), songs: 500 });
    expect(issues.map((i) => i.key)).toEqual(['users', 'slateSize', 'bogus']);
    expect(issues[1]!.message).toBe('slateSize: must be an integer from 1 to 50, got "99" (using the default, 10)');
    expect(issues[2]!.message).toBe('unknown parameter "bogus"');
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

  it('keeps the address bar in step with the scenario, its live changes and the controls flag', () => {
    const calls: string[] = [];
    const host = { location: { href: 'http://localhost/app/?users=abc' }, history: { replaceState: (_d: unknown, _u: string, url?: string | URL | null) => {
      calls.push(String(url));
      host.location.href = String(url);
    } } };
    const store = createAppStore({ ...defaultParams(), users: 500 });
    const stop = syncUrl(store, host);
    expect(calls).toEqual(['http://localhost/app/?users=500']);
    // A change before step 1 is part of the scenario (the session adopts it).
    store.getState().setDraftValue('recommender', 'random', true);
    store.getState().adoptAsScenario();
    expect(calls.at(-1)).toBe('http://localhost/app/?users=500&recommender=random');
    // A change waiting for a restart is not in the link: the link reproduces the running simulation.
    store.getState().setDraftValue('songs', 100, false);
    expect(calls).toHaveLength(2);
    // A live change mid-run is in the timeline, not in the scenario's parameters.
    store.getState().setDraftValue('exploration', 'epsilon', true);
    store.getState().addMarkerPart(12, { key: 'exploration', from: 'none', to: 'epsilon', text: 'exploration = epsilon' });
    expect(calls.at(-1)).toBe('http://localhost/app/?users=500&recommender=random&at=12:exploration=epsilon');
    store.getState().setControlsHidden(true);
    expect(calls.at(-1)).toBe('http://localhost/app/?users=500&recommender=random&at=12:exploration=epsilon&controls=hidden');
    stop();
    store.getState().setControlsHidden(false);
    expect(calls).toHaveLength(4);
  });
});

/** The one notice a link makes, as the page shows it. */
function noticeText(search: string): string {
  const { params, issues, flags } = readLink(search);
  const notices = createAppStore(params, issues, flags).getState().notices;
  expect(notices).toHaveLength(1);
  return notices[0]!.text;
}

describe('hostile links', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('?%s=1 is named as an unknown parameter, never read from a prototype', (key) => {
    const { params, issues, flags } = readLink(`?${key}=1&users=300`);
    expect(params).toEqual({ ...defaultParams(), users: 300 });
    expect(flags).toEqual({ controlsHidden: false });
    expect(issues).toEqual([{ key, message: `unknown parameter "${key}"` }]);
    // Nothing was written onto the result or its prototype.
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.hasOwn(params, key)).toBe(false);
    expect(Object.keys(params)).toEqual(Object.keys(defaultParams()));
    const text = noticeText(`?${key}=1`);
    expect(text).toBe(`Some link settings were ignored and their defaults used: unknown parameter "${key}".`);
    expect(text).not.toMatch(/native code|function/);
  });

  it('?toString=x and ?constructor=x next to a bad value: each named once, no prototype text', () => {
    const text = noticeText('?toString=x&constructor=x&users=abc');
    expect(text).toBe(
      'Some link settings were ignored and their defaults used: unknown parameter "toString"; unknown parameter "constructor"; ' +
        'users: must be an integer from 2 to 200000, got "abc" (using the default, 1000).',
    );
  });

  it('a repeated key is refused as a whole, naming every value, even when one of them is valid', () => {
    const { params, issues } = readLink('?users=-5&users=500&songs=300');
    expect(params).toEqual({ ...defaultParams(), songs: 300 });
    expect(issues).toEqual([{ key: 'users', message: 'users given 2 times ("-5", "500"): all refused (using the default, 1000)' }]);
    expect(noticeText('?users=-5&users=500')).toContain('users given 2 times ("-5", "500"): all refused (using the default, 1000)');
    // Two equal values are refused too: the rule does not depend on the values.
    expect(readLink('?users=500&users=500').params.users).toBe(1000);
  });

  it('a key repeated many times lists three values; repeated unknown keys and UI flags are named too', () => {
    expect(readLink('?seed=1&seed=2&seed=3&seed=4').issues).toEqual([
      { key: 'seed', message: 'seed given 4 times ("1", "2", "3", …): all refused (using the default, 42)' },
    ]);
    expect(readLink('?x=1&x=2').issues).toEqual([{ key: 'x', message: 'unknown parameter "x" given 2 times' }]);
    const hidden = readLink('?controls=hidden&controls=hidden');
    expect(hidden.flags).toEqual({ controlsHidden: false });
    expect(hidden.issues).toEqual([{ key: 'controls', message: 'controls given 2 times ("hidden", "hidden"): all refused (using the default)' }]);
  });

  it('a 100 KB value or key is shortened to 80 characters and an ellipsis', () => {
    const huge = 'x'.repeat(100_000);
    const value = readLink(`?users=${huge}`);
    expect(value.params).toEqual(defaultParams());
    expect(value.issues[0]!.message).toBe(`users: must be an integer from 2 to 200000, got "${'x'.repeat(80)}…" (using the default, 1000)`);
    const text = noticeText(`?constructor=1&users=-5&users=500&x=${huge}`);
    expect(text).toBe(
      'Some link settings were ignored and their defaults used: unknown parameter "constructor"; ' +
        'users given 2 times ("-5", "500"): all refused (using the default, 1000); unknown parameter "x".',
    );
    const key = readLink(`?${'k'.repeat(100_000)}=1`);
    expect(key.issues[0]!.message).toBe(`unknown parameter "${'k'.repeat(80)}…"`);
    const repeated = noticeText(`?users=${huge}&users=1`);
    expect(repeated).toContain(`users given 2 times ("${'x'.repeat(80)}…", "1")`);
    expect(repeated.length).toBeLessThan(250);
  });
});

describe('the page state in a link', () => {
  const vocabulary = { lessons: new Map([['loops', 8]]), views: ['loop', 'hit-rate'] };

  it('reads the timeline, the step, the lesson, present mode and the listener', () => {
    const link = readLink('?at=60:exploration=none&at=40:exploration=epsilon&step=70&lesson=loops&chapter=6&present=hit-rate&listener=17', vocabulary);
    expect(link.issues).toEqual([]);
    expect(link.changes).toEqual([
      { t: 40, key: 'exploration', value: 'epsilon' },
      { t: 60, key: 'exploration', value: 'none' },
    ]);
    expect(link).toMatchObject({ step: 70, lesson: { name: 'loops', chapter: 6 }, present: 'hit-rate', follow: 17 });
  });

  it('reads step, chapter and listener with the one number grammar the CLI uses, whole numbers in range only', () => {
    // 6e1 = 60, +3 = 3, 17.0 = 17, blanks around a number are ignored: as `--steps 6e1` on the command line.
    const link = readLink(`?step=6e1&lesson=loops&chapter=%2B3&listener=${encodeURIComponent(' 17.0 ')}`, vocabulary);
    expect(link.issues).toEqual([]);
    expect(link).toMatchObject({ step: 60, lesson: { name: 'loops', chapter: 3 }, follow: 17 });
    expect(readLink('?step=-0').step).toBe(0);
    expect(Object.is(readLink('?step=-0').step, 0)).toBe(true);
    // Not the grammar (hex, Infinity, empty), not whole, or out of range: named, with what is allowed.
    const bad = readLink('?step=0x10&lesson=loops&chapter=1.5&listener=1e3', vocabulary);
    expect(bad.issues.map((i) => i.message)).toEqual([
      'step must be a whole number from 0 to 100 (the run\'s length), got "0x10" (starting at step 0)',
      'chapter must be a whole number from 1 to 8, got "1.5" (opening chapter 1)',
      'listener must be a whole number from 0 to 999, got "1e3" (following listener 0)',
    ]);
    expect(bad).toMatchObject({ step: 0, lesson: { name: 'loops', chapter: 1 }, follow: 0 });
    expect(readLink('?step=Infinity').issues.map((i) => i.key)).toEqual(['step']);
    expect(readLink('?step=').issues.map((i) => i.key)).toEqual(['step']);
  });

  it('names every part it cannot use and what it did instead', () => {
    const link = readLink('?steps=50&at=80:exploration=epsilon&step=51&lesson=loops&chapter=9&present=wall&listener=1000', vocabulary);
    expect(link.issues.map((i) => i.message)).toEqual([
      'at="80:exploration=epsilon": the step must be from 2 to 50 (the run\'s length) (change ignored)',
      'step must be a whole number from 0 to 50 (the run\'s length), got "51" (starting at step 0)',
      'chapter must be a whole number from 1 to 8, got "9" (opening chapter 1)',
      'present must be one of: loop, hit-rate, got "wall" (present mode off)',
      'listener must be a whole number from 0 to 999, got "1000" (following listener 0)',
    ]);
    expect(link).toMatchObject({ changes: [], step: 0, lesson: { name: 'loops', chapter: 1 }, present: null, follow: 0 });
    expect(readLink('?lesson=nope', vocabulary).issues.map((i) => i.message)).toEqual(['lesson must be one of: loops, got "nope" (no lesson opened)']);
  });

  it('writes the scenario, not the running parameters, then the timeline and the step', () => {
    const store = createAppStore({ ...defaultParams(), seed: 7 });
    store.getState().setDraftValue('exploration', 'epsilon', true);
    store.getState().addMarkerPart(40, { key: 'exploration', from: 'none', to: 'epsilon', text: 'exploration = epsilon' });
    store.setState({ t: 55, lesson: { name: 'loops', chapter: 6 } });
    expect(linkForState('https://lab.example/app/', store.getState())).toBe(
      'https://lab.example/app/?seed=7&at=40:exploration=epsilon&step=55&lesson=loops&chapter=6',
    );
  });

  it('round-trips: the link of a state reads back as that state', () => {
    const store = createAppStore({ ...defaultParams(), epsilon: 0.2 });
    store.getState().addMarkerPart(30, { key: 'exploration', from: 'none', to: 'epsilon', text: '' });
    store.setState({ t: 45, present: 'hit-rate', follow: 3 });
    const link = readLink(new URL(linkForState('https://x.test/', store.getState())).search, vocabulary);
    expect(link.issues).toEqual([]);
    expect(link.params.epsilon).toBe(0.2);
    expect(link).toMatchObject({ changes: [{ t: 30, key: 'exploration', value: 'epsilon' }], step: 45, present: 'hit-rate', follow: 3 });
  });
});
