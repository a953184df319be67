// Smooth xQuAD re-ranking over head and long tail, weighted by each listener's own appetite for the tail.
import type { Reranker, StepContext } from '../types';

/** Pseudo-clicks of P(tail | u) toward 1/2 while a listener's history is short. */
export const TAIL_PREFERENCE_PRIOR = 2;

/** Candidates per slot: 2k songs from the whole catalog, then k from the long tail (at most k can be tail picks). */
export const XQUAD_DEPTH = 2;
export const XQUAD_TAIL_DEPTH = 1;
/**
 * The rank scale per slot: ŝ(j) = 1 − j / (10k), a score falling by the same step per place as over
 * the top-100 list Abdollahpouri et al. re-rank into a slate of 10, however few candidates are drawn.
 */
export const XQUAD_RANK_SCALE = 10;

/**
 * P(tail | u): the share of listener u's history (sign-up picks and clicks) on songs that were in
 * the long tail when chosen, smoothed toward 1/2 by two pseudo-clicks: (t_u + 1) / (n_u + 2).
 */
export function tailPreference(ctx: StepContext, u: number): number {
  return (ctx.log.userTailClicks[u]! + TAIL_PREFERENCE_PRIOR / 2) / (ctx.log.userClicks[u]! + TAIL_PREFERENCE_PRIOR);
}

/**
 * Smooth xQuAD (Abdollahpouri, Burke & Mobasher, 2019, after Santos et al., 2010): greedily add the
 * candidate v maximising
 *   (1 − λ)·s(v) + λ · P(c(v) | u) · (1 − |S ∩ c(v)| / |S|)
 * with c(v) ∈ {head, tail} the song's category this step (the live long tail), P(tail | u) the
 * listener's own tail preference (above) and P(head | u) = 1 − P(tail | u), S the slate so far (the
 * ratio counts as 0 while S is empty), and s the recommender's score scaled by rank,
 * s = 1 − rank / (10k) (raw play counts are too skewed to weigh against a share).
 * The candidates' order is the recommender's (ranked, or drawn), the tail list after the other.
 * A category's bonus shrinks smoothly as the slate fills with it, so the tail's share of the slate
 * rises with λ. Candidates: the recommender's first 2k songs from the whole catalog, then its first
 * k from the long tail not among them (a ranked loop's first list may hold no tail song). Drawing
 * 3k candidates rather than 10k keeps the cost near the plain loop's; the fixed rank scale keeps
 * the trade-off between rank and bonus what it was over 10k. At λ = 0 this is the recommender's own order.
 */
export function createXquadReranker(): Reranker {
  let all = new Int32Array(0);
  let tailIds = new Int32Array(0);
  let scores = new Float64Array(0);
  let props = new Float64Array(0);
  let merged = new Int32Array(0);
  let mergedProps = new Float64Array(0);
  let taken = new Uint8Array(0);
  let seen = new Uint8Array(0);
  return {
    rerank(ctx, u, source, k, out, outProps) {
      const lambda = ctx.params.rerankStrength;
      const depth = XQUAD_DEPTH * k;
      const tailDepth = XQUAD_TAIL_DEPTH * k;
      if (all.length < depth || tailIds.length < tailDepth) {
        [all, tailIds, scores, props] = [new Int32Array(depth), new Int32Array(tailDepth), new Float64Array(depth + tailDepth), new Float64Array(depth + tailDepth)];
        [merged, mergedProps, taken] = [new Int32Array(depth + tailDepth), new Float64Array(depth + tailDepth), new Uint8Array(depth + tailDepth)];
      }
      // At λ = 0 ask for exactly what the identity re-ranker asks for, so even a random recommender draws the same.
      if (lambda === 0) return source.fetch('all', k, out, scores, outProps);
      const tail = ctx.liveTail;
      if (seen.length < ctx.world.songCount) seen = new Uint8Array(ctx.world.songCount);
      const nAll = source.fetch('all', depth, all, scores, props);
      const nTail = source.fetch('tail', tailDepth, tailIds, scores.subarray(depth), props.subarray(depth));
      const count = mergeLists(all, props, nAll, tailIds, props.subarray(depth), nTail, merged, mergedProps, seen);
      taken.fill(0, 0, count);
      const pTail = tailPreference(ctx, u);
      let inTail = 0;
      let head = 0;
      let tailAt = 0;
      const n = Math.min(count, k);
      for (let slot = 0; slot < n; slot++) {
        // Within a category every candidate earns the same bonus, so only each one's best can win.
        while (head < count && (taken[head] || tail[merged[head]!] === 1)) head++;
        while (tailAt < count && (taken[tailAt] || tail[merged[tailAt]!] === 0)) tailAt++;
        const headBonus = (1 - pTail) * (slot > 0 ? 1 - (slot - inTail) / slot : 1);
        const tailBonus = pTail * (slot > 0 ? 1 - inTail / slot : 1);
        const scale = XQUAD_RANK_SCALE * k;
        const pick = gain(head, count, scale, lambda, headBonus) >= gain(tailAt, count, scale, lambda, tailBonus) ? head : tailAt;
        taken[pick] = 1;
        if (tail[merged[pick]!] === 1) inTail++;
        out[slot] = merged[pick]!;
        outProps[slot] = mergedProps[pick]!;
      }
      return n;
    },
  };
}

/** xQuAD gain of the candidate at rank `at` of `count`: rank-scaled score (over `scale`) plus its category's bonus. */
function gain(at: number, count: number, scale: number, lambda: number, bonus: number): number {
  if (at >= count) return -Infinity;
  return (1 - lambda) * (1 - at / scale) + lambda * bonus;
}

/**
 * The two candidate lists as one without repeats: the recommender's candidates from the whole
 * catalog in their order, then its tail candidates that are not among them, in theirs. Each list
 * is in ranked order at τ = 0 and in drawn order under the Plackett–Luce policy; keeping that order
 * (rather than sorting by score, which would turn every listener's draws back into one shared
 * ranking) keeps the re-ranked slates as varied as the recommender's. `seen` is all-zero scratch of
 * one byte per song, left all-zero.
 */
function mergeLists(
  a: Int32Array, aProps: Float64Array, aLen: number,
  b: Int32Array, bProps: Float64Array, bLen: number,
  out: Int32Array, outProps: Float64Array, seen: Uint8Array,
): number {
  let n = 0;
  for (let x = 0; x < aLen + bLen; x++) {
    const fromA = x < aLen;
    const id = fromA ? a[x]! : b[x - aLen]!;
    if (seen[id]) continue;
    seen[id] = 1;
    outProps[n] = fromA ? aProps[x]! : bProps[x - aLen]!;
    out[n++] = id;
  }
  for (let x = 0; x < n; x++) seen[out[x]!] = 0;
  return n;
}
