// Personalized recommender: genre affinity learned from each listener's clicks, times the song score.
import { isConsumed } from '../../log';
import { rankByScore } from '../ranking';
import type { CandidatePool, Recommender, StepContext } from '../types';

/** Pseudo-clicks that pull a listener's affinity toward the catalog-wide genre mix of plays. */
export const AFFINITY_PRIOR_CLICKS = 10;

/**
 * score(u,i) = â(u, g(i)) · s_i with â(u,g) = (c_ug + β·m_g) / (c_u + β): the listener's click
 * share of genre g, smoothed toward the share m_g of all logged plays (β = 10), and s_i the step's
 * song score (logged plays by default). It is subject to the loop twice over: plays feed the song
 * score, and clicks on what was shown feed the affinity (a filter bubble).
 */
export function createPersonalizedRecommender(): Recommender {
  const lists = new Map<CandidatePool, Int32Array[]>();
  const genrePlayShare: number[] = [];
  let pos = new Int32Array(0);
  let affinity = new Float64Array(0);
  return {
    prepare(ctx: StepContext) {
      const { world, log } = ctx;
      const G = world.genreCount;
      const order = rankByScore(ctx.songScore, log.released, log.plays);
      // Partitioning the global order keeps each genre list sorted by score in O(n).
      const counts = new Int32Array(G);
      for (let i = 0; i < log.released; i++) counts[world.songGenre[i]!]!++;
      const byGenre = Array.from(counts, (c) => new Int32Array(c));
      const fill = new Int32Array(G);
      const playsByGenre = new Float64Array(G);
      for (const i of order) {
        const g = world.songGenre[i]!;
        byGenre[g]![fill[g]!++] = i;
        playsByGenre[g]! += log.plays[i]!;
      }
      lists.clear();
      lists.set('all', byGenre);
      const total = playsByGenre.reduce((a, b) => a + b, 0);
      for (let g = 0; g < G; g++) genrePlayShare[g] = total > 0 ? playsByGenre[g]! / total : 1 / G;
      pos = new Int32Array(G);
      affinity = new Float64Array(G);
    },
    candidates(ctx, u, n, ids, scores, pool) {
      const { world, log, songScore } = ctx;
      const G = world.genreCount;
      let byGenre = lists.get(pool);
      if (!byGenre) lists.set(pool, (byGenre = lists.get('all')!.map((l) => l.filter((i) => world.longTail[i] === 1))));
      const clicks = log.userClicks[u]!;
      for (let g = 0; g < G; g++) {
        const c = log.userGenreClicks[u * G + g]!;
        affinity[g] = (c + AFFINITY_PRIOR_CLICKS * genrePlayShare[g]!) / (clicks + AFFINITY_PRIOR_CLICKS);
      }
      pos.fill(0);
      let count = 0;
      // k-way merge: within a genre the score is increasing in s_i, so the heads suffice.
      while (count < n) {
        let best = -1;
        let bestScore = -1;
        for (let g = 0; g < G; g++) {
          const list = byGenre[g]!;
          let p = pos[g]!;
          if (log.excluding) while (p < list.length && isConsumed(log, world.songCount, u, list[p]!)) p++;
          pos[g] = p;
          if (p >= list.length) continue;
          const i = list[p]!;
          const s = affinity[g]! * songScore[i]!;
          if (s > bestScore || (s === bestScore && i < best)) {
            best = i;
            bestScore = s;
          }
        }
        if (best < 0) break;
        ids[count] = best;
        scores[count++] = bestScore;
        pos[world.songGenre[best]!]!++;
      }
      return count;
    },
    propensity: () => 1,
  };
}
