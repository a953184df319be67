// The xQuAD re-ranker by hand: its candidate requests, the tail preference, and each greedy pick's gain.
import { describe, expect, it } from 'vitest';
import { createXquadReranker, tailPreference, XQUAD_RANK_SCALE } from '../../../src/engine/pipeline/rerankers/xquad';
import type { CandidatePool, CandidateSource, StepContext } from '../../../src/engine/pipeline/types';

/** A step context with only what the re-ranker reads: 20 songs, songs 12, 14 and 15 in the long tail. */
function context(rerankStrength: number, clicks: number, tailClicks: number): StepContext {
  const liveTail = new Uint8Array(20);
  for (const i of [12, 14, 15]) liveTail[i] = 1;
  return {
    params: { rerankStrength },
    world: { songCount: 20 },
    log: { userClicks: Float64Array.of(clicks), userTailClicks: Float64Array.of(tailClicks) },
    liveTail,
  } as unknown as StepContext;
}

/** Candidates per pool in the recommender's order, with props 0.1, 0.2, …; records each request's size. */
function source(lists: Record<CandidatePool, number[]>): CandidateSource & { asked: [CandidatePool, number][] } {
  const asked: [CandidatePool, number][] = [];
  return {
    asked,
    fetch(pool, n, ids, scores, props) {
      asked.push([pool, n]);
      const list = lists[pool].slice(0, n);
      list.forEach((id, j) => {
        ids[j] = id;
        scores[j] = 100 - j;
        props[j] = (j + 1) / 10;
      });
      return list.length;
    },
  };
}

function rerank(ctx: StepContext, src: CandidateSource, k: number) {
  const out = new Int32Array(k);
  const props = new Float64Array(k);
  const n = createXquadReranker().rerank(ctx, 0, src, k, out, props);
  return { slate: Array.from(out.subarray(0, n)), props: Array.from(props.subarray(0, n)) };
}

describe('tailPreference', () => {
  it('is the tail share of the history smoothed by one pseudo-click each way', () => {
    expect(tailPreference(context(0.5, 0, 0), 0)).toBe(0.5); // (0 + 1) / (0 + 2)
    expect(tailPreference(context(0.5, 2, 2), 0)).toBe(0.75); // (2 + 1) / (2 + 2)
    expect(tailPreference(context(0.5, 8, 0), 0)).toBe(0.1); // (0 + 1) / (8 + 2)
  });
});

describe('xQuAD re-ranking', () => {
  // 'all' holds head songs 10, 11, 13 and tail song 12; 'tail' repeats 12, then 14 and 15.
  // Merged without repeats: [10, 11, 12, 13, 14] for k = 2 (4 from all, 2 from tail: 12 and 14).
  const lists = { all: [10, 11, 12, 13, 16, 17], tail: [12, 14, 15] };

  it('asks for 2k candidates from the whole catalog and k from the long tail', () => {
    const src = source(lists);
    rerank(context(0.5, 0, 0), src, 2);
    expect(src.asked).toEqual([
      ['all', 4],
      ['tail', 2],
    ]);
    expect(XQUAD_RANK_SCALE).toBe(10);
  });

  it('picks by (1 − λ)·(1 − rank / 10k) + λ·bonus: the head first, then the tail it lacks', () => {
    // λ = 0.5, no history: P(tail) = P(head) = 0.5; scale 10k = 20.
    // Slot 1: head 10 at rank 0: 0.5·1 + 0.5·0.5 = 0.75; tail 12 at rank 2: 0.5·(1 − 2/20) + 0.25 = 0.70 → 10.
    // Slot 2: the head's bonus is now 0.5·(1 − 1/1) = 0, the tail's 0.5·(1 − 0/1) = 0.5:
    //   head 11 at rank 1: 0.5·(1 − 1/20) = 0.475; tail 12: 0.45 + 0.25 = 0.70 → 12.
    // Each pick keeps the propensity of the draw that produced it (12 was the 3rd of 'all': 0.3).
    expect(rerank(context(0.5, 0, 0), source(lists), 2)).toEqual({ slate: [10, 12], props: [0.1, 0.3] });
  });

  it('follows the listener\'s appetite for the tail', () => {
    // λ = 0.5, 2 of 2 clicks in the tail: P(tail) = 0.75, P(head) = 0.25.
    // Slot 1: head 10: 0.5 + 0.5·0.25 = 0.625; tail 12: 0.45 + 0.5·0.75 = 0.825 → 12.
    // Slot 2: head bonus 0.25·(1 − 0/1) = 0.25, tail bonus 0.75·(1 − 1/1) = 0:
    //   head 10: 0.5 + 0.125 = 0.625; tail 14 at rank 4: 0.5·(1 − 4/20) = 0.4 → 10.
    expect(rerank(context(0.5, 2, 2), source(lists), 2).slate).toEqual([12, 10]);
  });

  it('scales rank over 10k places, not over the few candidates drawn', () => {
    // All four of 'all' are head songs: merged [10, 11, 13, 16, 14, 15], the first tail song at rank 4.
    // λ = 0.5, P(tail) = 0.75. Slot 1: head 10: 0.5 + 0.125 = 0.625; tail 14: 0.5·(1 − 4/20) + 0.375 =
    // 0.775 → 14. (Over the 6 candidates it would be 0.5·(1 − 4/6) + 0.375 ≈ 0.542, and 10 would win.)
    const headOnly = { all: [10, 11, 13, 16], tail: [14, 15] };
    expect(rerank(context(0.5, 2, 2), source(headOnly), 2).slate).toEqual([14, 10]);
  });

  it('keeps the recommender\'s order at λ = 0, asking only for the slate', () => {
    const src = source(lists);
    expect(rerank(context(0, 0, 0), src, 2).slate).toEqual([10, 11]);
    expect(src.asked).toEqual([['all', 2]]);
  });

  it('weighs only the bonus at λ = 1, ties to the head', () => {
    // k = 3 (6 from all, 3 from tail): merged [10, 11, 12, 13, 16, 17, 14, 15]. P(tail) = 0.5.
    // Slot 1: both bonuses 0.5 → tie → head 10. Slot 2: head 0, tail 0.5 → 12.
    // Slot 3: head bonus 0.5·(1 − 1/2) = 0.25, tail 0.5·(1 − 1/2) = 0.25 → tie → head 11.
    expect(rerank(context(1, 0, 0), source(lists), 3).slate).toEqual([10, 12, 11]);
  });
});
