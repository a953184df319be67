// Oracle recommender: ranks by true relevance, which no real system observes. The upper bound.
import { isConsumed } from '../../log';
import { topByRelevance } from '../../relevance';
import type { Recommender } from '../types';

/** Each listener's most relevant eligible songs, p(u,i) descending, ties by lower id. */
export function createOracleRecommender(): Recommender {
  return {
    prepare() {},
    candidates(ctx, u, n, ids, scores, pool) {
      const { world, log, params, qualityIndex } = ctx;
      const tailOnly = pool === 'tail';
      const skip = log.excluding || tailOnly
        ? (i: number) => (tailOnly && world.longTail[i] === 0) || isConsumed(log, world.songCount, u, i)
        : null;
      return topByRelevance(world, log, params.maxClickProb, qualityIndex, u, n, ids, scores, skip);
    },
    propensity: () => 1,
  };
}
