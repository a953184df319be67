// The parallel-worlds state: which runs make a world (the CLI's rule), progress, cancel, errors, and numbers equal to the engine's and the CLI's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcess, runWorlds, worldJobs } from '../../src/cli/worlds';
import {
  acrossWorlds,
  defaultParams,
  estimateRunBytes,
  findPreset,
  paramSpec,
  PARAM_SCHEMA,
  parallelWorldParams,
  presetParams,
  Simulation,
  STRATEGY_GROUPS,
  strategyOnWorld,
  topSongs,
  type InitialMetrics,
  type Params,
  type StepMetrics,
} from '../../src/engine';
import {
  BASELINE_DEFAULT,
  createWorldsStore,
  readWorldsLink,
  sameRuns,
  sameStrategy,
  strategyTitle,
  WorldsSession,
  worldsLinkEntries,
  worldsTopping,
  WORLDS_DEFAULT,
} from '../../src/state/worlds';
import type { BatchRequest, BatchResponse } from '../../src/worker/batchProtocol';
import { BatchPool } from '../../src/worker/pool';
import { recordingPool } from './recordingPool';
import { fakePool, Gate, ScriptWorker, tiny } from './worldsFakes';

const random = presetParams(findPreset('random-baseline')!);

describe('parallel world parameters (engine/worlds.ts)', () => {
  it('world j has seed S + j and the world seed of the scenario, exactly as the CLI runs it', () => {
    const worlds = parallelWorldParams({ ...tiny, seed: 7, worldSeed: -1 }, 3);
    expect(worlds.map((p) => [p.seed, p.worldSeed])).toEqual([
      [7, 7],
      [8, 7],
      [9, 7],
    ]);
    expect(parallelWorldParams({ ...tiny, seed: 7, worldSeed: 99 }, 2).map((p) => p.worldSeed)).toEqual([99, 99]);
    // The CLI's jobs are these parameters, in order, quality asked of world 0 only.
    const jobs = worldJobs({ ...tiny, seed: 7 }, 3);
    expect(jobs.map((j) => j.params)).toEqual(parallelWorldParams({ ...tiny, seed: 7 }, 3));
    expect(jobs.map((j) => j.withQuality)).toEqual([true, false, false]);
  });

  it('the baseline takes only the recommender, exploration and debiasing keys from its preset', () => {
    const scenario: Params = { ...presetParams(findPreset('locked-catalog')!), users: 40, songs: 80, steps: 6, seed: 3, worldSeed: 11, tasteDrift: 0.05, exploration: 'epsilon', bucketThresholds: [5, 50] };
    const out = strategyOnWorld(presetParams(findPreset('ips-debiasing')!), scenario);
    const ips = presetParams(findPreset('ips-debiasing')!);
    for (const spec of PARAM_SCHEMA) {
      const from = STRATEGY_GROUPS.includes(spec.group) ? ips : scenario;
      expect(out[spec.key], spec.key).toEqual(from[spec.key]);
    }
    // Spelled out: the locked catalog, the listeners and the seeds stay; the strategy is the preset's.
    expect(out).toMatchObject({ priorMedianPlays: 13, idiosyncrasy: 0, onboardingPicks: 0, tasteDrift: 0.05, users: 40, songs: 80, steps: 6, seed: 3, worldSeed: 11 });
    expect(out).toMatchObject({ recommender: 'popularity', rankingTemperature: 0.5, exploration: 'epsilon', positionDebias: 'ips' });
    expect(out.bucketThresholds).not.toBe(scenario.bucketThresholds);
  });

  it('names the strategy a scenario runs after the first preset with it', () => {
    expect(strategyTitle({ ...tiny, users: 999 })).toBe('The loop forms');
    expect(strategyTitle({ ...tiny, epsilon: 0.37, exploration: 'epsilon' })).toBeUndefined();
    expect(sameStrategy(random, { ...tiny, recommender: 'random' })).toBe(true);
    expect(sameStrategy(random, tiny)).toBe(false);
  });
});

describe('inputs and the link', () => {
  it('starts at 8 worlds against the random baseline; setters keep values allowed', () => {
    const store = createWorldsStore();
    expect(store.getState()).toMatchObject({ n: 8, baseline: 'random-baseline', status: 'idle', done: 0, total: 0, result: null });
    store.getState().setN(40);
    expect(store.getState().n).toBe(16);
    store.getState().setN(1);
    expect(store.getState().n).toBe(2);
    store.getState().setN(5.4);
    expect(store.getState().n).toBe(5);
    store.getState().setBaseline('oracle-baseline');
    store.getState().setBaseline('nonsense');
    expect(store.getState().baseline).toBe('oracle-baseline');
    expect(createWorldsStore({ n: 3, baseline: 'nope' }).getState()).toMatchObject({ n: 3, baseline: BASELINE_DEFAULT });
  });

  it('reads worlds and baseline from a query, naming the field and the allowed values when refused', () => {
    expect(readWorldsLink('?page=worlds&worlds=12&baseline=oracle-baseline')).toEqual({ inputs: { n: 12, baseline: 'oracle-baseline' }, issues: [] });
    expect(readWorldsLink('')).toEqual({ inputs: { n: WORLDS_DEFAULT, baseline: BASELINE_DEFAULT }, issues: [] });
    for (const bad of ['1', '17', '2.5', 'eight', '-3', '0x8', ''])
      expect(readWorldsLink(`?worlds=${encodeURIComponent(bad)}`)).toEqual({
        inputs: { n: 8, baseline: BASELINE_DEFAULT },
        issues: [{ key: 'worlds', message: `worlds must be a whole number from 2 to 16, got ${JSON.stringify(bad)} (using 8)` }],
      });
    const wrong = readWorldsLink('?baseline=best');
    expect(wrong.inputs.baseline).toBe(BASELINE_DEFAULT);
    expect(wrong.issues).toEqual([{ key: 'baseline', message: expect.stringMatching(/^baseline must be one of: loop-forms, locked-catalog, .*oracle-baseline, got "best" \(using random-baseline\)$/) }]);
    // The one number grammar of the CLI's --worlds: 1e1 = 10, +4 = 4, 16.0 = 16.
    for (const [text, n] of [['1e1', 10], ['+4', 4], ['16.0', 16], [' 3 ', 3]] as const)
      expect(readWorldsLink(`?worlds=${encodeURIComponent(text)}`)).toEqual({ inputs: { n, baseline: BASELINE_DEFAULT }, issues: [] });
    expect(readWorldsLink('?worlds=2e1').issues).toEqual([{ key: 'worlds', message: 'worlds must be a whole number from 2 to 16, got "2e1" (using 8)' }]);
    expect(readWorldsLink('?worlds=4&worlds=6').issues).toEqual([{ key: 'worlds', message: 'worlds given 2 times: all refused (using 8)' }]);
    const entries = worldsLinkEntries({ n: 5, baseline: 'calibrated' });
    expect(entries).toEqual([['worlds', '5'], ['baseline', 'calibrated']]);
    expect(readWorldsLink(`?${new URLSearchParams(entries).toString()}`).inputs).toEqual({ n: 5, baseline: 'calibrated' });
  });
});

/** A row with only what the state reads of it (the final Gini). */
const row = (gini: number) => ({ t: 1, gini }) as StepMetrics;

/**
 * Scripted replies over 12 songs: the current strategy's two worlds have the clicks below, the
 * baseline's every song one click. Quality is clicks / 10 in world 1, so ρ = 1 there.
 */
const CLICKS_A = [5, 9, 9, 0, 3, 7, 1, 2, 8, 4, 6, 10];
const CLICKS_B = [...CLICKS_A].reverse();
function scripted(request: BatchRequest): BatchResponse {
  const { job, id } = request;
  if (job.kind !== 'world') throw new Error('expected a world job');
  const j = job.params.seed - tiny.seed;
  const baseline = job.params.recommender === 'random';
  const clicks = baseline ? new Array<number>(12).fill(1) : j === 0 ? CLICKS_A : CLICKS_B;
  const extra = job.withQuality ? { quality: Float64Array.from(CLICKS_A, (c) => c / 10), genre: Uint8Array.from(CLICKS_A, (_, i) => i % 3) } : {};
  return { type: 'world', id, initial: {} as InitialMetrics, rows: [row(0.05), row(baseline ? 0.1 : j === 0 ? 0.2 : 0.4)], runClicks: Float64Array.from(clicks), ...extra };
}

describe('WorldsSession', () => {
  it('hand-computed: top 10 with ties to the lower id, shares, U, overlap, Gini mean ± sd', async () => {
    const pool = new BatchPool(2, () => new ScriptWorker(scripted));
    const session = new WorldsSession(createWorldsStore({ n: 2 }));
    await session.run(tiny, pool);
    const { status, result, done, total } = session.store.getState();
    expect({ status, done, total }).toEqual({ status: 'done', done: 4, total: 4 });
    const cur = result!.current;
    // Sorted by clicks, ties (9, 9) to the lower id: 11 (10), 1, 2 (9), 8 (8), 5 (7), 10 (6), 0 (5), 9 (4), 4 (3), 7 (2).
    expect([...cur.worlds[0]!.top]).toEqual([11, 1, 2, 8, 5, 10, 0, 9, 4, 7]);
    expect([...cur.worlds[1]!.top]).toEqual([0, 9, 10, 3, 6, 1, 11, 2, 7, 4]);
    expect([...cur.worlds[0]!.shares]).toEqual(CLICKS_A.map((c) => c / 64));
    expect(cur.worlds.map((w) => [w.seed, w.final.gini])).toEqual([[3, 0.2], [4, 0.4]]);
    // |c_i − c_(11−i)| sums to 56 over 64 clicks per world: U = 56 / 64 / 12 songs / 1 pair.
    expect(cur.across.unpredictability).toBeCloseTo(7 / 96, 12);
    // The two top-10 lists share all but songs 8, 5 (world 1) and 3, 6 (world 2).
    expect(cur.across.top10Overlap).toBeCloseTo(0.8, 12);
    expect(cur.across.gini.mean).toBeCloseTo(0.3, 12);
    expect(cur.across.gini.sd).toBeCloseTo(Math.SQRT2 / 10, 12);
    // Equal clicks everywhere: worlds agree exactly, ρ is undefined, the top 10 are songs 0 … 9.
    const base = result!.baseline;
    expect(base.across).toEqual({ unpredictability: 0, gini: { mean: 0.1, sd: 0 }, top10Overlap: 1, successQualitySpearman: { mean: null, sd: null } });
    expect([...base.worlds[1]!.top]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cur.across).toEqual(acrossWorlds({ runClicks: [CLICKS_A, CLICKS_B], quality: CLICKS_A.map((c) => c / 10), gini: [0.2, 0.4] }));
    expect([...cur.worlds[0]!.top]).toEqual([...topSongs(CLICKS_A, 10)]);
    expect(worldsTopping(cur, 3)).toBe(1);
    expect(worldsTopping(cur, 11)).toBe(2);
    expect(worldsTopping(base, 11)).toBe(0);
    expect(result!.seeds).toEqual([3, 4]);
    expect(result!.current.title).toBe('Current strategy: The loop forms');
    expect(result!.baseline.title).toBe('Baseline: Random baseline');
  });

  it('submits N worlds per side, the baseline on the same world and seeds; results equal the CLI\'s --worlds bit for bit', async () => {
    const { pool, requests } = fakePool(2);
    const session = new WorldsSession(createWorldsStore({ n: 3, baseline: 'random-baseline' }));
    const scenario: Params = { ...tiny, seed: 21, worldSeed: 5, priorMedianPlays: 8 };
    await session.run(scenario, pool);
    const jobs = requests.map((r) => r.job);
    const baselineParams = strategyOnWorld(random, scenario);
    expect(jobs).toEqual([
      ...parallelWorldParams(scenario, 3).map((params, j) => ({ kind: 'world', params, withQuality: j === 0 })),
      ...parallelWorldParams(baselineParams, 3).map((params, j) => ({ kind: 'world', params, withQuality: j === 0 })),
    ]);
    const { result } = session.store.getState();
    for (const [side, params] of [[result!.current, scenario], [result!.baseline, baselineParams]] as const) {
      const cli = await inProcess(worldJobs(params, 3));
      side.worlds.forEach((w, j) => {
        expect([...w.runClicks]).toEqual([...cli[j]!.runClicks]);
        expect(w.final).toEqual(cli[j]!.result.summary.final);
        expect([...w.top]).toEqual([...topSongs(cli[j]!.runClicks, 10)]);
      });
      const { across } = await runWorlds(params, 3, inProcess);
      const { seeds, worldSeed, ...measures } = across;
      expect(side.across).toEqual(measures);
      expect(seeds).toEqual(result!.seeds);
      expect(worldSeed).toBe(result!.worldSeed);
    }
    expect(result!.quality).toEqual(Float64Array.from((await inProcess(worldJobs(scenario, 1)))[0]!.quality!));
  });

  it('a baseline with the scenario\'s own strategy shares its runs: N jobs, not 2N, both sides the CLI\'s worlds', async () => {
    const { pool, requests } = fakePool(2);
    const session = new WorldsSession(createWorldsStore({ n: 3, baseline: 'loop-forms' }));
    const seen: number[] = [];
    session.store.subscribe((s, prev) => s.done !== prev.done && seen.push(s.done));
    const scenario: Params = { ...tiny, seed: 21, worldSeed: 5 };
    await session.run(scenario, pool);
    // Only the current side's worlds are run; progress counts to N.
    expect(requests.map((r) => r.job)).toEqual(parallelWorldParams(scenario, 3).map((params, j) => ({ kind: 'world', params, withQuality: j === 0 })));
    expect(seen).toEqual([1, 2, 3]);
    const { status, done, total, result } = session.store.getState();
    expect({ status, done, total }).toEqual({ status: 'done', done: 3, total: 3 });
    expect(result!.sameStrategy).toBe(true);
    expect(result!.current.title).toBe('Current strategy: The loop forms');
    expect(result!.baseline.title).toBe('Baseline: The loop forms');
    expect(result!.baseline.id).toBe('baseline');
    expect(result!.baseline.params).toEqual(strategyOnWorld(presetParams(findPreset('loop-forms')!), scenario));
    // Both sides show the same numbers, and they are the CLI's --worlds, bit for bit.
    const cli = await inProcess(worldJobs(scenario, 3));
    const { across } = await runWorlds(scenario, 3, inProcess);
    const { seeds, worldSeed, ...measures } = across;
    expect(seeds).toEqual(result!.seeds);
    expect(worldSeed).toBe(result!.worldSeed);
    for (const side of [result!.current, result!.baseline]) {
      expect(side.across).toEqual(measures);
      side.worlds.forEach((w, j) => {
        expect(w.seed).toBe(21 + j);
        expect([...w.runClicks]).toEqual([...cli[j]!.runClicks]);
        expect(w.final).toEqual(cli[j]!.result.summary.final);
        expect([...w.top]).toEqual([...topSongs(cli[j]!.runClicks, 10)]);
      });
    }
  });

  it('runs are shared only when every world of both sides has the same parameters', () => {
    const worlds = parallelWorldParams(tiny, 3);
    expect(sameRuns(worlds, parallelWorldParams(strategyOnWorld(presetParams(findPreset('loop-forms')!), tiny), 3))).toBe(true);
    expect(sameRuns(worlds, parallelWorldParams(strategyOnWorld(random, tiny), 3))).toBe(false);
    // One key of the strategy differs: different runs.
    expect(sameRuns(worlds, parallelWorldParams({ ...tiny, rankingTemperature: tiny.rankingTemperature + 0.1 }, 3))).toBe(false);
    expect(sameRuns(worlds, worlds.slice(0, 2))).toBe(false);
  });

  it('a shared run that fails is named once, as the current strategy\'s world, and cancels the rest', async () => {
    const pool = new BatchPool(1, () =>
      new ScriptWorker((request) =>
        request.job.kind === 'world' && request.job.params.seed === tiny.seed + 1 ? { type: 'error', id: request.id, message: 'songs must be at least 10' } : scripted(request),
      ),
    );
    const session = new WorldsSession(createWorldsStore({ n: 3, baseline: 'loop-forms' }));
    await session.run(tiny, pool);
    expect(session.store.getState()).toMatchObject({ status: 'error', error: "The current strategy's world 2 (seed 4) failed: songs must be at least 10", total: 3, result: null });
    expect(pool.pending).toBe(0);
  });

  it('reports progress as jobs finish: done counts up to 2N while running', async () => {
    const gate = new Gate();
    gate.held = true;
    const { pool } = fakePool(2, gate);
    const session = new WorldsSession(createWorldsStore({ n: 2 }));
    const seen: number[] = [];
    session.store.subscribe((s, prev) => s.done !== prev.done && seen.push(s.done));
    const finished = session.run(tiny, pool);
    expect(session.store.getState()).toMatchObject({ status: 'running', done: 0, total: 4 });
    await vi.waitFor(() => expect(gate.size).toBe(2));
    gate.release(1);
    await vi.waitFor(() => expect(session.store.getState().done).toBe(1));
    expect(session.store.getState().status).toBe('running');
    gate.held = false;
    gate.release();
    await finished;
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(session.store.getState().status).toBe('done');
  });

  it('cancel stops every job: nothing more arrives, the state says cancelled, a finished result stays', async () => {
    const pool = new BatchPool(2, () => new ScriptWorker(scripted));
    const session = new WorldsSession(createWorldsStore({ n: 2 }));
    await session.run(tiny, pool);
    const kept = session.store.getState().result;
    const gate = new Gate();
    gate.held = true;
    const slow = fakePool(1, gate);
    const finished = session.run(tiny, slow.pool);
    await vi.waitFor(() => expect(gate.size).toBe(1));
    session.cancel();
    expect(session.store.getState()).toMatchObject({ status: 'cancelled', done: 0, total: 4 });
    expect(slow.pool.pending).toBe(0);
    gate.held = false;
    gate.release();
    await finished;
    await new Promise((r) => setTimeout(r, 5));
    expect(session.store.getState()).toMatchObject({ status: 'cancelled', done: 0, result: kept });
    // Only the first job ever reached a worker; the queued ones were dropped.
    expect(slow.requests).toHaveLength(1);
  });

  it('a disposed pool ends the run as cancelled', async () => {
    const gate = new Gate();
    gate.held = true;
    const { pool } = fakePool(1, gate);
    const session = new WorldsSession(createWorldsStore({ n: 2 }));
    const finished = session.run(tiny, pool);
    pool.dispose();
    await finished;
    expect(session.store.getState().status).toBe('cancelled');
  });

  it('an error names the side, the world and its seed, in words, and cancels the other jobs', async () => {
    const pool = new BatchPool(1, () =>
      new ScriptWorker((request) =>
        request.job.kind === 'world' && request.job.params.recommender === 'random' && request.job.params.seed === tiny.seed + 1
          ? { type: 'error', id: request.id, message: 'songs must be at least 10' }
          : scripted(request),
      ),
    );
    const session = new WorldsSession(createWorldsStore({ n: 3 }));
    await session.run(tiny, pool);
    expect(session.store.getState()).toMatchObject({
      status: 'error',
      error: "The baseline's world 2 (seed 4) failed: songs must be at least 10",
      result: null,
    });
    expect(session.store.getState().done).toBe(4);
    expect(pool.pending).toBe(0);
  });

  it('refuses seeds past the largest before submitting anything', async () => {
    const { pool, requests } = fakePool(1);
    const max = (paramSpec('seed') as { max: number }).max;
    const session = new WorldsSession(createWorldsStore({ n: 8 }));
    await session.run({ ...defaultParams(), seed: max - 3 }, pool);
    expect(session.store.getState()).toMatchObject({ status: 'error', error: `8 worlds need the seeds ${max - 3} … ${max + 4}, past the largest seed ${max}: lower the seed or the number of worlds` });
    expect(requests).toHaveLength(0);
  });
});

describe('WorldsSession: the worlds that go at once must fit in the browser', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const named = (message: string, label: string) => Number(new RegExp(`${label} \\(largest allowed with the other values: ([\\d,]+)\\)`).exec(message)?.[1]?.replace(/,/g, ''));

  /** One world is about 355 MB (estimateRunBytes): alone it runs in the page, four at once (1.5 GB) do not. */
  const big: Params = { ...defaultParams(), users: 60000, songs: 60000, steps: 100 };

  it('refuses before submitting any job when the worlds at once exceed the budget, naming what to lower and its largest value', async () => {
    const { pool, requests } = recordingPool(4);
    const session = new WorldsSession(createWorldsStore({ n: 8 }));
    await session.run(big, pool);
    expect(requests).toEqual([]);
    const { status, error, total } = session.store.getState();
    expect({ status, total }).toEqual({ status: 'error', total: 0 });
    expect(error).toMatch(/^These worlds were not started: running 8 worlds of each strategy, 4 at a time, needs about 1\.5 GB of memory, each world \d+ MB for .*; the limit in the browser is 1 GB: lower Listeners \(largest allowed with the other values: [\d,]+\)/);
    // Two worlds per side are still four at once: fewer worlds are not offered.
    expect(error).not.toMatch(/Worlds \(largest/);
    // The value it names runs; one more does not.
    const users = named(error!, 'Listeners');
    expect(users).toBeGreaterThan(2);
    const fits = recordingPool(4);
    await Promise.race([session.run({ ...big, users }, fits.pool), Promise.resolve()]);
    expect(session.store.getState().status).toBe('running');
    expect(fits.requests).toHaveLength(4);
    session.cancel();
    const over = recordingPool(4);
    await session.run({ ...big, users: users + 1 }, over.pool);
    expect(over.requests).toEqual([]);
  });

  it('counts the runs at once by the pool\'s workers: on two workers the same worlds start', () => {
    const { pool, requests } = recordingPool(2);
    const session = new WorldsSession(createWorldsStore({ n: 8 }));
    void session.run(big, pool);
    expect(session.store.getState()).toMatchObject({ status: 'running', error: null, total: 16 });
    expect(requests).toHaveLength(2);
    session.dispose();
  });

  it('names the most worlds that fit when what the page keeps of each world is what does not fit', async () => {
    // 10,000 steps: every world's rows (2,500 bytes a step, 25 MB) are kept; 32 of them do not fit beside 4 runs.
    const long: Params = { ...defaultParams(), users: 2, songs: 10, steps: 10000 };
    const random = presetParams(findPreset('random-baseline')!);
    const run = Math.max(estimateRunBytes(long), estimateRunBytes(strategyOnWorld(random, long)));
    const kept = 8 * 10 + 2500 * 10000;
    // Budget 1e9 = 4 × (run + 20 MB worker) + 2m × kept + 8 × songs, solved for m by hand.
    const most = Math.floor((1e9 - 4 * (run + 20e6) - 8 * 10) / (2 * kept));
    expect(most).toBeGreaterThanOrEqual(2);
    expect(most).toBeLessThan(16);
    const { pool, requests } = recordingPool(4);
    const session = new WorldsSession(createWorldsStore({ n: 16 }));
    await session.run(long, pool);
    expect(requests).toEqual([]);
    expect(session.store.getState().error).toMatch(new RegExp(`^These worlds were not started: running 16 worlds of each strategy, 4 at a time, needs about 1(\\.\\d)? GB of memory, .* or Worlds \\(largest allowed with the other values: ${most}\\)$`));
  });

  it('counts shared runs once: worlds whose baseline is the scenario\'s own strategy fit where two strategies\' would not', async () => {
    // As above, 16 worlds of 10,000 steps keep 25 MB of rows each; 32 do not fit, but both sides show the same 16 runs.
    const long: Params = { ...defaultParams(), users: 2, songs: 10, steps: 10000 };
    const kept = 8 * 10 + 2500 * 10000;
    const run = estimateRunBytes(long);
    // Budget 1e9 = 4 × (run + 20 MB worker) + m × kept + 8 × songs, solved for m by hand.
    const most = Math.floor((1e9 - 4 * (run + 20e6) - 8 * 10) / kept);
    expect(most).toBeGreaterThanOrEqual(16);
    const { pool, requests } = recordingPool(4);
    const session = new WorldsSession(createWorldsStore({ n: 16, baseline: 'loop-forms' }));
    void session.run(long, pool);
    expect(session.store.getState()).toMatchObject({ status: 'running', error: null, total: 16 });
    expect(requests).toHaveLength(4);
    session.dispose();
    // Past what fits, the message says the runs are shared: four of the big worlds at once do not fit either way.
    const over = recordingPool(4);
    const more = new WorldsSession(createWorldsStore({ n: 8, baseline: 'loop-forms' }));
    await more.run(big, over.pool);
    expect(over.requests).toEqual([]);
    expect(more.store.getState().error).toMatch(/^These worlds were not started: running 8 worlds \(both sides show the same runs\), 4 at a time, needs about 1\.5 GB of memory/);
  });

  it('a world that fails in the engine is reported in words with how to report it, never the exception\'s text', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(Simulation.prototype, 'step').mockImplementation(() => {
      throw new RangeError('Set maximum size exceeded');
    });
    const { pool } = fakePool(1);
    const session = new WorldsSession(createWorldsStore({ n: 2 }));
    await session.run(tiny, pool);
    const { status, error } = session.store.getState();
    expect(status).toBe('error');
    expect(error).toBe(
      "The current strategy's world 1 (seed 3) failed: an internal error stopped this run: please report it with the page’s link (Copy link) and what you did; the details are in the browser’s console",
    );
    expect(logged).toHaveBeenCalledWith(expect.any(String), expect.any(RangeError));
  });
});
