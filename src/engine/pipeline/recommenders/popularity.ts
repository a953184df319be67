// Popularity recommender: everyone gets the most-played songs. The loop in its purest form.
import { rankByScore, takeFromOrder } from '../ranking';
import type { Recommender, StepContext } from '../types';

/** Ranks by logged plays (prior plays + clicks so far), ties by lower id. */
export function createPopularityRecommender(): Recommender {
  let order: Int32Array = new Int32Array(0);
  return {
    prepare(ctx: StepContext) {
      order = rankByScore(ctx.log.plays, ctx.log.released);
    },
    candidates(ctx, u, n, ids, scores) {
      return takeFromOrder(ctx, u, order, ctx.log.plays, n, ids, scores);
    },
    propensity: () => 1,
  };
}
