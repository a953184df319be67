// Thompson sampling per request: one Beta posterior per song, shared, and a fresh draw for every listener every step.
import { pow } from '../math';
import { isConsumed } from '../log';
import { effectiveImpressions, songTotals } from '../estimators/positionLog';
import type { ClickModel } from '../estimators/clickModel';
import { gamma, type Rng } from '../rng';
import { DrawPool, EXCEEDERS_PER_CANDIDATE, LEVEL_FACTOR, POOL_DRAWS, ThresholdIndex } from './thompsonPool';
import type { BanditScores, CandidatePool, StepContext } from './types';

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
 * Thompson sampling as Chapelle & Li (2011) run it: every song has a Beta posterior of its click
 * rate per examination, shared by all listeners,
 *   Beta(1 + c_i, b₀ + max(0, e_i − c_i)),   b₀ = (1 − c̄) / c̄,
 * c_i its clicks, e_i its effective impressions Σ_k θ̂(k)·shown(i,k), and c̄ the pooled click rate
 * (the prior Beta(1, b₀) has mean c̄ and the weight of 1/c̄ examinations); and each request (a
 * listener's slate, or a re-ranker's candidate list) gets the n songs with the highest of its own
 * draws.
 *
 * Exact, at far less than a Beta draw per song and request (thompsonPool.ts): each step and
 * candidate set, a threshold θ from a small pool of posterior draws (4 per song) and every song's
 * exact tail probability p_i = P(X_i > θ). A request samples which songs' draws exceed θ (each
 * independently with probability p_i), draws a fresh value for them from the posterior conditioned
 * on exceeding θ (first those above a second, higher threshold), and keeps the best n: every other
 * draw is below θ. When fewer than n usable songs exceed, the others get fresh draws conditioned on
 * not exceeding. Draws are independent across songs and requests: about 1.5n conditioned draws per
 * request instead of one per song.
 * Propensities are not available in closed form (the probability that a song's draw is the j-th
 * highest), so slots are logged with NaN ("null" in the event log).
 */
export class ThompsonSampler implements BanditScores {
  private a = new Float64Array(0);
  private b = new Float64Array(0);
  private prior = 1;
  private readonly pool = new DrawPool(POOL_DRAWS);
  /** Threshold indexes by candidate set and request size, built on the step's first such request. */
  private readonly indexes = new Map<number, ThresholdIndex>();
  private readonly built = new Set<number>();
  private memberScratch = new Int32Array(0);
  /** Requests that needed the exact scan below θ, over the sampler's life (for tests). */
  get scans(): number {
    let total = 0;
    for (const index of this.indexes.values()) total += index.scans;
    return total;
  }

  /** Computes every song's posterior for this step from the click model and draws the step's threshold pool. */
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
    this.pool.fill(n, this.a, this.b, ctx.explorationRng);
    this.built.clear();
  }

  /**
   * The step's threshold index for requests of n candidates from `poolName` at `level`: an
   * expected m = 3n · 4^level draws above θ per request. Built on the step's first such request.
   */
  private index(ctx: StepContext, poolName: CandidatePool, n: number, level: number): ThresholdIndex {
    const key = (2 * n + (poolName === 'tail' ? 1 : 0)) * 64 + level;
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = new ThresholdIndex(this.pool)));
    if (!this.built.has(key)) {
      const released = ctx.log.released;
      if (this.memberScratch.length < released) this.memberScratch = new Int32Array(released);
      let count = 0;
      for (let i = 0; i < released; i++) if (poolName === 'all' || ctx.liveTail[i] === 1) this.memberScratch[count++] = i;
      let m = EXCEEDERS_PER_CANDIDATE * n;
      for (let l = 0; l < level; l++) m *= LEVEL_FACTOR;
      index.build(this.memberScratch, count, m, this.a, this.b);
      this.built.add(key);
    }
    return index;
  }

  /**
   * Listener u's top n draws. Without exclusions the first level serves; a listener whose consumed
   * songs hold much of Σ p_i gets the first level that still expects at least 2n usable exceeders
   * (chosen from the tail probabilities and the listener's history, never from the listener's own
   * draws, so the choice does not bias the result), else the scan below θ would run often.
   */
  candidates(ctx: StepContext, u: number, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array, poolName: CandidatePool): number {
    const { log, world } = ctx;
    let index = this.index(ctx, poolName, n, 0);
    let skip: ((i: number) => boolean) | null = null;
    if (log.excluding && log.consumed) {
      skip = (i: number) => isConsumed(log, world.songCount, u, i);
      const consumed = log.consumed.lists[u];
      for (let level = 1; index.theta !== -Infinity && index.expectedUsable(consumed) < 2 * n; level++) index = this.index(ctx, poolName, n, level);
    }
    const count = index.top(ctx.explorationRng, n, skip, ctx.tieKeys, ids, scores);
    for (let j = 0; j < count; j++) props[j] = NaN;
    return count;
  }
}
