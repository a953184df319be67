// Oracle recommender: ranks by true relevance, which no real system observes. The upper bound.
import { isConsumed } from '../../log';
import { topByRelevance } from '../../relevance';
import type { Recommender } from '../types';

/** Each listener's most relevant eligible songs, p(u,i) descending, ties by lower id. */
export function createOracleRecommender(): Recommender {
  return {
    prepare() {},
    candidates(ctx, u, n, ids, scores) {
      const { world, log, params, qualityIndex } = ctx;
      const skip = log.excluding ? (i: number) => isConsumed(log, world.songCount, u, i) : null;
      return topByRelevance(world, log, params.maxClickProb, qualityIndex, u, n, ids, scores, skip);
    },
    propensity: () => 1,
  };
}
