// Metrics against the listeners' true taste, on hand worlds: taste KL, mainstream genres, favourite genre, regret by taste.
import { describe, expect, it } from 'vitest';
import { createLog, updateTasteFactor } from '../../../src/engine/log';
import {
  favouriteGenre,
  mainstreamGenres,
  meanTasteKL,
  utilityRegretByTaste,
} from '../../../src/engine/metrics/strategy';
import { handWorld } from '../fixtures';

/** A users × k slate matrix from one row per listener (rows shorter than k set slateLen). */
function slates(rows: number[][], k: number): { slate: Int32Array; slateLen: Uint8Array } {
  const slate = new Int32Array(rows.length * k).fill(-1);
  const slateLen = new Uint8Array(rows.length);
  rows.forEach((r, u) => {
    slate.set(r, u * k);
    slateLen[u] = r.length;
  });
  return { slate, slateLen };
}

describe('meanTasteKL', () => {
  // 2 genres: songs 0, 1 of genre 0; songs 2, 3 of genre 1.
  const world = handWorld({
    genres: 2,
    genre: [0, 0, 1, 1],
    quality: [0.5, 0.5, 0.5, 0.5],
    taste: [
      [0.75, 0.25],
      [0.5, 0.5],
    ],
  });

  it('averages KL(θ_u ‖ 0.99·q_u + 0.01·θ_u) over listeners with a slate (natural logs)', () => {
    // Listener 0: slate [0, 1] → q = [1, 0]; q̃ = [0.99 + 0.0075, 0.0025] = [0.9975, 0.0025];
    //   KL = 0.75·ln(0.75/0.9975) + 0.25·ln(0.25/0.0025) = 0.75·(−0.28517894) + 0.25·4.60517019
    //      = −0.21388421 + 1.15129255 = 0.93740834.
    // Listener 1: slate [0, 2] → q = [0.5, 0.5] = θ → q̃ = θ → KL = 0.
    // Mean = 0.46870417.
    const { slate, slateLen } = slates(
      [
        [0, 1],
        [0, 2],
      ],
      2,
    );
    const kl0 = 0.75 * Math.log(0.75 / 0.9975) + 0.25 * Math.log(100);
    expect(kl0).toBeCloseTo(0.93740834, 7);
    expect(meanTasteKL(world, createLog(world), slate, slateLen, 2)).toBeCloseTo(kl0 / 2, 12);
    expect(kl0 / 2).toBeCloseTo(0.46870417, 7);
  });

  it('leaves out genres the listener has no taste for, and reads the current taste from the log', () => {
    // Drift listener 0's taste to [1, 0] and show them only genre 1 (songs 2, 3): q = [0, 1],
    // q̃_0 = 0.99·0 + 0.01·1 = 0.01 → KL = 1·ln(1/0.01) = ln 100 = 4.60517019; genre 1 (θ = 0) adds nothing.
    // Listener 1 sees [2] only: q = [0, 1], q̃ = [0.005, 0.99 + 0.005] = [0.005, 0.995]
    //   → KL = 0.5·ln(0.5/0.005) + 0.5·ln(0.5/0.995) = 0.5·4.60517019 + 0.5·(−0.68813464) = 1.95851777.
    const log = createLog(world);
    log.taste.set([1, 0], 0);
    log.tasteMax[0] = 1;
    const { slate, slateLen } = slates([[2, 3], [2]], 2);
    const kl1 = 0.5 * Math.log(100) + 0.5 * Math.log(0.5 / 0.995);
    expect(kl1).toBeCloseTo(1.95851777, 7);
    expect(meanTasteKL(world, log, slate, slateLen, 2)).toBeCloseTo((Math.log(100) + kl1) / 2, 12);
  });

  it('skips listeners with an empty slate, and is null when no one has a slate', () => {
    const { slate, slateLen } = slates([[0, 1], []], 2);
    const kl0 = 0.75 * Math.log(0.75 / 0.9975) + 0.25 * Math.log(100);
    expect(meanTasteKL(world, createLog(world), slate, slateLen, 2)).toBeCloseTo(kl0, 12);
    const empty = slates([[], []], 2);
    expect(meanTasteKL(world, createLog(world), empty.slate, empty.slateLen, 2)).toBeNull();
  });
});

describe('mainstreamGenres', () => {
  it('takes the largest genres by initial songs until they hold half the catalog', () => {
    // Initial songs per genre: g0 2, g1 3, g2 1, g3 2 (8 songs; half = 4). Largest first: g1 (3) < 4,
    // then g0 and g3 tie at 2 → lower index g0: 3 + 2 = 5 ≥ 4 → mainstream {g1, g0}.
    // The later releases (ids 8–11, all g2) are not counted: with them g2 would be the largest.
    const world = handWorld({
      genres: 4,
      genre: [0, 1, 1, 3, 0, 2, 1, 3, 2, 2, 2, 2],
      quality: new Array<number>(12).fill(0.5),
      release: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2],
      taste: [[0.25, 0.25, 0.25, 0.25]],
    });
    expect(Array.from(mainstreamGenres(world))).toEqual([1, 1, 0, 0]);
  });

  it('is the one genre that holds half by itself', () => {
    // g0 4 of 8 → 4 ≥ 4: only g0.
    const world = handWorld({
      genres: 3,
      genre: [0, 0, 0, 0, 1, 1, 2, 2],
      quality: new Array<number>(8).fill(0.5),
      taste: [[0.4, 0.3, 0.3]],
    });
    expect(Array.from(mainstreamGenres(world))).toEqual([1, 0, 0]);
  });
});

describe('favouriteGenre', () => {
  it('is the argmax of the current taste, ties by lower index', () => {
    const world = handWorld({
      genres: 3,
      genre: [0, 1, 2],
      quality: [0.5, 0.5, 0.5],
      taste: [
        [0.2, 0.5, 0.3],
        [0.4, 0.2, 0.4],
      ],
    });
    const log = createLog(world);
    expect(favouriteGenre(world, log.taste, 0)).toBe(1);
    expect(favouriteGenre(world, log.taste, 1)).toBe(0); // tie of g0 and g2
    log.taste.set([0.1, 0.2, 0.7], 0); // drifted
    expect(favouriteGenre(world, log.taste, 0)).toBe(2);
  });
});

describe('utilityRegretByTaste', () => {
  // 3 genres. Songs (genre, quality): 0 (1, 0.5), 1 (1, 0.8), 2 (1, 0.2), 3 (0, 0.6), 4 (0, 0.4), 5 (2, 0.9).
  // Initial songs per genre: g0 2, g1 3, g2 1 (6; half = 3) → mainstream {g1}.
  // β = 1, maxClickProb 1, w = 0: p(u,i) = (θ_u,g / max θ_u) · q_i.
  const world = handWorld({
    genres: 3,
    genre: [1, 1, 1, 0, 0, 2],
    quality: [0.5, 0.8, 0.2, 0.6, 0.4, 0.9],
    taste: [
      [0.2, 0.6, 0.2], // favourite g1: mainstream
      [0.5, 0.25, 0.25], // favourite g0: niche
      [0.25, 0.25, 0.5], // favourite g2: niche
    ],
  });
  const K = 2;
  // Slates: listener 0 [1, 3]: p = 1·0.8 = 0.8 and (0.2/0.6)·0.6 = 0.2 → mean 0.5.
  //         listener 1 [3]:    p = 1·0.6 = 0.6 → mean 0.6.
  //         listener 2 [5, 0]: p = 1·0.9 = 0.9 and (0.25/0.5)·0.5 = 0.25 → mean 0.575.
  // Given mean relevance over R(u): 0.8, 0.7, 0.9 → regrets 0.3, 0.1, 0.325.
  const { slate, slateLen } = slates([[1, 3], [3], [5, 0]], K);
  const relevantMean = Float64Array.from([0.8, 0.7, 0.9]);

  it('splits the mean regret between mainstream and niche listeners', () => {
    const mainstream = mainstreamGenres(world);
    expect(Array.from(mainstream)).toEqual([0, 1, 0]);
    const r = utilityRegretByTaste(
      world,
      createLog(world),
      1,
      relevantMean,
      slate,
      slateLen,
      K,
      mainstream,
    );
    // mainstream {0}: 0.3; niche {1, 2}: (0.1 + 0.325)/2 = 0.2125; all: 0.725/3 = 0.241666…
    expect(r.mainstream).toBeCloseTo(0.3, 12);
    expect(r.niche).toBeCloseTo(0.2125, 12);
    expect(r.all).toBeCloseTo(0.725 / 3, 12);
  });

  it('groups listeners by their current favourite genre', () => {
    // Listener 1's taste drifts to [0.2, 0.7, 0.1]: now mainstream. Their slate [3]: p = (0.2/0.7)·0.6.
    const log = createLog(world);
    log.taste.set([0.2, 0.7, 0.1], 3);
    log.tasteMax[1] = 0.7;
    updateTasteFactor(world, log.taste, log.tasteMax, log.tasteFactor, 1);
    const r1 = 0.7 - (0.2 / 0.7) * 0.6;
    const r = utilityRegretByTaste(
      world,
      log,
      1,
      relevantMean,
      slate,
      slateLen,
      K,
      mainstreamGenres(world),
    );
    expect(r.mainstream).toBeCloseTo((0.3 + r1) / 2, 12);
    expect(r.niche).toBeCloseTo(0.325, 12);
    expect(r.all).toBeCloseTo((0.3 + r1 + 0.325) / 3, 12);
  });

  it('is null for a group with no listener, and skips listeners with an empty slate', () => {
    const everyone = Uint8Array.from([1, 1, 1]);
    const all = utilityRegretByTaste(
      world,
      createLog(world),
      1,
      relevantMean,
      slate,
      slateLen,
      K,
      everyone,
    );
    expect(all.niche).toBeNull();
    expect(all.mainstream).toBeCloseTo(0.725 / 3, 12);
    // Listener 0 (the only mainstream one) has no slate: mainstream null, niche as before.
    const s = slates([[], [3], [5, 0]], K);
    const r = utilityRegretByTaste(
      world,
      createLog(world),
      1,
      relevantMean,
      s.slate,
      s.slateLen,
      K,
      mainstreamGenres(world),
    );
    expect(r.mainstream).toBeNull();
    expect(r.niche).toBeCloseTo(0.2125, 12);
    expect(r.all).toBeCloseTo(0.2125, 12);
    // Nobody has a slate: all 0, both groups null.
    const none = slates([[], [], []], K);
    expect(
      utilityRegretByTaste(
        world,
        createLog(world),
        1,
        relevantMean,
        none.slate,
        none.slateLen,
        K,
        mainstreamGenres(world),
      ),
    ).toEqual({ all: 0, mainstream: null, niche: null });
  });

  it('scales the shown term with maxClickProb', () => {
    // maxClickProb 0.5 halves every shown p: shown means 0.25, 0.3, 0.2875 → regrets 0.55, 0.4, 0.6125.
    const r = utilityRegretByTaste(
      world,
      createLog(world),
      0.5,
      relevantMean,
      slate,
      slateLen,
      K,
      mainstreamGenres(world),
    );
    expect(r.mainstream).toBeCloseTo(0.55, 12);
    expect(r.niche).toBeCloseTo((0.4 + 0.6125) / 2, 12);
  });
});
