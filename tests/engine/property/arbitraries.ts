// fast-check arbitraries of valid simulation configurations, generated from PARAM_SCHEMA (not a test file itself).
//
// Every parameter comes from its schema spec (type, min/max, options, length), so a parameter added
// to the schema is fuzzed without touching this file. A few size parameters are narrowed so that a
// case runs in milliseconds; every other value ranges over all the schema allows.
import fc from 'fast-check';
import { PARAM_SCHEMA, type ParamSpec, type Params } from '../../../src/engine/index';

/**
 * Narrower ranges for the parameters that drive a run's cost (all within the schema's ranges). A
 * run costs about users × steps × (slate size + songs), so each is drawn from its `common` range
 * three times in four and from its whole range otherwise: large runs still come up (all four
 * large together in about one case in 256), but a case costs milliseconds on average.
 */
export const SMALL: Readonly<Record<string, { min: number; max: number; common: number }>> = {
  users: { min: 2, max: 60, common: 12 },
  songs: { min: 10, max: 200, common: 40 }, // the schema's minimum is 10
  steps: { min: 1, max: 25, common: 8 },
  slateSize: { min: 1, max: 50, common: 12 }, // further capped at `songs`
  newSongsPerStep: { min: 0, max: 20, common: 5 },
};

/** An integer in [min, max], with the bounds themselves drawn often. */
function intIn(min: number, max: number): fc.Arbitrary<number> {
  if (min === max) return fc.constant(min);
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

/** An integer in [min, max], from [min, common] three times in four. */
function sizeIn(min: number, max: number, common: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: intIn(min, Math.min(common, max)) },
    { weight: 1, arbitrary: intIn(min, max) },
  );
}

/**
 * A number in [min, max]: the bounds, the default, a multiple of the control step (what the UI
 * produces), or any double in range (what a config file or URL may hold).
 */
function numberIn(min: number, max: number, step: number, dflt: number): fc.Arbitrary<number> {
  const steps = Math.floor((max - min) / step);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(min, max, dflt) },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 0, max: steps }).map((j) => Math.min(max, min + j * step)),
    },
    {
      weight: 3,
      arbitrary: fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((x) => (Object.is(x, -0) ? 0 : x)),
    },
  );
}

/** `length` strictly ascending integers in [min, max], often small enough to split the plays of a small run. */
function ascendingInts(length: number, min: number, max: number): fc.Arbitrary<number[]> {
  const small = Math.min(max, min + 200);
  const one = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: small }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
  return fc
    .uniqueArray(one, { minLength: length, maxLength: length })
    .map((xs) => [...xs].sort((a, b) => a - b));
}

/** The arbitrary of one parameter, from its spec (narrowed by SMALL where listed). */
export function valueArbitrary(spec: ParamSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'int': {
      const small = SMALL[spec.key];
      if (!small) return intIn(spec.min, spec.max);
      return sizeIn(Math.max(spec.min, small.min), Math.min(spec.max, small.max), small.common);
    }
    case 'number':
      return numberIn(spec.min, spec.max, spec.step, spec.default);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'intList':
      return ascendingInts(spec.length, spec.min, spec.max);
  }
}

/** Keys of the parameters a running simulation picks up live (`effect: 'live'`). */
export const LIVE_KEYS: readonly string[] = PARAM_SCHEMA.filter((s) => s.effect === 'live').map(
  (s) => s.key,
);

/**
 * A complete, valid parameter set at small sizes. `slateSize` is drawn as above and capped at
 * `songs`, so every listener can be given a full slate from the initial catalog (and a
 * slate as large as the whole catalog comes up often). A plain record, so fast-check shrinks it well.
 */
export function paramsArbitrary(): fc.Arbitrary<Params> {
  const fields = Object.fromEntries(PARAM_SCHEMA.map((s) => [s.key, valueArbitrary(s)])) as Record<
    string,
    fc.Arbitrary<unknown>
  >;
  // newSongsPerStep: no catalog growth in about half the cases, as in most real configurations.
  const growth = SMALL.newSongsPerStep!;
  fields.newSongsPerStep = fc.oneof(fc.constant(0), sizeIn(1, growth.max, growth.common));
  return fc.record(fields).map(
    (p) =>
      ({
        ...p,
        slateSize: Math.min(p.slateSize as number, p.songs as number),
      }) as unknown as Params,
  );
}

/** A change of some live parameters, applied after step `after` (if the run gets that far; changes past its end are not applied). */
export interface LiveChange {
  after: number;
  set: Partial<Params>;
}

/**
 * A random subset of the live parameters with fresh valid values. Applied by `applyLiveChange`,
 * which keeps the result free of restart reasons (see restartReasons).
 */
export function liveChangeArbitrary(): fc.Arbitrary<LiveChange> {
  const fields = Object.fromEntries(
    PARAM_SCHEMA.filter((s) => s.effect === 'live').map((s) => [s.key, valueArbitrary(s)]),
  ) as Record<string, fc.Arbitrary<unknown>>;
  return fc.record({
    // Runs are mostly short (see SMALL.steps), so are most change times.
    after: sizeIn(1, SMALL.steps!.max - 1, SMALL.steps!.common - 1),
    set: fc.record(fields, { requiredKeys: [] }) as unknown as fc.Arbitrary<Partial<Params>>,
  });
}

/**
 * `current` with `change` applied. Under catalog growth the new songs were drawn for the planned
 * length, so a longer run would need a restart: `steps` is then capped at the current length.
 */
export function applyLiveChange(current: Params, change: Partial<Params>): Params {
  const next = { ...current, ...change } as Params;
  if (next.newSongsPerStep > 0 && next.steps > current.steps) next.steps = current.steps;
  if (Array.isArray(next.bucketThresholds)) next.bucketThresholds = [...next.bucketThresholds];
  return next;
}

/** One fuzz case: a configuration, live changes during its run, and whether to re-run it for determinism. */
export interface SimCase {
  params: Params;
  changes: LiveChange[];
  checkDeterminism: boolean;
}

/** A configuration plus 0–3 live changes (in step order); about one case in four is also re-run. */
export function simCaseArbitrary(): fc.Arbitrary<SimCase> {
  return fc.record({
    params: paramsArbitrary(),
    changes: fc
      .array(liveChangeArbitrary(), { maxLength: 3 })
      .map((cs) => [...cs].sort((a, b) => a.after - b.after)),
    checkDeterminism: fc.nat({ max: 3 }).map((x) => x === 0),
  });
}
