// Popularity recommender: everyone gets the highest-scored songs (by default, the most played). The loop in its purest form.
import { poolOrder, rankByScore, takeFromOrder } from '../ranking';
import type { CandidatePool, Recommender, StepContext } from '../types';

/**
 * Ranks by the step's song score (logged plays unless a strategy changes it), ties by plays, then
 * lower id. One order per step and pool, shared by every listener.
 */
export function createPopularityRecommender(): Recommender {
  const orders = new Map<CandidatePool, Int32Array>();
  return {
    prepare(ctx: StepContext) {
      orders.clear();
      orders.set('all', rankByScore(ctx.songScore, ctx.log.released, ctx.log.plays));
    },
    candidates(ctx, u, n, ids, scores, pool) {
      let order = orders.get(pool);
      if (!order) orders.set(pool, (order = poolOrder(orders.get('all')!, pool, ctx.world.longTail)));
      return takeFromOrder(ctx, u, order, ctx.songScore, n, ids, scores);
    },
    propensity: () => 1,
  };
}
