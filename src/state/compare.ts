// The compare page's state: 2–4 arms on one world and seed, their rows, a shared playback cursor, and spreads over seeds.
import { createStore } from 'zustand/vanilla';
import { armParams, findPreset, presetParams, type InitialMetrics, type Params, type StepMetrics } from '../engine';

/** Fewest and most arms a comparison has. */
export const MIN_ARMS = 2;
export const MAX_ARMS = 4;
/** Seeds a spread runs unless asked otherwise, and the most it may. */
export const DEFAULT_SEEDS = 10;
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
  }));
}

export type CompareStore = ReturnType<typeof createCompareStore>;
