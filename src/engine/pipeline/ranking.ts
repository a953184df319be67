// Shared ranking helpers: sort the eligible catalog by a score, then read a listener's top-n from it.
import { isConsumed } from '../log';
import type { CandidatePool, StepContext } from './types';

/**
 * Ids 0..released−1 sorted by score descending, ties by `tieBreak` descending (plays: among songs
 * the system cannot tell apart, the popular come first), then by lower id: a total, reproducible order.
 */
export function rankByScore(score: Float64Array, released: number, tieBreak: Float64Array): Int32Array {
  const order = new Int32Array(released);
  for (let i = 0; i < released; i++) order[i] = i;
  // Infinite scores tie (∞ − ∞ is NaN, which is falsy) and fall through to the tie-breaks.
  order.sort((a, b) => score[b]! - score[a]! || tieBreak[b]! - tieBreak[a]! || a - b);
  return order;
}

/** The entries of `order` in the pool (the order is kept). */
export function poolOrder(order: Int32Array, pool: CandidatePool, longTail: Uint8Array): Int32Array {
  return pool === 'all' ? order : order.filter((i) => longTail[i] === 1);
}

/**
 * Copies the first `n` songs of `order` that listener u may be shown into `ids`, with
 * `score[i]` into `scores`; returns how many were copied.
 */
export function takeFromOrder(
  ctx: StepContext,
  u: number,
  order: Int32Array,
  score: Float64Array,
  n: number,
  ids: Int32Array,
  scores: Float64Array,
): number {
  const songCount = ctx.world.songCount;
  let count = 0;
  for (let j = 0; j < order.length && count < n; j++) {
    const i = order[j]!;
    if (isConsumed(ctx.log, songCount, u, i)) continue;
    ids[count] = i;
    scores[count++] = score[i]!;
  }
  return count;
}

/** Songs listener u may still be shown: released minus those they consumed (when excluded). */
export function availableCount(ctx: StepContext, u: number): number {
  const { consumed, excluding, released } = ctx.log;
  return released - (excluding && consumed ? consumed.count[u]! : 0);
}
