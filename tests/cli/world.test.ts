// The world export: songs, listeners, genre shares, long tail and the 1,000,000-cell relevance rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { includesRelevance, RELEVANCE_OMITTED, writeWorld } from '../../src/cli/world';
import { createLog, createWorld, defaultParams, relevance, type Params } from '../../src/engine';
import { SMALL, sim, tempDir } from './helpers';

interface WorldJson {
  songs: Array<{ id: number; genre: number; quality: number; prior: number; release: number }>;
  users: Array<{ id: number; taste: number[] }>;
  genreShares: number[];
  longTail: number[];
  relevance?: number[][];
  relevanceOmitted?: string;
}

function worldText(params: Params): string {
  let text = '';
  writeWorld(createWorld(params), params.maxClickProb, { write: (t: string) => (text += t) });
  return text;
}

describe('--world', () => {
  it('writes the generated world with its initial relevance matrix', async () => {
    const dir = tempDir();
    const path = join(dir, 'world.json');
    const out = await sim([...SMALL, '--genres', '4', '--newSongsPerStep', '2', '--world', path]);
    expect(out.code).toBe(0);
    const json = JSON.parse(readFileSync(path, 'utf8')) as WorldJson;
    const params = {
      ...defaultParams(),
      users: 50,
      songs: 200,
      steps: 5,
      genres: 4,
      newSongsPerStep: 2,
    };
    const world = createWorld(params);

    expect(Object.keys(json)).toEqual(['songs', 'users', 'genreShares', 'longTail', 'relevance']);
    expect(json.songs).toHaveLength(200 + 2 * 5);
    json.songs.forEach((s, i) => {
      expect(s).toEqual({
        id: i,
        genre: world.songGenre[i],
        quality: world.songQuality[i],
        prior: world.songPrior[i],
        release: world.songRelease[i],
      });
    });
    expect(json.songs.at(-1)!.release).toBe(5);
    expect(json.users).toHaveLength(50);
    for (const u of json.users) {
      expect(u.taste).toHaveLength(4);
      expect(u.taste.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(json.genreShares).toEqual(Array.from(world.genreShares));
    expect(json.longTail).toEqual(
      [...world.longTail.keys()].filter((i) => world.longTail[i] === 1),
    );
    expect(json.longTail).toEqual(expect.arrayContaining([200, 209]));

    const log = createLog(world);
    expect(json.relevance).toHaveLength(50);
    json.relevance!.forEach((row, u) => {
      expect(row).toHaveLength(210);
      for (const i of [0, 17, 199, 209])
        expect(row[i]).toBe(relevance(world, log, params.maxClickProb, u, i));
      for (const p of row) expect(p).toBeGreaterThanOrEqual(0);
      for (const p of row) expect(p).toBeLessThanOrEqual(params.maxClickProb);
    });
  });

  it('is drawn from worldSeed when it is set, whatever the seed, and from the seed at −1', async () => {
    const dir = tempDir();
    const exported = async (name: string, extra: string[]) => {
      const path = join(dir, name);
      expect((await sim([...SMALL, ...extra, '--world', path])).code).toBe(0);
      return readFileSync(path, 'utf8');
    };
    const nine = await exported('nine.json', ['--seed', '9']);
    expect(await exported('a.json', ['--seed', '1', '--worldSeed', '9'])).toBe(nine);
    expect(await exported('b.json', ['--seed', '2', '--worldSeed', '9'])).toBe(nine);
    expect(await exported('c.json', ['--seed', '9', '--worldSeed', '-1'])).toBe(nine);
    expect(await exported('d.json', ['--seed', '1'])).not.toBe(nine);
  });

  it('includes relevance up to 1,000,000 cells and omits it beyond', () => {
    expect(includesRelevance(50, 200)).toBe(true);
    expect(includesRelevance(1000, 1000)).toBe(true);
    expect(includesRelevance(1001, 1000)).toBe(false);
    expect(includesRelevance(2, 500001)).toBe(false);
  });

  it('omits the matrix, saying why, for a world just over the limit', () => {
    const json = JSON.parse(
      worldText({ ...defaultParams(), users: 1001, songs: 1000 }),
    ) as WorldJson;
    expect(json.relevance).toBeUndefined();
    expect(json.relevanceOmitted).toBe(RELEVANCE_OMITTED);
    expect(RELEVANCE_OMITTED).toBe('users × songs > 1,000,000');
    expect(json.users).toHaveLength(1001);
    expect(json.songs).toHaveLength(1000);
  });

  it('counts songs released during the run toward the limit', () => {
    const json = JSON.parse(
      worldText({ ...defaultParams(), users: 1000, songs: 990, steps: 2, newSongsPerStep: 10 }),
    ) as WorldJson;
    expect(json.songs).toHaveLength(1010);
    expect(json.relevanceOmitted).toBe(RELEVANCE_OMITTED);
  });
});
