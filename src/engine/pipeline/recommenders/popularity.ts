// Popularity recommender: slates drawn from a Plackett–Luce policy over the step's song score (logged plays by default).
import { PoolSampler } from '../plackettLuce';
import { poolIds } from '../ranking';
import type { CandidatePool, Recommender } from '../types';

/**
 * Scores every song by the step's song score (1 + logged plays unless a strategy changes it) and
 * draws each listener's slate from the Plackett–Luce policy P(i) ∝ score_i^(1/τ); at τ = 0 everyone
 * gets the same ranking (score, then plays, then seeded key). One sampler per step and pool is
 * shared by every listener. With Thompson sampling or UCB the bandit ranks instead.
 */
export function createPopularityRecommender(): Recommender {
  const samplers = new Map<CandidatePool, PoolSampler>();
  const built = new Set<CandidatePool>();
  return {
    prepare() {
      // Built lazily per pool on the first request of the step (the tail pool only if a re-ranker asks).
      built.clear();
    },
    candidates(ctx, u, n, ids, scores, props, pool) {
      if (ctx.bandit) return ctx.bandit.candidates(ctx, u, n, ids, scores, props, pool);
      let sampler = samplers.get(pool);
      if (!sampler) samplers.set(pool, (sampler = new PoolSampler()));
      if (!built.has(pool)) {
        sampler.build(ctx, ctx.songScore, poolIds(ctx, pool), ctx.log.released);
        built.add(pool);
      }
      return sampler.draw(ctx, u, n, ids, scores, props);
    },
  };
}
