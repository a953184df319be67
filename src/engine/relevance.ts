// True relevance p(u,i) and the per-listener top songs by it, found without a users × songs matrix.
import type { SimLog } from './log';
import type { World } from './world';

/**
 * True relevance of song i to listener u: the probability they click it once examined,
 * p(u,i) = maxClickProb · (θ_u,g(i) / max_g θ_u,g)^β · q_i, β = tasteWeight.
 * Taste enters relative to the listener's favourite genre, so everyone has songs they would love;
 * β < 1 lets a great song reach beyond its genre's fans.
 */
export function relevance(world: World, log: SimLog, maxClickProb: number, u: number, i: number): number {
  const g = world.songGenre[i]!;
  return maxClickProb * Math.pow(log.taste[u * world.genreCount + g]! / log.tasteMax[u]!, world.tasteWeight) * world.songQuality[i]!;
}

/**
 * Released songs of each genre sorted by quality descending (ties by id). Within a genre p(u,i) is
 * increasing in quality, so any listener's top-k by relevance is a k-way merge of these lists:
 * O(k · genres) per listener instead of a scan of the catalog.
 */
export interface GenreQualityIndex {
  readonly released: number;
  /** Song ids of genre g at lists[g], by quality descending. */
  readonly lists: Int32Array[];
  /** The same songs by id: the relevance order for a listener whose taste for g is 0 (all tied). */
  readonly byId: Int32Array[];
}

/** Builds the index over songs with id < released. */
export function buildGenreQualityIndex(world: World, released: number): GenreQualityIndex {
  const buckets: number[][] = Array.from({ length: world.genreCount }, () => []);
  for (let i = 0; i < released; i++) buckets[world.songGenre[i]!]!.push(i);
  const q = world.songQuality;
  const byId = buckets.map((b) => Int32Array.from(b));
  const lists = buckets.map((b) => Int32Array.from(b.sort((a, c) => q[c]! - q[a]! || a - c)));
  return { released, lists, byId };
}

/**
 * Writes listener u's top `k` released songs by true relevance (ties by lower id) into `out`,
 * skipping songs for which `skip(i)` is true. Returns how many were written.
 */
export function topByRelevance(
  world: World,
  log: SimLog,
  maxClickProb: number,
  index: GenreQualityIndex,
  u: number,
  k: number,
  out: Int32Array,
  outScores: Float64Array | null,
  skip: ((i: number) => boolean) | null,
): number {
  const G = world.genreCount;
  const pos = new Int32Array(G);
  let n = 0;
  while (n < k) {
    let best = -1;
    let bestScore = -1;
    for (let g = 0; g < G; g++) {
      // A genre the listener has no taste for makes all its songs tie at 0 (unless β = 0, where 0^0 = 1).
      const list = log.taste[u * G + g] === 0 && world.tasteWeight > 0 ? index.byId[g]! : index.lists[g]!;
      let p = pos[g]!;
      if (skip) while (p < list.length && skip(list[p]!)) p++;
      pos[g] = p;
      if (p >= list.length) continue;
      const i = list[p]!;
      const s = relevance(world, log, maxClickProb, u, i);
      if (s > bestScore || (s === bestScore && i < best)) {
        best = i;
        bestScore = s;
      }
    }
    if (best < 0) break;
    out[n] = best;
    if (outScores) outScores[n] = bestScore;
    n++;
    pos[world.songGenre[best]!]!++;
  }
  return n;
}
