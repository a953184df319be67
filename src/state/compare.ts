// The compare page's state: 2–4 arms on one world and seed, their rows, a shared playback cursor, and spreads over seeds.
import { createStore } from 'zustand/vanilla';
import { armParams, estimateRunBytes, findPreset, presetParams, type InitialMetrics, type Params, type StepMetrics } from '../engine';
import { browserBatchProblem } from '../worker/memory';

/** Fewest and most arms a comparison has. */
export const MIN_ARMS = 2;
export const MAX_ARMS = 4;
/** Seeds a spread runs unless asked otherwise, the fewest and the most it may. */
export const DEFAULT_SEEDS = 10;
export const MIN_SEEDS = 2;
export const MAX_SEEDS = 30;

/** One arm as chosen: a preset (its parameters on the shared world), or the page's own settings. */
export interface ArmChoice {
  /** A preset name, or null for the settings the page had when the arm was added. */
  readonly preset: string | null;
  /** The arm's parameters before the shared keys are applied. */
  readonly params: Params;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** What one arm's run has produced so far. */
export interface ArmRun {
  readonly initial: InitialMetrics | null;
  readonly rows: readonly StepMetrics[];
  readonly status: JobStatus;
  readonly error: string | null;
}

/** Each arm run over several seeds: rows per arm per seed, as far as they have arrived. */
export interface SeedSpread {
  /** The seeds, S … S+n−1. */
  readonly seeds: readonly number[];
  /** runs[arm][seed index]: the finished runs' rows (empty until that run is done). */
  readonly runs: readonly (readonly (readonly StepMetrics[])[])[];
  /** Runs finished, of arms × seeds. */
  readonly finished: number;
  readonly total: number;
  readonly status: JobStatus;
  readonly error: string | null;
}

export interface CompareState {
  /** The world, seed and sizes every arm shares (see SHARED_KEYS). */
  shared: Params;
  arms: readonly ArmChoice[];
  /** One per arm, in arm order; null before the arm has been run. */
  runs: readonly (ArmRun | null)[];
  /** The step every chart and the table show: the arms play in lockstep. */
  shown: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** Seeds a spread runs. */
  seedCount: number;
  spread: SeedSpread | null;
  /**
   * Why the arms or the spread over seeds were not started (too big for the browser together), in
   * words naming what to lower; null when the last start went ahead.
   */
  refused: string | null;
}

/** The parameters arm `arm` runs with: its own on the shared world and seed. */
export function armRunParams(state: Pick<CompareState, 'shared'>, arm: ArmChoice): Params {
  return armParams(arm.params, state.shared);
}

/** An arm from a preset name; undefined if there is no such preset. */
export function presetArm(name: string): ArmChoice | undefined {
  const preset = findPreset(name);
  return preset ? { preset: name, params: presetParams(preset) } : undefined;
}

/** The step all arms have reached: the cursor may not pass the slowest arm. */
export function reachedStep(runs: readonly (ArmRun | null)[]): number {
  if (runs.length === 0 || runs.some((r) => r === null)) return 0;
  return Math.min(...runs.map((r) => r!.rows.at(-1)?.t ?? 0));
}

/** How the page says that the arms were not run, or the spread over seeds not started, because together they are too big for the browser. */
export const COMPARISON_REFUSED = 'The comparison was not started';
export const SPREAD_REFUSED = 'The spread over seeds was not started';

/**
 * The arms' runs for the memory check: the run of the arm that needs the most (whose parameters the
 * message's breakdown and the values to lower start from), and one run's estimate on a world `p`
 * (its SHARED_KEYS), the largest of the arms', so lowering a shared size lowers every arm.
 */
function armsForMemory(state: Pick<CompareState, 'shared' | 'arms'>): { largest: Params; perRun: (p: Params) => number } {
  const runs = state.arms.map((arm) => armRunParams(state, arm));
  const sizes = runs.map(estimateRunBytes);
  const largest = runs[sizes.indexOf(Math.max(...sizes))] ?? state.shared;
  const perRun = (p: Params) => Math.max(...state.arms.map((arm) => estimateRunBytes(armParams(arm.params, p))));
  return { largest, perRun };
}

/**
 * Why the arms cannot all run in the browser: up to `workers` at once (the pool's size), over the
 * browser's memory budget. Names the shared sizes to lower and the most arms that fit; undefined
 * when they fit.
 */
export function armsMemoryProblem(state: Pick<CompareState, 'shared' | 'arms'>, workers: number): string | undefined {
  const { largest, perRun } = armsForMemory(state);
  const n = state.arms.length;
  return browserBatchProblem(
    largest,
    { count: n, min: MIN_ARMS, runs: (m) => m, workers, name: 'the number of arms', perRun },
    `${COMPARISON_REFUSED}: running ${n} arms, ${Math.min(workers, n)} at a time,`,
    'the largest arm',
  );
}

/**
 * Why every arm on `seedCount` seeds cannot run in the browser: up to `workers` runs at once, and
 * every finished run's rows kept, over the browser's memory budget. Names the shared sizes to
 * lower and the most seeds that fit; undefined when they fit.
 */
export function seedsMemoryProblem(state: Pick<CompareState, 'shared' | 'arms' | 'seedCount'>, workers: number): string | undefined {
  const { largest, perRun } = armsForMemory(state);
  const arms = state.arms.length;
  const total = arms * state.seedCount;
  return browserBatchProblem(
    largest,
    { count: state.seedCount, min: MIN_SEEDS, runs: (m) => arms * m, workers, name: 'Seeds', perRun },
    `${SPREAD_REFUSED}: running ${arms} arms × ${state.seedCount} seeds, ${Math.min(workers, total)} at a time,`,
    'the largest arm',
  );
}

/** The arms' default: the loop, then the two kinds of mitigation a class meets first. */
export const DEFAULT_ARMS: readonly string[] = ['loop-forms', 'epsilon-exploration', 'thompson-sampling'];

export function createCompareStore(shared: Params, arms: readonly ArmChoice[], seedCount = DEFAULT_SEEDS) {
  return createStore<CompareState>()(() => ({
    shared,
    arms,
    runs: arms.map(() => null),
    shown: 0,
    playing: false,
    speed: 10,
    seedCount,
    spread: null,
    refused: null,
  }));
}

export type CompareStore = ReturnType<typeof createCompareStore>;
