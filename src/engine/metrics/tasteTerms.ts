// tasteKL's terms for full slates, kept per (listener, genre, count): with tastes fixed each is a logarithm computed once.
import { log } from '../math';
import { CALIBRATION_ALPHA, LOG_INVERSE_ALPHA } from '../pipeline/rerankers/calibrated';

/** Most terms kept (8 bytes each, 8 MB): listeners × genres × slate size above it keeps none. */
export const TASTE_TERMS_LIMIT = 1 << 20;

/** Bytes the terms of a run take: listeners × genres × slate size × 8 while within TASTE_TERMS_LIMIT, else 0. */
export function tasteTermsBytes(users: number, genres: number, k: number): number {
  const entries = users * genres * k;
  return entries <= TASTE_TERMS_LIMIT ? 8 * entries : 0;
}

/**
 * KL(θ_u ‖ q̃_u) of a slate, calibrationKL(θ, counts, len, u·G) term for term and summed in the
 * same order, so the value is the same to the bit. A genre with c > 0 of a full slate's k songs
 * adds θ_g · log(θ_g / ((1 − α)·c/k + α·θ_g)), which depends on (u, g, c) only while listener u's
 * taste is fixed: it is kept after its first use (NaN = not yet), and `forget(u)` drops u's terms
 * when their taste drifts. Slates shorter than k are computed directly.
 */
export class TasteTerms {
  private readonly genres: number;
  private readonly k: number;
  private readonly terms: Float64Array;

  constructor(users: number, genres: number, k: number) {
    this.genres = genres;
    this.k = k;
    this.terms = new Float64Array(tasteTermsBytes(users, genres, k) / 8).fill(NaN);
  }

  /** Listener u's taste changed: their terms are computed again on next use. */
  forget(u: number): void {
    const row = this.genres * this.k;
    if (this.terms.length > 0) this.terms.fill(NaN, u * row, (u + 1) * row);
  }

  /** KL(θ_u ‖ q̃) for a slate of `len` songs with genre counts `counts`; θ_u = taste[u·G …]. */
  kl(taste: ArrayLike<number>, u: number, counts: ArrayLike<number>, len: number): number {
    const { genres: G, k, terms } = this;
    const pAt = u * G;
    const kept = len === k && terms.length > 0;
    let kl = 0;
    for (let g = 0; g < G; g++) {
      const pg = taste[pAt + g]!;
      if (pg <= 0) continue;
      const c = counts[g]!;
      if (len <= 0 || c === 0) {
        kl += pg * LOG_INVERSE_ALPHA;
        continue;
      }
      const at = kept ? (pAt + g) * k + c - 1 : -1;
      let term = kept ? terms[at]! : NaN;
      if (term !== term) {
        const q = c / len;
        term = pg * log(pg / ((1 - CALIBRATION_ALPHA) * q + CALIBRATION_ALPHA * pg));
        if (kept) terms[at] = term;
      }
      kl += term;
    }
    return kl;
  }
}
