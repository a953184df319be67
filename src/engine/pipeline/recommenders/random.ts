// Random recommender: a uniformly random slate per listener, the no-loop baseline.
import { isConsumed } from '../../log';
import { availableCount } from '../ranking';
import type { Recommender } from '../types';

/**
 * Draws n distinct songs uniformly from those listener u may be shown, in draw order.
 * Each song lands in a given slot with probability 1 / available. Always uniform: the ranking
 * temperature does not apply.
 */
export function createRandomRecommender(): Recommender {
  return {
    prepare() {},
    candidates(ctx, u, n, ids, scores, props, pool) {
      const { log, world, recommenderRng: rng } = ctx;
      const tailOnly = pool === 'tail';
      const skip = (i: number) => (tailOnly && ctx.liveTail[i] === 0) || isConsumed(log, world.songCount, u, i) || hasPrefix(ids, count, i);
      const available = availableCount(ctx, u);
      const want = Math.min(n, available);
      let count = 0;
      // Rejection is fast while the slate is a small part of the catalog; the attempt cap keeps
      // a nearly exhausted catalog (excludeConsumed) from spinning, falling back to a scan.
      for (let attempts = 0; count < want && attempts < 20 * want + 100; attempts++) {
        const i = Math.floor(rng() * log.released);
        if (skip(i)) continue;
        ids[count] = i;
        scores[count++] = 0;
      }
      for (let i = 0; i < log.released && count < want; i++) {
        if (skip(i)) continue;
        ids[count] = i;
        scores[count++] = 0;
      }
      // Each song lands in a given slot with probability 1 / available (the tail pool is not
      // re-counted: only xQuAD asks for it, and its propensities are those of the draw).
      props.fill(1 / Math.max(1, available), 0, count);
      return count;
    },
  };
}

function hasPrefix(ids: Int32Array, count: number, i: number): boolean {
  for (let j = 0; j < count; j++) if (ids[j] === i) return true;
  return false;
}
