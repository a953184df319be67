// Parameter validation: defaults, messages naming key and range, text parsing, overrides and complete sets.
import { describe, expect, it } from 'vitest';
import {
  PARAM_SCHEMA,
  defaultParams,
  paramSpec,
  type ParamSpec,
} from '../../../src/engine/params/schema';
import {
  applyOverrides,
  checkValue,
  describeAllowed,
  formatValue,
  parseValue,
  validateParams,
} from '../../../src/engine/params/validate';
import {
  DEFAULT_PRESET,
  findPreset,
  PRESETS,
  presetParams,
} from '../../../src/engine/params/presets';

function spec(key: string): ParamSpec {
  const s = paramSpec(key);
  if (!s) throw new Error(`no spec ${key}`);
  return s;
}
const parsed = (key: string, raw: string) => parseValue(spec(key), raw);

describe('schema defaults', () => {
  it.each(PARAM_SCHEMA.map((s) => [s.key, s] as const))('%s: the default validates', (_key, s) => {
    expect(checkValue(s, s.default).ok).toBe(true);
  });

  it('defaultParams() is a complete, valid parameter set', () => {
    expect(validateParams(defaultParams())).toEqual([]);
    expect(Object.keys(defaultParams()).sort()).toEqual(PARAM_SCHEMA.map((s) => s.key).sort());
  });

  it('defaultParams() returns fresh arrays', () => {
    const a = defaultParams();
    a.bucketThresholds[0] = 5;
    expect(defaultParams().bucketThresholds).toEqual([100, 1000]);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('preset %s validates', (_name, p) => {
    expect(validateParams(presetParams(p))).toEqual([]);
  });

  it('model v2 defaults: a young catalog, a stochastic ranking, personal taste and sign-up picks', () => {
    const d = defaultParams();
    expect(d.worldSeed).toBe(-1);
    expect([d.priorMedianPlays, d.priorSpread, d.priorMaxPlays]).toEqual([3, 0.3, 1000]);
    expect(d.rankingTemperature).toBe(0.5);
    expect(d.idiosyncrasy).toBe(0.3);
    expect(d.onboardingPicks).toBe(3);
  });

  it('the locked-catalog preset is the old world: an old catalog, deterministic ranking, no personal taste or picks', () => {
    const p = presetParams(findPreset('locked-catalog')!);
    expect(p).toEqual({
      ...defaultParams(),
      priorMedianPlays: 13,
      priorSpread: 1.15,
      priorMaxPlays: 10000,
      rankingTemperature: 0,
      idiosyncrasy: 0,
      onboardingPicks: 0,
    });
    expect(DEFAULT_PRESET).toBe('loop-forms');
    expect(presetParams(findPreset(DEFAULT_PRESET)!)).toEqual(defaultParams());
    expect(findPreset('popularity-loop')).toBeUndefined();
  });
});

describe('model v2 parameters', () => {
  it('worldSeed: −1 (use the seed) up to 2^32 − 1, integers only', () => {
    expect(checkValue(spec('worldSeed'), -1).ok).toBe(true);
    expect(checkValue(spec('worldSeed'), 0).ok).toBe(true);
    expect(checkValue(spec('worldSeed'), 4294967295).ok).toBe(true);
    expect(checkValue(spec('worldSeed'), -2)).toEqual({
      ok: false,
      message: 'worldSeed: must be an integer from -1 to 4294967295, got -2',
    });
    expect(checkValue(spec('worldSeed'), 1.5).ok).toBe(false);
    expect(parsed('worldSeed', '-1')).toEqual({ ok: true, value: -1 });
  });

  it('idiosyncrasy: a weight in [0, 1]', () => {
    expect(checkValue(spec('idiosyncrasy'), 0).ok).toBe(true);
    expect(checkValue(spec('idiosyncrasy'), 1).ok).toBe(true);
    expect(checkValue(spec('idiosyncrasy'), 1.01).ok).toBe(false);
    expect(checkValue(spec('idiosyncrasy'), -0.1).ok).toBe(false);
  });

  it('onboardingPicks: an integer from 0 to 50', () => {
    expect(checkValue(spec('onboardingPicks'), 0).ok).toBe(true);
    expect(checkValue(spec('onboardingPicks'), 50).ok).toBe(true);
    expect(checkValue(spec('onboardingPicks'), 51).ok).toBe(false);
    expect(checkValue(spec('onboardingPicks'), 2.5).ok).toBe(false);
  });

  it('rankingTemperature: 0 (deterministic) up to 5', () => {
    expect(checkValue(spec('rankingTemperature'), 0).ok).toBe(true);
    expect(checkValue(spec('rankingTemperature'), 5).ok).toBe(true);
    expect(checkValue(spec('rankingTemperature'), -0.05).ok).toBe(false);
    expect(checkValue(spec('rankingTemperature'), 5.05).ok).toBe(false);
  });

  it('the new options parse: recommender factorization, positionDebias raw', () => {
    expect(parsed('recommender', 'factorization')).toEqual({ ok: true, value: 'factorization' });
    expect(parsed('positionDebias', 'raw')).toEqual({ ok: true, value: 'raw' });
  });
});

describe('messages', () => {
  it('name the key, the allowed range and the value', () => {
    expect(checkValue(spec('songs'), 5)).toEqual({
      ok: false,
      message: 'songs: must be an integer from 10 to 200000, got 5',
    });
    expect(checkValue(spec('maxClickProb'), 2)).toEqual({
      ok: false,
      message: 'maxClickProb: must be a number from 0.01 to 1, got 2',
    });
    expect(checkValue(spec('excludeConsumed'), 'yes')).toEqual({
      ok: false,
      message: 'excludeConsumed: must be true or false, got "yes"',
    });
    expect(checkValue(spec('recommender'), 'best')).toEqual({
      ok: false,
      message:
        'recommender: must be one of popularity, personalized, factorization, random, oracle, got "best"',
    });
    expect(checkValue(spec('bucketThresholds'), [1000, 100])).toEqual({
      ok: false,
      message:
        'bucketThresholds: must be 2 ascending integers from 1 to 100000000, comma-separated, got [1000,100]',
    });
  });

  it('quote the raw text of a rejected text value', () => {
    expect(parsed('slateSize', '1.5')).toEqual({
      ok: false,
      message: 'slateSize: must be an integer from 1 to 50, got "1.5"',
    });
  });

  it('describe every type', () => {
    expect(describeAllowed(spec('steps'))).toBe('an integer from 1 to 10000');
    expect(describeAllowed(spec('positionBias'))).toBe('a number from 0 to 3');
    expect(describeAllowed(spec('excludeConsumed'))).toBe('true or false');
    expect(describeAllowed(spec('recommender'))).toBe(
      'one of popularity, personalized, factorization, random, oracle',
    );
    expect(describeAllowed(spec('positionDebias'))).toBe('one of none, raw, ips, positional');
    expect(describeAllowed(spec('bucketThresholds'))).toBe(
      '2 ascending integers from 1 to 100000000, comma-separated',
    );
  });
});

describe('checkValue', () => {
  it('accepts the bounds and rejects just outside them', () => {
    expect(checkValue(spec('slateSize'), 1).ok).toBe(true);
    expect(checkValue(spec('slateSize'), 50).ok).toBe(true);
    expect(checkValue(spec('slateSize'), 0).ok).toBe(false);
    expect(checkValue(spec('slateSize'), 51).ok).toBe(false);
    expect(checkValue(spec('tasteDrift'), 0.5).ok).toBe(true);
    expect(checkValue(spec('tasteDrift'), 0.5000001).ok).toBe(false);
  });

  it('rejects wrong types, fractions for ints, NaN and infinities', () => {
    expect(checkValue(spec('slateSize'), '10').ok).toBe(false);
    expect(checkValue(spec('slateSize'), 2.5).ok).toBe(false);
    expect(checkValue(spec('positionBias'), NaN).ok).toBe(false);
    expect(checkValue(spec('priorMaxPlays'), Infinity).ok).toBe(false);
    expect(checkValue(spec('excludeConsumed'), 1).ok).toBe(false);
    expect(checkValue(spec('bucketThresholds'), [100]).ok).toBe(false);
    expect(checkValue(spec('bucketThresholds'), [100, 100]).ok).toBe(false);
    expect(checkValue(spec('bucketThresholds'), [100, 1000.5]).ok).toBe(false);
    expect(checkValue(spec('bucketThresholds'), '100,1000').ok).toBe(false);
  });

  it('copies an accepted list', () => {
    const list = [10, 20];
    const r = checkValue(spec('bucketThresholds'), list);
    expect(r).toEqual({ ok: true, value: [10, 20] });
    if (r.ok) expect(r.value).not.toBe(list);
  });
});

describe('parseValue', () => {
  it('parses ints and numbers, trimming spaces', () => {
    expect(parsed('slateSize', '12')).toEqual({ ok: true, value: 12 });
    expect(parsed('slateSize', ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parsed('positionBias', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parsed('positionBias', '0')).toEqual({ ok: true, value: 0 });
  });

  it('rejects an empty string, text, a fraction for an int and out-of-range values', () => {
    for (const raw of ['', '   ', 'abc', '1.5', '0', '51', '12abc'])
      expect(parsed('slateSize', raw).ok).toBe(false);
    expect(parsed('positionBias', '').ok).toBe(false);
    expect(parsed('positionBias', 'NaN').ok).toBe(false);
    expect(parsed('positionBias', '3.1').ok).toBe(false);
  });

  it('parses booleans as true/1 and false/0 only', () => {
    expect(parsed('excludeConsumed', 'true')).toEqual({ ok: true, value: true });
    expect(parsed('excludeConsumed', '1')).toEqual({ ok: true, value: true });
    expect(parsed('excludeConsumed', 'false')).toEqual({ ok: true, value: false });
    expect(parsed('excludeConsumed', '0')).toEqual({ ok: true, value: false });
    for (const raw of ['', 'yes', 'TRUE1', '2'])
      expect(parsed('excludeConsumed', raw).ok).toBe(false);
  });

  it('parses enums by exact option name', () => {
    expect(parsed('recommender', 'random')).toEqual({ ok: true, value: 'random' });
    expect(parsed('recommender', ' oracle ')).toEqual({ ok: true, value: 'oracle' });
    expect(parsed('recommender', 'Random').ok).toBe(false);
    expect(parsed('recommender', '').ok).toBe(false);
  });

  it('parses int lists that ascend strictly', () => {
    expect(parsed('bucketThresholds', '100,1000')).toEqual({ ok: true, value: [100, 1000] });
    expect(parsed('bucketThresholds', '100, 1000')).toEqual({ ok: true, value: [100, 1000] });
    for (const raw of [
      '1000,100',
      '100,100',
      '100',
      '100,1000,5000',
      '100,,1000',
      '',
      'a,b',
      '0,10',
      '1.5,10',
    ]) {
      expect(parsed('bucketThresholds', raw).ok).toBe(false);
    }
  });

  it('reads back what formatValue writes, for every default', () => {
    const d = defaultParams() as Record<string, unknown>;
    for (const s of PARAM_SCHEMA) {
      const value = d[s.key] as Parameters<typeof formatValue>[0];
      expect(parseValue(s, formatValue(value))).toEqual({ ok: true, value });
    }
  });
});

describe('applyOverrides', () => {
  it('applies good overrides, keeps the base value on a bad one and reports it', () => {
    const base = defaultParams();
    const { params, issues } = applyOverrides(base, { users: 50, songs: 5 });
    expect(params.users).toBe(50);
    expect(params.songs).toBe(base.songs);
    expect(issues).toEqual([
      { key: 'songs', message: 'songs: must be an integer from 10 to 200000, got 5' },
    ]);
    expect(base.users).toBe(1000); // the base is not modified
  });

  it('reports unknown keys and applies the rest', () => {
    const { params, issues } = applyOverrides(defaultParams(), { bogus: 1, steps: 7 });
    expect(params.steps).toBe(7);
    expect('bogus' in params).toBe(false);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.key).toBe('bogus');
    expect(issues[0]!.message).toContain('unknown parameter "bogus"');
    expect(issues[0]!.message).toContain('slateSize');
  });

  it('parses strings when fromText is set, and only then', () => {
    const text = applyOverrides(
      defaultParams(),
      { songs: '500', slateSize: '1.5', bucketThresholds: '10,20' },
      true,
    );
    expect(text.params.songs).toBe(500);
    expect(text.params.slateSize).toBe(10);
    expect(text.params.bucketThresholds).toEqual([10, 20]);
    expect(text.issues.map((i) => i.key)).toEqual(['slateSize']);

    const typed = applyOverrides(defaultParams(), { songs: '500' });
    expect(typed.params.songs).toBe(2000);
    expect(typed.issues.map((i) => i.key)).toEqual(['songs']);
  });
});

describe('validateParams', () => {
  it('accepts a complete valid set', () => {
    expect(
      validateParams({
        ...defaultParams(),
        recommender: 'oracle',
        slateSize: 50,
        bucketThresholds: [1, 2],
      }),
    ).toEqual([]);
  });

  it('reports each invalid, missing and unknown key', () => {
    const p: Record<string, unknown> = { ...defaultParams(), slateSize: 0, extra: true };
    delete p.users;
    const issues = validateParams(p);
    expect(issues.map((i) => i.key).sort()).toEqual(['extra', 'slateSize', 'users']);
    expect(issues.find((i) => i.key === 'users')!.message).toBe(
      'users: must be an integer from 2 to 200000, got undefined',
    );
  });
});

describe('strict number text', () => {
  it.each(['0x10', 'Infinity', '1_000', '12abc', ' '])('rejects %j for an integer', (text) => {
    expect(parseValue(paramSpec('users')!, text).ok).toBe(false);
  });

  it.each([
    ['1e3', 1000],
    ['+250', 250],
    ['.5', 0.5],
  ])('accepts decimal notation %j', (text, value) => {
    const spec = value < 1 ? paramSpec('positionBias')! : paramSpec('users')!;
    expect(parseValue(spec, text)).toEqual({ ok: true, value });
  });

  it('never shares a list value with the base parameters', () => {
    const base = defaultParams();
    const { params } = applyOverrides(base, { users: 10 });
    params.bucketThresholds[0] = 5;
    expect(base.bucketThresholds).toEqual([100, 1000]);
  });
});
