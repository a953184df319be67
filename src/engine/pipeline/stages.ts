// The default re-ranking and slot-filling stages, and the policy assembled from the parameters.
import type { Params } from '../params/schema';
import { createOracleRecommender } from './recommenders/oracle';
import { createPersonalizedRecommender } from './recommenders/personalized';
import { createPopularityRecommender } from './recommenders/popularity';
import { createRandomRecommender } from './recommenders/random';
import type { Policy, Recommender, Reranker, SlotFiller } from './types';

/** Keeps the recommender's order: the first k candidates. */
export const identityReranker: Reranker = {
  candidateFactor: 1,
  rerank(_ctx, _u, ids, _scores, count, k, out) {
    const n = Math.min(count, k);
    out.set(ids.subarray(0, n));
    return n;
  },
};

/** Leaves every slot as ranked. */
export const identitySlotFiller: SlotFiller = {
  fill: (_ctx, _u, _slate, _propensity, len) => len,
};

const RECOMMENDERS: Record<Params['recommender'], () => Recommender> = {
  popularity: createPopularityRecommender,
  personalized: createPersonalizedRecommender,
  random: createRandomRecommender,
  oracle: createOracleRecommender,
};

/** The stages that `params` select. Rebuilt whenever a live parameter changes. */
export function createPolicy(params: Params): Policy {
  return {
    recommender: RECOMMENDERS[params.recommender](),
    reranker: identityReranker,
    slotFiller: identitySlotFiller,
  };
}
