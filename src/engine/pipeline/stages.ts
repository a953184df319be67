// The policy assembled from the live parameters: recommender, re-ranker and slot fillers.
import type { Params } from '../params/schema';
import { createOracleRecommender } from './recommenders/oracle';
import { createPersonalizedRecommender } from './recommenders/personalized';
import { createPopularityRecommender } from './recommenders/popularity';
import { createRandomRecommender } from './recommenders/random';
import { createFactorizationRecommender } from './recommenders/factorization';
import { createCalibratedReranker } from './rerankers/calibrated';
import { createXquadReranker } from './rerankers/xquad';
import { createEpsilonFiller } from './slotFillers/epsilon';
import { createNewSongFiller } from './slotFillers/newSongs';
import type { Policy, Recommender, Reranker } from './types';

/** Keeps the recommender's order: its first k candidates. */
export function createIdentityReranker(): Reranker {
  let scores = new Float64Array(0);
  return {
    rerank(_ctx, _u, source, k, out, outProps) {
      if (scores.length < k) scores = new Float64Array(k);
      return source.fetch('all', k, out, scores, outProps);
    },
  };
}

const RECOMMENDERS: Record<Params['recommender'], () => Recommender> = {
  popularity: createPopularityRecommender,
  personalized: createPersonalizedRecommender,
  factorization: createFactorizationRecommender,
  random: createRandomRecommender,
  oracle: createOracleRecommender,
};

const RERANKERS: Record<Params['rerank'], () => Reranker> = {
  none: createIdentityReranker,
  xquad: createXquadReranker,
  calibrated: createCalibratedReranker,
};

/**
 * The stages that `params` select. Exploration by epsilon runs before the new-song slots so that
 * the reserved bottom slots always go to new songs. Rebuilt whenever a live parameter changes.
 */
export function createPolicy(params: Params): Policy {
  const slotFillers = [];
  if (params.exploration === 'epsilon') slotFillers.push(createEpsilonFiller());
  if (params.newSongSlots > 0) slotFillers.push(createNewSongFiller());
  return {
    recommender: RECOMMENDERS[params.recommender](),
    reranker: RERANKERS[params.rerank](),
    slotFillers,
  };
}
