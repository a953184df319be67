// One cache of full runs for the phenomenon and strategy tests (not a test file itself).
//
// Keyed by the complete parameters, keys sorted, so that a preset (tests/engine/phenomena/runs.ts) and
// the same defaults-plus-overrides (tests/engine/strategies/helpers.ts) are one run. The engine test
// files share one module instance per process (tests/vitest.projects.ts), so a run simulated for one
// file is reused by the files that the same process runs after it. The runs are deterministic (the
// seed is a parameter) and the tests only read them.
import { runSimulation, type Params, type RunResult } from '../../src/engine';

const cache = new Map<string, RunResult>();

/** `runSimulation(params)`, simulated once per process. */
export function cachedRun(params: Params): RunResult {
  const key = JSON.stringify(
    Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  let run = cache.get(key);
  if (!run) {
    run = runSimulation(params);
    cache.set(key, run);
  }
  return run;
}
