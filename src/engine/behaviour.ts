// Listener behaviour: position-biased examination, relevance-driven clicks, optional taste drift.
import { pow } from './math';
import type { Rng } from './rng';
import { relevance } from './relevance';
import { rowMax, updateTasteFactor, type SimLog } from './log';
import type { World } from './world';

/** Examination probability of each slot, θ(k) = (1/k)^η for k = 1..K (index k−1). */
export function examinationCurve(slots: number, eta: number): Float64Array {
  const theta = new Float64Array(slots);
  for (let k = 1; k <= slots; k++) theta[k - 1] = pow(1 / k, eta);
  return theta;
}

/** Totals of one step's behaviour. */
export interface BehaviourTotals {
  impressions: number;
  clicks: number;
  /** Σ p(u,i) over the step's impressions. */
  relevanceSum: number;
}

/**
 * For every listener u and slot k (always both draws, in the order u, then k, even for empty
 * slots) draws e, c ~ U[0,1): slot k is examined if e < θ(k) and its song clicked if also
 * c < p(u,i). Because the draws do not depend on what was shown, two runs with the same seed
 * face the same listeners' coin flips: common random numbers for fair comparisons.
 * Writes clicks into `clicked`; tastes are not changed here (see applyTasteDrift). `slotRelevance`,
 * when given, holds p(u,i) of each filled slot (see slateRelevance), so it is not computed again.
 */
export function simulateBehaviour(
  world: World,
  log: SimLog,
  maxClickProb: number,
  theta: Float64Array,
  slate: Int32Array,
  slateLen: Uint8Array,
  clicked: Uint8Array,
  rng: Rng,
  slotRelevance?: Float64Array,
): BehaviourTotals {
  const K = theta.length;
  // Sums in locals, not an object's fields: each slot adds to them.
  let impressions = 0;
  let clicks = 0;
  let relevanceSum = 0;
  for (let u = 0; u < world.userCount; u++) {
    const len = slateLen[u]!;
    const base = u * K;
    for (let k = 0; k < K; k++) {
      const e = rng();
      const c = rng();
      if (k >= len) {
        clicked[base + k] = 0;
        continue;
      }
      const p = slotRelevance ? slotRelevance[base + k]! : relevance(world, log, maxClickProb, u, slate[base + k]!);
      impressions++;
      relevanceSum += p;
      const click = e < theta[k]! && c < p ? 1 : 0;
      clicked[base + k] = click;
      clicks += click;
    }
  }
  return { impressions, clicks, relevanceSum };
}

/**
 * Moves listener u's taste toward genre g after a click: θ_u ← (1 − δ)·θ_u + δ·e_g, which keeps
 * the row a distribution. Returns whether anything changed.
 */
export function applyTasteDrift(world: World, log: SimLog, u: number, g: number, drift: number): boolean {
  if (drift <= 0) return false;
  const G = world.genreCount;
  const base = u * G;
  for (let h = 0; h < G; h++) log.taste[base + h]! *= 1 - drift;
  log.taste[base + g]! += drift;
  log.tasteMax[u] = rowMax(log.taste, base, G);
  updateTasteFactor(world, log.taste, log.tasteMax, log.tasteFactor, u);
  return true;
}
