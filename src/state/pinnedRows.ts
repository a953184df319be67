// Computes the rows of a pinned run A in a batch worker, as far as B has gone, so A keeps step with B.
import type { InitialMetrics, StepMetrics } from '../engine';
import type { BatchPool, JobHandle } from '../worker/pool';
import type { AppStore, PinnedRun } from './store';

export class PinnedRows {
  private pool: BatchPool | null = null;
  /** The job computing A's rows further, if one runs. */
  private job: JobHandle | null = null;
  /** Counts the jobs started and cancelled: a message counts only for the latest job (a pool may answer at once). */
  private generation = 0;

  constructor(
    private readonly store: AppStore,
    private readonly startPool?: () => BatchPool,
  ) {}

  /**
   * Makes sure A's rows reach step `target` (B's run length), computing them in a batch worker:
   * A is replayed from step 0, so its rows are those `npm run sim` gives for A's settings.
   * Rows already known are kept until the new ones go further.
   */
  extend(target: number): void {
    const pinned = this.store.getState().pinned;
    if (!pinned || !this.startPool) return;
    if ((pinned.rows.at(-1)?.t ?? 0) >= target && pinned.initial) return;
    this.cancel();
    this.pool ??= this.startPool();
    const scenario = pinned.scenario;
    const rows: StepMetrics[] = [];
    let initial: InitialMetrics | null = null;
    const generation = ++this.generation;
    this.store.getState().updatePinned({ computing: true, error: null });
    const job = this.pool.submit({ kind: 'rows', scenario, toStep: target }, (message) => {
      const current = this.store.getState().pinned;
      if (generation !== this.generation || !current || current.scenario !== scenario) return;
      if (message.type === 'error') {
        this.job = null;
        this.store.getState().updatePinned({ computing: false, error: `A could not be computed: ${message.message}` });
        return;
      }
      if (message.type !== 'rows') return;
      rows.push(...message.rows);
      if (message.initial) initial = message.initial;
      // One update when A is complete: each update redraws every chart's ghost.
      if (!message.done) return;
      this.job = null;
      const patch: { -readonly [K in keyof PinnedRun]?: PinnedRun[K] } = { computing: false };
      if (initial) patch.initial = initial;
      if (rows.length > current.rows.length) patch.rows = rows;
      this.store.getState().updatePinned(patch);
    });
    // A pool that answers at once has already finished the job.
    if (generation === this.generation && this.store.getState().pinned?.computing) this.job = job;
  }

  /** Stops computing A's rows. */
  cancel(): void {
    this.generation++;
    this.job?.cancel();
    this.job = null;
  }

  /** Stops computing; the pool belongs to the page and stays. */
  dispose(): void {
    this.cancel();
  }
}
