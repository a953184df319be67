// The metrics collector: head marking, initial metrics, and each step's metrics recomputed from a Simulation's own arrays.
import { describe, expect, it } from 'vitest';
import { initialMetrics, markHead } from '../../../src/engine/metrics/collector';
import {
  defaultParams,
  findPreset,
  presetParams,
  relevance,
  Simulation,
  worldSeedOf,
  type Params,
  type StepMetrics,
} from '../../../src/engine';
import { tieKey } from '../../../src/engine/hash';
import { createWorld, type World } from '../../../src/engine/world';
import { bruteTopK, giniPairwise, handWorld, range, row } from '../fixtures';

describe('markHead', () => {
  /** Hand keys: song i gets key (7·i) mod n, a permutation of 0..n−1 unrelated to the id order. */
  const handKeys = (n: number) => Float64Array.from(range(n), (i) => (7 * i) % n);
  /** The tie keys of a loop seed, as a Simulation builds them. */
  const seedKeys = (seed: number, n: number) => Float64Array.from(range(n), (i) => tieKey(seed, i));

  it('marks the ceil(10%·n) most played songs: 1 of 10, 2 of 11', () => {
    const counts = Float64Array.from([5, 1, 9, 3, 7, 2, 8, 4, 6, 0, 0]);
    const out = new Uint8Array(11);
    markHead(counts, 10, out, handKeys(11)); // ceil(1.0) = 1 → song 2 (9 plays)
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    markHead(counts, 11, out, handKeys(11)); // ceil(1.1) = 2 → songs 2 (9) and 6 (8)
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  // n = 20 → 2 head songs: song 7 (9 plays), then one of songs 3, 10, 15 (5 plays each).
  const tiedCounts = () => {
    const counts = new Float64Array(20).fill(1);
    counts[7] = 9;
    counts[15] = 5;
    counts[3] = 5;
    counts[10] = 5;
    return counts;
  };

  it('breaks ties at the cut by the smaller key, not the lower id', () => {
    // Hand keys (7·i) mod 20: song 3 → 1, song 10 → 10, song 15 → 5 → song 3.
    const out = new Uint8Array(20);
    markHead(tiedCounts(), 20, out, handKeys(20));
    expect(range(20).filter((i) => out[i])).toEqual([3, 7]);
    // Keys that favour the highest id: song 15 gets the smallest key and joins the head.
    const keys = Float64Array.from(range(20), (i) => 100 - i);
    markHead(tiedCounts(), 20, out, keys);
    expect(range(20).filter((i) => out[i])).toEqual([7, 15]);
  });

  it('with the seeded keys, the tie goes to the song with the smallest tieKey, and two seeds can differ', () => {
    const winners = range(12).map((seed) => {
      const out = new Uint8Array(20);
      markHead(tiedCounts(), 20, out, seedKeys(seed, 20));
      const winner = [3, 10, 15].sort((x, y) => tieKey(seed, x) - tieKey(seed, y))[0]!;
      expect(range(20).filter((i) => out[i])).toEqual([7, winner].sort((x, y) => x - y));
      return winner;
    });
    expect(new Set(winners).size).toBeGreaterThan(1);
  });

  it('takes the songs with the smallest keys when every count is equal', () => {
    // ceil(2.5) = 3 head songs; keys (7·i) mod 25 are 0, 1, 2 at songs 0, 18 (126 = 5·25 + 1), 11 (77 = 3·25 + 2).
    const out = new Uint8Array(25);
    markHead(new Float64Array(25).fill(4), 25, out, handKeys(25));
    expect(range(25).filter((i) => out[i])).toEqual([0, 11, 18]);
    const heads = range(8).map((seed) => {
      markHead(new Float64Array(25).fill(4), 25, out, seedKeys(seed, 25));
      const expected = range(25)
        .sort((x, y) => tieKey(seed, x) - tieKey(seed, y))
        .slice(0, 3)
        .sort((x, y) => x - y);
      expect(range(25).filter((i) => out[i])).toEqual(expected);
      return expected.join(',');
    });
    expect(new Set(heads).size).toBeGreaterThan(1);
  });

  it('considers only the first n songs and clears the rest of out', () => {
    const counts = new Float64Array(12).fill(1);
    counts[11] = 1000; // not released
    counts[4] = 2;
    const out = new Uint8Array(12).fill(1);
    markHead(counts, 10, out, handKeys(12));
    expect(range(12).filter((i) => out[i])).toEqual([4]);
  });

  it('uses the ascending sort it is given instead of sorting again', () => {
    // Counts 0..9 with song 2 at 9 plays: ceil(1.0) = 1 head song. The sort given is the counts
    // ascending; a wrong one (every count 0) would put the cut at 0 and mark a tied 0-count song.
    const counts = Float64Array.from([0, 1, 9, 3, 4, 5, 6, 7, 8, 2]);
    const out = new Uint8Array(10);
    markHead(counts, 10, out, handKeys(10), Float64Array.from(counts).sort());
    expect(range(10).filter((i) => out[i])).toEqual([2]);
    markHead(counts, 10, out, handKeys(10), new Float64Array(10));
    expect(range(10).filter((i) => out[i])).not.toEqual([2]);
  });

  it('marks nothing for n = 0', () => {
    const out = new Uint8Array(3).fill(1);
    markHead(new Float64Array(3), 0, out, handKeys(3));
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

/**
 * The mainstream genres by definition: genres by initial songs descending (ties by lower index);
 * the fewest from the top that hold at least half the initial catalog.
 */
function bruteMainstream(world: World): boolean[] {
  const counts = range(world.genreCount).map(
    (g) => range(world.initialSongCount).filter((i) => world.songGenre[i] === g).length,
  );
  const order = range(world.genreCount).sort((x, y) => counts[y]! - counts[x]! || x - y);
  const out = new Array<boolean>(world.genreCount).fill(false);
  let held = 0;
  for (const g of order) {
    if (held >= world.initialSongCount / 2) break;
    out[g] = true;
    held += counts[g]!;
  }
  return out;
}

/** argmax of a taste row, ties by lower genre index. */
function favourite(taste: ArrayLike<number>, u: number, G: number): number {
  let best = 0;
  for (let g = 1; g < G; g++) if (taste[u * G + g]! > taste[u * G + best]!) best = g;
  return best;
}

/**
 * The long tail by counts, by its definition: songs 0..n−1 by count descending, ties by tieKey(seed, ·)
 * ascending; the head is the shortest prefix holding ≥ 80% of the counts; 1 marks the rest (and
 * every song from n to total − 1).
 */
function bruteTail(counts: ArrayLike<number>, n: number, total: number, seed: number): number[] {
  const order = range(n).sort(
    (x, y) => counts[y]! - counts[x]! || tieKey(seed, x) - tieKey(seed, y),
  );
  const sum = order.reduce((acc, i) => acc + counts[i]!, 0);
  const tail = new Array<number>(total).fill(1);
  let held = 0;
  for (const i of order) {
    if (held >= 0.8 * sum) break;
    tail[i] = 0;
    held += counts[i]!;
  }
  return tail;
}

describe('initialMetrics', () => {
  it('reports the concentration of prior plays, |Γ| and bucket sizes of a hand-built catalog', () => {
    // priors [50,30,10,5,5]; sorted [5,5,10,30,50], Σ = 100, weights 2j−6 = −4,−2,0,2,4:
    // −20 −10 + 0 + 60 + 200 = 230; n·Σx = 500 → gini 0.46.
    // top1: ceil(0.05) = 1 song → 50/100; top10: ceil(0.5) = 1 song → 0.5.
    // Head {0,1} holds 80 ≥ 80% → Γ = {2,3,4}, |Γ| = 3. A song released later (id 5) is not counted.
    // Buckets with [10, 30]: 5, 5 → low; 10, 30 → mid; 50 → high.
    // One genre: it is mainstream, and so is the one listener.
    const world = handWorld({
      genres: 1,
      genre: [0, 0, 0, 0, 0, 0],
      quality: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      prior: [50, 30, 10, 5, 5, 0],
      release: [0, 0, 0, 0, 0, 1],
      taste: [[1]],
    });
    const m = initialMetrics(world, [10, 30]);
    expect(m.gini).toBeCloseTo(0.46, 12);
    expect(m.top1Share).toBeCloseTo(0.5, 12);
    expect(m.top10Share).toBeCloseTo(0.5, 12);
    expect(m.longTailSize).toBe(3);
    expect(m.songs).toBe(5);
    expect(m.bucketSizes).toEqual({ low: 2, mid: 2, high: 1 });
    expect(m.listenersByTaste).toEqual({ mainstream: 1, niche: 0 });
  });

  it('splits listeners by whether their favourite genre is mainstream', () => {
    // Initial songs per genre: g0 1, g1 3, g2 2 (6 songs); the 4 later g0 releases do not count
    // (with them g0 would hold 5 of 10 and be the mainstream alone). Largest first: g1 holds 3 ≥ 6/2,
    // so g1 alone is mainstream. Favourites: [0.2,0.5,0.3] → g1 (mainstream); [0.6,0.2,0.2] → g0;
    // [0.4,0.4,0.2] → tie, lower index g0; [0.1,0.1,0.8] → g2: 1 mainstream, 3 niche.
    const world = handWorld({
      genres: 3,
      genre: [1, 0, 1, 2, 1, 2, 0, 0, 0, 0],
      quality: new Array<number>(10).fill(0.5),
      release: [0, 0, 0, 0, 0, 0, 1, 1, 2, 2],
      taste: [
        [0.2, 0.5, 0.3],
        [0.6, 0.2, 0.2],
        [0.4, 0.4, 0.2],
        [0.1, 0.1, 0.8],
      ],
    });
    expect(initialMetrics(world, [10, 30]).listenersByTaste).toEqual({ mainstream: 1, niche: 3 });
    // Equal genre sizes: g0 and g1 (lower indices) make the half; the g0 tie listener is mainstream.
    const even = { ...world, songGenre: Uint8Array.from([0, 1, 2, 0, 1, 2, 0, 0, 0, 0]) };
    expect(initialMetrics(even, [10, 30]).listenersByTaste).toEqual({ mainstream: 3, niche: 1 });
  });

  it.each([
    ['the young default catalog', defaultParams()],
    ['the locked catalog', presetParams(findPreset('locked-catalog')!)],
  ])('agrees with a generated world: %s', (_name, base) => {
    const world = createWorld({ ...base, songs: 300, users: 40, newSongsPerStep: 2, steps: 5 });
    const m = initialMetrics(world, [100, 1000]);
    const prior = Array.from(world.songPrior.subarray(0, 300));
    expect(m.songs).toBe(300);
    expect(m.longTailSize).toBe(range(300).filter((i) => world.longTail[i]).length);
    expect(Array.from(world.longTail)).toEqual(
      bruteTail(world.songPrior, 300, world.songCount, world.seed),
    );
    expect(m.bucketSizes).toEqual({
      low: prior.filter((x) => x < 100).length,
      mid: prior.filter((x) => x >= 100 && x <= 1000).length,
      high: prior.filter((x) => x > 1000).length,
    });
    expect(m.gini).toBeCloseTo(giniPairwise(prior), 10);
    const mainstream = bruteMainstream(world);
    const inMainstream = range(40).filter(
      (u) => mainstream[favourite(world.userTaste, u, world.genreCount)],
    ).length;
    expect(m.listenersByTaste).toEqual({ mainstream: inMainstream, niche: 40 - inMainstream });
    expect(inMainstream).toBeGreaterThan(0);
    expect(inMainstream).toBeLessThan(40);
  });
});

/** Average ranks by counting (independent of the engine's sort-based ranks). */
function ranks(x: number[]): number[] {
  return x.map((v) => x.filter((w) => w < v).length + (x.filter((w) => w === v).length + 1) / 2);
}

function spearmanBrute(x: number[], y: number[]): number | null {
  const rx = ranks(x);
  const ry = ranks(y);
  const mx = rx.reduce((a, b) => a + b, 0) / rx.length;
  const my = ry.reduce((a, b) => a + b, 0) / ry.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Share of the sum held by the `top` largest values. */
function topShareBrute(x: number[], top: number): number {
  const sum = x.reduce((a, b) => a + b, 0);
  const held = [...x]
    .sort((a, b) => b - a)
    .slice(0, top)
    .reduce((a, b) => a + b, 0);
  return sum > 0 ? held / sum : 0;
}

function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
}

/** KL(θ ‖ q̃) with q̃ = 0.99·q + 0.01·θ, natural logs, terms with θ_g = 0 left out. */
function klSmoothed(theta: number[], q: number[]): number {
  let kl = 0;
  theta.forEach((t, g) => {
    if (t > 0) kl += t * Math.log(t / (0.99 * q[g]! + 0.01 * t));
  });
  return kl;
}

const mean = (xs: number[]): number | null =>
  xs.length > 0 ? xs.reduce((x, y) => x + y, 0) / xs.length : null;

/**
 * Steps `params` to the end and checks every metric of every step against a recomputation from
 * sim.world, sim.log and sim.arrays, written from the metrics' definitions (docs/model.md) with
 * brute-force sorts and sets, not from the collector's incremental bookkeeping.
 */
function crossCheck(params: Params): { rows: StepMetrics[]; sim: Simulation } {
  const sim = new Simulation(params);
  const { world } = sim;
  const K = params.slateSize;
  const G = world.genreCount;
  const users = world.userCount;
  const [a, b] = params.bucketThresholds as [number, number];
  const bucketOfCount = (x: number) => (x < a ? 0 : x <= b ? 1 : 2);
  const key = (i: number) => tieKey(params.seed, i);
  const everShown = new Set<number>();
  const impressions = new Float64Array(world.songCount);
  /** Each listener's clicked songs since step 1 (sign-up picks are not clicks of the run). */
  const consumed = range(users).map(() => new Set<number>());
  let previous: Set<number>[] | null = null;
  const rows: StepMetrics[] = [];

  // Before step 1: the frozen Γ (ties by the world seed's keys) and the listeners by taste.
  expect(Array.from(world.longTail)).toEqual(
    bruteTail(world.songPrior, world.initialSongCount, world.songCount, worldSeedOf(params)),
  );
  const mainstream = bruteMainstream(world);
  const initialMainstream = range(users).filter(
    (u) => mainstream[favourite(world.userTaste, u, G)],
  ).length;
  expect(sim.initial.listenersByTaste).toEqual({
    mainstream: initialMainstream,
    niche: users - initialMainstream,
  });

  while (!sim.done) {
    const t = sim.t + 1;
    const n = range(world.songCount).filter((i) => world.songRelease[i]! <= t).length;
    const ids = range(n);
    const start = Array.from(sim.log.plays.subarray(0, n)); // counts at the start of step t
    // Tastes as the listeners had them when they saw the slates (taste drift changes them during the step).
    const startLog = {
      ...sim.log,
      taste: Float64Array.from(sim.log.taste),
      tasteMax: Float64Array.from(sim.log.tasteMax),
      tasteFactor: Float64Array.from(sim.log.tasteFactor),
    };
    const m = sim.step();
    rows.push(m);
    const { slate, slateLen, clicked } = sim.arrays;
    const slates = range(users).map((u) => row(slate, slateLen, K, u));
    const sets = slates.map((s) => new Set(s));
    const shown = slates.filter((s) => s.length > 0);
    const rel = (u: number, i: number) => relevance(world, startLog, params.maxClickProb, u, i);

    expect(m.t).toBe(t);
    expect(sim.log.released).toBe(n);

    // The head (ceil(10%·n) most played at the start, ties by the loop seed's key) and the live
    // long tail (80% rule on the counts at the start, same keys).
    const head = new Set(
      [...ids].sort((x, y) => start[y]! - start[x]! || key(x) - key(y)).slice(0, Math.ceil(n / 10)),
    );
    const liveTail = bruteTail(start, n, n, params.seed);
    expect(Array.from(sim.liveTail.subarray(0, n))).toEqual(liveTail);

    // Volume
    let clicks = 0;
    let relSum = 0;
    let headClicks = 0;
    let newImpressions = 0;
    for (let u = 0; u < users; u++) {
      slates[u]!.forEach((i, j) => {
        impressions[i]!++;
        relSum += rel(u, i);
        const release = world.songRelease[i]!;
        if (release > 0 && release >= t - 9) newImpressions++;
        if (clicked[u * K + j]) {
          clicks++;
          consumed[u]!.add(i);
          if (head.has(i)) headClicks++;
        }
      });
    }
    const impressionCount = slates.reduce((acc, r) => acc + r.length, 0);
    expect(m.clicks).toBe(clicks);
    expect(m.impressions).toBe(impressionCount);
    expectClose(m.ctr, impressionCount > 0 ? clicks / impressionCount : null);
    expectClose(m.meanRelevance, impressionCount > 0 ? relSum / impressionCount : null);
    expectClose(m.headClickShare, clicks > 0 ? headClicks / clicks : null);
    expectClose(
      m.newSongImpressionShare,
      params.newSongsPerStep > 0 ? newImpressions / impressionCount : null,
    );

    // Concentration of counts at the end of step t, exposure since step 1
    const plays = Array.from(sim.log.plays.subarray(0, n));
    expect(Array.from(sim.log.impressions)).toEqual(Array.from(impressions));
    expectClose(m.gini, giniPairwise(plays));
    expectClose(m.top1Share, topShareBrute(plays, Math.ceil(n / 100)));
    expectClose(m.top10Share, topShareBrute(plays, Math.ceil(n / 10)));
    expectClose(m.exposureGini, giniPairwise(impressions.subarray(0, n)));
    expectClose(
      m.popularityQualityCorrelation,
      spearmanBrute(plays, Array.from(world.songQuality.subarray(0, n))),
    );

    // Diversity; the long-tail share against the live tail and against the frozen Γ
    const distinct = new Set(slates.flat());
    for (const i of distinct) everShown.add(i);
    expect(m.aggregateDiversity).toBe(distinct.size);
    expectClose(m.coverage, everShown.size / n);
    expectClose(
      m.longTailShare,
      mean(shown.map((sl) => sl.filter((i) => liveTail[i] === 1).length / sl.length)) ?? 0,
    );
    expectClose(
      m.longTailShareAtStart,
      mean(shown.map((sl) => sl.filter((i) => world.longTail[i] === 1).length / sl.length)) ?? 0,
    );

    // Homogenization of slates, and of the cumulative clicked sets, over all pairs u < v (users ≤ 300)
    const jaccards: number[] = [];
    const consumption: number[] = [];
    for (let u = 0; u < users; u++)
      for (let v = u + 1; v < users; v++) {
        const shared = [...sets[u]!].filter((i) => sets[v]!.has(i)).length;
        const union = sets[u]!.size + sets[v]!.size - shared;
        jaccards.push(union > 0 ? shared / union : 1);
        const [A, B] = [consumed[u]!, consumed[v]!];
        if (A.size === 0 && B.size === 0) continue;
        const both = [...A].filter((i) => B.has(i)).length;
        consumption.push(both / (A.size + B.size - both));
      }
    expectClose(m.homogenization, mean(jaccards));
    expectClose(m.consumptionHomogenization, mean(consumption));

    // Repeat rate: null at t = 1
    if (previous === null) expect(m.repeatRate).toBeNull();
    else {
      const prev = previous;
      const r =
        shown.length === 0
          ? 0
          : slates.reduce(
              (acc, sl, u) =>
                sl.length ? acc + sl.filter((i) => prev[u]!.has(i)).length / sl.length : acc,
              0,
            ) / shown.length;
      expectClose(m.repeatRate, r);
    }
    previous = sets;

    // R(u): each listener's K most relevant released songs (ties by lower id), tastes at slate time.
    const R = range(users).map((u) => bruteTopK(ids, (i) => rel(u, i), K));

    // Hit rate by bucket of the counts at the start of step t, and by bucket of the prior plays
    // (songs released during the run count as low).
    const hitRates = (bucket: (i: number) => number) => {
      const hits = [0, 0, 0];
      const totals = [0, 0, 0];
      for (let u = 0; u < users; u++)
        for (const i of R[u]!) {
          totals[bucket(i)]!++;
          if (sets[u]!.has(i)) hits[bucket(i)]!++;
        }
      const rate = (x: number) => (totals[x]! > 0 ? hits[x]! / totals[x]! : null);
      return {
        rate: [rate(0), rate(1), rate(2)],
        n: { low: totals[0], mid: totals[1], high: totals[2] },
      };
    };
    const now = hitRates((i) => bucketOfCount(start[i]!));
    expect(m.hitRateN).toEqual(now.n);
    expectClose(m.hitRate.low, now.rate[0]!);
    expectClose(m.hitRate.mid, now.rate[1]!);
    expectClose(m.hitRate.high, now.rate[2]!);
    const atStart = hitRates((i) =>
      world.songRelease[i]! > 0 ? 0 : bucketOfCount(world.songPrior[i]!),
    );
    expect(m.hitRateAtStartN).toEqual(atStart.n);
    expectClose(m.hitRateAtStart.low, atStart.rate[0]!);
    expectClose(m.hitRateAtStart.mid, atStart.rate[1]!);
    expectClose(m.hitRateAtStart.high, atStart.rate[2]!);

    // Taste KL: KL(θ_u ‖ 0.99·q_u + 0.01·θ_u), θ_u the true taste when the slate was shown, q_u the
    // slate's genre mix; mean over listeners with a slate.
    const kls: number[] = [];
    for (let u = 0; u < users; u++) {
      const sl = slates[u]!;
      if (sl.length === 0) continue;
      const q = range(G).map((g) => sl.filter((i) => world.songGenre[i] === g).length / sl.length);
      kls.push(klSmoothed(Array.from(startLog.taste.subarray(u * G, u * G + G)), q));
    }
    expectClose(m.tasteKL, mean(kls));

    // Utility regret: mean over listeners with a slate of mean p over R(u) − mean p over the slate,
    // and the same mean over listeners whose favourite genre (taste at slate time) is mainstream, and the rest.
    const regret: number[][] = [[], []];
    for (let u = 0; u < users; u++) {
      const sl = slates[u]!;
      if (sl.length === 0) continue;
      const best = mean(R[u]!.map((i) => rel(u, i))) ?? 0;
      const got = mean(sl.map((i) => rel(u, i)))!;
      regret[mainstream[favourite(startLog.taste, u, G)] ? 0 : 1]!.push(best - got);
    }
    expectClose(m.utilityRegret, mean([...regret[0]!, ...regret[1]!]) ?? 0);
    expectClose(m.utilityRegretByTaste.mainstream, mean(regret[0]!));
    expectClose(m.utilityRegretByTaste.niche, mean(regret[1]!));
  }
  return { rows, sim };
}

/** The young default world, small: thresholds [4, 8] around its median of 3 prior plays fill all three buckets. */
const tiny: Params = {
  ...defaultParams(),
  users: 6,
  songs: 40,
  genres: 3,
  steps: 4,
  slateSize: 4,
  positionBias: 0.5,
  bucketThresholds: [4, 8],
};

/** The same on the locked-catalog world (old catalog, deterministic ranking, w = 0, no sign-up picks). */
const tinyLocked: Params = {
  ...presetParams(findPreset('locked-catalog')!),
  users: 6,
  songs: 40,
  genres: 3,
  steps: 4,
  slateSize: 4,
  positionBias: 0.5,
  bucketThresholds: [10, 30],
};

const RECOMMENDERS = ['popularity', 'random', 'oracle', 'personalized', 'factorization'] as const;

describe('MetricsCollector through a Simulation', () => {
  it.each(RECOMMENDERS)('%s: every metric matches its definition', (recommender) => {
    const { rows } = crossCheck({ ...tiny, recommender });
    expect(rows).toHaveLength(4);
    // The run must exercise the click-dependent metrics, or the check above proves little.
    expect(rows.reduce((acc, r) => acc + r.clicks, 0)).toBeGreaterThan(0);
    expect(rows.some((r) => r.consumptionHomogenization !== null)).toBe(true);
  });

  it.each(RECOMMENDERS)(
    '%s on the locked-catalog world: every metric matches its definition',
    (recommender) => {
      const { rows } = crossCheck({ ...tinyLocked, recommender });
      expect(rows.reduce((acc, r) => acc + r.clicks, 0)).toBeGreaterThan(0);
    },
  );

  it('with a world seed other than the seed: Γ keys on the world seed, the live tail and head on the seed', () => {
    const { rows, sim } = crossCheck({
      ...tiny,
      recommender: 'popularity',
      worldSeed: 99,
      steps: 6,
    });
    expect(sim.world.seed).toBe(99);
    expect(rows).toHaveLength(6);
  });

  it('the live long tail moves away from the frozen Γ as the loop runs', () => {
    // Popularity on the young catalog: clicks reorder the counts, so the live tail share and the
    // share in the tail frozen at the start part ways (each still checked against its definition).
    const { rows } = crossCheck({ ...tiny, recommender: 'popularity', users: 20, steps: 10 });
    expect(rows.some((r) => Math.abs(r.longTailShare - r.longTailShareAtStart) > 1e-9)).toBe(true);
    // ...and the buckets of the counts now and of the prior plays part ways as plays grow.
    expect(rows.some((r) => JSON.stringify(r.hitRateN) !== JSON.stringify(r.hitRateAtStartN))).toBe(
      true,
    );
  });

  it('random with excluded clicked songs and catalog growth: every metric matches its definition', () => {
    const { rows } = crossCheck({
      ...tiny,
      recommender: 'random',
      excludeConsumed: true,
      newSongsPerStep: 2,
      steps: 5,
    });
    expect(rows.some((r) => (r.newSongImpressionShare ?? 0) > 0)).toBe(true);
  });

  it('slates shorter than k (10 songs, slateSize 12): shares are per shown slot', () => {
    const { sim } = crossCheck({ ...tiny, recommender: 'random', songs: 10, slateSize: 12 });
    expect(Array.from(sim.arrays.slateLen)).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('counts only songs released in the last 10 steps as new (t = 12)', () => {
    // At t = 12 songs released at steps 1 and 2 are no longer new; the cross-check uses release ≥ t − 9.
    const { rows } = crossCheck({
      ...tiny,
      recommender: 'random',
      users: 4,
      newSongsPerStep: 3,
      steps: 12,
    });
    expect(rows).toHaveLength(12);
  });

  it('with taste drift, R(u), the taste KL and the taste groups follow the listeners’ current tastes', () => {
    const { rows, sim } = crossCheck({
      ...tiny,
      recommender: 'personalized',
      tasteDrift: 0.3,
      positionBias: 0,
      steps: 5,
    });
    expect(rows.reduce((acc, r) => acc + r.clicks, 0)).toBeGreaterThan(0);
    expect(Array.from(sim.log.taste)).not.toEqual(Array.from(sim.world.userTaste));
  });

  it('the popularity loop on the locked catalog shows everyone the same slate: homogenization 1, diversity k', () => {
    // τ = 0: a deterministic ranking of logged plays, the same for every listener.
    const { rows } = crossCheck({ ...tinyLocked, recommender: 'popularity' });
    for (const r of rows) {
      expect(r.homogenization).toBe(1);
      expect(r.aggregateDiversity).toBe(4);
    }
  });

  it('the popularity policy at τ > 0 draws different slates for different listeners', () => {
    const { rows } = crossCheck({ ...tiny, recommender: 'popularity' });
    for (const r of rows) {
      expect(r.homogenization).toBeLessThan(1);
      expect(r.aggregateDiversity).toBeGreaterThan(4);
    }
  });
});
