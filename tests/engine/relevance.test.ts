// True relevance (with and without personal liking) and each listener's top songs by it, checked against a brute-force sort.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine/params/schema';
import { createLog, releasedBy } from '../../src/engine/log';
import {
  buildGenreQualityIndex,
  personalLiking,
  relevance,
  topByRelevance,
} from '../../src/engine/relevance';
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

  it('with idiosyncrasy w mixes quality and personal liking: (1 − w)·q_i + w·ε(u,i)', () => {
    // The same hand world with w = 0.25 and β = 1:
    // p(0,1) = 0.8 · (0.3/0.5) · (0.75·0.6 + 0.25·ε(0,1)), p(1,2) = 0.8 · 1 · (0.75·0.25 + 0.25·ε(1,2)).
    const world = {
      ...handWorld({
        genres: 3,
        genre: [0, 1, 2],
        quality: [0.9, 0.6, 0.25],
        taste: [
          [0.5, 0.3, 0.2],
          [0.1, 0.1, 0.8],
        ],
      }),
      idiosyncrasy: 0.25,
    };
    const log = createLog(world);
    const eps = (u: number, i: number) => personalLiking(world, u, i);
    expect(relevance(world, log, MCP, 0, 1)).toBeCloseTo(
      0.8 * 0.6 * (0.75 * 0.6 + 0.25 * eps(0, 1)),
      12,
    );
    expect(relevance(world, log, MCP, 1, 2)).toBeCloseTo(
      0.8 * (0.75 * 0.25 + 0.25 * eps(1, 2)),
      12,
    );
    // Two listeners with the same taste rank the same songs differently only through ε.
    expect(eps(0, 1)).not.toBe(eps(1, 1));
    // w = 1: quality no longer matters, only the listener's own liking.
    const pure = { ...world, idiosyncrasy: 1 };
    expect(relevance(pure, log, MCP, 0, 0)).toBeCloseTo(0.8 * eps(0, 0), 12);
  });
});

describe('personalLiking', () => {
  const world = createWorld({ ...defaultParams(), songs: 200, users: 60 });
  const pairs = range(60).flatMap((u) => range(200).map((i) => [u, i] as const));

  it('lies in [0, 1) and is uniform: mean ≈ 1/2, a quarter below 1/4', () => {
    const xs = pairs.map(([u, i]) => personalLiking(world, u, i));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // 12000 values: sd of the mean ≈ 0.0026, of the share below 1/4 ≈ 0.004; allow ~4 sd.
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(xs.filter((x) => x < 0.25).length / xs.length - 0.25)).toBeLessThan(0.016);
  });

  it('is deterministic: the same for the same world seed, from a separately built world', () => {
    const again = createWorld({ ...defaultParams(), songs: 200, users: 60 });
    for (const [u, i] of pairs.slice(0, 500))
      expect(personalLiking(again, u, i)).toBe(personalLiking(world, u, i));
    // It depends on the world seed, not the loop seed.
    const parallel = createWorld({
      ...defaultParams(),
      songs: 200,
      users: 60,
      seed: 5,
      worldSeed: world.seed,
    });
    for (const [u, i] of pairs.slice(0, 500))
      expect(personalLiking(parallel, u, i)).toBe(personalLiking(world, u, i));
    const other = createWorld({ ...defaultParams(), songs: 200, users: 60, seed: world.seed + 1 });
    const differ = pairs.filter(
      ([u, i]) => personalLiking(other, u, i) !== personalLiking(world, u, i),
    );
    expect(differ.length).toBeGreaterThan(pairs.length * 0.99);
  });

  it('differs for (u, i) and (i, u)', () => {
    for (let a = 0; a < 60; a++)
      for (let b = 0; b < 60; b++)
        if (a !== b) expect(personalLiking(world, a, b)).not.toBe(personalLiking(world, b, a));
  });

  it('is unrelated across listeners for the same song', () => {
    // Pearson correlation of ε(u, i) and ε(u + 1, i) over 200 songs × 59 listener pairs ≈ 0 (sd ≈ 0.009).
    const x: number[] = [];
    const y: number[] = [];
    for (let u = 0; u + 1 < 60; u++)
      for (let i = 0; i < 200; i++) {
        x.push(personalLiking(world, u, i));
        y.push(personalLiking(world, u + 1, i));
      }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let j = 0; j < x.length; j++) {
      sxy += (x[j]! - mx) * (y[j]! - my);
      sxx += (x[j]! - mx) ** 2;
      syy += (y[j]! - my) ** 2;
    }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(0.04);
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

describe('topByRelevance with personal liking (idiosyncrasy w > 0)', () => {
  it.each([0.3, 0.7, 1])(
    'w = %f: equals a brute-force sort of relevance() over all released songs for every listener',
    (w) => {
      const world = createWorld({
        ...defaultParams(),
        songs: 240,
        users: 8,
        genres: 5,
        idiosyncrasy: w,
        newSongsPerStep: 6,
        steps: 2,
      });
      expect(world.idiosyncrasy).toBe(w);
      const released = releasedBy(world, 1); // 246 of 252
      for (const k of [1, 10, 50]) {
        for (let u = 0; u < world.userCount; u++) {
          const { ids, scores, log } = top(world, released, u, k);
          const rel = (i: number) => relevance(world, log, MCP, u, i);
          expect(ids).toEqual(bruteTopK(range(released), rel, k));
          ids.forEach((i, j) => expect(scores[j]).toBe(rel(i)));
        }
      }
      // With skip, too.
      const skip = (i: number) => i % 3 === 0;
      for (let u = 0; u < world.userCount; u++) {
        const { ids, log } = top(world, released, u, 12, skip);
        const kept = range(released).filter((i) => !skip(i));
        expect(ids).toEqual(bruteTopK(kept, (i) => relevance(world, log, MCP, u, i), 12));
      }
    },
  );

  it('gives listeners of the same taste different top songs (their own liking)', () => {
    // Two listeners with identical taste in a hand world: with w = 0 their top 5 agree; with w = 0.8
    // their personal liking reorders them (unless the hash happens to agree on all 30 songs).
    const base = handWorld({
      genres: 2,
      genre: range(30).map((i) => i % 2),
      quality: range(30).map((i) => 0.2 + 0.02 * i),
      taste: [
        [0.7, 0.3],
        [0.7, 0.3],
      ],
    });
    const same = [top(base, 30, 0, 5).ids, top(base, 30, 1, 5).ids];
    expect(same[1]).toEqual(same[0]);
    const personal = { ...base, idiosyncrasy: 0.8 };
    const a = top(personal, 30, 0, 5);
    const b = top(personal, 30, 1, 5);
    expect(b.ids).not.toEqual(a.ids);
    for (const [u, r] of [a, b].entries())
      expect(r.ids).toEqual(bruteTopK(range(30), (i) => relevance(personal, r.log, MCP, u, i), 5));
  });

  it('breaks ties by lower id when w > 0 but the song factors tie', () => {
    // A listener with a zero-taste genre: every song of it has p = 0 whatever ε, so with w = 0.5 the
    // zero-relevance songs 0, 2, 4 (genre 1) still follow the genre-0 songs in id order.
    const w = {
      ...handWorld({
        genres: 2,
        genre: [1, 0, 1, 0, 1],
        quality: [0.9, 0.5, 0.8, 0.4, 0.7],
        taste: [[1, 0]],
      }),
      idiosyncrasy: 0.5,
    };
    const { ids, scores } = top(w, 5, 0, 5);
    expect(scores.slice(2)).toEqual([0, 0, 0]);
    expect(ids.slice(2)).toEqual([0, 2, 4]);
    expect(scores[0]!).toBeGreaterThanOrEqual(scores[1]!);
  });
});
