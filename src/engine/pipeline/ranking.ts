// Shared ranking helpers: sort the eligible catalog by a score, then read a listener's top-n from it.
import { isConsumed } from '../log';
import type { CandidatePool, StepContext } from './types';

/**
 * `ids` (or 0..count−1) sorted by score descending, ties by `tieBreak` descending (plays: among
 * songs the system cannot tell apart, the popular come first), then by the seeded key: a total,
 * reproducible order in which no song wins a tie for its id.
 */
export function rankByScore(score: Float64Array, count: number, tieBreak: Float64Array, keys: Float64Array, ids?: Int32Array): Int32Array {
  const order = ids ? Int32Array.from(ids) : new Int32Array(count);
  if (!ids) for (let i = 0; i < count; i++) order[i] = i;
  // Infinite scores tie (∞ − ∞ is NaN, which is falsy) and fall through to the tie-breaks.
  order.sort((a, b) => score[b]! - score[a]! || tieBreak[b]! - tieBreak[a]! || keys[a]! - keys[b]!);
  return order;
}

/** The ids 0..released−1 in `pool`: every song, or the long tail as it stands this step. */
export function poolIds(ctx: StepContext, pool: CandidatePool): Int32Array | null {
  if (pool === 'all') return null;
  const out: number[] = [];
  for (let i = 0; i < ctx.log.released; i++) if (ctx.liveTail[i] === 1) out.push(i);
  return Int32Array.from(out);
}

/**
 * Copies the first `n` songs of `order` that listener u may be shown into `ids`, with
 * `score[i]` into `scores` and propensity 1 (a deterministic ranking); returns how many.
 */
export function takeFromOrder(
  ctx: StepContext,
  u: number,
  order: Int32Array,
  score: Float64Array,
  n: number,
  ids: Int32Array,
  scores: Float64Array,
  props: Float64Array,
): number {
  const songCount = ctx.world.songCount;
  let count = 0;
  for (let j = 0; j < order.length && count < n; j++) {
    const i = order[j]!;
    if (isConsumed(ctx.log, songCount, u, i)) continue;
    ids[count] = i;
    props[count] = 1;
    scores[count++] = score[i]!;
  }
  return count;
}

/** Songs listener u may still be shown: released minus those they consumed (when excluded). */
export function availableCount(ctx: StepContext, u: number): number {
  const { consumed, excluding, released } = ctx.log;
  return released - (excluding && consumed ? consumed.count[u]! : 0);
}
