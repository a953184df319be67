// The per-song score that ranking recommenders order by: plays, a debiased estimate, or an exploration bonus.
import { log as ln, pow } from '../math';
import { gamma } from '../rng';
import type { ClickModel } from '../estimators/clickModel';
import { effectiveImpressions, songTotals } from '../estimators/positionLog';
import type { Params } from '../params/schema';
import type { SimLog } from '../log';
import type { Rng } from '../rng';

/** Pseudo-impressions of the Thompson prior (see computeSongSignal). */
export const THOMPSON_PRIOR_STRENGTH = 10;

/** Pseudo-impressions at the pooled click rate in UCB's index: a never-shown song gets a finite bonus. */
export const UCB_PRIOR_IMPRESSIONS = 1;

/** Pseudo-impressions that shrink a debiased estimate toward the catalog mean while a song has little data. */
export const ESTIMATE_PRIOR_IMPRESSIONS = 100;

/**
 * One score per released song, computed once per step and shared by every listener:
 * - exploration 'thompson': a draw from Beta(s·m + c_i, s·(1 − m) + max(0, e_i − c_i)), c_i the
 *   song's logged clicks, e_i its effective impressions Σ_k θ̂(k)·shown(i,k), m the pooled click
 *   rate Σc / Σe and s = 10 pseudo-impressions;
 * - exploration 'ucb': (c_i + e₀·m) / (e_i + e₀) + ucbScale · √(2 ln E / (e_i + e₀)), E = Σ_i e_i,
 *   with e₀ = 1 pseudo-impression at the pooled rate m: optimism is finite, so a never-shown song
 *   gets a large bonus rather than +∞ (which made UCB sweep the catalog in id order, ucbScale
 *   without effect), and the Plackett–Luce draw over the index gives listeners different slates;
 * - positionDebias 'raw', 'ips' or 'positional': the song's estimate (raw click rate, IPS, or
 *   the positional model's r_i) shrunk toward the mean estimate m,
 *   (n_i·r̂_i + A·m) / (n_i + A), A = 100, n_i its impressions (a few lucky clicks in
 *   rarely examined slots would otherwise put a barely known song on top);
 * - otherwise 1 + its logged plays (prior plays + clicks; the 1 keeps never-played songs drawable).
 * Then the popularity penalty divides by (1 + plays_i)^γ.
 * Ties are broken by plays, then id (see rankByScore), so songs the system knows nothing about
 * are taken in order of popularity.
 */
export function computeSongSignal(params: Params, log: SimLog, model: ClickModel, rng: Rng, out: Float64Array): void {
  const n = log.released;
  if (params.exploration === 'thompson' || params.exploration === 'ucb') {
    let total = 0;
    let totalClicks = 0;
    for (let i = 0; i < n; i++) {
      total += out[i] = effectiveImpressions(model.positions, model.theta, i);
      totalClicks += songTotals(model.positions, i).clicked;
    }
    const logTotal = ln(Math.max(total, 1));
    // Prior Beta(s·m, s·(1 − m)) around the pooled click rate m: with thousands of songs, a flat
    // Beta(1, 1) would make some never-shown song outdraw every known good one at every step.
    const m = total > 0 ? Math.min(0.99, Math.max(0.01, totalClicks / total)) : 0.5;
    const s = THOMPSON_PRIOR_STRENGTH;
    const perListener = params.thompsonDraws === 'per-listener' && params.recommender === 'popularity';
    for (let i = 0; i < n; i++) {
      const e = out[i]!;
      const c = songTotals(model.positions, i).clicked;
      // Drawn per listener instead (pipeline/thompson.ts) when thompsonDraws = per-listener with the popularity ranking.
      if (params.exploration === 'thompson') out[i] = perListener ? c / Math.max(e, 1) : betaDraw(rng, s * m + c, s * (1 - m) + Math.max(0, e - c));
      else {
        const n = e + UCB_PRIOR_IMPRESSIONS;
        out[i] = Math.min(1, (c + UCB_PRIOR_IMPRESSIONS * m) / n) + params.ucbScale * Math.sqrt((2 * logTotal) / n);
      }
    }
  } else if (params.positionDebias !== 'none') {
    let sum = 0;
    let shown = 0;
    for (let i = 0; i < n; i++) {
      const r = model.estimate(params.positionDebias, i);
      out[i] = r;
      if (Number.isNaN(r)) continue;
      const s = songTotals(model.positions, i).shown;
      sum += r * s;
      shown += s;
    }
    // Before any impression every song is equally unknown: score them alike (1), not all 0, which
    // would leave a Plackett–Luce policy nothing to draw from.
    const mean = shown > 0 ? sum / shown : 1;
    for (let i = 0; i < n; i++) {
      const r = out[i]!;
      const s = Number.isNaN(r) ? 0 : songTotals(model.positions, i).shown;
      out[i] = (s * (Number.isNaN(r) ? 0 : r) + ESTIMATE_PRIOR_IMPRESSIONS * mean) / (s + ESTIMATE_PRIOR_IMPRESSIONS);
    }
  } else {
    for (let i = 0; i < n; i++) out[i] = 1 + log.plays[i]!;
  }
  const penalty = params.popularityPenalty;
  if (penalty > 0) for (let i = 0; i < n; i++) out[i]! /= pow(1 + log.plays[i]!, penalty);
}

/** Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x + y > 0 ? x / (x + y) : 0.5;
}
