// The recommenders: deterministic slates against brute-force rankings (ties by plays, then the seeded
// key), Plackett–Luce propensities recomputed from each step's scores, random-slate propensities,
// the personalized score by hand, the factorization model's order, and excluded clicked songs.
import { addConsumed, createConsumed, hasConsumed } from '../../../src/engine/log';
import { describe, expect, it } from 'vitest';
import { defaultParams, relevance, Simulation, type Params } from '../../../src/engine';
import { ImplicitAls } from '../../../src/engine/estimators/implicitAls';
import { tieKey } from '../../../src/engine/hash';
import { createLog, type SimLog } from '../../../src/engine/log';
import { AFFINITY_PRIOR_CLICKS, createPersonalizedRecommender } from '../../../src/engine/pipeline/recommenders/personalized';
import { createFactorizationRecommender } from '../../../src/engine/pipeline/recommenders/factorization';
import type { Recommender, StepContext } from '../../../src/engine/pipeline/types';
import { buildGenreQualityIndex } from '../../../src/engine/relevance';
import { createStream } from '../../../src/engine/rng';
import type { World } from '../../../src/engine/world';
import { bruteTopK, handWorld, range, row } from '../fixtures';

const tiny: Params = {
  ...defaultParams(),
  users: 5,
  songs: 30,
  genres: 3,
  steps: 4,
  slateSize: 4,
  positionBias: 0,
};

/** What held at the start of a step (before its slates were drawn). */
interface StepStart {
  plays: number[];
  released: number;
  consumed: Set<string>;
  consumedCount: number[];
  userGenreClicks: number[];
  userClicks: number[];
}

/** Steps `params` to the end, calling `check` after each step with what held at the start of that step. */
function eachStep(params: Params, check: (sim: Simulation, start: StepStart) => void): Simulation {
  const sim = new Simulation(params);
  const clickedSoFar = new Set<string>();
  while (!sim.done) {
    const t = sim.t + 1;
    const released = range(sim.world.songCount).filter((i) => sim.world.songRelease[i]! <= t).length;
    const consumedCount = range(sim.world.userCount).map(
      (u) => [...clickedSoFar].filter((key) => key.startsWith(`${u}:`)).length,
    );
    const start = {
      plays: Array.from(sim.log.plays),
      released,
      consumed: new Set(clickedSoFar),
      consumedCount,
      userGenreClicks: Array.from(sim.log.userGenreClicks),
      userClicks: Array.from(sim.log.userClicks),
    };
    sim.step();
    check(sim, start);
    const { slate, slateLen, clicked } = sim.arrays;
    for (let u = 0; u < sim.world.userCount; u++)
      for (let j = 0; j < slateLen[u]!; j++)
        if (clicked[u * params.slateSize + j]) clickedSoFar.add(`${u}:${slate[u * params.slateSize + j]!}`);
  }
  return sim;
}

const slateOf = (sim: Simulation, u: number) => row(sim.arrays.slate, sim.arrays.slateLen, sim.params.slateSize, u);
const propensityOf = (sim: Simulation, u: number) =>
  Array.from(sim.arrays.propensity.subarray(u * sim.params.slateSize, u * sim.params.slateSize + sim.arrays.slateLen[u]!));

/**
 * `ids` in the engine's deterministic order: score descending, then plays descending, then the
 * seeded key tieKey(seed, i) ascending (never the id).
 */
function keyOrder(ids: number[], score: (i: number) => number, plays: ArrayLike<number>, seed: number): number[] {
  return [...ids].sort((a, b) => score(b) - score(a) || plays[b]! - plays[a]! || tieKey(seed, a) - tieKey(seed, b));
}

/** Plackett–Luce conditional probabilities of a slate: w(i_j) / (Σ_pool w − Σ_{l<j} w(i_l)). */
function plProbabilities(slate: number[], pool: number[], weight: (i: number) => number): number[] {
  let left = pool.reduce((s, i) => s + weight(i), 0);
  return slate.map((i) => {
    const p = weight(i) / left;
    left -= weight(i);
    return p;
  });
}

/** Logged propensities are Float32: equal to the expected values up to float32 rounding. */
function expectPropensities(logged: number[], expected: number[]): void {
  expect(logged).toHaveLength(expected.length);
  logged.forEach((p, j) => expect(Math.abs(p - expected[j]!)).toBeLessThanOrEqual(1e-6 * expected[j]! + 1e-12));
}

/** Binomial check: |f − p| ≤ 5 standard errors of a frequency over n draws. */
function expectFrequency(count: number, n: number, p: number): void {
  expect(Math.abs(count / n - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
}

/** A step context over a hand-built world and log, as the simulation would build it for step t. */
function handContext(world: World, log: SimLog, params: Params, t = 1): StepContext {
  return {
    t,
    params,
    world,
    log,
    qualityIndex: buildGenreQualityIndex(world, log.released),
    songScore: Float64Array.from(log.plays, (p) => 1 + p),
    recommenderRng: createStream(params.seed, 'recommender', t),
    explorationRng: createStream(params.seed, 'exploration', t),
    tieKeys: Float64Array.from(range(world.songCount), (i) => tieKey(params.seed, i)),
    liveTail: new Uint8Array(world.songCount),
    bandit: null,
    learned: { factorization: null },
  };
}

function candidatesOf(rec: Recommender, ctx: StepContext, u: number, n: number) {
  const ids = new Int32Array(n);
  const scores = new Float64Array(n);
  const props = new Float64Array(n);
  const count = rec.candidates(ctx, u, n, ids, scores, props, 'all');
  return {
    ids: Array.from(ids.subarray(0, count)),
    scores: Array.from(scores.subarray(0, count)),
    props: Array.from(props.subarray(0, count)),
  };
}

describe('popularity', () => {
  it('at τ = 0 shows every listener the top k by logged plays at the start of the step, ties by the seeded key', () => {
    let clicks = 0;
    eachStep({ ...tiny, recommender: 'popularity', rankingTemperature: 0, newSongsPerStep: 1 }, (sim, start) => {
      const expected = keyOrder(range(start.released), (i) => 1 + start.plays[i]!, start.plays, sim.params.seed).slice(0, 4);
      for (let u = 0; u < 5; u++) {
        expect(slateOf(sim, u)).toEqual(expected);
        expect(propensityOf(sim, u)).toEqual([1, 1, 1, 1]);
      }
      clicks += sim.arrays.clicked.reduce((a, b) => a + b, 0);
    });
    expect(clicks).toBeGreaterThan(0); // the plays the ranking reads did change during the run
  });

  it('breaks ties in plays by the seeded key, never by the song id', () => {
    // priorSpread 0 gives every song the median prior (3 plays): all tied at step 1.
    const slates = [42, 7].map((seed) => {
      let first: number[] = [];
      eachStep({ ...tiny, seed, recommender: 'popularity', rankingTemperature: 0, priorSpread: 0, steps: 1 }, (sim, start) => {
        expect(new Set(start.plays.slice(0, 30))).toEqual(new Set([3]));
        const expected = [...range(30)].sort((a, b) => tieKey(seed, a) - tieKey(seed, b)).slice(0, 4);
        for (let u = 0; u < 5; u++) expect(slateOf(sim, u)).toEqual(expected);
        first = slateOf(sim, 0);
      });
      return first;
    });
    expect(slates[0]).not.toEqual([0, 1, 2, 3]);
    expect(slates[1]).not.toEqual(slates[0]); // another seed breaks the ties differently
  });

  it.each([0.5, 1, 0.3])(
    'at τ = %s logs for each slot w_i / Σ(weights not yet drawn), w = ((1 + plays) / max)^(1/τ)',
    (tau) => {
      const params = { ...tiny, users: 20, songs: 40, slateSize: 6, newSongsPerStep: 1, recommender: 'popularity' as const, rankingTemperature: tau };
      eachStep(params, (sim, start) => {
        const pool = range(start.released);
        const max = Math.max(...pool.map((i) => 1 + start.plays[i]!));
        const weight = (i: number) => ((1 + start.plays[i]!) / max) ** (1 / tau);
        const slates = new Set<string>();
        for (let u = 0; u < 20; u++) {
          const slate = slateOf(sim, u);
          expect(slate).toHaveLength(6);
          expect(new Set(slate).size).toBe(6);
          for (const i of slate) expect(i).toBeLessThan(start.released);
          expectPropensities(propensityOf(sim, u), plProbabilities(slate, pool, weight));
          slates.add(slate.join());
        }
        expect(slates.size).toBeGreaterThan(1); // listeners get different slates
      });
    },
  );

  it('draws first slots with the Plackett–Luce probabilities over the whole run of listeners', () => {
    // 4,000 listeners, one slot each, one step: the frequency of each song within 5 binomial SE of w_i / Σw.
    const users = 4000;
    const params = { ...tiny, users, songs: 10, slateSize: 1, steps: 1, recommender: 'popularity' as const };
    eachStep(params, (sim, start) => {
      const max = Math.max(...range(10).map((i) => 1 + start.plays[i]!));
      const weight = (i: number) => ((1 + start.plays[i]!) / max) ** 2;
      const total = range(10).reduce((s, i) => s + weight(i), 0);
      const counts = new Array<number>(10).fill(0);
      for (let u = 0; u < users; u++) counts[slateOf(sim, u)[0]!]!++;
      for (let i = 0; i < 10; i++) expectFrequency(counts[i]!, users, weight(i) / total);
    });
  });
});

describe('random', () => {
  it('draws k distinct released songs per listener with propensity 1/released', () => {
    const seen = new Set<number>();
    eachStep({ ...tiny, recommender: 'random', newSongsPerStep: 3 }, (sim, start) => {
      const slates = range(5).map((u) => slateOf(sim, u));
      for (let u = 0; u < 5; u++) {
        const s = slates[u]!;
        expect(s).toHaveLength(4);
        expect(new Set(s).size).toBe(4);
        expect(s.every((i) => i >= 0 && i < start.released)).toBe(true);
        for (const p of propensityOf(sim, u)) expect(p).toBeCloseTo(1 / start.released, 7); // Float32
        s.forEach((i) => seen.add(i));
      }
      expect(new Set(slates.map((s) => s.join())).size).toBeGreaterThan(1); // not everyone the same
    });
    expect([...seen].some((i) => i >= 30)).toBe(true); // new songs get shown too
  });

  it('shows every eligible song when the slate is as large as the catalog', () => {
    eachStep({ ...tiny, recommender: 'random', songs: 10, slateSize: 10, steps: 1 }, (sim) => {
      for (let u = 0; u < 5; u++) expect([...slateOf(sim, u)].sort((a, b) => a - b)).toEqual(range(10));
    });
  });
});

describe('oracle', () => {
  it('shows every listener their top k by true relevance, ties by lower id', () => {
    eachStep({ ...tiny, recommender: 'oracle', newSongsPerStep: 2 }, (sim, start) => {
      for (let u = 0; u < 5; u++) {
        const expected = bruteTopK(
          range(start.released),
          (i) => relevance(sim.world, sim.log, sim.params.maxClickProb, u, i),
          4,
        );
        expect(slateOf(sim, u)).toEqual(expected);
        expect(propensityOf(sim, u)).toEqual([1, 1, 1, 1]);
      }
    });
  });
});

describe('the ranking temperature', () => {
  /** Every step's slates and propensities. */
  function trace(params: Params): number[][] {
    const sim = new Simulation(params);
    const out: number[][] = [];
    while (!sim.done) {
      sim.step();
      out.push([...sim.arrays.slate, ...sim.arrays.propensity]);
    }
    return out;
  }

  it.each(['random', 'oracle'] as const)('does not apply to the %s recommender', (recommender) => {
    const params = { ...tiny, recommender, newSongsPerStep: 1 };
    const reference = trace({ ...params, rankingTemperature: 0 });
    expect(trace({ ...params, rankingTemperature: 0.5 })).toEqual(reference);
    expect(trace({ ...params, rankingTemperature: 3 })).toEqual(reference);
  });

  it.each(['popularity', 'personalized', 'factorization'] as const)('does apply to the %s recommender', (recommender) => {
    const params = { ...tiny, users: 20, recommender };
    expect(trace({ ...params, rankingTemperature: 1 })).not.toEqual(trace({ ...params, rankingTemperature: 0 }));
  });
});

describe('excludeConsumed', () => {
  it.each(['popularity', 'personalized', 'factorization', 'random', 'oracle'] as const)(
    '%s: never shows a listener a song they clicked before',
    (recommender) => {
      let excluded = 0;
      const sim = eachStep({ ...tiny, recommender, excludeConsumed: true, steps: 6 }, (s, start) => {
        for (let u = 0; u < 5; u++) {
          const slate = slateOf(s, u);
          expect(slate).toHaveLength(4); // 30 songs leave plenty
          expect(new Set(slate).size).toBe(4);
          for (const i of slate) expect(start.consumed.has(`${u}:${i}`)).toBe(false);
          for (const p of propensityOf(s, u)) {
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          if (recommender === 'random') {
            for (const p of propensityOf(s, u)) expect(p).toBeCloseTo(1 / (start.released - start.consumedCount[u]!), 7);
          }
        }
        excluded += start.consumed.size;
      });
      expect(excluded).toBeGreaterThan(0);
      expect(sim.log.consumed!.count.some((n) => n > 0)).toBe(true);
    },
  );

  it('shows the clicked songs again once it is switched off', () => {
    // Popularity at τ = 0 without exclusion shows everyone the same top k, whatever they clicked before.
    const params = { ...tiny, recommender: 'popularity' as const, rankingTemperature: 0, excludeConsumed: true, steps: 6 };
    const sim = new Simulation(params);
    for (let t = 0; t < 3; t++) sim.step();
    expect(sim.log.consumed!.count.some((n) => n > 0)).toBe(true);
    sim.setParams({ ...params, excludeConsumed: false });
    const plays = Array.from(sim.log.plays);
    sim.step();
    const expected = keyOrder(range(30), (i) => 1 + plays[i]!, plays, params.seed).slice(0, 4);
    for (let u = 0; u < 5; u++) expect(slateOf(sim, u)).toEqual(expected);
    // Some listener is shown a song they clicked while it was excluded.
    const consumed = sim.log.consumed!;
    expect(range(5).some((u) => expected.some((i) => hasConsumed(consumed, u, i)))).toBe(true);
  });
});

describe('personalized', () => {
  // Eight songs in three genres, with logged plays p and song scores s = 1 + p:
  //   song   0  1  2  3  4  5  6  7
  //   genre  0  1  0  1  0  1  2  2
  //   plays  1  1  3  5  5  3  2  8
  //   s      2  2  4  6  6  4  3  9        S_0 = 2+4+6 = 12, S_1 = 2+6+4 = 12, S_2 = 3+9 = 12
  // Catalog shares of songs: π = [3/8, 3/8, 2/8].
  // Listener 0 clicked genres [3, 1, 0] (4 clicks): â = (c + 5π) / 9 = [39/72, 23/72, 10/72].
  //   score ×864 = â·s/12 ×864: [78, 46, 156, 138, 234, 92, 30, 90] → order [4, 2, 3, 5, 7, 0, 1, 6].
  // Listener 1 has no history: â = π, score = s/32 in genres 0 and 1, s/48 in genre 2:
  //   ×96: [6, 6, 12, 18, 18, 12, 6, 18]: three-way ties broken by plays, then by the seeded key:
  //   18: song 7 (8 plays) first, then 3 and 4 (5 plays each) by key; 12: songs 2 and 5 (3 plays)
  //   by key; 6: song 6 (2 plays), then 0 and 1 (1 play) by key.
  const SEED = 6;
  const world = handWorld({
    genres: 3,
    genre: [0, 1, 0, 1, 0, 1, 2, 2],
    quality: Array(8).fill(0.5),
    prior: [1, 1, 3, 5, 5, 3, 2, 8],
    taste: [
      [0.4, 0.3, 0.3],
      [0.4, 0.3, 0.3],
    ],
  });
  const keyed = (ids: number[]) => [...ids].sort((a, b) => tieKey(SEED, a) - tieKey(SEED, b));

  function context(tau = 0): StepContext {
    const log = createLog(world);
    log.userGenreClicks.set([3, 1, 0], 0);
    log.userClicks[0] = 4;
    return handContext(world, log, { ...defaultParams(), seed: SEED, recommender: 'personalized', rankingTemperature: tau });
  }

  function ranked(ctx: StepContext, u: number, n = 8) {
    const rec = createPersonalizedRecommender();
    rec.prepare(ctx);
    return candidatesOf(rec, ctx, u, n);
  }

  it('scores â(u,g)·s_i/S_g with â = (c_ug + 5·π_g)/(c_u + 5) and ranks at τ = 0 by a k-way merge', () => {
    expect(AFFINITY_PRIOR_CLICKS).toBe(5);
    const a = ranked(context(), 0);
    expect(a.ids).toEqual([4, 2, 3, 5, 7, 0, 1, 6]);
    [234, 156, 138, 92, 90, 78, 46, 30].forEach((v, j) => expect(a.scores[j]).toBeCloseTo(v / 864, 14));
    expect(a.props).toEqual(Array(8).fill(1));
  });

  it('breaks equal scores by plays, then by the seeded key', () => {
    const b = ranked(context(), 1);
    const expected = [7, ...keyed([3, 4]), ...keyed([2, 5]), 6, ...keyed([0, 1])];
    expect(b.ids).toEqual(expected);
    [18, 18, 18, 12, 12, 6, 6, 6].forEach((v, j) => expect(b.scores[j]).toBeCloseTo(v / 96, 14));
    // The keys must disagree with the ids somewhere, or the test could not tell them apart.
    expect([keyed([3, 4]), keyed([2, 5]), keyed([0, 1])]).not.toEqual([[3, 4], [2, 5], [0, 1]]);
  });

  it('ranks the songs of a clicked genre higher than for a listener without history', () => {
    const ctx = context();
    const a = ranked(ctx, 0).ids;
    const b = ranked(ctx, 1).ids;
    for (const i of [0, 2, 4]) expect(a.indexOf(i)).toBeLessThanOrEqual(b.indexOf(i));
    expect(a.indexOf(4)).toBeLessThan(b.indexOf(4));
    expect(a.indexOf(7)).toBeGreaterThan(b.indexOf(7)); // an unclicked genre falls
  });

  it('returns the top n only and skips consumed songs', () => {
    const ctx = context();
    expect(ranked(ctx, 0, 3).ids).toEqual([4, 2, 3]);
    ctx.log.excluding = true;
    ctx.log.consumed = createConsumed(2);
    for (const i of [4, 3]) addConsumed(ctx.log.consumed, 0, i);
    expect(ranked(ctx, 0).ids).toEqual([2, 5, 7, 0, 1, 6]);
    expect(ranked(ctx, 1).ids).toEqual([7, ...keyed([3, 4]), ...keyed([2, 5]), 6, ...keyed([0, 1])]);
  });

  it('takes the prior from the catalog\'s share of released songs per genre, not from plays', () => {
    // Released: songs 0–3; song 4 (genre 1) comes at step 1. π = [3/4, 1/4]; s = [2, 3, 5, 30],
    // S_0 = 10, S_1 = 30. No history: â = π, scores [0.15, 0.225, 0.375, 0.25] → [2, 3, 1, 0].
    // (A prior from plays, 1/G, or counting song 4 would put song 3 first.)
    const w = handWorld({
      genres: 2,
      genre: [0, 0, 0, 1, 1],
      quality: Array(5).fill(0.5),
      prior: [1, 2, 4, 29, 0],
      release: [0, 0, 0, 0, 1],
      taste: [[0.5, 0.5]],
    });
    const log = createLog(w);
    expect(log.released).toBe(4);
    const ctx = handContext(w, log, { ...defaultParams(), seed: SEED, recommender: 'personalized', rankingTemperature: 0 });
    const out = ranked(ctx, 0, 5);
    expect(out.ids).toEqual([2, 3, 1, 0]);
    [0.375, 0.25, 0.225, 0.15].forEach((v, j) => expect(out.scores[j]).toBeCloseTo(v, 14));
  });

  it('at τ > 0 draws from the Plackett–Luce law over score^(1/τ), logging each draw\'s probability', () => {
    // Listener 0's scores ×864 from above; at τ = 0.5 the weights are score².
    const tau = 0.5;
    const score = [78, 46, 156, 138, 234, 92, 30, 90].map((v) => v / 864);
    const weight = (i: number) => score[i]! ** (1 / tau);
    const total = range(8).reduce((s, i) => s + weight(i), 0);
    const ctx = context(tau);
    const rec = createPersonalizedRecommender();
    rec.prepare(ctx);
    const N = 20000;
    const first = new Array<number>(8).fill(0);
    for (let r = 0; r < N; r++) {
      const out = candidatesOf(rec, ctx, 0, r % 10 === 0 ? 8 : 1);
      first[out.ids[0]!]!++;
      plProbabilities(out.ids, range(8), weight).forEach((p, j) => expect(out.props[j]).toBeCloseTo(p, 12));
      out.ids.forEach((i, j) => expect(out.scores[j]).toBeCloseTo(score[i]!, 14));
      if (out.ids.length === 8) expect([...out.ids].sort((x, y) => x - y)).toEqual(range(8));
    }
    for (let i = 0; i < 8; i++) expectFrequency(first[i]!, N, weight(i) / total);
  });

  /** â(u,g)·(1 + plays_i)/S_g for every released song, recomputed from the step's start. */
  function personalizedScores(sim: Simulation, start: StepStart, u: number): number[] {
    const { world } = sim;
    const G = world.genreCount;
    const released = range(start.released);
    const count = new Array<number>(G).fill(0);
    const S = new Array<number>(G).fill(0);
    for (const i of released) {
      count[world.songGenre[i]!]!++;
      S[world.songGenre[i]!]! += 1 + start.plays[i]!;
    }
    const a = range(G).map(
      (g) => (start.userGenreClicks[u * G + g]! + 5 * (count[g]! / start.released)) / (start.userClicks[u]! + 5),
    );
    return released.map((i) => {
      const g = world.songGenre[i]!;
      return (a[g]! * (1 + start.plays[i]!)) / S[g]!;
    });
  }

  it('in a run at τ = 0 shows each listener the top k by the recomputed score', () => {
    const params = { ...tiny, users: 12, recommender: 'personalized' as const, rankingTemperature: 0, newSongsPerStep: 1 };
    let distinct = 0;
    eachStep(params, (sim, start) => {
      for (let u = 0; u < 12; u++) {
        const score = personalizedScores(sim, start, u);
        expect(slateOf(sim, u)).toEqual(keyOrder(range(start.released), (i) => score[i]!, start.plays, params.seed).slice(0, 4));
        expect(propensityOf(sim, u)).toEqual([1, 1, 1, 1]);
      }
      distinct += new Set(range(12).map((u) => slateOf(sim, u).join())).size;
    });
    expect(distinct).toBeGreaterThan(4); // sign-up picks and clicks personalise the slates
  });

  it.each([0.5, 1])('in a run at τ = %s logs each slot\'s Plackett–Luce probability over score^(1/τ)', (tau) => {
    const params = { ...tiny, users: 12, slateSize: 6, recommender: 'personalized' as const, rankingTemperature: tau, newSongsPerStep: 1 };
    eachStep(params, (sim, start) => {
      const slates = new Set<string>();
      for (let u = 0; u < 12; u++) {
        const score = personalizedScores(sim, start, u);
        const slate = slateOf(sim, u);
        expect(new Set(slate).size).toBe(6);
        expectPropensities(propensityOf(sim, u), plProbabilities(slate, range(start.released), (i) => score[i]! ** (1 / tau)));
        slates.add(slate.join());
      }
      expect(slates.size).toBeGreaterThan(1);
    });
  });
});

describe('factorization', () => {
  // Two taste clusters: listeners 0–2 click songs 0–4, listeners 3–5 click songs 6–10 (each its own
  // four of the five); songs 5 and 11 are never clicked (a zero factor: score 0).
  const SEED = 3;
  const world = handWorld({
    genres: 2,
    genre: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
    quality: Array(12).fill(0.5),
    prior: [4, 3, 9, 1, 0, 2, 5, 5, 1, 7, 2, 0],
    taste: range(6).map((u) => (u < 3 ? [0.9, 0.1] : [0.1, 0.9])),
  });

  function clickLog(): SimLog {
    const log = createLog(world);
    for (let u = 0; u < 6; u++) {
      const base = u < 3 ? 0 : 6;
      for (let j = 0; j < 5; j++) if (j !== u % 3) log.clickPairs.push(u, base + j);
    }
    return log;
  }

  const modelOf = (ctx: StepContext) => (ctx.learned.factorization as { model: ImplicitAls }).model;

  function modelScores(ctx: StepContext, u: number): number[] {
    const out = new Float64Array(ctx.log.released);
    modelOf(ctx).scoreListener(u, ctx.log.released, out);
    return Array.from(out);
  }

  it('at τ = 0 shows the top k by x_u · y_i of the model trained on the log, consumed songs excluded', () => {
    const log = clickLog();
    const ctx = handContext(world, log, { ...defaultParams(), seed: SEED, recommender: 'factorization', rankingTemperature: 0 });
    const rec = createFactorizationRecommender();
    rec.prepare(ctx);
    expect(modelOf(ctx).pairs).toBe(24);
    for (let u = 0; u < 6; u++) {
      const score = modelScores(ctx, u);
      const out = candidatesOf(rec, ctx, u, 5);
      expect(out.ids).toEqual(keyOrder(range(12), (i) => score[i]!, log.plays, SEED).slice(0, 5));
      expect(out.props).toEqual(Array(5).fill(1));
      out.ids.forEach((i, j) => expect(out.scores[j]).toBe(score[i]));
      // The model learned the clusters: a listener's own cluster leads.
      expect(out.ids.slice(0, 3).every((i) => (u < 3 ? i < 6 : i >= 6))).toBe(true);
    }
    expect(modelScores(ctx, 0)[5]).toBe(0); // never clicked: zero factor
    // With excludeConsumed, a listener's clicked songs drop out of the same order.
    log.excluding = true;
    log.consumed = createConsumed(6);
    for (let p = 0; p < log.clickPairs.length; p++) {
      addConsumed(log.consumed, log.clickPairs.listener(p), log.clickPairs.song(p));
    }
    for (let u = 0; u < 6; u++) {
      const score = modelScores(ctx, u);
      const allowed = range(12).filter((i) => !hasConsumed(log.consumed!, u, i));
      expect(candidatesOf(rec, ctx, u, 5).ids).toEqual(keyOrder(allowed, (i) => score[i]!, log.plays, SEED).slice(0, 5));
    }
  });

  it('at τ > 0 logs w_i / Σ(weights not yet drawn) for drawn slots, w = (max(x_u·y_i, 0) / max)^(1/τ)', () => {
    const tau = 0.5;
    const log = clickLog();
    const ctx = handContext(world, log, { ...defaultParams(), seed: SEED, recommender: 'factorization', rankingTemperature: tau });
    const rec = createFactorizationRecommender();
    rec.prepare(ctx);
    const slates = new Set<string>();
    let drawnSlots = 0;
    let filledSlots = 0;
    for (let r = 0; r < 30; r++) {
      for (let u = 0; u < 6; u++) {
        const score = modelScores(ctx, u);
        const max = Math.max(...score);
        const weight = (i: number) => (score[i]! > 0 ? (score[i]! / max) ** (1 / tau) : 0);
        const out = candidatesOf(rec, ctx, u, 6);
        expect(out.ids).toHaveLength(6);
        expect(new Set(out.ids).size).toBe(6);
        // Every slot with weight is an exact Plackett–Luce draw: w_i over the weight not yet drawn.
        // Songs of weight 0 (score ≤ 0) can only follow, in score order, logged as certain (1).
        let left = range(12).reduce((acc, i) => acc + weight(i), 0);
        for (let j = 0; j < out.ids.length; j++) {
          const i = out.ids[j]!;
          if (weight(i) > 0) {
            // Relative 1e-6: the tree's remaining total is its full total minus what was drawn, which
            // loses digits once the drawn songs hold nearly all the weight.
            expect(Math.abs(out.props[j]! - weight(i) / left)).toBeLessThanOrEqual(1e-6 * (weight(i) / left));
            left -= weight(i);
            drawnSlots++;
          } else {
            filledSlots++;
            expect(left).toBeCloseTo(0, 12); // every song with weight came first
            expect(out.props[j]).toBe(1);
            const rest = range(12).filter((x) => !out.ids.slice(0, j).includes(x));
            expect(i).toBe(keyOrder(rest, (x) => score[x]!, log.plays, SEED)[0]);
          }
        }
        slates.add(`${u}:${out.ids.join()}`);
      }
    }
    expect(slates.size).toBeGreaterThan(6); // the same listener gets different slates
    expect(drawnSlots).toBeGreaterThan(0);
    void filledSlots; // zero-weight songs exist only if some score is ≤ 0 in this log
  });

  it('changes a listener\'s slate once new clicks reach the model', () => {
    const log = clickLog();
    const params: Params = { ...defaultParams(), seed: SEED, recommender: 'factorization', rankingTemperature: 0 };
    const learned = { factorization: null };
    const rec = createFactorizationRecommender();
    const ctx1 = { ...handContext(world, log, params, 1), learned };
    rec.prepare(ctx1);
    const before = candidatesOf(rec, ctx1, 0, 4).ids;
    expect(before.every((i) => i < 6)).toBe(true);
    // Listener 0 now clicks the other cluster's songs, three times each.
    for (let r = 0; r < 3; r++) for (const i of [6, 7, 8, 9, 10]) log.clickPairs.push(0, i);
    const ctx2 = { ...handContext(world, log, params, 2), learned };
    rec.prepare(ctx2);
    expect(modelOf(ctx2).pairs).toBe(29);
    const after = candidatesOf(rec, ctx2, 0, 4).ids;
    expect(after).not.toEqual(before);
    expect(after.some((i) => i >= 6)).toBe(true);
    // Listener 3, who clicked nothing new, keeps a slate of their own cluster.
    expect(candidatesOf(rec, ctx2, 3, 3).ids.every((i) => i >= 6)).toBe(true);
  });

  it('in a run gives valid, varied slates: distinct, released, never a consumed song', () => {
    const params = { ...tiny, users: 20, songs: 60, steps: 6, slateSize: 5, newSongsPerStep: 2, recommender: 'factorization' as const, excludeConsumed: true };
    let excluded = 0;
    eachStep(params, (sim, start) => {
      const slates = new Set<string>();
      for (let u = 0; u < 20; u++) {
        const slate = slateOf(sim, u);
        expect(slate).toHaveLength(5);
        expect(new Set(slate).size).toBe(5);
        for (const i of slate) {
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(start.released);
          expect(start.consumed.has(`${u}:${i}`)).toBe(false);
        }
        for (const p of propensityOf(sim, u)) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        slates.add(slate.join());
      }
      expect(slates.size).toBeGreaterThan(1);
      excluded += start.consumed.size;
    });
    expect(excluded).toBeGreaterThan(0);
  });
});
