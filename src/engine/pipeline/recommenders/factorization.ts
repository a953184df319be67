// Factorization recommender: an implicit-feedback matrix factorization trained on the click log every step.
import { DEFAULT_ALS_OPTIONS, ImplicitAls } from '../../estimators/implicitAls';
import { isConsumed } from '../../log';
import { createStream } from '../../rng';
import { plackettLuceWeight } from '../plackettLuce';
import type { Recommender, StepContext } from '../types';
import { WeightTree } from '../weightTree';

/** ALS sweeps when the model is first built from the whole log, then per step (warm-started). */
export const FIRST_SWEEPS = 3;
export const SWEEPS_PER_STEP = 1;

interface FactorizationState {
  readonly model: ImplicitAls;
  cursor: number;
  trained: boolean;
}

/** The simulation's model, created on first use from the sign-up picks and every click so far. */
function modelOf(ctx: StepContext): FactorizationState {
  const { world, learned } = ctx;
  let state = learned.factorization as FactorizationState | null;
  if (!state) {
    const model = new ImplicitAls(world.userCount, world.songCount, DEFAULT_ALS_OPTIONS, createStream(ctx.params.seed, 'recommender', 'factorization'));
    const picks = world.onboardingPicks;
    for (let x = 0; x < world.onboarding.length; x++) if (world.onboarding[x]! >= 0) model.addClicks(Math.floor(x / picks), world.onboarding[x]!, 1);
    state = { model, cursor: 0, trained: false };
    learned.factorization = state;
  }
  return state;
}

/**
 * Collaborative filtering in the loop, as Chaney et al. (2018) and Mansoury et al. (2020) put it
 * there: a weighted-ALS factorization of the (listener, song) click counts (Hu, Koren & Volinsky,
 * 2008; rank 8, see estimators/implicitAls), fed the step's new clicks and refitted by one sweep per
 * step. score(u,i) = x_u · y_i. Each slate is drawn from the Plackett–Luce policy
 * P(i) ∝ (max(score, 0) / max_j score)^(1/τ), with the listener's own sampling weights
 * (O(n) per listener for the scores and their sums, then O(k) per exact draw); at τ = 0 the top k
 * by score. Songs of weight 0 follow only once every song with weight is drawn, in score order.
 * A song nobody has clicked has a zero factor and scores 0: it is never drawn (cold start).
 * Cost per step: O(new clicks) to ingest, O(pairs·d² + (users + songs)·d³) per sweep, and
 * O(users·n·d) to score.
 */
export function createFactorizationRecommender(): Recommender {
  let score = new Float64Array(0);
  let weights = new Float64Array(0);
  let candidate = new Int32Array(0);
  const tree = new WeightTree();
  return {
    prepare(ctx: StepContext) {
      const state = modelOf(ctx);
      const { clickPairs } = ctx.log;
      // A model built this step (at step 1, or on a switch mid-run) learns the whole log so far.
      const first = !state.trained;
      for (; state.cursor < clickPairs.length; state.cursor++) state.model.addClicks(clickPairs.listener(state.cursor), clickPairs.song(state.cursor), 1);
      state.model.train(ctx.log.released, first ? FIRST_SWEEPS : SWEEPS_PER_STEP);
      state.trained = true;
      const n = ctx.world.songCount;
      if (score.length < n) [score, weights, candidate] = [new Float64Array(n), new Float64Array(n), new Int32Array(n)];
    },
    candidates(ctx, u, n, ids, scores, props, pool) {
      const { world, log } = ctx;
      const state = modelOf(ctx);
      state.model.scoreListener(u, log.released, score);
      // The pool, without songs the listener may not be shown.
      let m = 0;
      const tailOnly = pool === 'tail';
      const excluding = log.excluding;
      for (let i = 0; i < log.released; i++) {
        if (tailOnly && ctx.liveTail[i] === 0) continue;
        if (excluding && isConsumed(log, world.songCount, u, i)) continue;
        candidate[m++] = i;
      }
      const tau = ctx.params.rankingTemperature;
      const want = Math.min(n, m);
      if (tau === 0) return topByScore(ctx, candidate, m, score, want, ids, scores, props);
      let max = 0;
      for (let j = 0; j < m; j++) max = Math.max(max, score[candidate[j]!]!);
      const square = tau === 0.5;
      for (let j = 0; j < m; j++) {
        const x = score[candidate[j]!]!;
        // The default τ = 0.5 inline (a square), the hottest loop of this recommender.
        weights[j] = square ? (x > 0 && max > 0 ? (x / max) * (x / max) : 0) : plackettLuceWeight(x, max, tau);
      }
      // The listener's own weights: O(m) to sum, O(k) per exact draw.
      tree.build(weights, m);
      const rng = ctx.recommenderRng;
      let count = 0;
      while (count < want) {
        const j = tree.draw(rng());
        if (j < 0) break;
        props[count] = Math.min(1, tree.weightOf(j) / tree.total);
        tree.remove(j);
        ids[count] = candidate[j]!;
        scores[count++] = score[candidate[j]!]!;
      }
      // Only songs of weight 0 (score ≤ 0) are left: they follow in score order, certain given the slots above.
      if (count < want) count = fillByScore(ctx, candidate, m, score, want, ids, scores, props, count);
      return count;
    },
  };
}

/** The top `want` candidates by score (ties by plays, then seeded key), propensity 1. */
function topByScore(ctx: StepContext, candidate: Int32Array, m: number, score: Float64Array, want: number, ids: Int32Array, scores: Float64Array, props: Float64Array): number {
  return fillByScore(ctx, candidate, m, score, want, ids, scores, props, 0);
}

/**
 * Appends the best candidates by score not yet in ids[0..count) until `want`, by one pass that
 * keeps a sorted run of the best (O(m) while few displace it). Slots filled here were not drawn at
 * random and get propensity 1.
 */
function fillByScore(ctx: StepContext, candidate: Int32Array, m: number, score: Float64Array, want: number, ids: Int32Array, scores: Float64Array, props: Float64Array, count: number): number {
  const { plays } = ctx.log;
  const keys = ctx.tieKeys;
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && (plays[a]! > plays[b]! || (plays[a] === plays[b] && keys[a]! < keys[b]!)));
  const room = want - count;
  if (room <= 0) return count;
  const best = new Int32Array(room);
  let r = 0;
  for (let j = 0; j < m; j++) {
    const i = candidate[j]!;
    if (r === room && !better(i, best[room - 1]!)) continue;
    let taken = false;
    for (let x = 0; x < count; x++) if (ids[x] === i) taken = true;
    if (taken) continue;
    let at = r < room ? r++ : room - 1;
    while (at > 0 && better(i, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  for (let x = 0; x < r; x++) {
    ids[count] = best[x]!;
    scores[count] = score[best[x]!]!;
    props[count++] = 1;
  }
  return count;
}
