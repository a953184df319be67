// Personalized recommender: genre affinity learned from each listener's history, times a song's popularity within its genre.
import { pow } from '../../math';
import { isConsumed } from '../../log';
import { plackettLuceWeight } from '../plackettLuce';
import { rankByScore } from '../ranking';
import { contains } from '../slotFillers/epsilon';
import type { CandidatePool, Recommender, StepContext } from '../types';
import { WeightTree } from '../weightTree';

/** Pseudo-clicks that pull a listener's affinity toward the catalog's genre mix while their history is short. */
export const AFFINITY_PRIOR_CLICKS = 5;

/** One genre's songs for a step: ids, their scores' sum and maximum, a sampling tree or a sorted order. */
interface GenrePool {
  ids: Int32Array;
  /** Index of each song of the pool in `ids` (for taking a listener's consumed songs out of the tree). */
  indexOf: Map<number, number>;
  total: number;
  max: number;
  /** (max / total)^(1/τ): the genre's factor in every weight (so the tree holds (s_i / max)^(1/τ) ≤ 1). */
  scale: number;
  tree: WeightTree;
}

/**
 * score(u,i) = â(u, g(i)) · s_i / S_g(i), with
 * - â(u,g) = (c_ug + A·π_g) / (c_u + A): listener u's share of clicks (sign-up picks included) on
 *   genre g, smoothed with A = 5 pseudo-clicks toward π_g, the share of catalog songs in genre g;
 * - s_i / S_g: song i's share of its genre's total song score (1 + logged plays by default).
 * Both factors are shares, so popularity cannot swamp affinity (raw plays span four orders of
 * magnitude, affinity one), and the prior is the catalog, not plays the loop produced. The loop
 * still acts twice: plays concentrate within each genre, and affinity is learned only from what
 * was shown (a filter bubble). Slates are drawn from the Plackett–Luce policy P(i) ∝ score^(1/τ)
 * in two stages (a genre, then a song of it), so each draw costs O(genres + songs out so far).
 */
export function createPersonalizedRecommender(): Recommender {
  const pools = new Map<CandidatePool, GenrePool[]>();
  const catalogShare: number[] = [];
  let affinity = new Float64Array(0);
  let genreWeight = new Float64Array(0);
  let pos = new Int32Array(0);

  function buildPools(ctx: StepContext, pool: CandidatePool): GenrePool[] {
    const { world, log, songScore } = ctx;
    const G = world.genreCount;
    const members: number[][] = Array.from({ length: G }, () => []);
    for (let i = 0; i < log.released; i++) if (pool === 'all' || ctx.liveTail[i] === 1) members[world.songGenre[i]!]!.push(i);
    const tau = ctx.params.rankingTemperature;
    const old = pools.get(pool);
    // The whole genre's total and maximum, whatever the pool, so a tail song scores the same as in
    // the full catalog and candidates of both pools compare (xQuAD merges them by score).
    const all = pool === 'all' ? null : pools.get('all')!;
    return members.map((list, g) => {
      let total = 0;
      let max = 0;
      if (all) [total, max] = [all[g]!.total, all[g]!.max];
      else
        for (const i of list) {
          total += songScore[i]!;
          max = Math.max(max, songScore[i]!);
        }
      const tree = old?.[g]?.tree ?? new WeightTree();
      let ids: Int32Array = Int32Array.from(list);
      if (tau > 0) tree.build(Float64Array.from(list, (i) => plackettLuceWeight(songScore[i]!, max, tau)), ids.length);
      else ids = rankByScore(songScore, ids.length, log.plays, ctx.tieKeys, ids);
      const indexOf = new Map<number, number>();
      if (tau > 0 && log.excluding) ids.forEach((i, j) => indexOf.set(i, j));
      return { ids, indexOf, total, max, scale: tau > 0 && total > 0 ? pow(max / total, 1 / tau) : 0, tree };
    });
  }

  return {
    prepare(ctx: StepContext) {
      const { world, log } = ctx;
      const G = world.genreCount;
      const counts = new Float64Array(G);
      for (let i = 0; i < log.released; i++) counts[world.songGenre[i]!]!++;
      for (let g = 0; g < G; g++) catalogShare[g] = log.released > 0 ? counts[g]! / log.released : 1 / G;
      pools.set('all', buildPools(ctx, 'all'));
      pools.delete('tail');
      if (affinity.length !== G) [affinity, genreWeight, pos] = [new Float64Array(G), new Float64Array(G), new Int32Array(G)];
    },
    candidates(ctx, u, n, ids, scores, props, pool) {
      const { world, log, songScore } = ctx;
      const G = world.genreCount;
      let genres = pools.get(pool);
      if (!genres) pools.set(pool, (genres = buildPools(ctx, pool)));
      const clicks = log.userClicks[u]!;
      for (let g = 0; g < G; g++) {
        affinity[g] = (log.userGenreClicks[u * G + g]! + AFFINITY_PRIOR_CLICKS * catalogShare[g]!) / (clicks + AFFINITY_PRIOR_CLICKS);
      }
      // A genre whose songs all score 0 (e.g. raw click rates before any click) has S_g = 0: its songs score 0, not NaN.
      const score = (g: number, i: number) => {
        const total = genres[g]!.total;
        return total > 0 ? (affinity[g]! * songScore[i]!) / total : 0;
      };
      const tau = ctx.params.rankingTemperature;
      let count = 0;
      if (tau === 0) {
        // k-way merge: each genre's list is sorted by s_i, and the score is increasing in s_i within a genre.
        pos.fill(0);
        while (count < n) {
          let best = -1;
          let bestScore = -1;
          for (let g = 0; g < G; g++) {
            const list = genres[g]!.ids;
            let p = pos[g]!;
            if (log.excluding) while (p < list.length && isConsumed(log, world.songCount, u, list[p]!)) p++;
            pos[g] = p;
            if (p >= list.length) continue;
            const i = list[p]!;
            const s = score(g, i);
            if (ranksAbove(ctx, i, s, best, bestScore)) {
              best = i;
              bestScore = s;
            }
          }
          if (best < 0) break;
          ids[count] = best;
          scores[count] = bestScore;
          props[count++] = 1;
          pos[world.songGenre[best]!]!++;
        }
        return count;
      }
      const rng = ctx.recommenderRng;
      for (let g = 0; g < G; g++) genreWeight[g] = pow(affinity[g]!, 1 / tau) * genres[g]!.scale;
      // Consumed songs out of the trees first, so every logged probability is over what u may be shown.
      const consumed = log.excluding ? log.consumed?.lists[u] : undefined;
      if (consumed) {
        for (const i of consumed) {
          const pool = genres[world.songGenre[i]!]!;
          const j = pool.indexOf.get(i);
          if (j !== undefined) pool.tree.remove(j);
        }
      }
      while (count < n) {
        let total = 0;
        for (let g = 0; g < G; g++) total += genreWeight[g]! * genres[g]!.tree.total;
        if (!(total > 0)) break;
        let x = rng() * total;
        let g = -1;
        for (let h = 0; h < G; h++) {
          const mass = genreWeight[h]! * genres[h]!.tree.total;
          if (!(mass > 0)) continue;
          g = h; // the last genre with mass, should rounding carry x past the end
          if (x < mass) break;
          x -= mass;
        }
        const tree = genres[g]!.tree;
        const j = tree.draw(rng());
        if (j < 0) break;
        const p = (genreWeight[g]! * tree.weightOf(j)) / total;
        tree.remove(j);
        const i = genres[g]!.ids[j]!;
        if (isConsumed(log, world.songCount, u, i)) continue;
        ids[count] = i;
        scores[count] = score(g, i);
        props[count++] = Math.min(1, p);
      }
      // Every weight left is 0 (or their sum cancelled to 0): fill the rest in ranking order. Given the
      // slots above, that fill is certain and is logged as 1 (rare: tiny τ, or scores of 0).
      while (count < n) {
        let best = -1;
        let bestScore = -1;
        for (let g = 0; g < G; g++)
          for (const i of genres[g]!.ids) {
            if (contains(ids, count, i) || isConsumed(log, world.songCount, u, i)) continue;
            const s = score(g, i);
            if (ranksAbove(ctx, i, s, best, bestScore)) {
              best = i;
              bestScore = s;
            }
          }
        if (best < 0) break;
        ids[count] = best;
        scores[count] = bestScore;
        props[count++] = 1;
      }
      for (let g = 0; g < G; g++) genres[g]!.tree.restore();
      return count;
    },
  };
}

/** Whether song i (score s) ranks above `best` (score bestScore): higher score, then more plays, then the lower seeded key. */
function ranksAbove(ctx: StepContext, i: number, s: number, best: number, bestScore: number): boolean {
  const { plays } = ctx.log;
  return s > bestScore || (s === bestScore && (plays[i]! > plays[best]! || (plays[i] === plays[best] && ctx.tieKeys[i]! < ctx.tieKeys[best]!)));
}
