// New-song slots: the bottom b slots go to recently released songs, an "initial traffic pool".
import { isConsumed, releasedBy } from '../../log';
import type { SlotFiller } from '../types';
import { contains } from './epsilon';

/**
 * Reserves the last b = newSongSlots slots of the slate for songs released within the last
 * newSongMaxAge steps (release r with t − r < maxAge), drawn uniformly, without repeats, from the
 * pool songs not already in the slate, as short-video platforms give every new upload a small first
 * audience. Slots stay ranked when the pool runs dry. Logged propensity of a pool song: 1 / (pool
 * songs it was drawn from). With b = 0, or no catalog growth, the slate is unchanged.
 */
export function createNewSongFiller(): SlotFiller {
  return {
    fill(ctx, u, slate, propensity, explored, len, k) {
      const b = Math.min(ctx.params.newSongSlots, k);
      const { log, world, t, explorationRng: rng } = ctx;
      if (b === 0 || world.songCount === world.initialSongCount) return len;
      // Ids are in release order, so the pool is the contiguous range of the newest ids.
      const first = Math.max(world.initialSongCount, releasedBy(world, Math.max(0, t - ctx.params.newSongMaxAge)));
      const eligible = (i: number) => !contains(slate, len, i) && !isConsumed(log, world.songCount, u, i);
      // Pool size without scanning it: the range minus the slate's and (when excluding) the consumed songs in it.
      let pool = log.released - first;
      for (let j = 0; j < len; j++) if (slate[j]! >= first && slate[j]! < log.released) pool--;
      if (log.excluding) for (let i = first; i < log.released; i++) if (!contains(slate, len, i) && isConsumed(log, world.songCount, u, i)) pool--;
      let j = Math.min(len, k - b);
      for (; j < k && pool > 0; j++) {
        let i: number;
        do i = first + Math.floor(rng() * (log.released - first));
        while (!eligible(i));
        slate[j] = i;
        propensity[j] = 1 / pool;
        explored[j] = 0;
        pool--;
        len = Math.max(len, j + 1);
      }
      return len;
    },
  };
}
