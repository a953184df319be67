// Thompson sampling per request: one Beta posterior per song, shared, and a fresh draw for every listener every step.
import { pow } from '../math';
import { isConsumed } from '../log';
import { effectiveImpressions, songTotals } from '../estimators/positionLog';
import type { ClickModel } from '../estimators/clickModel';
import { gamma, type Rng } from '../rng';
import { contains } from './slotFillers/epsilon';
import type { BanditScores, CandidatePool, StepContext } from './types';

/** Tail probability of the per-song upper bound: a draw above it is treated as impossible. */
export const THOMPSON_BOUND_TAIL = 1e-6;
/** Standard deviations above the mean for the bound of a song with clicks (a ≥ 2). */
export const THOMPSON_BOUND_Z = 6;

/**
 * Beta(a, b) draw. For a = 1 (a song without clicks) by inversion, X = 1 − U^(1/b), one uniform;
 * otherwise X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 */
export function betaDraw(rng: Rng, a: number, b: number): number {
  if (a === 1) return 1 - pow(1 - rng(), 1 / b);
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x + y > 0 ? x / (x + y) : 0.5;
}

/**
 * An upper bound u with P(X > u) ≤ about 1e-6 for X ~ Beta(a, b): for a = 1 exactly,
 * u = 1 − δ^(1/b); otherwise mean + 6 standard deviations (Beta tails with a ≥ 2 are lighter
 * than that; the distribution test of tests/engine/pipeline/thompson.test.ts checks the result).
 */
export function betaUpperBound(a: number, b: number): number {
  if (a === 1) return 1 - pow(THOMPSON_BOUND_TAIL, 1 / b);
  const n = a + b;
  const mean = a / n;
  const sd = Math.sqrt((a * b) / (n * n * (n + 1)));
  return Math.min(1, mean + THOMPSON_BOUND_Z * sd);
}

/** One pool's songs for a step: the never-shown group and the rest sorted by upper bound. */
interface ThompsonPool {
  /** Never-shown songs (posterior = prior, all alike). */
  unseen: Int32Array;
  /** Shown songs by upper bound, descending. */
  order: Int32Array;
  bound: Float64Array;
}

/**
 * Thompson sampling as Chapelle & Li (2011) run it: every song has a Beta posterior of its click
 * rate per examination, shared by all listeners,
 *   Beta(1 + c_i, b₀ + max(0, e_i − c_i)),   b₀ = (1 − m) / m,
 * c_i its clicks, e_i its effective impressions Σ_k θ̂(k)·shown(i,k), and m the pooled click rate
 * (the prior Beta(1, b₀) has mean m and the weight of 1/m examinations); and each listener's slate
 * is the k songs with the highest of their own fresh draws, one per song per listener per step.
 *
 * Exact in distribution up to the bound, at far less than a draw per song and listener:
 * - the never-shown songs share one posterior, Beta(1, b₀), whose quantile function is closed-form,
 *   Q(p) = 1 − (1 − p)^(1/b₀); the k largest of N such draws are k uniform order statistics mapped
 *   through Q (U₍N₎ = V₁^(1/N), U₍N−1₎ = U₍N₎·V₂^(1/(N−1)), …), assigned to k distinct songs of
 *   the group drawn uniformly: O(k) per listener;
 * - the shown songs are visited in order of an upper bound of their posterior (betaUpperBound) and
 *   drawn until the next bound falls below the listener's k-th best draw so far; a song whose draw
 *   would have exceeded its bound (probability ≤ about 1e-6 each) is missed, which is the whole
 *   approximation. In practice the k-th best of a listener's draws lies below most songs' bounds,
 *   so nearly every song is drawn: about n Beta draws per listener (documented cost in docs/model.md
 *   §10.3; a cap on the candidates was tried and measured as far off the exact slates).
 * The draws come from the step's exploration stream. Propensities are not available in closed
 * form (the probability that a song's draw is the j-th highest), so slots are logged with NaN
 * ("null" in the event log).
 */
export class ThompsonSampler implements BanditScores {
  private a = new Float64Array(0);
  private b = new Float64Array(0);
  private prior = 1;
  private readonly pools = new Map<CandidatePool, ThompsonPool>();
  private bestIds = new Int32Array(0);
  private bestDraws = new Float64Array(0);

  /** Computes every song's posterior for this step from the click model. */
  prepare(ctx: StepContext, model: ClickModel): void {
    const n = ctx.log.released;
    if (this.a.length < n) [this.a, this.b] = [new Float64Array(n), new Float64Array(n)];
    let totalE = 0;
    let totalC = 0;
    for (let i = 0; i < n; i++) {
      const e = effectiveImpressions(model.positions, model.theta, i);
      const c = songTotals(model.positions, i).clicked;
      this.a[i] = c; // clicks for now; turned into the posterior below
      this.b[i] = e;
      totalE += e;
      totalC += c;
    }
    const m = totalE > 0 ? Math.min(0.99, Math.max(0.01, totalC / totalE)) : 0.5;
    this.prior = (1 - m) / m;
    for (let i = 0; i < n; i++) {
      const c = this.a[i]!;
      const e = this.b[i]!;
      this.a[i] = 1 + c;
      this.b[i] = this.prior + Math.max(0, e - c);
    }
    this.pools.clear();
  }

  private pool(ctx: StepContext, pool: CandidatePool): ThompsonPool {
    let p = this.pools.get(pool);
    if (p) return p;
    const unseen: number[] = [];
    const seen: number[] = [];
    for (let i = 0; i < ctx.log.released; i++) {
      if (pool === 'tail' && ctx.liveTail[i] === 0) continue;
      // Exactly the prior: no click and no effective impression.
      if (this.a[i] === 1 && this.b[i] === this.prior) unseen.push(i);
      else seen.push(i);
    }
    const bound = new Float64Array(ctx.log.released);
    for (const i of seen) bound[i] = betaUpperBound(this.a[i]!, this.b[i]!);
    const keys = ctx.tieKeys;
    const candidates = seen.sort((x, y) => bound[y]! - bound[x]! || keys[x]! - keys[y]!);
    p = { unseen: Int32Array.from(unseen), order: Int32Array.from(candidates), bound };
    this.pools.set(pool, p);
    return p;
  }

  candidates(ctx: StepContext, u: number, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array, poolName: CandidatePool): number {
    const { log, world, explorationRng: rng } = ctx;
    const p = this.pool(ctx, poolName);
    if (this.bestIds.length < n) [this.bestIds, this.bestDraws] = [new Int32Array(n), new Float64Array(n)];
    const best = this.bestIds;
    const draws = this.bestDraws;
    let count = 0;
    // Keeps best[0..count) sorted by draw, descending.
    const offer = (i: number, x: number) => {
      if (count === n && !(x > draws[n - 1]!)) return;
      let at = count < n ? count++ : n - 1;
      while (at > 0 && x > draws[at - 1]!) {
        best[at] = best[at - 1]!;
        draws[at] = draws[at - 1]!;
        at--;
      }
      best[at] = i;
      draws[at] = x;
    };
    // The never-shown group: its k largest draws as order statistics, on distinct random members.
    const N = p.unseen.length;
    let top = 1;
    for (let j = 0; j < Math.min(n, N); j++) {
      top *= pow(1 - rng(), 1 / (N - j));
      const x = 1 - pow(1 - top, 1 / this.prior);
      let i: number;
      do i = p.unseen[Math.floor(rng() * N)]!;
      while (contains(best, count, i));
      offer(i, x);
    }
    // Shown songs, by upper bound, until no bound can beat the k-th best draw.
    const order = p.order;
    for (let x = 0; x < order.length; x++) {
      const i = order[x]!;
      if (count === n && p.bound[i]! <= draws[n - 1]!) break;
      if (log.excluding && isConsumed(log, world.songCount, u, i)) continue;
      offer(i, betaDraw(rng, this.a[i]!, this.b[i]!));
    }
    for (let j = 0; j < count; j++) {
      ids[j] = best[j]!;
      scores[j] = draws[j]!;
      props[j] = NaN;
    }
    return count;
  }
}
