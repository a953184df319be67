// What the system estimates a song's relevance to be from its click log: raw, IPS-corrected, or a positional model.
import type { PositionLog } from './positionLog';

/** Naive click rate r̂_i = Σ_k clicks(i,k) / Σ_k shown(i,k): relevance confounded with where the song was shown. NaN if never shown. */
export function rawClickRate(log: PositionLog, i: number): number {
  let shown = 0;
  let clicked = 0;
  for (let k = 0; k < log.slots; k++) {
    shown += log.shown[i * log.slots + k]!;
    clicked += log.clicked[i * log.slots + k]!;
  }
  return shown > 0 ? clicked / shown : NaN;
}

/** IPS weights w(k) = min(1/θ(k), cap): clipping bounds the variance that rare low slots would add. */
export function ipsWeights(theta: ArrayLike<number>, cap: number): Float64Array {
  const w = new Float64Array(theta.length);
  for (let k = 0; k < theta.length; k++) w[k] = Math.min(cap, 1 / Math.max(theta[k]!, 1e-12));
  return w;
}

/**
 * Inverse-propensity estimate r̂_i = Σ_k clicks(i,k)·w(k) / Σ_k shown(i,k): the mean over the song's
 * impressions of click / θ(k), so a click in a rarely examined slot counts for more. NaN if never shown.
 */
export function ipsEstimate(log: PositionLog, weights: ArrayLike<number>, i: number): number {
  let shown = 0;
  let weighted = 0;
  for (let k = 0; k < log.slots; k++) {
    shown += log.shown[i * log.slots + k]!;
    weighted += log.clicked[i * log.slots + k]! * weights[k]!;
  }
  return shown > 0 ? weighted / shown : NaN;
}

/**
 * Position-based click model P(click | i, k) = θ_k · r_i, fitted to the aggregated log by EM
 * (expectation–maximisation over the hidden "examined" and "relevant" events of each non-click):
 *   θ_k ← Σ_i [c_ik + (n_ik − c_ik)·θ_k(1 − r_i)/(1 − θ_k r_i)] / Σ_i n_ik
 *   r_i ← Σ_k [c_ik + (n_ik − c_ik)·(1 − θ_k) r_i/(1 − θ_k r_i)] / Σ_k n_ik
 * The fit is warm-started from the previous step, so a few iterations per step suffice. Serving
 * ranks by r_i alone: "train with position, serve without it".
 */
export class PositionalModel {
  readonly theta: Float64Array;
  readonly relevance: Float64Array;

  constructor(songCount: number, slots: number) {
    this.theta = new Float64Array(slots);
    for (let k = 0; k < slots; k++) this.theta[k] = 1 / (k + 1); // a neutral, decreasing start
    this.relevance = new Float64Array(songCount).fill(0.5);
  }

  /** Runs `iterations` EM iterations over songs with id < released; θ_1 is pinned to 1 (the scale is not identifiable). */
  fit(log: PositionLog, released: number, iterations: number): void {
    const K = log.slots;
    const { theta, relevance: r } = this;
    const thetaNum = new Float64Array(K);
    const thetaDen = new Float64Array(K);
    for (let it = 0; it < iterations; it++) {
      thetaNum.fill(0);
      thetaDen.fill(0);
      for (let i = 0; i < released; i++) {
        let rNum = 0;
        let rDen = 0;
        const ri = r[i]!;
        for (let k = 0; k < K; k++) {
          const n = log.shown[i * K + k]!;
          if (n === 0) continue;
          const c = log.clicked[i * K + k]!;
          const miss = 1 - theta[k]! * ri;
          const noClick = n - c;
          thetaNum[k]! += c + (miss > 0 ? (noClick * theta[k]! * (1 - ri)) / miss : 0);
          thetaDen[k]! += n;
          rNum += c + (miss > 0 ? (noClick * (1 - theta[k]!) * ri) / miss : 0);
          rDen += n;
        }
        if (rDen > 0) r[i] = clamp(rNum / rDen);
      }
      for (let k = 0; k < K; k++) if (thetaDen[k]! > 0) theta[k] = clamp(thetaNum[k]! / thetaDen[k]!);
      const top = theta[0]!;
      if (top > 0) for (let k = 0; k < K; k++) theta[k] = Math.min(1, theta[k]! / top);
    }
  }
}

/** Keeps probabilities strictly inside (0, 1) so the EM ratios stay finite. */
function clamp(p: number): number {
  return Math.min(1 - 1e-6, Math.max(1e-6, p));
}
