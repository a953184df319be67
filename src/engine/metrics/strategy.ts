// Metrics of what the strategies buy and cost: calibration, utility regret, relevance-estimate error.
import type { ClickModel, EstimateKind } from '../estimators/clickModel';
import type { SimLog } from '../log';
import { calibrationKL } from '../pipeline/rerankers/calibrated';
import { relevance } from '../relevance';
import { TasteTerms } from './tasteTerms';
import type { World } from '../world';

/** The most shown songs over which relevanceEstimateError is averaged. */
export const ESTIMATE_ERROR_SONGS = 50;

/**
 * Mean over listeners who have clicked of KL(p_u ‖ q̃_u): p_u the genre mix of their click history,
 * q_u that of their slate, q̃ = (1 − α)·q + α·p with α = 0.01. Null when nobody has clicked yet.
 */
export function meanCalibrationKL(world: World, log: SimLog, slate: Int32Array, slateLen: Uint8Array, k: number): number | null {
  return meanSlateKLs(world, log, slate, slateLen, k).calibrationKL;
}

/**
 * Mean over listeners with a slate of KL(θ_u ‖ q̃_u): θ_u the listener's true taste now, q_u the
 * genre mix of their slate, q̃ = (1 − α)·q + α·θ_u with α = 0.01 (as calibrationKL). Unlike
 * calibrationKL it measures against the truth, not against a history the loop produced, so a
 * recommender cannot lower it by narrowing both. Null when no listener has a slate.
 */
export function meanTasteKL(world: World, log: SimLog, slate: Int32Array, slateLen: Uint8Array, k: number): number | null {
  return meanSlateKLs(world, log, slate, slateLen, k).tasteKL;
}

/**
 * meanCalibrationKL and meanTasteKL in one pass, which counts each slate's genres once for both.
 * `tasteTerms`: the run's kept taste-KL terms (the same values, fewer logarithms).
 */
export function meanSlateKLs(
  world: World,
  log: SimLog,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
  tasteTerms: TasteTerms = new TasteTerms(0, world.genreCount, k),
): { calibrationKL: number | null; tasteKL: number | null } {
  const G = world.genreCount;
  const p = new Float64Array(G);
  const counts = new Float64Array(G);
  let calibrationSum = 0;
  let calibrated = 0;
  let tasteSum = 0;
  let tasted = 0;
  for (let u = 0; u < world.userCount; u++) {
    const len = slateLen[u]!;
    if (len === 0) continue;
    slateGenreCounts(world, slate, k, u, len, counts);
    const clicks = log.userClicks[u]!;
    if (clicks > 0) {
      for (let g = 0; g < G; g++) p[g] = log.userGenreClicks[u * G + g]! / clicks;
      calibrationSum += calibrationKL(p, counts, len);
      calibrated++;
    }
    tasteSum += tasteTerms.kl(log.taste, u, counts, len);
    tasted++;
  }
  return { calibrationKL: calibrated > 0 ? calibrationSum / calibrated : null, tasteKL: tasted > 0 ? tasteSum / tasted : null };
}

/**
 * The mainstream genres: the fewest largest genres (by initial songs, ties by lower genre index)
 * that together hold at least 50% of the initial catalog. 1 = mainstream.
 */
export function mainstreamGenres(world: World): Uint8Array {
  const G = world.genreCount;
  const counts = new Float64Array(G);
  for (let i = 0; i < world.initialSongCount; i++) counts[world.songGenre[i]!]!++;
  const order = Array.from({ length: G }, (_, g) => g).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const out = new Uint8Array(G);
  let held = 0;
  for (const g of order) {
    if (held >= 0.5 * world.initialSongCount) break;
    out[g] = 1;
    held += counts[g]!;
  }
  return out;
}

/** Listener u's favourite genre in `taste` (rows of genres): the argmax, ties by lower index. */
export function favouriteGenre(world: World, taste: ArrayLike<number>, u: number): number {
  const G = world.genreCount;
  let best = 0;
  for (let g = 1; g < G; g++) if (taste[u * G + g]! > taste[u * G + best]!) best = g;
  return best;
}

/** Counts the genres of listener u's slate (its first `len` songs) into `counts`. */
function slateGenreCounts(world: World, slate: Int32Array, k: number, u: number, len: number, counts: Float64Array): void {
  counts.fill(0);
  for (let j = 0; j < len; j++) counts[world.songGenre[slate[u * k + j]!]!]!++;
}

/** Utility regret over all listeners and split by taste (null for a group with no listener). */
export interface RegretByTaste {
  all: number;
  mainstream: number | null;
  niche: number | null;
}

/**
 * Mean over listeners of (mean p(u,i) over the oracle's slate R(u) − mean p(u,i) over the shown
 * slate S(u)): the relevance given up for whatever else the slate is doing. 0 for the oracle.
 * `relevantMean[u]` is the first term, kept from when R(u) was last found. The same mean is also
 * taken separately over mainstream listeners (favourite genre among `mainstream`) and niche ones.
 * `slotRelevance`, when given, holds p(u,i) of each filled slot (see slateRelevance).
 */
export function utilityRegretByTaste(
  world: World,
  log: SimLog,
  maxClickProb: number,
  relevantMean: Float64Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
  mainstream: Uint8Array,
  slotRelevance?: Float64Array,
): RegretByTaste {
  const sum = [0, 0];
  const listeners = [0, 0];
  for (let u = 0; u < world.userCount; u++) {
    const len = slateLen[u]!;
    if (len === 0) continue;
    let shown = 0;
    for (let j = 0; j < len; j++) shown += slotRelevance ? slotRelevance[u * k + j]! : relevance(world, log, maxClickProb, u, slate[u * k + j]!);
    const group = mainstream[favouriteGenre(world, log.taste, u)] === 1 ? 0 : 1;
    sum[group]! += relevantMean[u]! - shown / len;
    listeners[group]!++;
  }
  const total = listeners[0]! + listeners[1]!;
  return {
    all: total > 0 ? (sum[0]! + sum[1]!) / total : 0,
    mainstream: listeners[0]! > 0 ? sum[0]! / listeners[0]! : null,
    niche: listeners[1]! > 0 ? sum[1]! / listeners[1]! : null,
  };
}

/** utilityRegretByTaste's mean over all listeners. */
export function meanUtilityRegret(
  world: World,
  log: SimLog,
  maxClickProb: number,
  relevantMean: Float64Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
): number {
  return utilityRegretByTaste(world, log, maxClickProb, relevantMean, slate, slateLen, k, new Uint8Array(world.genreCount)).all;
}


/**
 * Mean absolute error, over the 50 most shown songs (cumulative impressions, ties by lower id),
 * between the system's relevance estimate (raw click rate when not debiasing) and the song's true
 * mean relevance over listeners, maxClickProb · ((1 − w)·q_i + w/2) · mean_u((θ_u,g / max θ_u)^β):
 * the personal liking ε(u,i) is taken at its expectation 1/2 (it is independent of taste), which
 * saves a pass over every listener per song.
 * Null before any song was shown. `sortedImpressions`: the released songs' impressions ascending,
 * when the caller has them (see mostShown).
 */
export function relevanceEstimateError(
  world: World,
  log: SimLog,
  maxClickProb: number,
  model: ClickModel,
  kind: EstimateKind,
  meanTaste: Float64Array = meanTasteFactors(world, log),
  sortedImpressions?: ArrayLike<number>,
): number | null {
  const top = mostShown(log.impressions, log.released, ESTIMATE_ERROR_SONGS, sortedImpressions);
  let sum = 0;
  let n = 0;
  for (const i of top) {
    const estimate = model.estimate(kind, i);
    if (Number.isNaN(estimate)) continue;
    const songPart = (1 - world.idiosyncrasy) * world.songQuality[i]! + world.idiosyncrasy / 2;
    sum += Math.abs(estimate - maxClickProb * songPart * meanTaste[world.songGenre[i]!]!);
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** mean_u((θ_u,g / max θ_u)^β) per genre g: it changes only when a taste drifts, so callers may cache it. */
export function meanTasteFactors(world: World, log: SimLog): Float64Array {
  const G = world.genreCount;
  const meanTaste = new Float64Array(G);
  for (let u = 0; u < world.userCount; u++)
    for (let g = 0; g < G; g++) meanTaste[g]! += log.tasteFactor[u * G + g]! / world.userCount;
  return meanTaste;
}

/**
 * Ids of the (up to) `count` songs with the most impressions, among those shown at least once,
 * most shown first, ties by lower id. The count-th largest value is found by a native sort of a
 * copy (or of `sortedAscending`, impressions[0..released) ascending, when the caller has it), so
 * only the songs at or above it are sorted with a comparator.
 */
export function mostShown(impressions: Float64Array, released: number, count: number, sortedAscending?: ArrayLike<number>): number[] {
  if (released === 0 || count <= 0) return [];
  const sorted = sortedAscending ?? impressions.slice(0, released).sort();
  const cut = Math.max(sorted[Math.max(0, released - count)]!, Number.MIN_VALUE);
  const shown: number[] = [];
  for (let i = 0; i < released; i++) if (impressions[i]! >= cut) shown.push(i);
  shown.sort((a, b) => impressions[b]! - impressions[a]! || a - b);
  return shown.slice(0, count);
}
