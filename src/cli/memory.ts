// The CLI's checks before a run starts that it fits in memory (engine/params/memory.ts) and, for
// --worlds, that its output fits in one string: a usage problem (exit 2), not a crash minutes in.
import {
  BYTES_PER_STEP,
  estimateRunBytes,
  memoryProblem,
  NODE_MEMORY_BUDGET,
  type ParamKey,
  type Params,
} from '../engine';
import { MAX_WORLDS } from './args';
import { poolSize } from './worlds';

const flag = (key: ParamKey) => `--${key}`;

/** Why a single run of `params` does not fit in `budget`, or undefined. */
export function runMemoryProblem(params: Params, budget = NODE_MEMORY_BUDGET): string | undefined {
  return memoryProblem(params, budget, { name: flag });
}

/** Memory of a worker thread besides its run: its own V8 heap and the engine's code. */
const BYTES_PER_THREAD = 20e6;

/**
 * Memory of `n` parallel worlds on `threads` threads: each thread runs one world at a time (a whole
 * run each), and the main thread keeps every finished world (its rows and output, and the clicks
 * per song it sends back) plus one copy of the songs' quality.
 */
export function worldsBytes(params: Params, n: number, threads = poolSize(n)): number {
  const songs = params.songs + params.newSongsPerStep * params.steps;
  return threads * (estimateRunBytes(params) + BYTES_PER_THREAD) + n * (8 * songs + BYTES_PER_STEP * params.steps) + 8 * songs;
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
  const estimate = (p: Params) => worldsBytes(p, n, Math.min(threads, n));
  if (estimate(params) <= budget) return undefined;
  // Fewer worlds also means fewer threads at once, when there are fewer worlds than cores.
  let most = 0;
  for (let m = 1; m < n && m <= MAX_WORLDS; m++) if (worldsBytes(params, m, Math.min(threads, m)) <= budget) most = m;
  return memoryProblem(params, budget, {
    name: flag,
    estimate,
    subject: `--worlds ${n}, ${Math.min(threads, n)} at a time,`,
    each: 'each world',
    more: most > 0 ? [`--worlds (largest allowed with the other values: ${most})`] : [],
  });
}
