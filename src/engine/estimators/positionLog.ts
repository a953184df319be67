// What the system logged per (song, slot): impressions and clicks, plus explored traffic per slot.

/**
 * Aggregated click log by position. Everything a position-aware estimator needs, kept at
 * songs × slateSize (never users × songs): per-slot examination can be estimated from the
 * explored slots, and per-song relevance from the (song, slot) counts.
 */
export interface PositionLog {
  readonly slots: number;
  /** Impressions of song i in slot k at [i * slots + k]. */
  readonly shown: Float64Array;
  /** Clicks of song i in slot k at [i * slots + k]. */
  readonly clicked: Float64Array;
  /** Impressions of uniformly explored songs per slot (the song did not depend on the slot). */
  readonly exploredShown: Float64Array;
  /** Clicks on uniformly explored songs per slot. */
  readonly exploredClicked: Float64Array;
}

export function createPositionLog(songCount: number, slots: number): PositionLog {
  return {
    slots,
    shown: new Float64Array(songCount * slots),
    clicked: new Float64Array(songCount * slots),
    exploredShown: new Float64Array(slots),
    exploredClicked: new Float64Array(slots),
  };
}

/** Records one impression of song i in 0-based slot k. */
export function recordImpression(log: PositionLog, i: number, k: number, click: boolean, explored: boolean): void {
  const at = i * log.slots + k;
  log.shown[at]!++;
  if (click) log.clicked[at]!++;
  if (explored) {
    log.exploredShown[k]!++;
    if (click) log.exploredClicked[k]!++;
  }
}

/** Logged clicks and impressions of song i over all slots. */
export function songTotals(log: PositionLog, i: number): { shown: number; clicked: number } {
  let shown = 0;
  let clicked = 0;
  for (let k = 0; k < log.slots; k++) {
    shown += log.shown[i * log.slots + k]!;
    clicked += log.clicked[i * log.slots + k]!;
  }
  return { shown, clicked };
}

/** Effective impressions of song i: Σ_k θ(k)·shown(i,k), the expected number of times it was examined. */
export function effectiveImpressions(log: PositionLog, theta: ArrayLike<number>, i: number): number {
  let sum = 0;
  for (let k = 0; k < log.slots; k++) sum += theta[k]! * log.shown[i * log.slots + k]!;
  return sum;
}
