// How much memory a run needs, estimated from its parameters before it starts, so that a run too
// big for where it runs is refused with a readable message instead of dying minutes in.
import { pow } from '../math';
import { consumptionBitsetBytes, trackedListenersBound } from '../metrics/consumption';
import { tasteTermsBytes } from '../metrics/tasteTerms';
import { paramSpec, type ParamKey, type Params } from './schema';

/**
 * Memory a run may use in Node: 2 GB for the CLI's run, or for all the `--worlds` runs that run at
 * once together. Node's own heap limit is 2 to 4 GB on a 64-bit machine; typed arrays (most of a
 * run) live outside it.
 */
export const NODE_MEMORY_BUDGET = 2e9;
/**
 * Memory a run may use in the browser's worker: 1 GB, well under what a tab may take, leaving room
 * for the page, its copies of the per-song arrays and structures a live change can add (switching
 * to the factorization recommender builds its model mid-run; this estimate counts only the
 * parameters the run starts with).
 */
export const BROWSER_MEMORY_BUDGET = 1e9;

/** One part of the estimate: what it is, its size, and the parameters that make it grow. */
export interface MemoryPart {
  readonly label: string;
  /** What it grows with, e.g. "songs × slate size". */
  readonly shape: string;
  readonly bytes: number;
  /** Numeric parameters whose lowering shrinks this part. */
  readonly drivers: readonly ParamKey[];
}

/** Bytes per (song, slot): the position log's impressions and clicks (Float64Array each). */
export const BYTES_PER_SONG_SLOT = 16;
/**
 * Bytes per song for every run: 92 in typed arrays held for the whole run (world 22: genre 1,
 * quality 8, release 4, prior 8, long-tail flag 1; log 16: plays, impressions; simulation 25: tie
 * keys, song score, live tail, tail order; positional model 8; metrics 18: buckets, head, marks,
 * ever-shown, quality ranks, repeat marks; quality index 4), the default recommender's sampling
 * weights with their copy, prefix sums and bucket index (up to 32; sub-buckets of crowded buckets up
 * to 16 more) and, once a listener has more than 32 songs out, its Fenwick tree with a copy (up to 32 more), and the copies a step makes and drops (sorted counts for the Gini, ranks and keys for the
 * rank correlation, a deterministic ranking's sort buffers): 260 with margin, calibrated against
 * measured peaks (table below).
 */
export const BYTES_PER_SONG = 260;
/** Bytes per (listener, slot): the step's slate, clicks, propensities, exploration flags, true relevance (18) and the metrics' relevant sets with their relevance and the previous step's slates (16). */
export const BYTES_PER_LISTENER_SLOT = 34;
/** Bytes per (listener, genre): initial and current taste, taste factor, clicks per genre (Float64Array each). */
export const BYTES_PER_LISTENER_GENRE = 32;
/** Bytes per (listener, sign-up pick): the picks (Int32Array). */
export const BYTES_PER_LISTENER_PICK = 4;
/** Bytes per listener otherwise: clicks, tail clicks, taste maximum, slate lengths, the metrics' per-listener values, with a step's working copies. */
export const BYTES_PER_LISTENER = 170;
/** Bytes per logged click: (listener, song) in the click log's Int32Array chunks. */
export const BYTES_PER_CLICK = 8;
/** Bytes per excluded (listener, song): an entry of the listener's Set and of their list (measured 35–60 on V8). */
export const BYTES_PER_CONSUMED = 40;
/** Bytes per listener with excluded songs: their Set and list themselves. */
export const BYTES_PER_CONSUMER = 300;
/**
 * Bytes per distinct click of a tracked listener when hash sets hold them (an Int32Array at most
 * half full, that doubles: up to 4 slots a click), and per tracked listener; at most 16 MB of
 * bitsets hold them instead where they fit (consumptionBitsetBytes).
 */
const BYTES_PER_TRACKED_CLICK = 16;
const BYTES_PER_TRACKED_LISTENER = 120;
/** The factorization model (rank 8): factors (64) and a click row (56) per listener and song, plus each row's typed arrays once it has a click (~240 a song, ~450 a listener with its pair map). */
const FACTORIZATION_BYTES_PER_SONG = 380;
const FACTORIZATION_BYTES_PER_LISTENER = 570;
/** Per distinct (listener, song) pair of the factorization model: pair map entry, both rows' entries (12 each, doubling) and pair slots. */
const FACTORIZATION_BYTES_PER_PAIR = 110;
/** Per song, extra: the personalized recommender's genre pools (60; 45 more for their index when excluding clicked songs at τ > 0), xQuAD's tail pool (40). */
const PERSONALIZED_BYTES_PER_SONG = 60;
const PERSONALIZED_INDEX_BYTES_PER_SONG = 45;
const XQUAD_BYTES_PER_SONG = 40;
/** Per step: the row of metrics (about 1 KB as an object) and its share of the output text (about 1 KB of JSON). */
export const BYTES_PER_STEP = 2500;
/** Fixed: the listener-pair samples of the overlap metrics, chunk slack of the click log, code. */
const FIXED_BYTES = 16e6;

/** Songs a run holds: the initial catalog and every song released during it. */
function songCount(p: Params): number {
  return p.songs + p.newSongsPerStep * p.steps;
}

/**
 * Expected clicks of one listener in one step, at most: every slot k is examined with probability
 * (1/k)^η and clicked with probability at most the click ceiling. Reached by the oracle; a
 * popularity ranking clicks about half as often, so the parts that grow with clicks are upper bounds.
 */
export function clicksPerListenerStep(p: Pick<Params, 'slateSize' | 'positionBias' | 'maxClickProb'>): number {
  let seen = 0;
  for (let k = 1; k <= p.slateSize; k++) seen += pow(1 / k, p.positionBias);
  return p.maxClickProb * seen;
}

/**
 * The parts of the memory a run of `params` needs at its peak, in bytes, largest first.
 *
 * Counted: every array the engine allocates for the run's whole length (world, log, simulation
 * buffers, position log, metrics, the recommender's and re-ranker's pools, the factorization model
 * when it is the recommender), the per-step working copies, what grows with clicks (the click log,
 * each listener's excluded songs when excludeConsumed is on, the tracked listeners' clicked sets of
 * the consumption-overlap metric, the factorization model's pairs) at the upper bound of
 * clicksPerListenerStep, and the step rows with the output text. Not counted: Node or the browser
 * themselves (~40 MB), the `--events` and `--world` files (written as they go), the page's own
 * copies, and structures a live change adds mid-run in the page (a switch to factorization or to
 * excluding clicked songs).
 *
 * Estimate against measurement (`node --expose-gc --import tsx scripts/measure-memory.ts PARAMS`:
 * peak of heapUsed + external above the start, sampled after every step with garbage collected
 * after each; in brackets the peak RSS growth). Defaults except as listed; the estimate is above the
 * measurement everywhere, close where arrays dominate and up to about 3 times it where clicks do
 * (the bound counts the oracle's click rate; other recommenders click half as often or less):
 *
 * | run                                                              | estimate |  measured        |
 * | ---------------------------------------------------------------- | -------- | ---------------- |
 * | 10k listeners × 10k songs, slate 10, 20 steps                    |   46 MB  |   32 MB  (35)    |
 * | 50k × 50k, slate 10, 20 steps                                    |  130 MB  |   93 MB (112)    |
 * | 200k × 10 songs, slate 1, 2 steps                                |  118 MB  |   77 MB  (82)    |
 * | 2 × 200k songs, slate 1, 3 steps                                 |   71 MB  |   43 MB  (43)    |
 * | … personalized / factorization                                   | 83 / 147 | 50 / 78 (68 / 94)|
 * | 200k × 200k, slate 1, 3 steps                                    |  176 MB  |  138 MB (155)    |
 * | 1k × 2k (the defaults), 1,000 steps                              |   39 MB  |   25 MB  (24)    |
 * | 5k × 2k, 200 steps, oracle, η = 0                                |   87 MB  |   77 MB  (77)    |
 * | … excluding clicked songs                                        |  409 MB  |  197 MB (236)    |
 * | 20k × 2k, 200 steps, excluding clicked songs                     |  496 MB  |  219 MB (272)    |
 * | 3k × 2k, 100 steps, factorization, η = 0                         |  307 MB  |   96 MB (110)    |
 * | 200k × 200k, slate 50, ε = 1, excluding clicked songs, 5 steps   |  905 MB  |  716 MB (748)    |
 * | the same, 100 steps (issue 10's run, once a Set-size RangeError) |  4.4 GB  | refused; ~1.7 GB |
 *
 * (Measured again in December 2026, after the overlap metric's clicked songs became bitsets where
 * they fit in 16 MiB: the rows where clicks dominate fell, in the estimate and in the measurement.)
 *
 * The last run is refused in Node (2 GB); it would need about 1.7 GB (its first 5 steps, then some
 * 10 MB a step). It used to stop at minute 3 when one Set of all excluded (listener, song) pairs
 * reached V8's 2^24 entries; the excluded songs, like the factorization model's pairs, are now kept
 * per listener, and no Set, Map or array of the engine can reach a V8 size limit in a run within
 * the budget (a typed array is at most 2 GB then).
 */
export function memoryParts(p: Params): MemoryPart[] {
  const S = songCount(p);
  const U = p.users;
  const k = p.slateSize;
  const growth: ParamKey[] = p.newSongsPerStep > 0 ? ['newSongsPerStep', 'steps'] : [];
  const songDrivers: ParamKey[] = ['songs', ...growth];
  const perListener = Math.min(S, clicksPerListenerStep(p) * p.steps);
  const clicks = U * clicksPerListenerStep(p) * p.steps;
  let perSong = BYTES_PER_SONG;
  if (p.recommender === 'personalized') perSong += PERSONALIZED_BYTES_PER_SONG + (p.excludeConsumed && p.rankingTemperature > 0 ? PERSONALIZED_INDEX_BYTES_PER_SONG : 0);
  if (p.rerank === 'xquad') perSong += XQUAD_BYTES_PER_SONG;
  const tracked = trackedListenersBound(U);
  const bitsets = consumptionBitsetBytes(U, S);
  const parts: MemoryPart[] = [
    { label: 'the position log', shape: 'songs × slate size', bytes: BYTES_PER_SONG_SLOT * S * k, drivers: [...songDrivers, 'slateSize'] },
    { label: 'the per-song arrays', shape: 'songs', bytes: perSong * S, drivers: songDrivers },
    { label: 'the slates and their metrics', shape: 'listeners × slate size', bytes: BYTES_PER_LISTENER_SLOT * U * k, drivers: ['users', 'slateSize'] },
    {
      label: 'the per-listener arrays',
      shape: 'listeners × genres',
      bytes: U * (BYTES_PER_LISTENER_GENRE * p.genres + BYTES_PER_LISTENER_PICK * p.onboardingPicks + BYTES_PER_LISTENER),
      drivers: ['users', 'genres', 'onboardingPicks'],
    },
    { label: 'the click log', shape: 'listeners × steps × clicks per slate', bytes: BYTES_PER_CLICK * clicks, drivers: ['users', 'steps', 'slateSize'] },
    {
      label: 'the clicked songs the overlap metric tracks',
      shape: bitsets > 0 ? 'listeners × songs bits' : 'listeners × steps × clicks per slate',
      bytes: bitsets > 0 ? bitsets + tracked * BYTES_PER_TRACKED_LISTENER : tracked * (BYTES_PER_TRACKED_CLICK * perListener + BYTES_PER_TRACKED_LISTENER),
      drivers: bitsets > 0 ? ['users', ...songDrivers] : ['users', 'steps', 'slateSize'],
    },
    { label: 'the step rows and the output', shape: 'steps', bytes: BYTES_PER_STEP * p.steps, drivers: ['steps'] },
    { label: 'fixed costs', shape: 'none', bytes: FIXED_BYTES, drivers: [] },
  ];
  const tasteTerms = tasteTermsBytes(U, p.genres, k);
  // Kept only while small (at most 8 MB), so it never decides whether a run fits; listed to be complete.
  if (tasteTerms > 0)
    parts.push({ label: 'the taste-KL terms', shape: 'listeners × genres × slate size', bytes: tasteTerms, drivers: ['users', 'genres', 'slateSize'] });
  if (p.excludeConsumed)
    parts.push({
      label: 'the excluded songs',
      shape: 'listeners × songs clicked per listener',
      bytes: U * (BYTES_PER_CONSUMER + BYTES_PER_CONSUMED * perListener),
      drivers: ['users', 'steps', 'slateSize'],
    });
  if (p.recommender === 'factorization')
    parts.push({
      label: 'the factorization model',
      shape: 'listeners × songs clicked per listener',
      bytes:
        FACTORIZATION_BYTES_PER_LISTENER * U +
        FACTORIZATION_BYTES_PER_SONG * S +
        FACTORIZATION_BYTES_PER_PAIR * U * Math.min(S, p.onboardingPicks + clicksPerListenerStep(p) * p.steps),
      drivers: ['users', 'steps', 'slateSize', ...songDrivers],
    });
  return parts.sort((a, b) => b.bytes - a.bytes);
}

/** Estimated peak memory of a run of `params`, in bytes: the sum of memoryParts. */
export function estimateRunBytes(params: Params): number {
  return memoryParts(params).reduce((sum, part) => sum + part.bytes, 0);
}

/** "9.1 GB", "950 MB": decimal units, as memory budgets are given. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(Math.round(bytes / 1e8) / 10).toString()} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6)).toString()} MB`;
}

/** An integer with thousands separators: 98,000. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The largest value of the integer parameter `key`, at most its current value, for which
 * `estimate` stays within `budget` with every other parameter as it is; undefined when even its
 * smallest allowed value does not fit. Every part grows with every driver, so a binary search finds it.
 */
export function largestAllowed(params: Params, key: ParamKey, budget: number, estimate: (p: Params) => number = estimateRunBytes): number | undefined {
  const spec = paramSpec(key);
  if (spec?.type !== 'int') return undefined;
  const at = (v: number) => estimate({ ...params, [key]: v } as Params);
  let lo = spec.min;
  let hi = params[key] as number;
  if (at(lo) > budget) return undefined;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (at(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Memory of a worker (a Web Worker or a worker thread) besides its run: its own heap and the engine's code. */
export const BYTES_PER_WORKER = 20e6;

/**
 * Memory of `runs` whole runs on one world, on `workers` workers that each hold one run at a time:
 * min(workers, runs) runs at once, each estimated by `perRun` (default estimateRunBytes) with its
 * worker, plus what whoever started them keeps of every finished run (its step rows and a number
 * per song, at most) and one more number per song (the songs' quality, sent once).
 */
export function batchBytes(params: Params, runs: number, workers: number, perRun: (p: Params) => number = estimateRunBytes): number {
  const songs = songCount(params);
  return Math.min(workers, runs) * (perRun(params) + BYTES_PER_WORKER) + runs * (8 * songs + BYTES_PER_STEP * params.steps) + 8 * songs;
}

/**
 * Runs started together on a pool of workers (the CLI's --worlds, the page's parallel worlds, a
 * comparison's arms or its spread over seeds), as a number the user picks (worlds, seeds, arms).
 */
export interface Batch {
  /** The number picked, e.g. 8 worlds. */
  readonly count: number;
  /** Its smallest allowed value. */
  readonly min: number;
  /** How many runs a count makes, e.g. two per world for two strategies. */
  readonly runs: (count: number) => number;
  /** Workers that take the runs, each one run at a time. */
  readonly workers: number;
  /** The count as a message names it, e.g. "--worlds" or "Worlds". */
  readonly name: string;
  /** One run's estimate (default estimateRunBytes); when the runs differ in strategy, the largest of them. */
  readonly perRun?: (p: Params) => number;
}

export interface MemoryCheck {
  /** Where the run is, e.g. "the limit here is" (default) or "the limit in the browser is". */
  readonly where?: string;
  /** What is estimated, e.g. "this run" (default) or "--worlds 8, 2 at a time,". */
  readonly subject?: string;
  /** The estimate (default estimateRunBytes), e.g. several runs at once. */
  readonly estimate?: (p: Params) => number;
  /** How a parameter is named in the message: the key (default), a CLI flag, a control's label. */
  readonly name?: (key: ParamKey) => string;
  /** When the estimate covers several runs: what one is called ("each world"), before the parts, which are one run's. */
  readonly each?: string;
  /** Further values to lower that are not parameters, phrased like the others: `--worlds (largest allowed with the other values: 3)`. */
  readonly more?: readonly string[];
}

/**
 * Why a run of `params` cannot start within `budget` bytes, in one line that names what drives the
 * estimate and the largest allowed value of each parameter that could bring it within the budget
 * alone (the other values kept); undefined when it fits.
 */
export function memoryProblem(params: Params, budget: number, check: MemoryCheck = {}): string | undefined {
  const estimate = check.estimate ?? estimateRunBytes;
  const total = estimate(params);
  if (total <= budget) return undefined;
  const name = check.name ?? ((key: ParamKey) => key);
  const parts = memoryParts(params).filter((part) => part.drivers.length > 0);
  const top = parts.slice(0, 2).filter((part, n) => n === 0 || part.bytes >= total / 5);
  const breakdown = top.map((part) => `${formatBytes(part.bytes)} for ${part.label} (${part.shape})`).join(' and ');
  // The drivers of the largest parts first, then of the rest.
  const candidates = [...new Set([...top, ...parts].flatMap((part) => part.drivers))].filter((key) => typeof params[key] === 'number');
  const fixes: string[] = [];
  for (const key of candidates) {
    const largest = largestAllowed(params, key, budget, estimate);
    if (largest !== undefined && largest < (params[key] as number)) fixes.push(`${name(key)} (largest allowed with the other values: ${groupDigits(largest)})`);
    if (fixes.length === 3) break;
  }
  fixes.push(...(check.more ?? []));
  const list = (items: readonly string[], last: string) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}` : (items[0] ?? ''));
  const advice =
    fixes.length > 0
      ? `lower ${list(fixes, 'or')}`
      : `no one value is enough: lower several of ${list(candidates.slice(0, 4).map(name), 'and')} together`;
  return `${check.subject ?? 'this run'} needs about ${formatBytes(total)} of memory, ${check.each ? `${check.each} ` : ''}${breakdown}; ${check.where ?? 'the limit here is'} ${formatBytes(budget)}: ${advice}`;
}

/**
 * Why `batch` cannot start within `budget` bytes (batchBytes of the runs that go at once and of
 * what is kept), in memoryProblem's words, with the largest count that fits (the other values
 * kept) among the values to lower; undefined when it fits.
 */
export function batchMemoryProblem(params: Params, budget: number, batch: Batch, check: MemoryCheck = {}): string | undefined {
  const perRun = batch.perRun ?? estimateRunBytes;
  const bytes = (p: Params, count: number) => batchBytes(p, batch.runs(count), batch.workers, perRun);
  const estimate = (p: Params) => bytes(p, batch.count);
  if (estimate(params) <= budget) return undefined;
  let most = 0;
  for (let m = batch.min; m < batch.count; m++) if (bytes(params, m) <= budget) most = m;
  const more = most > 0 ? [`${batch.name} (largest allowed with the other values: ${groupDigits(most)})`] : [];
  return memoryProblem(params, budget, { ...check, estimate, more: [...(check.more ?? []), ...more] });
}
