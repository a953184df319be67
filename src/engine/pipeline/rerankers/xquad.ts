// xQuAD re-ranking over two categories, head and long tail, to give the tail a place in every slate.
import type { Reranker } from '../types';

/** Importance of each category (head, tail Γ) for every listener. */
export const CATEGORY_WEIGHT = 0.5;

/**
 * Greedy xQuAD (Santos et al., 2010; applied to popularity bias by Abdollahpouri et al., 2019):
 * repeatedly add the candidate maximising
 *   (1 − λ)·s(i) + λ · Σ_c P(c) · [i ∈ c] · Π_{j ∈ S} (1 − [j ∈ c])
 * over the categories c ∈ {head, tail Γ} with P(c) = 1/2, S the slate so far and s the score
 * scaled by rank over the candidates, s = 1 − rank / count (play counts are too skewed to compare
 * raw). A category stops earning its bonus once the slate covers it. Candidates are the best k
 * songs overall plus the best k·5 tail songs: a popularity ranking's top songs are all head songs.
 * Listeners' own head/tail mix is not used: under a popularity loop it is all head, which would
 * tell xQuAD to add no tail at all. At λ = 0 this is the recommender's own order.
 */
export function createXquadReranker(): Reranker {
  let all = new Int32Array(0);
  let tailIds = new Int32Array(0);
  let scores = new Float64Array(0);
  let merged = new Int32Array(0);
  let taken = new Uint8Array(0);
  let seen = new Uint8Array(0);
  return {
    rerank(ctx, u, source, k, out) {
      const lambda = ctx.params.rerankStrength;
      const depth = k * 5;
      if (all.length < depth) {
        [all, tailIds, scores] = [new Int32Array(depth), new Int32Array(depth), new Float64Array(2 * depth)];
        [merged, taken] = [new Int32Array(2 * depth), new Uint8Array(2 * depth)];
      }
      // At λ = 0 ask for exactly what the identity re-ranker asks for, so even a random recommender draws the same.
      if (lambda === 0) return source.fetch('all', k, out, scores);
      const tail = ctx.world.longTail;
      if (seen.length < ctx.world.songCount) seen = new Uint8Array(ctx.world.songCount);
      // The slate the recommender would show, plus the best tail songs to choose from.
      const nAll = source.fetch('all', k, all, scores);
      const nTail = source.fetch('tail', depth, tailIds, scores.subarray(depth));
      const count = mergeByScore(all, scores, nAll, tailIds, scores.subarray(depth), nTail, merged, seen);
      taken.fill(0, 0, count);
      let covered = 0; // bit 1: head covered, bit 2: tail covered
      let head = 0;
      let tailAt = 0;
      const n = Math.min(count, k);
      for (let slot = 0; slot < n; slot++) {
        // Within a category every candidate earns the same bonus, so only each one's best can win.
        while (head < count && (taken[head] || tail[merged[head]!] === 1)) head++;
        while (tailAt < count && (taken[tailAt] || tail[merged[tailAt]!] === 0)) tailAt++;
        const pick = gain(head, count, lambda, covered & 1) >= gain(tailAt, count, lambda, covered & 2) ? head : tailAt;
        taken[pick] = 1;
        covered |= tail[merged[pick]!] === 1 ? 2 : 1;
        out[slot] = merged[pick]!;
      }
      return n;
    },
  };
}

/** xQuAD gain of the candidate at rank `at`: rank-scaled score plus the bonus of an uncovered category. */
function gain(at: number, count: number, lambda: number, covered: number): number {
  if (at >= count) return -Infinity;
  return (1 - lambda) * (1 - at / count) + (covered ? 0 : lambda * CATEGORY_WEIGHT);
}

/**
 * Merges two candidate lists, each sorted by score descending, into one without repeats (the tail
 * list may repeat tail songs of the first). Equal scores keep the first list's order first.
 * `seen` is all-zero scratch of one byte per song, left all-zero.
 */
function mergeByScore(
  a: Int32Array, aScores: Float64Array, aLen: number,
  b: Int32Array, bScores: Float64Array, bLen: number,
  out: Int32Array, seen: Uint8Array,
): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < aLen || j < bLen) {
    const fromA = j >= bLen || (i < aLen && !(bScores[j]! > aScores[i]!));
    const id = fromA ? a[i++]! : b[j++]!;
    if (seen[id]) continue;
    seen[id] = 1;
    out[n++] = id;
  }
  for (let x = 0; x < n; x++) seen[out[x]!] = 0;
  return n;
}
