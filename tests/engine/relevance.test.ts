// True relevance and each listener's top songs by it (k-way merge), checked against a brute-force sort.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine/params/schema';
import { createLog, releasedBy } from '../../src/engine/log';
import { buildGenreQualityIndex, relevance, topByRelevance } from '../../src/engine/relevance';
import { createWorld, type World } from '../../src/engine/world';
import { bruteTopK, handWorld, range } from './fixtures';

const MCP = 0.8;

function top(
  world: World,
  released: number,
  u: number,
  k: number,
  skip: ((i: number) => boolean) | null = null,
) {
  const log = createLog(world);
  const index = buildGenreQualityIndex(world, released);
  const out = new Int32Array(k);
  const scores = new Float64Array(k);
  const n = topByRelevance(world, log, MCP, index, u, k, out, scores, skip);
  return { ids: Array.from(out.subarray(0, n)), scores: Array.from(scores.subarray(0, n)), log };
}

describe('relevance', () => {
  it('is maxClickProb · (θ_u,g(i) / max_g θ_u,g) · q_i', () => {
    // listener 0: taste [0.5, 0.3, 0.2]; song 1 (genre 1, q 0.6): 0.8 · (0.3/0.5) · 0.6 = 0.288
    // listener 1: taste [0.1, 0.1, 0.8]; song 2 (genre 2, q 0.25): 0.8 · 1 · 0.25 = 0.2
    const world = handWorld({
      genres: 3,
      genre: [0, 1, 2],
      quality: [0.9, 0.6, 0.25],
      taste: [
        [0.5, 0.3, 0.2],
        [0.1, 0.1, 0.8],
      ],
    });
    const log = createLog(world);
    expect(relevance(world, log, MCP, 0, 1)).toBeCloseTo(0.288, 12);
    expect(relevance(world, log, MCP, 1, 2)).toBeCloseTo(0.2, 12);
    expect(relevance(world, log, MCP, 0, 0)).toBeCloseTo(0.72, 12); // favourite genre: 0.8 · 0.9
  });
});

describe('buildGenreQualityIndex', () => {
  it('lists each released song once, under its genre, by quality descending', () => {
    const world = createWorld({
      ...defaultParams(),
      songs: 80,
      users: 2,
      genres: 4,
      newSongsPerStep: 5,
      steps: 3,
    });
    const released = releasedBy(world, 1); // 80 + 5
    const index = buildGenreQualityIndex(world, released);
    expect(index.released).toBe(85);
    expect(index.lists.flatMap((l) => Array.from(l)).sort((a, b) => a - b)).toEqual(range(85));
    index.lists.forEach((list, g) => {
      for (let j = 0; j < list.length; j++) {
        expect(world.songGenre[list[j]!]).toBe(g);
        if (j > 0)
          expect(world.songQuality[list[j]!]!).toBeLessThanOrEqual(
            world.songQuality[list[j - 1]!]!,
          );
      }
    });
  });
});

describe('topByRelevance', () => {
  const world = createWorld({
    ...defaultParams(),
    songs: 60,
    users: 6,
    genres: 4,
    newSongsPerStep: 4,
    steps: 2,
  });

  it.each([1, 10, 60])(
    'equals a brute-force sort of all released songs for every listener (k = %i)',
    (k) => {
      for (let u = 0; u < world.userCount; u++) {
        const { ids, scores, log } = top(world, 60, u, k);
        const rel = (i: number) => relevance(world, log, MCP, u, i);
        expect(ids).toEqual(bruteTopK(range(60), rel, k));
        ids.forEach((i, j) => expect(scores[j]).toBe(rel(i)));
      }
    },
  );

  it('returns fewer than k when fewer songs are released, and never an unreleased one', () => {
    const released = releasedBy(world, 1); // 64 of 68
    for (let u = 0; u < world.userCount; u++) {
      const { ids, log } = top(world, released, u, 100);
      expect(ids).toHaveLength(64);
      expect(ids).toEqual(bruteTopK(range(64), (i) => relevance(world, log, MCP, u, i), 100));
    }
  });

  it('respects skip', () => {
    const skip = (i: number) => i % 2 === 0;
    for (let u = 0; u < world.userCount; u++) {
      const { ids, log } = top(world, 60, u, 10, skip);
      const odd = range(60).filter((i) => !skip(i));
      expect(ids).toEqual(bruteTopK(odd, (i) => relevance(world, log, MCP, u, i), 10));
    }
    expect(top(world, 60, 0, 10, () => true).ids).toEqual([]);
  });

  it('breaks ties by lower id across genres', () => {
    // Equal relevance 0.8 · 0.5 for songs 0..3 in two genres with equal taste → ids in order.
    const w = handWorld({
      genres: 2,
      genre: [1, 0, 1, 0],
      quality: [0.5, 0.5, 0.5, 0.5],
      taste: [[0.5, 0.5]],
    });
    expect(top(w, 4, 0, 4).ids).toEqual([0, 1, 2, 3]);
  });

  it('breaks ties among zero-relevance songs (a genre the listener has no taste for) by lower id', () => {
    // Taste [1, 0]: song 2 (genre 0) has p = 0.8 · 0.5 = 0.4; songs 0 and 1 (genre 1) both have p = 0.
    // Top 2 by relevance, ties by id: [2, 0]. Zero tastes do occur in generated worlds (a Gamma draw
    // underflows when tasteConcentration is small and genres many), and then k can exceed the songs with p > 0.
    const w = handWorld({ genres: 2, genre: [1, 1, 0], quality: [0.2, 0.9, 0.5], taste: [[1, 0]] });
    const { ids, scores } = top(w, 3, 0, 2);
    expect(scores).toEqual([0.4, 0]);
    expect(ids).toEqual([2, 0]);
  });
});
