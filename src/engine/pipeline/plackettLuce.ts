// The stochastic ranking policy: slates drawn song by song from a Plackett–Luce (softmax) model over scores.
import { pow } from '../math';
import { isConsumed } from '../log';
import { contains } from './slotFillers/epsilon';
import { rankByScore, takeFromOrder } from './ranking';
import type { StepContext } from './types';
import { WeightTree } from './weightTree';

/**
 * Plackett–Luce weight of a song with score s under temperature τ > 0:
 *   w = (s / s_max)^(1/τ) = exp((ln s − ln s_max) / τ),
 * a softmax over log scores. Dividing by the pool's largest score keeps every weight in [0, 1]
 * (no overflow however sharp the policy); scores ≤ 0 get weight 0.
 */
export function plackettLuceWeight(score: number, maxScore: number, tau: number): number {
  if (!(score > 0 && maxScore > 0)) return 0;
  const x = score / maxScore;
  const power = 1 / tau;
  // Whole powers (τ = 1, 0.5, 0.25, …) by multiplication: exact to the last bit on every engine and
  // several times faster than Math.pow, which the factorization recommender calls users × songs times.
  if (Number.isInteger(power) && power <= 8) {
    let w = x;
    for (let j = 1; j < power; j++) w *= x;
    return w;
  }
  return pow(x, power);
}

/**
 * A slate drawn from a Plackett–Luce policy over a pool of songs that share their weights within a
 * step: the first song with probability w_i / Σ w, the next from the rest in proportion to their
 * weights, and so on. The weights are summed once per step (O(n)); each draw costs O(songs out so far), see WeightTree.
 * With τ = 0 the policy is the deterministic ranking (score, then plays, then seeded key).
 */
export class PoolSampler {
  private readonly tree = new WeightTree();
  private ids: Int32Array | null = null;
  private count = 0;
  private tau = 0;
  private order: Int32Array | null = null;
  private score: Float64Array = new Float64Array(0);
  private weights = new Float64Array(0);
  /** Position of each song in the pool (−1 if absent), for pools with explicit ids. */
  private position = new Int32Array(0);

  /**
   * Prepares the pool `ids` (null: songs 0..count−1) scored by `score[i]` for this step.
   */
  build(ctx: StepContext, score: Float64Array, ids: Int32Array | null, count: number): void {
    this.ids = ids;
    this.count = ids ? ids.length : count;
    this.tau = ctx.params.rankingTemperature;
    this.score = score;
    this.order = null;
    if (this.tau === 0) return;
    let max = 0;
    for (let j = 0; j < this.count; j++) max = Math.max(max, score[ids ? ids[j]! : j]!);
    if (this.weights.length < this.count) this.weights = new Float64Array(this.count);
    for (let j = 0; j < this.count; j++) this.weights[j] = plackettLuceWeight(score[ids ? ids[j]! : j]!, max, this.tau);
    this.tree.build(this.weights, this.count);
    if (ids) {
      if (this.position.length < ctx.world.songCount) this.position = new Int32Array(ctx.world.songCount);
      this.position.fill(-1);
      for (let j = 0; j < ids.length; j++) this.position[ids[j]!] = j;
    }
  }

  /** The pool in deterministic order, sorted on first use. */
  private deterministicOrder(ctx: StepContext): Int32Array {
    if (!this.order) this.order = rankByScore(this.score, this.count, ctx.log.plays, ctx.tieKeys, this.ids ?? undefined);
    return this.order;
  }

  /**
   * Draws up to n songs for listener u, skipping songs they may not be shown. props[j] is the
   * probability of the j-th draw given the draws before it, w_i / (Σ w of the songs not yet drawn
   * that u may be shown): with excludeConsumed the listener's consumed songs are taken out of the
   * tree first, O(consumed · log n), so they never count in that sum.
   * Songs whose weight underflows to 0 can only follow, in ranking order, once every song with
   * weight has been drawn (or once the remaining weights are too small to register in the tree's
   * running total); given the slots above, that fill is certain and is logged as 1.
   */
  draw(ctx: StepContext, u: number, n: number, outIds: Int32Array, outScores: Float64Array, outProps: Float64Array): number {
    if (this.tau === 0) return takeFromOrder(ctx, u, this.deterministicOrder(ctx), this.score, n, outIds, outScores, outProps);
    const { log, world, recommenderRng: rng } = ctx;
    const tree = this.tree;
    const consumed = log.excluding ? log.consumed?.lists[u] : undefined;
    if (consumed) {
      for (const i of consumed) {
        const j = this.ids ? (i < this.position.length ? this.position[i]! : -1) : i < this.count ? i : -1;
        if (j >= 0) tree.remove(j);
      }
    }
    let count = 0;
    while (count < n) {
      // Consumed songs are out of the tree, so every draw may be shown.
      const j = tree.draw(rng());
      if (j < 0) break;
      const p = tree.weightOf(j) / tree.total;
      tree.remove(j);
      const i = this.ids ? this.ids[j]! : j;
      outIds[count] = i;
      outScores[count] = this.score[i]!;
      outProps[count++] = Math.min(1, p);
    }
    if (count < n) {
      // Only songs of weight 0 are left (or the weights left are so small that the tree's running
      // total cancelled to 0): take them in ranking order.
      const order = this.deterministicOrder(ctx);
      for (let x = 0; x < order.length && count < n; x++) {
        const i = order[x]!;
        if (isConsumed(log, world.songCount, u, i)) continue;
        if (contains(outIds, count, i)) continue;
        outIds[count] = i;
        outScores[count] = this.score[i]!;
        outProps[count++] = 1;
      }
    }
    tree.restore();
    return count;
  }
}
