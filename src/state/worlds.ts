// The parallel-worlds page's state: its inputs (as the URL holds them), a run of N worlds per side on the batch pool, and the results the views draw.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  acrossWorlds,
  clickShares,
  estimateRunBytes,
  findPreset,
  paramsEqual,
  parallelSeedOverflow,
  parallelWorldParams,
  PARAM_SCHEMA,
  PRESETS,
  presetParams,
  sameValue,
  STRATEGY_GROUPS,
  strategyOnWorld,
  topSongs,
  worldSeedOf,
  type AcrossWorlds,
  type ParamIssue,
  type Params,
  type StepMetrics,
} from '../engine';
import type { BatchResponse } from '../worker/batchProtocol';
import { browserBatchProblem } from '../worker/memory';
import type { BatchPool, JobHandle } from '../worker/pool';
import { HOW_TO_REPORT } from '../worker/protocol';
import { quoted, readQuery, wholeNumber } from './query';

/** Fewest and most worlds a run may have: two make one pair to compare; sixteen still fit a page and a 2-core machine. */
export const WORLDS_MIN = 2;
export const WORLDS_MAX = 16;
export const WORLDS_DEFAULT = 8;
export const BASELINE_DEFAULT = 'random-baseline';
/** Songs in each world's list of top songs, as in the engine's top-10 overlap. */
export const TOP_K = 10;

/** What the user picks: how many worlds, and the preset whose strategy is the baseline. */
export interface WorldsInputs {
  readonly n: number;
  readonly baseline: string;
}

/** One finished world: what the views need of it, not its every row. */
export interface WorldResult {
  /** The world's loop seed (S + j); all worlds share the world seed. */
  readonly seed: number;
  /** Its last step's metrics (the final Gini among them). */
  readonly final: StepMetrics;
  /** Clicks per song id during the run. */
  readonly runClicks: Float64Array;
  /** Each song's share of the run's clicks (engine clickShares). */
  readonly shares: Float64Array;
  /** The TOP_K song ids with the most run clicks, best first (engine topSongs). */
  readonly top: Int32Array;
}

export type SideId = 'current' | 'baseline';

/** One strategy's N worlds and the engine's measures across them. */
export interface WorldsSide {
  readonly id: SideId;
  /** e.g. "Current strategy: The loop forms" or "Baseline: Random baseline". */
  readonly title: string;
  /** The side's parameters (world 0's seed); world j has seed + j. */
  readonly params: Params;
  readonly worlds: readonly WorldResult[];
  readonly across: AcrossWorlds;
}

/** A finished run of both sides, on one world. */
export interface WorldsRun {
  readonly inputs: WorldsInputs;
  /** The scenario the page passed in. */
  readonly scenario: Params;
  readonly worldSeed: number;
  /** The loop seeds, S … S+N−1, the same for both sides. */
  readonly seeds: readonly number[];
  /** True quality and genre per song id: one world, so one copy. */
  readonly quality: Float64Array;
  readonly genre: Uint8Array;
  readonly genres: number;
  readonly current: WorldsSide;
  readonly baseline: WorldsSide;
  /** The baseline preset runs the same strategy as the scenario: both sides are the same runs. */
  readonly sameStrategy: boolean;
}

export type WorldsStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface WorldsState extends WorldsInputs {
  status: WorldsStatus;
  /** Jobs finished and jobs in the run (N per side; N in all when the baseline shares the current side's runs). */
  done: number;
  total: number;
  /** What went wrong, in words (never a stack). */
  error: string | null;
  /** The last finished run; kept while a new one runs, so the page does not go blank. */
  result: WorldsRun | null;
  setN(n: number): void;
  setBaseline(name: string): void;
}

export type WorldsStore = StoreApi<WorldsState>;

/** `n` as a whole number of worlds within WORLDS_MIN … WORLDS_MAX. */
export function clampWorlds(n: number): number {
  return Number.isFinite(n) ? Math.max(WORLDS_MIN, Math.min(WORLDS_MAX, Math.round(n))) : WORLDS_DEFAULT;
}

export function createWorldsStore(inputs: Partial<WorldsInputs> = {}): WorldsStore {
  return createStore<WorldsState>()((set) => ({
    n: clampWorlds(inputs.n ?? WORLDS_DEFAULT),
    baseline: inputs.baseline && findPreset(inputs.baseline) ? inputs.baseline : BASELINE_DEFAULT,
    status: 'idle',
    done: 0,
    total: 0,
    error: null,
    result: null,
    setN: (n) => set({ n: clampWorlds(n) }),
    setBaseline: (name) => {
      if (findPreset(name)) set({ baseline: name });
    },
  }));
}

// ---------- the URL's fields ----------

/** The URL keys of the page's inputs (`?page=worlds&worlds=8&baseline=random-baseline`). */
export const WORLDS_LINK_KEYS = ['worlds', 'baseline'] as const;

/** `worlds=` text as a number of worlds (the common number grammar, as the CLI's --worlds), or a message naming the field and its range. */
export function parseWorldsCount(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const n = wholeNumber(text, WORLDS_MIN, WORLDS_MAX);
  return n !== null
    ? { ok: true, value: n }
    : { ok: false, message: `worlds must be a whole number from ${WORLDS_MIN} to ${WORLDS_MAX}, got ${quoted(text)} (using ${WORLDS_DEFAULT})` };
}

/** `baseline=` text as a preset name, or a message naming the field and the presets allowed. */
export function parseBaseline(text: string): { ok: true; value: string } | { ok: false; message: string } {
  return findPreset(text)
    ? { ok: true, value: text }
    : { ok: false, message: `baseline must be one of: ${PRESETS.map((p) => p.name).join(', ')}, got ${quoted(text)} (using ${BASELINE_DEFAULT})` };
}

/**
 * The page's inputs from a query string: defaults, overridden by a valid `worlds` and `baseline`.
 * Each bad or repeated field is reported (key and message, as the other link notices) and falls
 * back to its default; other keys are not this function's business and are ignored.
 */
export function readWorldsLink(search: string): { inputs: WorldsInputs; issues: ParamIssue[] } {
  const query = readQuery(search);
  const issues: ParamIssue[] = [];
  let n = WORLDS_DEFAULT;
  let baseline = BASELINE_DEFAULT;
  for (const key of WORLDS_LINK_KEYS) {
    const values = query.get(key);
    if (!values) continue;
    if (values.length > 1) {
      const fallback = key === 'worlds' ? WORLDS_DEFAULT : BASELINE_DEFAULT;
      issues.push({ key, message: `${key} given ${values.length} times: all refused (using ${fallback})` });
      continue;
    }
    const text = values[0] ?? '';
    if (key === 'worlds') {
      const read = parseWorldsCount(text);
      if (read.ok) n = read.value;
      else issues.push({ key, message: read.message });
    } else {
      const read = parseBaseline(text);
      if (read.ok) baseline = read.value;
      else issues.push({ key, message: read.message });
    }
  }
  return { inputs: { n, baseline }, issues };
}

/** The URL fields of `inputs`, in WORLDS_LINK_KEYS order (defaults included, so a link says what it shows). */
export function worldsLinkEntries(inputs: WorldsInputs): [string, string][] {
  return [
    ['worlds', String(inputs.n)],
    ['baseline', inputs.baseline],
  ];
}

// ---------- names ----------

/** Whether `a` and `b` run the same strategy (equal in every STRATEGY_GROUPS key). */
export function sameStrategy(a: Params, b: Params): boolean {
  return PARAM_SCHEMA.every((s) => !STRATEGY_GROUPS.includes(s.group) || sameValue(s, a[s.key], b[s.key]));
}

/** The title of the first preset whose strategy `params` runs, or undefined for custom settings. */
export function strategyTitle(params: Params): string | undefined {
  return PRESETS.find((p) => sameStrategy(presetParams(p), params))?.title;
}

/** How many of a side's worlds have `song` among their top TOP_K. */
export function worldsTopping(side: WorldsSide, song: number): number {
  let count = 0;
  for (const w of side.worlds) if (w.top.includes(song)) count++;
  return count;
}

// ---------- memory ----------

/** How the page says that a run of worlds was refused before it started (too big for the browser). */
export const WORLDS_REFUSED = 'These worlds were not started';

/**
 * Why `n` worlds of the scenario `params` and `n` of the `baseline` strategy on its world cannot run
 * in the browser: the worlds that go at once (one per worker of the pool's `workers`, the larger of
 * the two strategies' estimates each) and what the page keeps of every world, over the browser's
 * budget. With `shared` (the baseline's worlds are the scenario's own runs: sameRuns) there are `n`
 * runs, not 2n. The message names the controls to lower, each with the largest value that fits, the
 * number of worlds among them; undefined when they fit.
 */
export function worldsMemoryProblem(params: Params, baseline: Params, n: number, workers: number, shared = false): string | undefined {
  const runs = (m: number) => (shared ? m : 2 * m);
  const atOnce = Math.min(workers, runs(n));
  return browserBatchProblem(
    params,
    {
      count: n,
      min: WORLDS_MIN,
      runs,
      workers,
      name: 'Worlds',
      perRun: shared ? undefined : (p) => Math.max(estimateRunBytes(p), estimateRunBytes(strategyOnWorld(baseline, p))),
    },
    `${WORLDS_REFUSED}: running ${n} worlds ${shared ? '(both sides show the same runs)' : 'of each strategy'}, ${atOnce} at a time,`,
    'each world',
  );
}

// ---------- the session: jobs on the pool ----------

/** Collects one side's replies by world index. */
interface Pending {
  readonly id: SideId;
  readonly title: string;
  readonly params: Params[];
  readonly replies: (Extract<BatchResponse, { type: 'world' }> | undefined)[];
  /** The side whose runs these are, when every world of both sides has the same parameters (see `run`). */
  readonly sameRunsAs?: Pending;
}

/**
 * Whether the baseline's worlds are the current side's very runs: world j of both has equal
 * parameters (the baseline preset's strategy is the scenario's own), so running them again would
 * give the same numbers, bit for bit, at twice the cost.
 */
export function sameRuns(current: readonly Params[], baseline: readonly Params[]): boolean {
  return current.length === baseline.length && current.every((p, j) => paramsEqual(p, baseline[j]!));
}

/** The side's name in a message: "current strategy" or "baseline". */
const SIDE_WORDS: Readonly<Record<SideId, string>> = { current: 'current strategy', baseline: 'baseline' };

/**
 * Runs the page's worlds on a BatchPool and puts the outcome in the store. A new run, cancel() or
 * an error cancels every job of the run before, and a reply of a run no longer current is ignored.
 */
export class WorldsSession {
  private handles: JobHandle[] = [];
  /** Counts runs; a reply is used only while its run is the latest. */
  private generation = 0;

  constructor(readonly store: WorldsStore = createWorldsStore()) {}

  /**
   * Runs N worlds of the scenario `params` and N of the baseline preset's strategy on the same
   * world (engine strategyOnWorld), world j of both with seed S + j (engine parallelWorldParams,
   * as the CLI's --worlds). A baseline whose worlds have the same parameters as the scenario's (its
   * strategy is the scenario's own) shares their runs: N jobs go to the pool, not 2N, and both sides
   * show them. Resolves once every job has ended.
   */
  run(params: Params, pool: BatchPool): Promise<void> {
    this.stopJobs();
    const generation = ++this.generation;
    const { n, baseline } = this.store.getState();
    const preset = findPreset(baseline);
    const over = parallelSeedOverflow(params, n);
    const currentParams = over ? [] : parallelWorldParams(params, n);
    const baselineParams = over || !preset ? [] : parallelWorldParams(strategyOnWorld(presetParams(preset), params), n);
    // A baseline with the scenario's own strategy shares the current side's runs: N jobs, not 2N.
    const shared = preset !== undefined && !over && sameRuns(currentParams, baselineParams);
    // Checked before any job is submitted: the worlds share the pool's workers, so runs that each
    // fit in the browser may not fit side by side.
    const problem = !preset
      ? `the baseline ${quoted(baseline)} is not a preset`
      : over
        ? `${n} worlds need the seeds ${over.first} … ${over.last}, past the largest seed ${over.max}: lower the seed or the number of worlds`
        : (worldsMemoryProblem(params, presetParams(preset), n, pool.size, shared) ?? null);
    if (problem || !preset) {
      this.store.setState({ status: 'error', error: problem, done: 0, total: 0 });
      return Promise.resolve();
    }
    const current = strategyTitle(params);
    const currentSide: Pending = {
      id: 'current',
      title: current ? `Current strategy: ${current}` : 'Current strategy (custom settings)',
      params: currentParams,
      replies: [],
    };
    const baselineSide: Pending = {
      id: 'baseline',
      title: `Baseline: ${preset.title}`,
      params: baselineParams,
      replies: shared ? currentSide.replies : [],
      ...(shared ? { sameRunsAs: currentSide } : {}),
    };
    const sides = [currentSide, baselineSide];
    const total = shared ? n : 2 * n;
    this.store.setState({ status: 'running', error: null, done: 0, total });
    const live = () => generation === this.generation;
    for (const side of sides) {
      if (side.sameRunsAs) continue;
      side.params.forEach((world, j) => {
        const handle = pool.submit({ kind: 'world', params: world, withQuality: j === 0 }, (message) => {
          if (!live()) return;
          if (message.type === 'error') {
            this.fail(`The ${SIDE_WORDS[side.id]}'s world ${j + 1} (seed ${world.seed}) failed: ${message.message}`);
            return;
          }
          if (message.type !== 'world') return;
          side.replies[j] = message;
          const done = this.store.getState().done + 1;
          this.store.setState({ done });
          if (done === total) this.finish({ inputs: { n, baseline }, scenario: params, sides });
        });
        this.handles.push(handle);
        // A job cancelled from outside (the pool was disposed) cancels the run: it cannot complete.
        // This session's own cancels move to a new generation first, so they never land here.
        void handle.ended.then((how) => {
          if (how === 'cancelled' && live()) this.cancel();
        });
      });
    }
    return Promise.all(this.handles.map((h) => h.ended)).then(() => undefined);
  }

  /** Cancels every job of the run; the last finished result stays. */
  cancel(): void {
    if (this.store.getState().status !== 'running') return;
    this.generation++;
    this.stopJobs();
    this.store.setState({ status: 'cancelled' });
  }

  /** Cancels the run's jobs when the page goes away. */
  dispose(): void {
    this.generation++;
    this.stopJobs();
  }

  private stopJobs(): void {
    // Last first: the queued jobs go before the running ones, so stopping a worker never starts
    // one of this run's queued jobs on a fresh worker just to stop that too.
    for (const handle of this.handles.splice(0).reverse()) handle.cancel();
  }

  private fail(message: string): void {
    this.generation++;
    this.stopJobs();
    this.store.setState({ status: 'error', error: message });
  }

  private finish(run: { inputs: WorldsInputs; scenario: Params; sides: Pending[] }): void {
    this.handles = [];
    try {
      this.store.setState({ status: 'done', result: buildRun(run.inputs, run.scenario, run.sides) });
    } catch (err) {
      // The exception's own words go to the console; the page shows a fixed sentence.
      console.error('The worlds could not be compared:', err);
      this.store.setState({ status: 'error', error: `The worlds could not be compared (an internal error): ${HOW_TO_REPORT}.` });
    }
  }
}

/** A side's results from its replies: per world the final row and top songs, across worlds the engine's measures. */
function buildSide(side: Pending, quality: Float64Array): WorldsSide {
  const worlds = side.replies.map((reply, j): WorldResult => {
    const final = reply?.rows.at(-1);
    if (!reply || !final) throw new Error(`world ${j + 1} of the ${SIDE_WORDS[side.id]} returned no steps`);
    return {
      seed: side.params[j]!.seed,
      final,
      runClicks: reply.runClicks,
      shares: clickShares(reply.runClicks),
      top: topSongs(reply.runClicks, TOP_K),
    };
  });
  const across = acrossWorlds({ runClicks: worlds.map((w) => w.runClicks), quality, gini: worlds.map((w) => w.final.gini) });
  return { id: side.id, title: side.title, params: side.params[0]!, worlds, across };
}

function buildRun(inputs: WorldsInputs, scenario: Params, sides: Pending[]): WorldsRun {
  const [current, baseline] = sides as [Pending, Pending];
  const first = current.replies[0];
  if (!first?.quality || !first.genre) throw new Error('the first world returned no song qualities');
  const currentSide = buildSide(current, first.quality);
  return {
    inputs,
    scenario,
    worldSeed: worldSeedOf(scenario),
    seeds: current.params.map((p) => p.seed),
    quality: first.quality,
    genre: first.genre,
    genres: scenario.genres,
    current: currentSide,
    // The same runs give the same worlds and measures: computed once, shown under the baseline's title.
    baseline: baseline.sameRunsAs === current ? { ...currentSide, id: baseline.id, title: baseline.title, params: baseline.params[0]! } : buildSide(baseline, first.quality),
    sameStrategy: sameStrategy(current.params[0]!, baseline.params[0]!),
  };
}

/** A store and session in one call, for a page that is given neither. */
export function createWorldsSession(inputs?: Partial<WorldsInputs>): WorldsSession {
  return new WorldsSession(createWorldsStore(inputs));
}
