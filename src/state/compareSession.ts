// Runs the compare page's arms and seed spreads in the batch pool, and moves the shared playback cursor.
import type { StepMetrics } from '../engine';
import type { BatchPool, JobHandle } from '../worker/pool';
import {
  armRunParams,
  armsMemoryProblem,
  MAX_ARMS,
  MAX_SEEDS,
  MIN_ARMS,
  MIN_SEEDS,
  reachedStep,
  seedsMemoryProblem,
  type ArmChoice,
  type ArmRun,
  type CompareStore,
  type SeedSpread,
} from './compare';

export interface CompareSessionOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** The clock for throttling updates (default performance.now). */
  now?: () => number;
}

/** Shortest interval between two updates of an arm still being computed. */
export const PUBLISH_MS = 250;

export class CompareSession {
  /** The job of each arm (by arm index) while it runs. */
  private armJobs: (JobHandle | null)[] = [];
  private seedJobs: JobHandle[] = [];
  private timer: unknown = null;
  /**
   * One token per arm (by arm index) for its latest run: a job finds its arm by its token, so it
   * still reaches the right arm after an arm before it is removed, and a replaced run is dropped.
   */
  private armTokens: (object | undefined)[] = [];
  private seedGeneration = 0;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;
  /** Arms' rows received but not yet in the store, by the arm's token. */
  private readonly pending = new Map<object, ArmRun>();
  private lastPublished = -Infinity;
  /** A step asked for (seek) that the arms had not reached yet. */
  private seekTarget: number | null = null;

  constructor(
    private readonly store: CompareStore,
    private readonly pool: () => BatchPool,
    options: CompareSessionOptions = {},
  ) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Runs every arm that has not been run (all of them at first) to the shared run length, unless
   * the arms together are too big for the browser: then none is started and `refused` says what
   * to lower.
   */
  start(): void {
    if (!this.armsFit()) return;
    this.store.getState().runs.forEach((run, i) => {
      if (run === null) this.runArm(i);
    });
  }

  /**
   * Whether every arm can run at once (as many as the pool has workers) within the browser's
   * memory; if not, `refused` says why. Checked before any arm's job is submitted.
   */
  private armsFit(): boolean {
    const problem = armsMemoryProblem(this.store.getState(), this.pool().size);
    this.store.setState({ refused: problem ?? null });
    return problem === undefined;
  }

  /** Stops every job and the cursor; arms cut short are left unrun, so a later start() runs them again. */
  dispose(): void {
    this.stopTimer();
    if (this.store.getState().playing) this.pool().reserveCore(false);
    for (const job of this.armJobs) job?.cancel();
    this.armJobs = [];
    this.armTokens = [];
    const { runs, playing } = this.store.getState();
    if (runs.some((r) => r?.status === 'running') || playing)
      this.store.setState({ runs: runs.map((r) => (r?.status === 'running' ? null : r)), playing: false });
    this.cancelSeeds();
  }

  /** Replaces arm `index` (or adds one at the end) and runs it; a spread over seeds no longer matches and is dropped. */
  setArm(index: number, arm: ArmChoice): void {
    const { arms, runs } = this.store.getState();
    if (index < 0 || index > arms.length || index >= MAX_ARMS) return;
    const nextArms = [...arms];
    nextArms[index] = arm;
    const nextRuns = [...runs];
    nextRuns[index] = null;
    this.cancelSeeds();
    this.store.setState({ arms: nextArms, runs: nextRuns, spread: null });
    // An arm too many for the browser's memory stays unrun (and the arm it replaces stops).
    if (this.armsFit()) this.runArm(index);
    else {
      this.armJobs[index]?.cancel();
      this.armJobs[index] = null;
      this.armTokens[index] = undefined;
    }
  }

  /** Removes arm `index` (never below MIN_ARMS). */
  removeArm(index: number): void {
    const { arms, runs } = this.store.getState();
    if (arms.length <= MIN_ARMS || index < 0 || index >= arms.length) return;
    this.armJobs[index]?.cancel();
    this.armJobs.splice(index, 1);
    this.armTokens.splice(index, 1);
    this.cancelSeeds();
    this.store.setState({ arms: arms.filter((_, i) => i !== index), runs: runs.filter((_, i) => i !== index), spread: null });
    // Arms refused for memory may fit with one fewer.
    if (this.store.getState().refused !== null) this.start();
  }

  private runArm(index: number): void {
    this.armJobs[index]?.cancel();
    const token = {};
    this.armTokens[index] = token;
    const state = this.store.getState();
    const arm = state.arms[index]!;
    const params = armRunParams(state, arm);
    const rows: StepMetrics[] = [];
    let initial: ArmRun['initial'] = null;
    this.updateRun(index, { initial: null, rows: [], status: 'running', error: null });
    const job = this.pool().submit({ kind: 'rows', scenario: { params }, toStep: params.steps }, (message) => {
      // The arm's index now: arms before it may have been removed since the job started.
      const at = this.armTokens.indexOf(token);
      if (at < 0) return;
      if (message.type === 'error') {
        this.pending.delete(token);
        this.updateRun(at, { initial, rows: rows.slice(), status: 'failed', error: message.message });
        return;
      }
      if (message.type !== 'rows') return;
      if (message.initial) initial = message.initial;
      rows.push(...message.rows);
      this.pending.set(token, { initial, rows: rows.slice(), status: message.done ? 'done' : 'running', error: null });
      // Each arm sends rows every 50 ms; the page redraws for all of them together, at most every
      // PUBLISH_MS (and at once when an arm is done).
      const now = this.now();
      if (message.done || now - this.lastPublished >= PUBLISH_MS) {
        this.lastPublished = now;
        this.flushPending();
      }
    });
    this.armJobs[index] = job;
  }

  /** Puts every arm's rows received since the last update into the store, in one update. */
  private flushPending(): void {
    if (this.pending.size === 0) return;
    const runs = [...this.store.getState().runs];
    for (const [token, run] of this.pending) {
      const at = this.armTokens.indexOf(token);
      if (at >= 0) runs[at] = run;
    }
    this.pending.clear();
    const target = this.seekTarget;
    if (target === null) this.store.setState({ runs });
    else {
      const shown = Math.min(target, reachedStep(runs));
      if (shown >= target) this.seekTarget = null;
      this.store.setState({ runs, shown: Math.max(shown, this.store.getState().shown) });
    }
  }

  private updateRun(index: number, run: ArmRun): void {
    const runs = [...this.store.getState().runs];
    runs[index] = run;
    this.store.setState({ runs });
  }

  // Playback: a cursor over rows already computed, so the arms always show the same step.

  play(): void {
    const state = this.store.getState();
    if (state.playing) return;
    if (state.shown >= state.shared.steps) this.store.setState({ shown: 0 });
    this.seekTarget = null;
    this.store.setState({ playing: true });
    this.pool().reserveCore(true);
    this.tick();
  }

  pause(): void {
    this.stopTimer();
    this.store.setState({ playing: false });
    this.pool().reserveCore(false);
  }

  togglePlay(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /**
   * Shows step `t`, or as far as every arm has reached; a step not reached yet is shown as soon as
   * the arms get there ("To the end" while they are still being computed).
   */
  seek(t: number): void {
    const { runs, shared } = this.store.getState();
    const wanted = Math.max(0, Math.min(Math.round(t), shared.steps));
    const shown = Math.min(wanted, reachedStep(runs));
    this.seekTarget = wanted > shown ? wanted : null;
    this.store.setState({ shown });
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed: Math.max(1, Math.min(60, speed)) });
  }

  private tick(): void {
    this.stopTimer();
    const { playing, speed } = this.store.getState();
    if (!playing) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      const state = this.store.getState();
      if (!state.playing) return;
      const reached = reachedStep(state.runs);
      if (state.shown >= state.shared.steps) {
        this.store.setState({ playing: false });
        this.pool().reserveCore(false);
        return;
      }
      // Waits (without moving) while an arm is still being computed past the cursor; an arm that
      // failed will never get further, so playing stops there.
      if (state.shown < reached) {
        const shown = state.shown + 1;
        this.store.setState(shown >= state.shared.steps ? { shown, playing: false } : { shown });
        if (shown >= state.shared.steps) {
          this.pool().reserveCore(false);
          return;
        }
      } else if (state.runs.some((r) => r?.status === 'failed' || r?.status === 'cancelled')) {
        this.store.setState({ playing: false });
        this.pool().reserveCore(false);
        return;
      }
      this.tick();
    }, 1000 / speed);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  // Spread over seeds: every arm run on seeds S … S+n−1, in the background.

  setSeedCount(n: number): void {
    this.store.setState({ seedCount: Math.max(MIN_SEEDS, Math.min(MAX_SEEDS, Math.round(n))) });
  }

  /**
   * Runs every arm on `seedCount` seeds S … S+n−1 (S the shared seed; the world seed follows the
   * seed unless one is set, so each run is an independent world), to the run length.
   */
  runSeeds(): void {
    // Too big for the browser together: nothing is submitted, and a spread already shown stays.
    const problem = seedsMemoryProblem(this.store.getState(), this.pool().size);
    this.store.setState({ refused: problem ?? null });
    if (problem) return;
    this.cancelSeeds();
    const generation = ++this.seedGeneration;
    const state = this.store.getState();
    const seeds = Array.from({ length: state.seedCount }, (_, j) => state.shared.seed + j);
    const runs: StepMetrics[][][] = state.arms.map(() => seeds.map(() => []));
    const total = state.arms.length * seeds.length;
    let finished = 0;
    const publish = (patch: Partial<SeedSpread>) => {
      const spread = this.store.getState().spread;
      if (generation === this.seedGeneration && spread) this.store.setState({ spread: { ...spread, ...patch } });
    };
    this.store.setState({ spread: { seeds, runs, finished: 0, total, status: 'running', error: null } });
    state.arms.forEach((arm, a) => {
      seeds.forEach((seed, s) => {
        const params = { ...armRunParams(state, arm), seed };
        const rows: StepMetrics[] = [];
        const job = this.pool().submit({ kind: 'rows', scenario: { params }, toStep: params.steps }, (message) => {
          if (generation !== this.seedGeneration) return;
          if (message.type === 'error') {
            this.cancelSeeds('failed', `seed ${seed}: ${message.message}`);
            return;
          }
          if (message.type !== 'rows') return;
          rows.push(...message.rows);
          if (!message.done) return;
          const next = runs.map((perSeed) => perSeed.slice());
          next[a]![s] = rows;
          runs.splice(0, runs.length, ...next);
          finished++;
          publish({ runs: next, finished, status: finished === total ? 'done' : 'running' });
          // A spread started before Play has nothing to show at step 0: show where the runs ended.
          if (finished === total && this.store.getState().shown === 0) this.seek(this.store.getState().shared.steps);
        });
        this.seedJobs.push(job);
      });
    });
  }

  /** Stops the spread's runs; the finished ones stay (the bands then say over how many seeds). */
  cancelSeeds(status: 'cancelled' | 'failed' = 'cancelled', error: string | null = null): void {
    for (const job of this.seedJobs) job.cancel();
    this.seedJobs = [];
    const spread = this.store.getState().spread;
    if (spread && spread.status === 'running') this.store.setState({ spread: { ...spread, status, error } });
    this.seedGeneration++;
  }

  /** Forgets the spread. */
  clearSeeds(): void {
    this.cancelSeeds();
    this.store.setState({ spread: null });
  }
}
