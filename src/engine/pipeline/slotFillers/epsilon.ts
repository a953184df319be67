// Epsilon exploration: each slot, with probability ε, shows a uniformly drawn song instead of the ranked one.
import { isConsumed } from '../../log';
import { availableCount } from '../ranking';
import type { SlotFiller } from '../types';

/**
 * For each slot in order, with probability ε the ranked song is replaced by a song drawn uniformly
 * from the eligible songs that are neither in the ranked slate nor already explored (nor consumed).
 * Logged propensities: a kept ranked song, its own propensity × (1 − ε); an explored song,
 * ε / m with m the number of songs it was drawn from (given the slots above it).
 * At ε = 0 no draw is made and the slate is unchanged.
 */
export function createEpsilonFiller(): SlotFiller {
  let forbidden = new Int32Array(0);
  return {
    fill(ctx, u, slate, propensity, explored, len) {
      const epsilon = ctx.params.epsilon;
      if (epsilon <= 0 || len === 0) return len;
      const { log, world, explorationRng: rng } = ctx;
      if (forbidden.length < 2 * len) forbidden = new Int32Array(2 * len);
      forbidden.set(slate.subarray(0, len));
      let nForbidden = len;
      for (let j = 0; j < len; j++) {
        if (rng() >= epsilon) {
          propensity[j]! *= 1 - epsilon;
          continue;
        }
        const pool = availableCount(ctx, u) - nForbidden;
        if (pool <= 0) {
          propensity[j]! *= 1 - epsilon;
          continue;
        }
        let i: number;
        do i = Math.floor(rng() * log.released);
        while (contains(forbidden, nForbidden, i) || isConsumed(log, world.songCount, u, i));
        slate[j] = i;
        propensity[j] = epsilon / pool;
        explored[j] = 1;
        forbidden[nForbidden++] = i;
      }
      return len;
    },
  };
}

/** Whether `i` is among the first `n` entries of `ids`. */
export function contains(ids: Int32Array, n: number, i: number): boolean {
  for (let j = 0; j < n; j++) if (ids[j] === i) return true;
  return false;
}
