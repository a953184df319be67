// The mutable state of a run: what the system logged (plays, impressions, clicks) and the listeners' current tastes.
import { pow } from './math';
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
  /** Clicks of listener u on genre g at [u * genres + g], sign-up picks included: the listener's history. */
  readonly userGenreClicks: Float64Array;
  /** Clicks per listener (sign-up picks included). */
  readonly userClicks: Float64Array;
  /** Clicks per listener on songs that were in the long tail when clicked (sign-up picks included). */
  readonly userTailClicks: Float64Array;
  /** Current taste of each listener (drifts when tasteDrift > 0); rows sum to 1. */
  readonly taste: Float64Array;
  /** max_g taste[u, g], kept in step with `taste`. */
  readonly tasteMax: Float64Array;
  /** (taste[u, g] / tasteMax[u])^β at [u * genres + g], kept in step with `taste`: relevance's taste part. */
  readonly tasteFactor: Float64Array;
  /** Every click so far as (listener, song) pairs, in order: what a collaborative filter trains on. */
  readonly clickPairs: ClickPairs;
  /** Songs each listener has clicked; recorded from the first step excludeConsumed is on. */
  consumed: ConsumedSongs | null;
  /** Whether excludeConsumed is on this step (it can be switched off and on during a run). */
  excluding: boolean;
}

/** Clicks per chunk of ClickPairs: 2^20 pairs (8 MB). */
const CHUNK_SHIFT = 20;
const CHUNK_PAIRS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_PAIRS - 1;

/**
 * An append-only log of (listener, song) clicks: listeners at [2j], songs at [2j + 1] of fixed
 * chunks of CHUNK_PAIRS pairs. Chunks, not one array that doubles, so that a long run costs 8
 * bytes per click and never holds an old and a new copy at once, nor needs one huge allocation.
 * The first chunk starts small and doubles up to a full chunk (short runs stay small).
 */
export class ClickPairs {
  private readonly chunks: Int32Array[] = [new Int32Array(1024)];
  length = 0;

  push(u: number, i: number): void {
    const c = this.length >>> CHUNK_SHIFT;
    const at = 2 * (this.length & CHUNK_MASK);
    let chunk = this.chunks[c];
    if (!chunk) this.chunks.push((chunk = new Int32Array(2 * CHUNK_PAIRS)));
    else if (at + 2 > chunk.length) {
      const grown = new Int32Array(Math.min(2 * chunk.length, 2 * CHUNK_PAIRS));
      grown.set(chunk);
      this.chunks[c] = chunk = grown;
    }
    chunk[at] = u;
    chunk[at + 1] = i;
    this.length++;
  }

  listener(j: number): number {
    return this.chunks[j >>> CHUNK_SHIFT]![2 * (j & CHUNK_MASK)]!;
  }

  song(j: number): number {
    return this.chunks[j >>> CHUNK_SHIFT]![2 * (j & CHUNK_MASK) + 1]!;
  }
}

/**
 * The distinct songs each listener clicked: a set, a count and a list per listener. One Set per
 * listener, never one for all: V8 caps a Set at 2^24 entries, which listeners × songs would pass
 * (a RangeError mid-run), while one listener's set holds at most songCount ≤ 10,200,000 (the
 * schema's largest catalog with growth) song ids.
 */
export interface ConsumedSongs {
  /** Song ids listener u consumed (created on the listener's first consumed song). */
  readonly sets: (Set<number> | undefined)[];
  readonly count: Int32Array;
  /** Song ids listener u consumed, in order (created on the listener's first consumed song). */
  readonly lists: (number[] | undefined)[];
}

/** An empty record of consumed songs for `users` listeners. */
export function createConsumed(users: number): ConsumedSongs {
  return { sets: new Array<Set<number> | undefined>(users), count: new Int32Array(users), lists: new Array<number[] | undefined>(users) };
}

/** Records that listener u consumed song i; false if it already was. */
export function addConsumed(consumed: ConsumedSongs, u: number, i: number): boolean {
  const set = (consumed.sets[u] ??= new Set());
  if (set.has(i)) return false;
  set.add(i);
  consumed.count[u]!++;
  (consumed.lists[u] ??= []).push(i);
  return true;
}

/** Whether listener u consumed song i (whether or not excluding is on). */
export function hasConsumed(consumed: ConsumedSongs, u: number, i: number): boolean {
  return consumed.sets[u]?.has(i) === true;
}

/** Songs released by step t: the initial catalog plus t batches of new songs. */
export function releasedBy(world: World, t: number): number {
  let n = world.initialSongCount;
  while (n < world.songCount && world.songRelease[n]! <= t) n++;
  return n;
}

/**
 * The log at step 0: prior plays, initial tastes, and each listener's sign-up picks as the start of
 * their history (they do not add song plays: the prior plays already stand for the past).
 */
export function createLog(world: World): SimLog {
  const taste = Float64Array.from(world.userTaste);
  const tasteMax = new Float64Array(world.userCount);
  for (let u = 0; u < world.userCount; u++) tasteMax[u] = rowMax(taste, u * world.genreCount, world.genreCount);
  const G = world.genreCount;
  const tasteFactor = new Float64Array(world.userCount * G);
  for (let u = 0; u < world.userCount; u++) updateTasteFactor(world, taste, tasteMax, tasteFactor, u);
  const userGenreClicks = new Float64Array(world.userCount * G);
  const userClicks = new Float64Array(world.userCount);
  const userTailClicks = new Float64Array(world.userCount);
  const picks = world.onboardingPicks;
  for (let u = 0; u < world.userCount; u++) {
    for (let j = 0; j < picks; j++) {
      const i = world.onboarding[u * picks + j]!;
      if (i < 0) continue;
      userGenreClicks[u * G + world.songGenre[i]!]!++;
      userClicks[u]!++;
      userTailClicks[u]! += world.longTail[i]!;
    }
  }
  return {
    t: 0,
    released: releasedBy(world, 0),
    plays: Float64Array.from(world.songPrior),
    impressions: new Float64Array(world.songCount),
    userGenreClicks,
    userClicks,
    userTailClicks,
    clickPairs: new ClickPairs(),
    taste,
    tasteMax,
    tasteFactor,
    consumed: null,
    excluding: false,
  };
}

/**
 * Recomputes listener u's row of (θ_u,g / max θ_u)^β after their taste changed. Relevance reads
 * it for every impression, so the power is taken once per taste change, not once per impression.
 */
export function updateTasteFactor(world: World, taste: Float64Array, tasteMax: Float64Array, out: Float64Array, u: number): void {
  const G = world.genreCount;
  for (let g = 0; g < G; g++) out[u * G + g] = pow(taste[u * G + g]! / tasteMax[u]!, world.tasteWeight);
}

/** Largest of row[offset .. offset + length). */
export function rowMax(values: Float64Array, offset: number, length: number): number {
  let m = 0;
  for (let g = 0; g < length; g++) if (values[offset + g]! > m) m = values[offset + g]!;
  return m;
}

/**
 * Whether listener u may not be shown song i because they clicked it and excludeConsumed is on.
 * `songCount` is no longer needed (the sets are per listener) and kept for the callers' signature.
 */
export function isConsumed(log: SimLog, _songCount: number, u: number, i: number): boolean {
  return log.excluding && log.consumed !== null && hasConsumed(log.consumed, u, i);
}
