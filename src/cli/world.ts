// Exports a generated world (songs, listeners, long tail, initial relevance) as one JSON document.
import { createLog, relevance, type World } from '../engine';
import type { TextSink } from './files';

/** Above this many listener × song cells the relevance matrix is left out of the world export. */
export const RELEVANCE_CELL_LIMIT = 1_000_000;
export const RELEVANCE_OMITTED = 'users × songs > 1,000,000';

/** Whether a world of `users` × `songs` gets its relevance matrix exported. */
export function includesRelevance(users: number, songs: number): boolean {
  return users * songs <= RELEVANCE_CELL_LIMIT;
}

/** A JSON number; JSON has no NaN or Infinity, so those become null as JSON.stringify would. */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

function list(values: ArrayLike<number>, from = 0, to = values.length): string {
  const parts: string[] = [];
  for (let n = from; n < to; n++) parts.push(num(values[n]!));
  return `[${parts.join(',')}]`;
}

/**
 * Writes `world` as `{"songs","users","genreShares","longTail","relevance"|"relevanceOmitted"}`.
 * Written piece by piece so a large catalog or matrix never becomes one giant string.
 * Relevance is p(u,i) at step 0 (initial tastes) for every song, including ones released later.
 */
export function writeWorld(world: World, maxClickProb: number, sink: TextSink): void {
  sink.write('{"songs":[');
  for (let i = 0; i < world.songCount; i++) {
    const song = `{"id":${i},"genre":${world.songGenre[i]!},"quality":${num(world.songQuality[i]!)},"prior":${num(world.songPrior[i]!)},"release":${world.songRelease[i]!}}`;
    sink.write(i > 0 ? `,${song}` : song);
  }
  sink.write('],"users":[');
  const G = world.genreCount;
  for (let u = 0; u < world.userCount; u++) {
    sink.write(`${u > 0 ? ',' : ''}{"id":${u},"taste":${list(world.userTaste, u * G, u * G + G)}}`);
  }
  sink.write(`],"genreShares":${list(world.genreShares)},"longTail":[`);
  const tail: number[] = [];
  for (let i = 0; i < world.songCount; i++) if (world.longTail[i]) tail.push(i);
  sink.write(tail.join(','));
  sink.write(']');
  if (includesRelevance(world.userCount, world.songCount)) {
    const log = createLog(world);
    const row = new Float64Array(world.songCount);
    sink.write(',"relevance":[');
    for (let u = 0; u < world.userCount; u++) {
      for (let i = 0; i < world.songCount; i++) row[i] = relevance(world, log, maxClickProb, u, i);
      sink.write(`${u > 0 ? ',' : ''}${list(row)}`);
    }
    sink.write(']');
  } else {
    sink.write(`,"relevanceOmitted":${JSON.stringify(RELEVANCE_OMITTED)}`);
  }
  sink.write('}\n');
}
