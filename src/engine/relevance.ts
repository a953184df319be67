// True relevance p(u,i) and the per-listener top songs by it, found without a users × songs matrix.
import { unitHash } from './hash';
import type { SimLog } from './log';
import type { World } from './world';

/** Salt of the personal-liking hash ε(u,i). */
const LIKING_SALT = 0x11ce;

/**
 * Listener u's personal liking of song i, ε(u,i) ∈ [0, 1): uniform, independent across pairs, and
 * fixed by the world seed. It is a hash, not a stored matrix, so it costs no listeners × songs memory.
 */
export function personalLiking(world: World, u: number, i: number): number {
  return unitHash(world.seed ^ LIKING_SALT, u, i);
}

/**
 * True relevance of song i to listener u: the probability they click it once examined,
 * p(u,i) = maxClickProb · (θ_u,g(i) / max_g θ_u,g)^β · ((1 − w)·q_i + w·ε(u,i)),
 * β = tasteWeight, w = idiosyncrasy. Taste enters relative to the listener's favourite genre, so
 * everyone has songs they would love; β < 1 lets a great song reach beyond its genre's fans; w > 0
 * makes each listener's best songs their own rather than the top of their favourite genre.
 */
export function relevance(world: World, log: SimLog, maxClickProb: number, u: number, i: number): number {
  return tasteFactor(world, log, maxClickProb, u, world.songGenre[i]!) * songFactor(world, u, i);
}

/**
 * p(u, i) of every filled slot of a users × k slate matrix into `out` (same layout; empty slots
 * untouched). The simulation finds them once a step, after the slates and before the clicks, for
 * the clicks and the utility regret alike: a hash per impression is among a step's larger costs.
 */
export function slateRelevance(world: World, log: SimLog, maxClickProb: number, slate: Int32Array, slateLen: Uint8Array, k: number, out: Float64Array): void {
  for (let u = 0; u < world.userCount; u++) {
    const len = slateLen[u]!;
    for (let j = 0; j < len; j++) out[u * k + j] = relevance(world, log, maxClickProb, u, slate[u * k + j]!);
  }
}

/** maxClickProb · (θ_u,g / max θ_u)^β: the part of p(u,i) shared by all songs of genre g. */
function tasteFactor(world: World, log: SimLog, maxClickProb: number, u: number, g: number): number {
  return maxClickProb * log.tasteFactor[u * world.genreCount + g]!;
}

/** (1 − w)·q_i + w·ε(u,i): the part of p(u,i) that depends on the song. */
function songFactor(world: World, u: number, i: number): number {
  const w = world.idiosyncrasy;
  return w > 0 ? (1 - w) * world.songQuality[i]! + w * personalLiking(world, u, i) : world.songQuality[i]!;
}

/**
 * Released songs of each genre sorted by quality descending (ties by id). Within a genre the song
 * factor (1 − w)·q_i + w·ε(u,i) is at most (1 − w)·q_i + w, which falls along the list, so any
 * listener's top-k by relevance is found by walking each list only while that bound can still
 * beat the k-th best song found: without personal liking (w = 0) that is k songs per genre at most.
 */
export interface GenreQualityIndex {
  readonly released: number;
  /** Song ids of genre g at lists[g], by quality descending. */
  readonly lists: Int32Array[];
}

/** Builds the index over songs with id < released. */
export function buildGenreQualityIndex(world: World, released: number): GenreQualityIndex {
  const buckets: number[][] = Array.from({ length: world.genreCount }, () => []);
  for (let i = 0; i < released; i++) buckets[world.songGenre[i]!]!.push(i);
  const q = world.songQuality;
  const lists = buckets.map((b) => Int32Array.from(b.sort((a, c) => q[c]! - q[a]! || a - c)));
  return { released, lists };
}

/**
 * Writes listener u's top `k` released songs by true relevance (ties by lower id) into `out`,
 * skipping songs for which `skip(i)` is true. Returns how many were written.
 * Genres are visited from the listener's favourite down, so the k-th best rises early and the
 * bound prunes the rest: O(k · genres) evaluations without personal liking, a few more with it.
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
  if (k <= 0) return 0;
  const G = world.genreCount;
  const w = world.idiosyncrasy;
  const q = world.songQuality;
  const factor = new Float64Array(G);
  const genres: number[] = [];
  for (let g = 0; g < G; g++) {
    factor[g] = tasteFactor(world, log, maxClickProb, u, g);
    genres.push(g);
  }
  genres.sort((a, b) => factor[b]! - factor[a]! || a - b);
  // A sorted run of the best k so far: scores descending, ties by lower id.
  const ids = new Int32Array(k);
  const scores = new Float64Array(k);
  let n = 0;
  for (const g of genres) {
    const list = index.lists[g]!;
    const f = factor[g]!;
    for (let p = 0; p < list.length; p++) {
      const i = list[p]!;
      // Songs further down the list have a lower quality, so once the bound loses, all of them lose.
      if (n === k && f * ((1 - w) * q[i]! + w) < scores[k - 1]!) break;
      if (skip && skip(i)) continue;
      const s = f * songFactor(world, u, i);
      if (n === k && (s < scores[k - 1]! || (s === scores[k - 1]! && i > ids[k - 1]!))) continue;
      let j = n < k ? n++ : k - 1;
      while (j > 0 && (s > scores[j - 1]! || (s === scores[j - 1]! && i < ids[j - 1]!))) {
        ids[j] = ids[j - 1]!;
        scores[j] = scores[j - 1]!;
        j--;
      }
      ids[j] = i;
      scores[j] = s;
    }
  }
  out.set(ids.subarray(0, n));
  if (outScores) outScores.set(scores.subarray(0, n));
  return n;
}
