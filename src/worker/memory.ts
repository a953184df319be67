// The browser's memory checks before runs start: one run in a worker (the page's simulation, a batch
// job), or runs started together on the batch pool (a comparison, a spread over seeds, parallel worlds).
import { BROWSER_MEMORY_BUDGET, batchMemoryProblem, memoryProblem, paramSpec, type Batch, type MemoryCheck, type ParamKey, type Params } from '../engine';
import { RUN_REFUSED } from './protocol';

/** A parameter as the page names it: by its control's label. */
export function controlName(key: ParamKey): string {
  return paramSpec(key)?.label ?? key;
}

/** The memory refusal as the page shows it: a sentence, the controls named by their labels. */
export const BROWSER_MEMORY_CHECK: MemoryCheck = {
  subject: `${RUN_REFUSED}: it`,
  where: 'the limit in the browser is',
  name: controlName,
};

/** Why one run of `params` cannot start in the browser (over BROWSER_MEMORY_BUDGET), or undefined. */
export function browserRunProblem(params: Params): string | undefined {
  return memoryProblem(params, BROWSER_MEMORY_BUDGET, BROWSER_MEMORY_CHECK);
}

/**
 * Why runs started together on the page's batch pool cannot start in the browser: the runs that go
 * at once (one per worker) and what the page keeps of them, over BROWSER_MEMORY_BUDGET; undefined
 * when they fit. `subject` says what was not started and how many go at once, e.g. "These worlds
 * were not started: running 8 worlds of each strategy, 4 at a time,"; `each` names one run before
 * its parts ("each world"). Worded as the main page's refusal: the controls by their labels, each
 * with the largest value that fits.
 */
export function browserBatchProblem(params: Params, batch: Batch, subject: string, each: string): string | undefined {
  return batchMemoryProblem(params, BROWSER_MEMORY_BUDGET, batch, { ...BROWSER_MEMORY_CHECK, subject, each });
}
