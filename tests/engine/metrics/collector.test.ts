// The metrics collector: head marking, initial metrics, and each step's metrics recomputed from a Simulation's own arrays.
import { describe, expect, it } from 'vitest';
import { initialMetrics, markHead } from '../../../src/engine/metrics/collector';
import {
  defaultParams,
  relevance,
  Simulation,
  type Params,
  type StepMetrics,
} from '../../../src/engine';
import { createWorld } from '../../../src/engine/world';
import { bruteTopK, giniPairwise, handWorld, range, row } from '../fixtures';

describe('markHead', () => {
  it('marks the ceil(10%·n) most played songs: 1 of 10, 2 of 11', () => {
    const counts = Float64Array.from([5, 1, 9, 3, 7, 2, 8, 4, 6, 0, 0]);
    const out = new Uint8Array(11);
    markHead(counts, 10, out); // ceil(1.0) = 1 → song 2 (9 plays)
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    markHead(counts, 11, out); // ceil(1.1) = 2 → songs 2 (9) and 6 (8)
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('breaks ties at the cut by lower id', () => {
    // n = 20 → 2 head songs: song 7 (9 plays), then one of songs 15, 3, 10 (5 plays each) → the lowest id, 3
    const counts = new Float64Array(20).fill(1);
    counts[7] = 9;
    counts[15] = 5;
    counts[3] = 5;
    counts[10] = 5;
    const out = new Uint8Array(20);
    markHead(counts, 20, out);
    expect(range(20).filter((i) => out[i])).toEqual([3, 7]);
  });

  it('breaks ties by id when every count is equal', () => {
    const out = new Uint8Array(25);
    markHead(new Float64Array(25).fill(4), 25, out); // ceil(2.5) = 3 → songs 0, 1, 2
    expect(range(25).filter((i) => out[i])).toEqual([0, 1, 2]);
  });

  it('considers only the first n songs and clears the rest of out', () => {
    const counts = new Float64Array(12).fill(1);
    counts[11] = 1000; // not released
    counts[4] = 2;
    const out = new Uint8Array(12).fill(1);
    markHead(counts, 10, out);
    expect(range(12).filter((i) => out[i])).toEqual([4]);
  });

  it('marks nothing for n = 0', () => {
    const out = new Uint8Array(3).fill(1);
    markHead(new Float64Array(3), 0, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

describe('initialMetrics', () => {
  it('reports the concentration of prior plays, |Γ| and bucket sizes of a hand-built catalog', () => {
    // priors [50,30,10,5,5]; sorted [5,5,10,30,50], Σ = 100, weights 2j−6 = −4,−2,0,2,4:
    // −20 −10 + 0 + 60 + 200 = 230; n·Σx = 500 → gini 0.46.
    // top1: ceil(0.05) = 1 song → 50/100; top10: ceil(0.5) = 1 song → 0.5.
    // Head {0,1} holds 80 ≥ 80% → Γ = {2,3,4}, |Γ| = 3. A song released later (id 5) is not counted.
    // Buckets with [10, 30]: 5, 5 → low; 10, 30 → mid; 50 → high.
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
  });

  it('agrees with a generated world', () => {
    const world = createWorld({
      ...defaultParams(),
      songs: 300,
      users: 2,
      newSongsPerStep: 2,
      steps: 5,
    });
    const m = initialMetrics(world, [100, 1000]);
    const prior = Array.from(world.songPrior.subarray(0, 300));
    expect(m.songs).toBe(300);
    expect(m.longTailSize).toBe(range(300).filter((i) => world.longTail[i]).length);
    expect(m.bucketSizes).toEqual({
      low: prior.filter((x) => x < 100).length,
      mid: prior.filter((x) => x >= 100 && x <= 1000).length,
      high: prior.filter((x) => x > 1000).length,
    });
    expect(m.gini).toBeCloseTo(giniPairwise(prior), 10);
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

/**
 * Steps `params` to the end and checks every metric of every step against a recomputation from
 * sim.world, sim.log and sim.arrays, using the definitions.
 */
function crossCheck(params: Params): { rows: StepMetrics[]; sim: Simulation } {
  const sim = new Simulation(params);
  const { world } = sim;
  const K = params.slateSize;
  const [a, b] = params.bucketThresholds as [number, number];
  const everShown = new Set<number>();
  const impressions = new Float64Array(world.songCount);
  let previous: Set<number>[] | null = null;
  const rows: StepMetrics[] = [];
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
    };
    const m = sim.step();
    rows.push(m);
    const { slate, slateLen, clicked } = sim.arrays;
    const slates = range(world.userCount).map((u) => row(slate, slateLen, K, u));
    const sets = slates.map((s) => new Set(s));
    const shown = slates.filter((s) => s.length > 0);

    expect(m.t).toBe(t);
    expect(sim.log.released).toBe(n);

    // Volume
    let clicks = 0;
    let relSum = 0;
    let headClicks = 0;
    let newImpressions = 0;
    const headSize = Math.ceil(n / 10);
    const head = new Set(bruteTopK(ids, (i) => start[i]!, headSize));
    for (let u = 0; u < world.userCount; u++) {
      slates[u]!.forEach((i, j) => {
        impressions[i]!++;
        relSum += relevance(world, startLog, params.maxClickProb, u, i);
        const release = world.songRelease[i]!;
        if (release > 0 && release >= t - 9) newImpressions++;
        if (clicked[u * K + j]) {
          clicks++;
          if (head.has(i)) headClicks++;
        }
      });
    }
    const impressionCount = slates.reduce((s, r) => s + r.length, 0);
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

    // Diversity
    const distinct = new Set(slates.flat());
    for (const i of distinct) everShown.add(i);
    expect(m.aggregateDiversity).toBe(distinct.size);
    expectClose(m.coverage, everShown.size / n);
    const tail = shown.map((s) => s.filter((i) => world.longTail[i]).length / s.length);
    expectClose(m.longTailShare, tail.reduce((x, y) => x + y, 0) / tail.length);

    // Homogenization over all pairs u < v (users ≤ 300)
    let jSum = 0;
    let pairs = 0;
    for (let u = 0; u < world.userCount; u++)
      for (let v = u + 1; v < world.userCount; v++) {
        const shared = [...sets[u]!].filter((i) => sets[v]!.has(i)).length;
        const union = sets[u]!.size + sets[v]!.size - shared;
        jSum += union > 0 ? shared / union : 1;
        pairs++;
      }
    expectClose(m.homogenization, jSum / pairs);

    // Repeat rate: null at t = 1
    if (previous === null) expect(m.repeatRate).toBeNull();
    else {
      const prev = previous;
      const r =
        shown.length === 0
          ? 0
          : slates.reduce(
              (s, sl, u) =>
                sl.length ? s + sl.filter((i) => prev[u]!.has(i)).length / sl.length : s,
              0,
            ) / shown.length;
      expectClose(m.repeatRate, r);
    }
    previous = sets;

    // Hit rate by bucket of the counts at the start of step t
    const bucket = (i: number) => (start[i]! < a ? 0 : start[i]! <= b ? 1 : 2);
    const hits = [0, 0, 0];
    const totals = [0, 0, 0];
    for (let u = 0; u < world.userCount; u++) {
      const R = bruteTopK(ids, (i) => relevance(world, startLog, params.maxClickProb, u, i), K);
      for (const i of R) {
        totals[bucket(i)]!++;
        if (sets[u]!.has(i)) hits[bucket(i)]!++;
      }
    }
    expect(m.hitRateN).toEqual({ low: totals[0], mid: totals[1], high: totals[2] });
    const rate = (x: number) => (totals[x]! > 0 ? hits[x]! / totals[x]! : null);
    expectClose(m.hitRate.low, rate(0));
    expectClose(m.hitRate.mid, rate(1));
    expectClose(m.hitRate.high, rate(2));
  }
  return { rows, sim };
}

const tiny: Params = {
  ...defaultParams(),
  users: 6,
  songs: 40,
  genres: 3,
  steps: 4,
  slateSize: 4,
  positionBias: 0.5,
  bucketThresholds: [10, 30],
};

describe('MetricsCollector through a Simulation', () => {
  it.each(['popularity', 'random', 'oracle', 'personalized'] as const)(
    '%s: every metric matches its definition',
    (recommender) => {
      const { rows } = crossCheck({ ...tiny, recommender });
      expect(rows).toHaveLength(4);
      // The run must exercise the click-dependent metrics, or the check above proves little.
      expect(rows.reduce((s, r) => s + r.clicks, 0)).toBeGreaterThan(0);
    },
  );

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

  it('with taste drift, R(u) follows the listeners’ current tastes', () => {
    const { rows, sim } = crossCheck({
      ...tiny,
      recommender: 'personalized',
      tasteDrift: 0.3,
      positionBias: 0,
      steps: 5,
    });
    expect(rows.reduce((s, r) => s + r.clicks, 0)).toBeGreaterThan(0);
    expect(Array.from(sim.log.taste)).not.toEqual(Array.from(sim.world.userTaste));
  });

  it('the popularity loop shows everyone the same slate: homogenization 1, diversity k', () => {
    const { rows } = crossCheck({ ...tiny, recommender: 'popularity' });
    for (const r of rows) {
      expect(r.homogenization).toBe(1);
      expect(r.aggregateDiversity).toBe(4);
    }
  });
});
