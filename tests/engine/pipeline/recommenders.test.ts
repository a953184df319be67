// The four recommenders: slates checked against brute-force rankings, random-slate propensities and excluded clicked songs.
import { describe, expect, it } from 'vitest';
import { defaultParams, relevance, Simulation, type Params } from '../../../src/engine';
import { createLog } from '../../../src/engine/log';
import { createPersonalizedRecommender } from '../../../src/engine/pipeline/recommenders/personalized';
import type { StepContext } from '../../../src/engine/pipeline/types';
import { buildGenreQualityIndex } from '../../../src/engine/relevance';
import { createStream } from '../../../src/engine/rng';
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

/** Steps `params` to the end, calling `check` after each step with what held at the start of that step. */
function eachStep(
  params: Params,
  check: (
    sim: Simulation,
    start: { plays: number[]; released: number; consumed: Set<string>; consumedCount: number[] },
  ) => void,
): Simulation {
  const sim = new Simulation(params);
  const clickedSoFar = new Set<string>();
  while (!sim.done) {
    const t = sim.t + 1;
    const released = range(sim.world.songCount).filter(
      (i) => sim.world.songRelease[i]! <= t,
    ).length;
    const consumedCount = range(sim.world.userCount).map(
      (u) => [...clickedSoFar].filter((key) => key.startsWith(`${u}:`)).length,
    );
    const start = {
      plays: Array.from(sim.log.plays),
      released,
      consumed: new Set(clickedSoFar),
      consumedCount,
    };
    sim.step();
    check(sim, start);
    const { slate, slateLen, clicked } = sim.arrays;
    for (let u = 0; u < sim.world.userCount; u++)
      for (let j = 0; j < slateLen[u]!; j++)
        if (clicked[u * params.slateSize + j])
          clickedSoFar.add(`${u}:${slate[u * params.slateSize + j]!}`);
  }
  return sim;
}

const slateOf = (sim: Simulation, u: number) =>
  row(sim.arrays.slate, sim.arrays.slateLen, sim.params.slateSize, u);
const propensityOf = (sim: Simulation, u: number) =>
  Array.from(
    sim.arrays.propensity.subarray(
      u * sim.params.slateSize,
      u * sim.params.slateSize + sim.arrays.slateLen[u]!,
    ),
  );

describe('popularity', () => {
  it('shows every listener the top k songs by logged plays at the start of the step, ties by lower id', () => {
    let clicks = 0;
    eachStep({ ...tiny, recommender: 'popularity', newSongsPerStep: 1 }, (sim, start) => {
      const expected = bruteTopK(range(start.released), (i) => start.plays[i]!, 4);
      for (let u = 0; u < 5; u++) {
        expect(slateOf(sim, u)).toEqual(expected);
        expect(propensityOf(sim, u)).toEqual([1, 1, 1, 1]);
      }
      clicks += sim.arrays.clicked.reduce((a, b) => a + b, 0);
    });
    expect(clicks).toBeGreaterThan(0); // the plays the ranking reads did change during the run
  });

  it('breaks ties in plays by lower id', () => {
    // priorSpread 0 gives every song the median prior (13 plays): all tied at step 1 → ids 0..3.
    eachStep({ ...tiny, recommender: 'popularity', priorSpread: 0, steps: 1 }, (sim, start) => {
      expect(new Set(start.plays.slice(0, 30)).size).toBe(1); // spread 0 → every prior = median 13
      for (let u = 0; u < 5; u++) expect(slateOf(sim, u)).toEqual([0, 1, 2, 3]);
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
      for (let u = 0; u < 5; u++)
        expect([...slateOf(sim, u)].sort((a, b) => a - b)).toEqual(range(10));
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
      }
    });
  });
});

describe('excludeConsumed', () => {
  it.each(['popularity', 'personalized', 'random', 'oracle'] as const)(
    '%s: never shows a listener a song they clicked before',
    (recommender) => {
      let excluded = 0;
      const sim = eachStep(
        { ...tiny, recommender, excludeConsumed: true, steps: 6 },
        (s, start) => {
          for (let u = 0; u < 5; u++) {
            const slate = slateOf(s, u);
            expect(slate).toHaveLength(4); // 30 songs leave plenty
            for (const i of slate) expect(start.consumed.has(`${u}:${i}`)).toBe(false);
            if (recommender === 'random') {
              for (const p of propensityOf(s, u))
                expect(p).toBeCloseTo(1 / (start.released - start.consumedCount[u]!), 7);
            }
          }
          excluded += start.consumed.size;
        },
      );
      expect(excluded).toBeGreaterThan(0);
      expect(sim.log.consumed!.keys.size).toBeGreaterThan(0);
    },
  );

  it('shows the clicked songs again once it is switched off', () => {
    // Popularity without exclusion shows everyone the same top k, whatever they clicked before.
    const params = { ...tiny, recommender: 'popularity' as const, excludeConsumed: true, steps: 6 };
    const sim = new Simulation(params);
    for (let t = 0; t < 3; t++) sim.step();
    expect(sim.log.consumed!.keys.size).toBeGreaterThan(0);
    sim.setParams({ ...params, excludeConsumed: false });
    const plays = Array.from(sim.log.plays);
    sim.step();
    const expected = bruteTopK(range(30), (i) => plays[i]!, 4);
    for (let u = 0; u < 5; u++) expect(slateOf(sim, u)).toEqual(expected);
  });
});

describe('personalized', () => {
  // Songs 0..5 alternate genres 0, 1 with logged plays 10, 20, ..., 60.
  // Plays per genre: g0 = 10+30+50 = 90, g1 = 20+40+60 = 120 → shares s = [3/7, 4/7].
  // Listener 0 clicked genre 0 five times: â = [(5 + 10·3/7)/15, (0 + 10·4/7)/15] = [13/21, 8/21].
  // Listener 1 has no clicks: â = s = [3/7, 4/7] = [9/21, 12/21].
  // Scores â·plays (×21): listener 0: [130, 160, 390, 320, 650, 480] → order [4, 5, 2, 3, 1, 0]
  //                        listener 1: [90, 240, 270, 480, 450, 720] → order [5, 3, 4, 2, 1, 0]
  const world = handWorld({
    genres: 2,
    genre: [0, 1, 0, 1, 0, 1],
    quality: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    prior: [10, 20, 30, 40, 50, 60],
    taste: [
      [0.5, 0.5],
      [0.5, 0.5],
    ],
  });

  function context(): StepContext {
    const log = createLog(world);
    log.released = 6;
    log.userGenreClicks[0] = 5;
    log.userClicks[0] = 5;
    return {
      t: 1,
      params: { ...defaultParams(), recommender: 'personalized' },
      world,
      log,
      qualityIndex: buildGenreQualityIndex(world, 6),
      songScore: Float64Array.from(log.plays),
      recommenderRng: createStream(1, 'recommender', 1),
      explorationRng: createStream(1, 'exploration', 1),
    };
  }

  function ranked(ctx: StepContext, u: number, n = 6) {
    const rec = createPersonalizedRecommender();
    rec.prepare(ctx);
    const ids = new Int32Array(n);
    const scores = new Float64Array(n);
    const count = rec.candidates(ctx, u, n, ids, scores, 'all');
    return {
      ids: Array.from(ids.subarray(0, count)),
      scores: Array.from(scores.subarray(0, count)),
    };
  }

  it('ranks by smoothed genre affinity × plays', () => {
    const ctx = context();
    const a = ranked(ctx, 0);
    expect(a.ids).toEqual([4, 5, 2, 3, 1, 0]);
    [650, 480, 390, 320, 160, 130].forEach((v, j) => expect(a.scores[j]).toBeCloseTo(v / 21, 12));
    const b = ranked(ctx, 1);
    expect(b.ids).toEqual([5, 3, 4, 2, 1, 0]);
    [720, 480, 450, 270, 240, 90].forEach((v, j) => expect(b.scores[j]).toBeCloseTo(v / 21, 12));
  });

  it('ranks the songs of a clicked genre higher than for a listener without clicks', () => {
    const ctx = context();
    const a = ranked(ctx, 0).ids;
    const b = ranked(ctx, 1).ids;
    for (const i of [0, 2, 4]) expect(a.indexOf(i)).toBeLessThanOrEqual(b.indexOf(i));
    expect(a.indexOf(4)).toBeLessThan(b.indexOf(4));
  });

  it('returns the top n only and skips consumed songs', () => {
    const ctx = context();
    expect(ranked(ctx, 0, 3).ids).toEqual([4, 5, 2]);
    ctx.log.excluding = true;
    ctx.log.consumed = { keys: new Set([0 * 6 + 4, 0 * 6 + 3]), count: Int32Array.from([2, 0]) };
    expect(ranked(ctx, 0).ids).toEqual([5, 2, 1, 0]);
    expect(ranked(ctx, 1).ids).toEqual([5, 3, 4, 2, 1, 0]);
  });
});
