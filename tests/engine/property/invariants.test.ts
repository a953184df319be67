// Property-based test: random valid configurations at small sizes, with random live changes mid-run,
// never throw, never yield NaN or ±Infinity, and keep the engine's invariants on every step.
//
// `npm test` runs PROPERTY_RUNS cases from a fixed seed; `npm run fuzz` runs 10,000, or FUZZ_RUNS if set
// (`FUZZ_RUNS=50000 npm run fuzz`).
// FUZZ_SEED replays another seed. On failure fast-check prints the seed, the counterexample path
// and the shrunk case (its params and live changes), which replay it exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_SCHEMA, type Params } from '../../../src/engine/index';
import { LIVE_KEYS, simCaseArbitrary } from './arbitraries';
import { check, runCase } from './invariants';

/** Cases in `npm test`. */
const PROPERTY_RUNS = 300;
/** Fixed, so CI sees the same cases every time. */
const PROPERTY_SEED = 20_260_610;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

const RUNS = envInt('FUZZ_RUNS', PROPERTY_RUNS);
const SEED = envInt('FUZZ_SEED', PROPERTY_SEED);

/** Runs the property; logs and returns fast-check's run details. */
async function runProperty(numRuns: number, seed: number) {
  const started = performance.now();
  const progressEvery = numRuns >= 2000 ? 1000 : 0;
  let executed = 0;
  const property = fc.asyncProperty(simCaseArbitrary(), async (c) => {
    // Yield to the event loop between cases, so a long fuzz run does not starve vitest's worker RPC.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const first = runCase(c);
    if (c.checkDeterminism) {
      const again = runCase(c);
      const a = JSON.stringify(first);
      const b = JSON.stringify(again);
      check(a === b, () => 'the same params and live changes gave different rows on a second run');
    }
    executed++;
    if (progressEvery > 0 && executed % progressEvery === 0) {
      console.log(
        `[property] ${executed} cases passed (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  });
  const details = await fc.check(property, { numRuns, seed, includeErrorInReport: true });
  const passed = details.failed ? details.numRuns - 1 : details.numRuns;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[property] ${details.numRuns} cases run, ${passed} passed, ${details.failed ? 1 : 0} failed (seed ${details.seed}, ${seconds} s)`,
  );
  return details;
}

describe('engine invariants under random valid configurations', () => {
  it(
    `hold for ${RUNS} random configurations with live changes (seed ${SEED})`,
    async () => {
      const details = await runProperty(RUNS, SEED);
      if (details.failed) throw new Error(await fc.asyncDefaultReportMessage(details));
      expect(details.numRuns).toBe(RUNS);
    },
    // Generous: the fuzz run takes minutes on a loaded machine.
    Math.max(120_000, RUNS * 2_000),
  );

  // The generator's reach, over at least `npm test`'s cases: a quick fuzz run of fewer (FUZZ_RUNS=50)
  // is not expected to reach every option, and sampling the cases costs no simulation.
  it('reaches every enum option, both booleans and every live parameter', () => {
    const cases = fc.sample(simCaseArbitrary(), { numRuns: Math.max(RUNS, PROPERTY_RUNS), seed: SEED });
    for (const spec of PARAM_SCHEMA) {
      const values = new Set(cases.map((c) => JSON.stringify(c.params[spec.key as keyof Params])));
      if (spec.type === 'enum')
        for (const option of spec.options)
          expect(values, `${spec.key} = ${option}`).toContain(JSON.stringify(option));
      else if (spec.type === 'boolean') expect(values.size, spec.key).toBe(2);
      else expect(values.size, `${spec.key} varies`).toBeGreaterThan(1);
    }
    const changed = new Set(cases.flatMap((c) => c.changes.flatMap((ch) => Object.keys(ch.set))));
    for (const key of LIVE_KEYS) expect(changed, `live change of ${key}`).toContain(key);
    expect(cases.filter((c) => c.checkDeterminism).length).toBeGreaterThan(0);
  });
});
