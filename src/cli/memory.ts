// The CLI's checks before a run starts that it fits in memory (engine/params/memory.ts) and, for
// --worlds, that its output fits in one string: a usage problem (exit 2), not a crash minutes in.
import { batchBytes, batchMemoryProblem, memoryProblem, NODE_MEMORY_BUDGET, type ParamKey, type Params } from '../engine';
import { poolSize } from './worlds';

const flag = (key: ParamKey) => `--${key}`;

/** Why a single run of `params` does not fit in `budget`, or undefined. */
export function runMemoryProblem(params: Params, budget = NODE_MEMORY_BUDGET): string | undefined {
  return memoryProblem(params, budget, { name: flag });
}

/**
 * Memory of `n` parallel worlds on `threads` threads (engine batchBytes): each thread runs one
 * world at a time (a whole run each), and the main thread keeps every finished world (its rows and
 * output, and the clicks per song it sends back) plus one copy of the songs' quality.
 */
export function worldsBytes(params: Params, n: number, threads = poolSize(n)): number {
  return batchBytes(params, n, threads);
}

/**
 * Characters of --worlds output per world and step, at most: a step row is about 1,000 characters
 * of JSON (35 numbers of up to 23 characters, and the keys).
 */
export const WORLDS_CHARS_PER_STEP = 1500;
/** Longest output text --worlds writes: V8's strings stop at 2^29 − 24 characters (about 537 million). */
export const MAX_OUTPUT_CHARS = 500e6;

/**
 * Why `n` parallel worlds of `params` cannot run: more memory than `budget` on `threads` threads
 * at once, or an output longer than one string can hold; undefined when they can.
 */
export function worldsMemoryProblem(
  params: Params,
  n: number,
  threads = poolSize(n),
  budget = NODE_MEMORY_BUDGET,
): string | undefined {
  const chars = n * params.steps * WORLDS_CHARS_PER_STEP;
  if (chars > MAX_OUTPUT_CHARS) {
    const worlds = Math.floor(MAX_OUTPUT_CHARS / (params.steps * WORLDS_CHARS_PER_STEP));
    const steps = Math.floor(MAX_OUTPUT_CHARS / (n * WORLDS_CHARS_PER_STEP));
    return (
      `--worlds: ${n} worlds of ${params.steps} steps would write up to ${Math.round(chars / 1e6)} million characters of JSON, ` +
      `more than the ${MAX_OUTPUT_CHARS / 1e6} million one output can hold: lower --worlds (largest allowed with the other values: ${worlds}) ` +
      `or --steps (largest allowed with the other values: ${steps})`
    );
  }
  const atOnce = Math.min(threads, n);
  // Fewer worlds also means fewer threads at once, when there are fewer worlds than cores.
  return batchMemoryProblem(
    params,
    budget,
    { count: n, min: 1, runs: (m) => m, workers: atOnce, name: '--worlds' },
    { name: flag, subject: `--worlds ${n}, ${atOnce} at a time,`, each: 'each world' },
  );
}
