// Oracle recommender: ranks by true relevance, which no real system observes. The upper bound.
import { isConsumed } from '../../log';
import { topByRelevance } from '../../relevance';
import type { Recommender } from '../types';

/**
 * Each listener's most relevant eligible songs, p(u,i) descending, ties by lower id. Always
 * deterministic (the ranking temperature does not apply): it is the yardstick, not a policy.
 */
export function createOracleRecommender(): Recommender {
  return {
    prepare() {},
    candidates(ctx, u, n, ids, scores, props, pool) {
      const { world, log, params, qualityIndex } = ctx;
      const tailOnly = pool === 'tail';
      const skip = log.excluding || tailOnly
        ? (i: number) => (tailOnly && ctx.liveTail[i] === 0) || isConsumed(log, world.songCount, u, i)
        : null;
      const count = topByRelevance(world, log, params.maxClickProb, qualityIndex, u, n, ids, scores, skip);
      props.fill(1, 0, count);
      return count;
    },
  };
}
