// Metrics of what the strategies buy and cost: calibration, utility regret, relevance-estimate error.
import type { ClickModel, EstimateKind } from '../estimators/clickModel';
import type { SimLog } from '../log';
import { calibrationKL } from '../pipeline/rerankers/calibrated';
import { relevance } from '../relevance';
import type { World } from '../world';

/** The most shown songs over which relevanceEstimateError is averaged. */
export const ESTIMATE_ERROR_SONGS = 50;

/**
 * Mean over listeners who have clicked of KL(p_u ‖ q̃_u): p_u the genre mix of their click history,
 * q_u that of their slate, q̃ = (1 − α)·q + α·p with α = 0.01. Null when nobody has clicked yet.
 */
export function meanCalibrationKL(world: World, log: SimLog, slate: Int32Array, slateLen: Uint8Array, k: number): number | null {
  const G = world.genreCount;
  const p = new Float64Array(G);
  const counts = new Float64Array(G);
  let sum = 0;
  let listeners = 0;
  for (let u = 0; u < world.userCount; u++) {
    const clicks = log.userClicks[u]!;
    const len = slateLen[u]!;
    if (clicks <= 0 || len === 0) continue;
    for (let g = 0; g < G; g++) p[g] = log.userGenreClicks[u * G + g]! / clicks;
    counts.fill(0);
    for (let j = 0; j < len; j++) counts[world.songGenre[slate[u * k + j]!]!]!++;
    sum += calibrationKL(p, counts, len);
    listeners++;
  }
  return listeners > 0 ? sum / listeners : null;
}

/**
 * Mean over listeners of (mean p(u,i) over the oracle's slate R(u) − mean p(u,i) over the shown
 * slate S(u)): the relevance given up for whatever else the slate is doing. 0 for the oracle.
 * `relevantMean[u]` is the first term, kept from when R(u) was last found.
 */
export function meanUtilityRegret(
  world: World,
  log: SimLog,
  maxClickProb: number,
  relevantMean: Float64Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  k: number,
): number {
  let sum = 0;
  let listeners = 0;
  for (let u = 0; u < world.userCount; u++) {
    const len = slateLen[u]!;
    if (len === 0) continue;
    let shown = 0;
    for (let j = 0; j < len; j++) shown += relevance(world, log, maxClickProb, u, slate[u * k + j]!);
    sum += relevantMean[u]! - shown / len;
    listeners++;
  }
  return listeners > 0 ? sum / listeners : 0;
}


/**
 * Mean absolute error, over the 50 most shown songs (cumulative impressions, ties by lower id),
 * between the system's relevance estimate (raw click rate when not debiasing) and the song's true
 * mean relevance over listeners, (1/U)·Σ_u p(u,i) = maxClickProb · q_i · mean_u((θ_u,g / max θ_u)^β).
 * Null before any song was shown.
 */
export function relevanceEstimateError(world: World, log: SimLog, maxClickProb: number, model: ClickModel, kind: EstimateKind): number | null {
  const G = world.genreCount;
  const meanTaste = new Float64Array(G);
  for (let u = 0; u < world.userCount; u++)
    for (let g = 0; g < G; g++) meanTaste[g]! += Math.pow(log.taste[u * G + g]! / log.tasteMax[u]!, world.tasteWeight) / world.userCount;
  const top = mostShown(log.impressions, log.released, ESTIMATE_ERROR_SONGS);
  let sum = 0;
  let n = 0;
  for (const i of top) {
    const estimate = model.estimate(kind, i);
    if (Number.isNaN(estimate)) continue;
    sum += Math.abs(estimate - maxClickProb * world.songQuality[i]! * meanTaste[world.songGenre[i]!]!);
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** Ids of the (up to) `count` songs with the most impressions, among those shown at least once. */
function mostShown(impressions: Float64Array, released: number, count: number): number[] {
  const shown: number[] = [];
  for (let i = 0; i < released; i++) if (impressions[i]! > 0) shown.push(i);
  shown.sort((a, b) => impressions[b]! - impressions[a]! || a - b);
  return shown.slice(0, count);
}
