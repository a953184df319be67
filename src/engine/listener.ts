// One listener, followed through the run: their slate each step (songs, genres, clicks) and their true taste.
import type { SimLog } from './log';
import { favouriteGenre, mainstreamGenres } from './metrics/strategy';
import type { StepArrays } from './simulation';
import type { World } from './world';

/** Whether a listener's favourite genre is mainstream (as utilityRegretByTaste splits them) or niche. */
export type ListenerKind = 'mainstream' | 'niche';

/** What is known about a listener now: their kind, favourite genre and true taste (one share per genre). */
export interface ListenerProfile {
  readonly listener: number;
  readonly kind: ListenerKind;
  readonly favourite: number;
  readonly taste: readonly number[];
}

/** One step of a listener's trail: their slate in slot order, each song's genre, and whether they clicked it. */
export interface TrailStep {
  readonly t: number;
  readonly listener: number;
  readonly songs: readonly number[];
  readonly genres: readonly number[];
  readonly clicked: readonly boolean[];
}

/** The listener's profile from the current taste (it drifts when tasteDrift > 0). */
export function listenerProfile(world: World, log: SimLog, listener: number): ListenerProfile {
  const G = world.genreCount;
  const favourite = favouriteGenre(world, log.taste, listener);
  const kind: ListenerKind = mainstreamGenres(world)[favourite] ? 'mainstream' : 'niche';
  return { listener, kind, favourite, taste: Array.from(log.taste.subarray(listener * G, listener * G + G)) };
}

/**
 * The first listener (lowest number) of the given kind by their taste at the start, or 0 when there
 * is none: a fixed, reproducible example to follow, the same in every run of one world.
 */
export function exampleListener(world: World, kind: ListenerKind): number {
  const mainstream = mainstreamGenres(world);
  for (let u = 0; u < world.userCount; u++) if ((mainstream[favouriteGenre(world, world.userTaste, u)] === 1) === (kind === 'mainstream')) return u;
  return 0;
}

/** Listener `listener`'s slate of step t from the step's arrays (slate width `k`). */
export function trailStep(world: World, arrays: StepArrays, k: number, t: number, listener: number): TrailStep {
  const len = arrays.slateLen[listener] ?? 0;
  const songs: number[] = [];
  const genres: number[] = [];
  const clicked: boolean[] = [];
  for (let j = 0; j < len; j++) {
    const song = arrays.slate[listener * k + j]!;
    songs.push(song);
    genres.push(world.songGenre[song]!);
    clicked.push(arrays.clicked[listener * k + j] === 1);
  }
  return { t, listener, songs, genres, clicked };
}
