// Runs the pipeline stages for every listener and writes the slates, their propensities and explored slots.
import type { CandidatePool, CandidateSource, Policy, StepContext } from './types';

/** Rows of users × k that one step's slates are written into. */
export interface SlateBuffers {
  readonly slate: Int32Array;
  readonly slateLen: Uint8Array;
  readonly propensity: Float32Array;
  readonly explored: Uint8Array;
}

/**
 * candidates → re-ranking → slot filling for every listener. Each slot starts with the
 * propensity of the recommender's draw that produced it; slot fillers multiply or replace it.
 */
export function buildSlates(ctx: StepContext, policy: Policy, k: number, out: SlateBuffers): void {
  const { recommender, reranker, slotFillers } = policy;
  recommender.prepare(ctx);
  let u = 0;
  const source: CandidateSource = {
    fetch: (pool: CandidatePool, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array) =>
      recommender.candidates(ctx, u, n, ids, scores, props, pool),
  };
  // One scratch row reused for every listener, copied into place: no per-listener array views to collect.
  const row = new Int32Array(k);
  const props = new Float64Array(k);
  const explored = new Uint8Array(k);
  const randomSlates = ctx.params.recommender === 'random' ? 1 : 0;
  for (; u < ctx.world.userCount; u++) {
    let len = reranker.rerank(ctx, u, source, k, row, props);
    explored.fill(randomSlates);
    for (const filler of slotFillers) len = filler.fill(ctx, u, row, props, explored, len, k);
    out.slate.set(row, u * k);
    out.propensity.set(props, u * k);
    out.explored.set(explored, u * k);
    out.slateLen[u] = len;
  }
}
