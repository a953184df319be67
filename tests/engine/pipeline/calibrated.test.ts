// The calibrated re-ranker by hand: its candidate request and each greedy pick's trade-off of rank against the genre mix.
import { describe, expect, it } from 'vitest';
import { CALIBRATION_DEPTH, CALIBRATION_RANK_SCALE, createCalibratedReranker } from '../../../src/engine/pipeline/rerankers/calibrated';
import type { CandidatePool, CandidateSource, StepContext } from '../../../src/engine/pipeline/types';

/** Songs 0..9; even songs are genre 0, odd songs genre 1. One listener with the given clicks per genre. */
function context(rerankStrength: number, genreClicks: [number, number]): StepContext {
  return {
    params: { rerankStrength },
    world: { genreCount: 2, songGenre: Uint8Array.from({ length: 10 }, (_, i) => i % 2) },
    log: { userClicks: Float64Array.of(genreClicks[0] + genreClicks[1]), userGenreClicks: Float64Array.from(genreClicks) },
  } as unknown as StepContext;
}

/** The recommender's order 1, 2, 4, 3, 6, 5, … (props 0.1, 0.2, …); records each request. */
function source(): CandidateSource & { asked: [CandidatePool, number][] } {
  const order = [1, 2, 4, 3, 6, 5, 8, 7, 9, 0];
  const asked: [CandidatePool, number][] = [];
  return {
    asked,
    fetch(pool, n, ids, scores, props) {
      asked.push([pool, n]);
      for (let j = 0; j < n; j++) [ids[j], scores[j], props[j]] = [order[j]!, 10 - j, (j + 1) / 10];
      return n;
    },
  };
}

function rerank(ctx: StepContext, src: CandidateSource, k: number): number[] {
  const out = new Int32Array(k);
  const n = createCalibratedReranker().rerank(ctx, 0, src, k, out, new Float64Array(k));
  return Array.from(out.subarray(0, n));
}

describe('calibrated re-ranking', () => {
  it('asks for 3k candidates and scores rank over 5k places', () => {
    const src = source();
    rerank(context(0.5, [1, 1]), src, 2);
    expect(src.asked).toEqual([['all', 6]]);
    expect([CALIBRATION_DEPTH, CALIBRATION_RANK_SCALE]).toEqual([3, 5]);
  });

  it('fills the genre the history asks for: (1 − λ)·(1 − rank / 5k) − λ·KL', () => {
    // History all genre 0 (p = (1, 0)), λ = 0.5, k = 2, scale 10. Candidates: 1 (g1), 2 (g0), 4 (g0), 3 (g1), 6, 5.
    // Slot 1: genre 0's best is 2 at rank 1. Adding it moves q̃_0 from α = 0.01 to 1: the KL falls by
    //   ln(1 / 0.01) = 4.605, value 0.5·(1 − 1/10) + 0.5·4.605 = 2.75; genre 1 (p = 0) gains nothing:
    //   song 1 at rank 0 is worth 0.5. → 2.
    // Slot 2: genre 0's next is 4 at rank 2: KL falls by ln(1 / (0.99·0.5 + 0.01)) = 0.683, value
    //   0.5·(1 − 2/10) + 0.342 = 0.74 > 0.5 for song 1. → 4.
    expect(rerank(context(0.5, [4, 0]), source(), 2)).toEqual([2, 4]);
  });

  it('keeps the recommender\'s order at λ = 0 and for a listener with no clicks yet', () => {
    const src = source();
    expect(rerank(context(0, [4, 0]), src, 2)).toEqual([1, 2]);
    expect(rerank(context(0.5, [0, 0]), src, 2)).toEqual([1, 2]);
    expect(src.asked).toEqual([
      ['all', 2],
      ['all', 2],
    ]);
  });

  it('lets rank win when the history is balanced and the slate already matches it', () => {
    // p = (0.5, 0.5), λ = 0.5. Slot 1: both genres gain 0.5·ln(0.995 / 0.005) = 2.647 → rank decides: 1 (rank 0).
    // Slot 2 (counts g1 = 1): genre 0's 2 at rank 1 gains 0.5·ln(0.5 / 0.005) = 2.303 → 0.45 + 1.151 = 1.60;
    //   genre 1's 3 at rank 3 gains 0.5·ln(0.995 / 0.5) = 0.344 → 0.35 + 0.172 = 0.52. → 2.
    expect(rerank(context(0.5, [2, 2]), source(), 2)).toEqual([1, 2]);
  });
});
