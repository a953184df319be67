// The mutable state of a run: what the system logged (plays, impressions, clicks) and the listeners' current tastes.
import type { World } from './world';

/**
 * Everything that changes from step to step. Recommenders may read the logged fields
 * (plays, impressions, userGenreClicks, userClicks, consumed); `taste` is the listeners' hidden
 * truth and only the oracle, the behaviour model and the metrics read it.
 */
export interface SimLog {
  /** Last completed step (0 before the first). */
  t: number;
  /** Songs with id < released are eligible (ids are in release order). */
  released: number;
  /** Logged plays per song: prior plays + clicks logged so far. */
  readonly plays: Float64Array;
  /** Impressions per song since step 1. */
  readonly impressions: Float64Array;
  /** Clicks of listener u on genre g at [u * genres + g]. */
  readonly userGenreClicks: Float64Array;
  /** Clicks per listener. */
  readonly userClicks: Float64Array;
  /** Current taste of each listener (drifts when tasteDrift > 0); rows sum to 1. */
  readonly taste: Float64Array;
  /** max_g taste[u, g], kept in step with `taste`. */
  readonly tasteMax: Float64Array;
  /** Songs each listener has clicked; recorded from the first step excludeConsumed is on. */
  consumed: ConsumedSongs | null;
  /** Whether excludeConsumed is on this step (it can be switched off and on during a run). */
  excluding: boolean;
}

/** The distinct songs each listener clicked: keys u * songCount + i, and a count per listener. */
export interface ConsumedSongs {
  readonly keys: Set<number>;
  readonly count: Int32Array;
}

/** Songs released by step t: the initial catalog plus t batches of new songs. */
export function releasedBy(world: World, t: number): number {
  let n = world.initialSongCount;
  while (n < world.songCount && world.songRelease[n]! <= t) n++;
  return n;
}

/** The log at step 0: prior plays only, initial tastes. */
export function createLog(world: World): SimLog {
  const taste = Float64Array.from(world.userTaste);
  const tasteMax = new Float64Array(world.userCount);
  for (let u = 0; u < world.userCount; u++) tasteMax[u] = rowMax(taste, u * world.genreCount, world.genreCount);
  return {
    t: 0,
    released: releasedBy(world, 0),
    plays: Float64Array.from(world.songPrior),
    impressions: new Float64Array(world.songCount),
    userGenreClicks: new Float64Array(world.userCount * world.genreCount),
    userClicks: new Float64Array(world.userCount),
    taste,
    tasteMax,
    consumed: null,
    excluding: false,
  };
}

/** Largest of row[offset .. offset + length). */
export function rowMax(values: Float64Array, offset: number, length: number): number {
  let m = 0;
  for (let g = 0; g < length; g++) if (values[offset + g]! > m) m = values[offset + g]!;
  return m;
}

/** Whether listener u may not be shown song i because they clicked it and excludeConsumed is on. */
export function isConsumed(log: SimLog, songCount: number, u: number, i: number): boolean {
  return log.excluding && log.consumed !== null && log.consumed.keys.has(u * songCount + i);
}
