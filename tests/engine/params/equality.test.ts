// The schema owns value equality, group order and blurbs, and the preset match built on them.
import { describe, expect, it } from 'vitest';
import {
  changedKeys,
  defaultParams,
  formatValue,
  matchingPreset,
  PARAM_GROUPS,
  PARAM_SCHEMA,
  paramsByGroup,
  paramsEqual,
  paramSpec,
  presetParams,
  PRESETS,
  restartReasons,
  sameValue,
  type Params,
} from '../../../src/engine';

describe('sameValue', () => {
  it('compares numbers, booleans and options by value', () => {
    expect(sameValue('epsilon', 0.1, 0.1)).toBe(true);
    expect(sameValue('epsilon', 0.1, 0.2)).toBe(false);
    expect(sameValue(paramSpec('users')!, 0, -0)).toBe(true);
    expect(sameValue('excludeConsumed', true, true)).toBe(true);
    expect(sameValue('excludeConsumed', true, false)).toBe(false);
    expect(sameValue('recommender', 'random', 'random')).toBe(true);
    expect(sameValue('recommender', 'random', 'oracle')).toBe(false);
  });

  it('compares lists entry by entry, not by identity', () => {
    expect(sameValue('bucketThresholds', [100, 1000], [100, 1000])).toBe(true);
    expect(sameValue('bucketThresholds', [100, 1000], [100, 999])).toBe(false);
    expect(sameValue('bucketThresholds', [100, 1000], [100])).toBe(false);
    expect(sameValue('bucketThresholds', [100, 1000], '100,1000')).toBe(false);
  });

  it('agrees with comparing the text forms on every parameter of every preset pair', () => {
    const sets = PRESETS.map(presetParams);
    for (const a of sets)
      for (const b of sets)
        for (const spec of PARAM_SCHEMA) {
          const key = spec.key as keyof Params;
          expect(sameValue(spec, a[key], b[key]), key).toBe(formatValue(a[key]) === formatValue(b[key]));
        }
  });
});

describe('changedKeys and paramsEqual', () => {
  it('lists the keys that differ in schema order', () => {
    const a = defaultParams();
    const b: Params = { ...a, users: 7, seed: 1, bucketThresholds: [5, 50] };
    expect(changedKeys(a, b)).toEqual(['seed', 'users', 'bucketThresholds']);
    expect(changedKeys(a, { ...a, bucketThresholds: [100, 1000] })).toEqual([]);
    expect(paramsEqual(a, { ...a, bucketThresholds: [100, 1000] })).toBe(true);
    expect(paramsEqual(a, b)).toBe(false);
  });

  it('is what restartReasons compares with', () => {
    const a = defaultParams();
    expect(restartReasons(a, { ...a, bucketThresholds: [100, 1000] })).toEqual([]);
    expect(restartReasons(a, { ...a, users: 5, epsilon: 0.5 })).toEqual(['users']);
  });
});

describe('PARAM_GROUPS', () => {
  it('names every group of the schema once, each with a one-line blurb', () => {
    const names = PARAM_GROUPS.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...new Set(PARAM_SCHEMA.map((s) => s.group))].sort()).toEqual([...names].sort());
    for (const g of PARAM_GROUPS) expect(g.blurb).toMatch(/^[A-Z].*\.$/);
  });

  it('orders the parameters by group, then in schema order', () => {
    const groups = paramsByGroup();
    expect(groups.map((g) => g.group)).toEqual(['World', 'Listeners', 'Recommender', 'Exploration', 'Debiasing', 'Metrics', 'Run']);
    expect(groups.flatMap((g) => g.specs).length).toBe(PARAM_SCHEMA.length);
    for (const g of groups) expect(g.specs.map((s) => s.key)).toEqual(PARAM_SCHEMA.filter((s) => s.group === g.group).map((s) => s.key));
    expect(groups[0]!.blurb).toBe('The catalog and its history of plays.');
  });

  it('leaves out groups with no parameter in a given schema', () => {
    expect(paramsByGroup(PARAM_SCHEMA.filter((s) => s.group === 'Run')).map((g) => g.group)).toEqual(['Run']);
  });
});

describe('matchingPreset', () => {
  it('finds every preset from its own parameters', () => {
    // The first match in PRESETS order: two presets with equal parameters would be a mistake.
    for (const preset of PRESETS) expect(matchingPreset(presetParams(preset))?.name).toBe(preset.name);
  });

  it('compares lists by value and says undefined for custom settings', () => {
    const params = presetParams(PRESETS[0]!);
    expect(matchingPreset({ ...params, bucketThresholds: [100, 1000] })?.name).toBe('loop-forms');
    expect(matchingPreset({ ...params, bucketThresholds: [100, 1001] })).toBeUndefined();
    expect(matchingPreset({ ...params, seed: 7 })).toBeUndefined();
    expect(matchingPreset({ ...defaultParams(), recommender: 'oracle' })?.name).toBe('oracle-baseline');
  });
});
