// The invariants every step of a run must keep, checked against the simulation's own arrays and log
// (used by the property test; not a test file itself). Definitions: docs/model.md §6 and §9.
import {
  restartReasons,
  Simulation,
  validateParams,
  type InitialMetrics,
  type Params,
  type StepMetrics,
} from '../../../src/engine/index';
import { applyLiveChange, type SimCase } from './arbitraries';

/** Upper bound of the smoothed KL divergences: q̃ ≥ α·p with α = 0.01, so KL ≤ ln(1/α) (docs/model.md §9.8). */
const KL_MAX = Math.log(100);

/**
 * Rounding slack, only for bounds that a value attains exactly in real arithmetic but reaches
 * through sums in another order or the engine's own logarithm: KL = ln(1/α) when a slate misses
 * every genre of the history (seen at 4.6051701859880945, 2 ulps above Math.log(100)); KL = 0
 * and regret = 0 when a slate matches (regret seen at −7.6e-17 for slates holding the listener's
 * best songs, summed in slate order rather than rank order). Every other bound is checked exactly.
 */
const ROUNDING = 1e-12;

/** Thrown by `check`: an invariant that did not hold, named with the step it failed at. */
export class InvariantError extends Error {}

export function check(ok: boolean, message: () => string): asserts ok {
  if (!ok) throw new InvariantError(message());
}

/** Every number in `value` (nested objects included) is finite; returns the path of the first that is not. */
function firstNonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const bad = firstNonFinite(v, `${path}.${k}`);
    if (bad) return bad;
  }
  return null;
}

const inUnit = (x: number) => x >= 0 && x <= 1;
const isCount = (x: number) => Number.isInteger(x) && x >= 0;

/** Fields of StepMetrics that are shares, rates or indices in [0, 1] and never null (docs/model.md §9.2–9.5, §9.10). */
const UNIT_FIELDS = [
  'gini',
  'top1Share',
  'top10Share',
  'exposureGini',
  'coverage',
  'longTailShare',
  'longTailShareAtStart',
  'homogenization',
] as const satisfies readonly (keyof StepMetrics)[];

/** Fields in [0, 1] or null (§9.5–9.7, §9.11). */
const UNIT_OR_NULL_FIELDS = [
  'consumptionHomogenization',
  'repeatRate',
  'headClickShare',
  'ctr',
  'newSongImpressionShare',
  'newSongClickShare',
] as const satisfies readonly (keyof StepMetrics)[];

const BUCKETS = ['low', 'mid', 'high'] as const;

function checkInitial(initial: InitialMetrics, params: Params): void {
  const bad = firstNonFinite(initial, 'initial');
  check(bad === null, () => `non-finite ${bad}`);
  for (const key of ['gini', 'top1Share', 'top10Share'] as const) {
    check(inUnit(initial[key]), () => `initial.${key} = ${initial[key]} is outside [0, 1]`);
  }
  check(
    initial.songs === params.songs,
    () => `initial.songs = ${initial.songs}, expected ${params.songs}`,
  );
  const sizes = initial.bucketSizes.low + initial.bucketSizes.mid + initial.bucketSizes.high;
  check(
    sizes === params.songs,
    () => `initial bucket sizes sum to ${sizes}, expected ${params.songs}`,
  );
  const listeners = initial.listenersByTaste.mainstream + initial.listenersByTaste.niche;
  check(
    listeners === params.users,
    () => `initial listeners by taste sum to ${listeners}, expected ${params.users}`,
  );
  check(
    isCount(initial.longTailSize) && initial.longTailSize <= params.songs,
    () => `initial.longTailSize = ${initial.longTailSize} with ${params.songs} songs`,
  );
}

/** What a step's row is checked against, computed independently from the simulation's arrays and log. */
interface StepTruth {
  params: Params;
  released: number;
  clicks: number;
  impressions: number;
  distinctShown: number;
  coverage: number;
  fullSlates: boolean;
  shownSoFar: number;
}

function checkRow(row: StepMetrics, t: number, truth: StepTruth): void {
  const { params } = truth;
  const at = `step ${t}`;
  const bad = firstNonFinite(row, 'row');
  check(bad === null, () => `${at}: non-finite ${bad}`);
  check(row.t === t, () => `${at}: row.t = ${row.t}`);

  for (const key of UNIT_FIELDS) {
    const v: unknown = row[key];
    check(
      typeof v === 'number' && inUnit(v),
      () => `${at}: ${key} = ${String(v)} is outside [0, 1]`,
    );
  }
  for (const key of UNIT_OR_NULL_FIELDS) {
    const v: unknown = row[key];
    check(
      v === null || (typeof v === 'number' && inUnit(v)),
      () => `${at}: ${key} = ${String(v)} is outside [0, 1]`,
    );
  }
  check(
    row.top1Share <= row.top10Share,
    () => `${at}: top1Share ${row.top1Share} > top10Share ${row.top10Share}`,
  );

  // Engagement (§9.6): the step's totals, recounted from the slates and clicks.
  check(
    isCount(row.clicks) && isCount(row.impressions),
    () => `${at}: clicks ${row.clicks}, impressions ${row.impressions} must be counts`,
  );
  check(
    row.clicks <= row.impressions,
    () => `${at}: clicks ${row.clicks} > impressions ${row.impressions}`,
  );
  check(
    row.impressions === truth.impressions,
    () => `${at}: impressions ${row.impressions}, slates hold ${truth.impressions}`,
  );
  check(
    row.clicks === truth.clicks,
    () => `${at}: clicks ${row.clicks}, clicked slots ${truth.clicks}`,
  );
  check(
    row.ctr === (row.impressions > 0 ? row.clicks / row.impressions : null),
    () => `${at}: ctr ${row.ctr} with ${row.clicks} clicks of ${row.impressions} impressions`,
  );
  check(
    row.meanRelevance === null
      ? row.impressions === 0
      : row.impressions > 0 && row.meanRelevance >= 0 && row.meanRelevance <= params.maxClickProb,
    () =>
      `${at}: meanRelevance ${row.meanRelevance} (impressions ${row.impressions}, maxClickProb ${params.maxClickProb})`,
  );
  check(
    (row.headClickShare === null) === (row.clicks === 0),
    () => `${at}: headClickShare ${row.headClickShare} with ${row.clicks} clicks`,
  );

  // Diversity (§9.3).
  check(
    row.aggregateDiversity === truth.distinctShown,
    () =>
      `${at}: aggregateDiversity ${row.aggregateDiversity}, distinct songs in the slates ${truth.distinctShown}`,
  );
  check(
    row.aggregateDiversity <= Math.min(row.impressions, truth.released),
    () =>
      `${at}: aggregateDiversity ${row.aggregateDiversity} > min(impressions ${row.impressions}, released ${truth.released})`,
  );
  check(
    row.coverage === truth.coverage,
    () => `${at}: coverage ${row.coverage}, songs ever shown / released = ${truth.coverage}`,
  );

  // Hit rates (§9.4, §9.11): R_t(u) holds min(K, n) songs for every listener.
  const relevantTotal = params.users * Math.min(params.slateSize, truth.released);
  for (const [rates, counts, name] of [
    [row.hitRate, row.hitRateN, 'hitRate'],
    [row.hitRateAtStart, row.hitRateAtStartN, 'hitRateAtStart'],
  ] as const) {
    let n = 0;
    for (const b of BUCKETS) {
      const rate = rates[b];
      check(isCount(counts[b]), () => `${at}: ${name}N.${b} = ${counts[b]}`);
      check(
        rate === null ? counts[b] === 0 : counts[b] > 0 && inUnit(rate),
        () => `${at}: ${name}.${b} = ${rate} with ${name}N.${b} = ${counts[b]}`,
      );
      n += counts[b];
    }
    check(
      n === relevantTotal,
      () => `${at}: ${name}N sums to ${n}, expected users × min(K, released) = ${relevantTotal}`,
    );
  }

  // Homogenization and repeats (§9.5).
  check(
    (row.repeatRate === null) === (t === 1 || row.impressions === 0),
    () => `${at}: repeatRate ${row.repeatRate}`,
  );

  // New songs (§9.7).
  const growth = params.newSongsPerStep > 0;
  check(
    (row.newSongImpressionShare === null) === (!growth || row.impressions === 0),
    () =>
      `${at}: newSongImpressionShare ${row.newSongImpressionShare} (newSongsPerStep ${params.newSongsPerStep}, impressions ${row.impressions})`,
  );
  check(
    (row.newSongClickShare === null) === (!growth || row.clicks === 0),
    () =>
      `${at}: newSongClickShare ${row.newSongClickShare} (newSongsPerStep ${params.newSongsPerStep}, clicks ${row.clicks})`,
  );

  // Strategy metrics (§9.8, §9.11).
  for (const key of ['calibrationKL', 'tasteKL'] as const) {
    const v = row[key];
    check(
      v === null || (v >= -ROUNDING && v <= KL_MAX + ROUNDING),
      () => `${at}: ${key} = ${v} is outside [0, ln 100]`,
    );
  }
  check(
    row.tasteKL !== null || row.impressions === 0,
    () => `${at}: tasteKL is null though listeners have slates`,
  );
  const P = params.maxClickProb;
  check(
    typeof row.utilityRegret === 'number',
    () => `${at}: utilityRegret is ${String(row.utilityRegret)}`,
  );
  const regrets: [string, number | null][] = [
    ['utilityRegret', row.utilityRegret],
    ['utilityRegretByTaste.mainstream', row.utilityRegretByTaste.mainstream],
    ['utilityRegretByTaste.niche', row.utilityRegretByTaste.niche],
  ];
  for (const [name, v] of regrets) {
    check(
      v === null || (v >= -P && v <= P),
      () => `${at}: ${name} = ${v} is outside [−maxClickProb, maxClickProb] = ±${P}`,
    );
    // Never negative when every slate is full: K distinct eligible songs cannot beat the best K.
    check(
      v === null || !truth.fullSlates || v >= -ROUNDING,
      () => `${at}: ${name} = ${v} < 0 though every slate holds min(K, released) songs`,
    );
  }
  check(
    row.utilityRegretByTaste.mainstream !== null ||
      row.utilityRegretByTaste.niche !== null ||
      row.impressions === 0,
    () => `${at}: both utilityRegretByTaste groups are null though listeners have slates`,
  );
  const pq = row.popularityQualityCorrelation;
  check(
    pq === null || (pq >= -1 && pq <= 1),
    () => `${at}: popularityQualityCorrelation = ${pq} is outside [−1, 1]`,
  );
  const err = row.relevanceEstimateError;
  check(
    err === null
      ? truth.shownSoFar === 0
      : err >= 0 && (params.positionDebias === 'ips' || err <= 1),
    () =>
      `${at}: relevanceEstimateError = ${err} (positionDebias ${params.positionDebias}, impressions so far ${truth.shownSoFar})`,
  );
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/** Runs one case to the end, checking every step; returns its rows (for the determinism check). */
export function runCase(c: SimCase): { initial: InitialMetrics; rows: StepMetrics[] } {
  const issues = validateParams(c.params);
  check(
    issues.length === 0,
    () => `the arbitrary made invalid params: ${issues.map((i) => i.message).join('; ')}`,
  );
  const sim = new Simulation(c.params);
  const { world, log } = sim;
  const K = c.params.slateSize;
  const U = world.userCount;
  checkInitial(sim.initial, c.params);

  const priorPlays = sum(world.songPrior);
  const signUpClicks = sum(log.userClicks);
  const everShown = new Uint8Array(world.songCount);
  let everShownCount = 0;
  const seen = new Uint8Array(world.songCount);
  const consumedBefore = new Int32Array(U);
  let totalClicks = 0;
  let totalImpressions = 0;
  let nextChange = 0;
  const rows: StepMetrics[] = [];

  while (!sim.done) {
    // Live changes scheduled after the step just completed.
    while (nextChange < c.changes.length && c.changes[nextChange]!.after === sim.t) {
      const next = applyLiveChange(sim.params, c.changes[nextChange++]!.set);
      const bad = validateParams(next);
      check(
        bad.length === 0,
        () => `live change made invalid params: ${bad.map((i) => i.message).join('; ')}`,
      );
      const reasons = restartReasons(sim.params, next);
      check(reasons.length === 0, () => `live change needs a restart: ${reasons.join(', ')}`);
      sim.setParams(next);
    }
    if (sim.done) break;
    const params = sim.params;
    const t = sim.t + 1;
    for (let u = 0; u < U; u++) consumedBefore[u] = log.consumed?.count[u] ?? 0;

    const row = sim.step();
    rows.push(row);
    const at = `step ${t}`;
    const released = log.released;
    const expectedReleased = Math.min(world.songCount, params.songs + params.newSongsPerStep * t);
    check(
      released === expectedReleased,
      () => `${at}: ${released} songs released, expected ${expectedReleased}`,
    );

    // Slates (§6.1): distinct eligible songs; shorter than K only when fewer are eligible.
    const { slate, slateLen, clicked } = sim.arrays;
    const excluding = params.excludeConsumed;
    let impressions = 0;
    let clicks = 0;
    let distinct = 0;
    let fullSlates = true;
    for (let u = 0; u < U; u++) {
      const len = slateLen[u]!;
      const excluded = excluding ? consumedBefore[u]! : 0;
      const expectedLen = Math.min(K, released - excluded);
      check(
        len === expectedLen,
        () =>
          `${at}: listener ${u} got ${len} songs, expected min(K = ${K}, released ${released} − excluded ${excluded}) = ${expectedLen}`,
      );
      if (len !== Math.min(K, released)) fullSlates = false;
      const consumedList = log.consumed?.lists[u];
      for (let j = 0; j < len; j++) {
        const i = slate[u * K + j]!;
        check(
          Number.isInteger(i) && i >= 0 && i < released,
          () => `${at}: listener ${u} slot ${j} holds song ${i}, released ${released}`,
        );
        check(seen[i] !== 2, () => `${at}: listener ${u} is shown song ${i} twice`);
        if (seen[i] === 0) distinct++;
        seen[i] = 2;
        if (!everShown[i]) {
          everShown[i] = 1;
          everShownCount++;
        }
        if (excluding && consumedList) {
          const idx = consumedList.indexOf(i);
          check(
            idx < 0 || idx >= consumedBefore[u]!,
            () => `${at}: listener ${u} is shown song ${i}, which they clicked before`,
          );
        }
        clicks += clicked[u * K + j]!;
      }
      // 1 = shown this step to an earlier listener; 2 = in the current listener's slate.
      for (let j = 0; j < len; j++) seen[slate[u * K + j]!] = 1;
      impressions += len;
    }
    for (let u = 0; u < U; u++) for (let j = 0; j < slateLen[u]!; j++) seen[slate[u * K + j]!] = 0;
    totalClicks += clicks;
    totalImpressions += impressions;

    checkRow(row, t, {
      params,
      released,
      clicks,
      impressions,
      distinctShown: distinct,
      coverage: released > 0 ? everShownCount / released : 0,
      fullSlates,
      shownSoFar: totalImpressions,
    });

    // Counts conserved (§6.4): one click is one play, every shown song one impression.
    const plays = sum(log.plays);
    check(
      plays === priorPlays + totalClicks,
      () =>
        `${at}: Σ plays = ${plays}, prior plays ${priorPlays} + clicks so far ${totalClicks} = ${priorPlays + totalClicks}`,
    );
    const logged = sum(log.impressions);
    check(
      logged === totalImpressions,
      () => `${at}: Σ log.impressions = ${logged}, impressions so far ${totalImpressions}`,
    );
    check(
      log.clickPairs.length === totalClicks,
      () => `${at}: ${log.clickPairs.length} click pairs logged, clicks so far ${totalClicks}`,
    );
    const userClicks = sum(log.userClicks);
    check(
      userClicks === signUpClicks + totalClicks,
      () =>
        `${at}: Σ userClicks = ${userClicks}, sign-up picks ${signUpClicks} + clicks ${totalClicks}`,
    );
    const genreClicks = sum(log.userGenreClicks);
    check(
      genreClicks === userClicks,
      () => `${at}: Σ userGenreClicks = ${genreClicks}, Σ userClicks = ${userClicks}`,
    );
    for (let i = 0; i < world.songCount; i++) {
      const gained = log.plays[i]! - world.songPrior[i]!;
      check(
        gained >= 0 && gained <= log.impressions[i]! && (i < released || log.impressions[i] === 0),
        () =>
          `${at}: song ${i} gained ${gained} plays from ${log.impressions[i]} impressions (released ${released})`,
      );
    }
    const G = world.genreCount;
    for (let u = 0; u < U; u++) {
      let s = 0;
      for (let g = 0; g < G; g++) {
        const x = log.taste[u * G + g]!;
        check(x >= 0 && x <= 1, () => `${at}: taste[${u}, ${g}] = ${x}`);
        s += x;
      }
      check(Math.abs(s - 1) < 1e-9, () => `${at}: listener ${u}'s taste sums to ${s}`);
    }
  }
  return { initial: sim.initial, rows };
}
