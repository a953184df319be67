// Calibrated re-ranking: make each listener's slate match the genre mix of their listening history.
import { log } from '../../math';
import type { Reranker, StepContext } from '../types';

/** Smoothing of the slate's genre mix toward the history, q̃ = (1 − α)·q + α·p, so KL stays finite. */
export const CALIBRATION_ALPHA = 0.01;

/**
 * KL(p ‖ q̃) = Σ_g p_g · log(p_g / q̃_g) with q̃ = (1 − α)·q + α·p, q the genre shares of `counts`
 * over `total` songs. Genres with p_g = 0 contribute nothing. p is read from p[pAt …] (one entry
 * per entry of `counts`), so a row of a listeners × genres array needs no view of its own.
 */
export function calibrationKL(p: ArrayLike<number>, counts: ArrayLike<number>, total: number, pAt = 0): number {
  let kl = 0;
  for (let g = 0; g < counts.length; g++) {
    const pg = p[pAt + g]!;
    if (pg <= 0) continue;
    // A genre absent from the slate has q̃_g = α·p_g, so its term is p_g·log(1/α): no logarithm per
    // listener for it (most genres are absent from a slate of ten).
    if (total <= 0 || counts[g] === 0) {
      kl += pg * LOG_INVERSE_ALPHA;
      continue;
    }
    const q = counts[g]! / total;
    kl += pg * log(pg / ((1 - CALIBRATION_ALPHA) * q + CALIBRATION_ALPHA * pg));
  }
  return kl;
}

/** log(1/α), the KL term of a genre missing from the slate per unit of p_g. */
export const LOG_INVERSE_ALPHA = log(1 / CALIBRATION_ALPHA);

/** q̃_g = (1 − α)·count/total + α·p_g. */
function smoothed(count: number, total: number, pg: number): number {
  return (1 - CALIBRATION_ALPHA) * (count / total) + CALIBRATION_ALPHA * pg;
}

/** Listener u's genre mix of clicks into `out`; false if they have not clicked yet. */
export function historyMix(ctx: StepContext, u: number, out: Float64Array): boolean {
  const G = ctx.world.genreCount;
  const clicks = ctx.log.userClicks[u]!;
  if (clicks <= 0) return false;
  for (let g = 0; g < G; g++) out[g] = ctx.log.userGenreClicks[u * G + g]! / clicks;
  return true;
}

/** Candidates per slot the re-ranker draws (CALIBRATION_DEPTH·k), and the rank scale per slot (s = 1 − rank / (5k)). */
export const CALIBRATION_DEPTH = 3;
export const CALIBRATION_RANK_SCALE = 5;

/**
 * Greedy calibration (Steck, 2018): repeatedly add the candidate that maximises
 *   (1 − λ)·s(i) − λ·KL(p ‖ q̃(S ∪ {i}))
 * with s the recommender's score scaled by rank, s = 1 − rank / (5k), over its first 3k candidates
 * (5k were drawn until December 2026; the fixed scale keeps each place worth what it was then),
 * p the listener's history mix and S the slate so far. λ = rerankStrength; at λ = 0 this is the
 * recommender's own order. Listeners without clicks have no history to match and keep that order.
 */
export function createCalibratedReranker(): Reranker {
  let p = new Float64Array(0);
  let counts = new Float64Array(0);
  let head = new Int32Array(0);
  let ids = new Int32Array(0);
  let scores = new Float64Array(0);
  let link = new Int32Array(0);
  let props = new Float64Array(0);
  return {
    rerank(ctx, u, source, k, out, outProps) {
      const lambda = ctx.params.rerankStrength;
      const { genreCount: G, songGenre } = ctx.world;
      if (p.length !== G) [p, counts, head] = [new Float64Array(G), new Float64Array(G), new Int32Array(G)];
      const depth = CALIBRATION_DEPTH * k;
      const scale = CALIBRATION_RANK_SCALE * k;
      if (ids.length < depth) [ids, scores, link, props] = [new Int32Array(depth), new Float64Array(depth), new Int32Array(depth), new Float64Array(depth)];
      if (lambda === 0 || !historyMix(ctx, u, p)) return source.fetch('all', k, out, scores, outProps);
      const count = source.fetch('all', depth, ids, scores, props);
      // Candidates of one genre change q̃ alike, so only each genre's best remaining one can win:
      // chain the candidates by genre once, then walk each chain.
      head.fill(-1);
      for (let c = count - 1; c >= 0; c--) {
        const g = songGenre[ids[c]!]!;
        link[c] = head[g]!;
        head[g] = c;
      }
      counts.fill(0);
      const n = Math.min(count, k);
      for (let slot = 0; slot < n; slot++) {
        // Adding a song of genre g to the slate gives the mix q' over slot + 1 songs, and
        // KL(p ‖ q̃') = B − p_g·log(q̃'_g(c_g + 1) / q̃'_g(c_g)), with B the same for every candidate:
        // so the argmax needs one logarithm per genre, not a KL per candidate.
        const size = slot + 1;
        let best = -1;
        let bestValue = -Infinity;
        for (let g = 0; g < G; g++) {
          const c = head[g]!;
          if (c < 0) continue;
          const pg = p[g]!;
          const gain = pg > 0 ? pg * log(smoothed(counts[g]! + 1, size, pg) / smoothed(counts[g]!, size, pg)) : 0;
          const value = (1 - lambda) * (1 - c / scale) + lambda * gain;
          if (value > bestValue || (value === bestValue && c < best)) [best, bestValue] = [c, value];
        }
        const g = songGenre[ids[best]!]!;
        head[g] = link[best]!;
        counts[g]!++;
        out[slot] = ids[best]!;
        outProps[slot] = props[best]!;
      }
      return n;
    },
  };
}
