// Examination curve from explored traffic: flat without it, shrunk toward the pooled rate by A = 50, capped at 1.
import { describe, expect, it } from 'vitest';
import { EXAMINATION_PRIOR, estimateExamination } from '../../../src/engine/estimators/examination';
import {
  createPositionLog,
  recordImpression,
  type PositionLog,
} from '../../../src/engine/estimators/positionLog';

/** Records `shown` explored impressions in slot k (song 0), the first `clicked` of them clicked. */
function explore(log: PositionLog, k: number, shown: number, clicked: number): void {
  for (let n = 0; n < shown; n++) recordImpression(log, 0, k, n < clicked, true);
}

/** A log with the given explored impressions and clicks per slot. */
function exploredLog(shown: number[], clicked: number[]): PositionLog {
  const log = createPositionLog(1, shown.length);
  shown.forEach((n, k) => explore(log, k, n, clicked[k]!));
  return log;
}

describe('estimateExamination', () => {
  it('uses A = 50 pseudo-impressions', () => {
    expect(EXAMINATION_PRIOR).toBe(50);
  });

  it('is flat 1s on an empty log', () => {
    const theta = estimateExamination(createPositionLog(3, 4));
    expect(theta).toBeInstanceOf(Float64Array);
    expect(Array.from(theta)).toEqual([1, 1, 1, 1]);
  });

  it('is flat 1s when only non-explored traffic was logged, however position-biased', () => {
    // Slot 1: 100 shown, 50 clicked; slot 3: 100 shown, 1 clicked; none of it explored.
    const log = createPositionLog(1, 3);
    for (let n = 0; n < 100; n++) recordImpression(log, 0, 0, n < 50, false);
    for (let n = 0; n < 100; n++) recordImpression(log, 0, 2, n < 1, false);
    expect(Array.from(estimateExamination(log))).toEqual([1, 1, 1]);
  });

  it('is flat 1s when explored traffic has no clicks (the pooled rate is 0)', () => {
    expect(Array.from(estimateExamination(exploredLog([40, 40, 40], [0, 0, 0])))).toEqual([
      1, 1, 1,
    ]);
  });

  it('shrinks each slot rate toward the pooled rate, then divides by slot 1', () => {
    // Explored: shown [100, 100, 50], clicked [30, 20, 5].
    // pooled ĉ = 55 / 250 = 0.22; A·ĉ = 50·0.22 = 11.
    // ĉ_1 = (30 + 11) / (100 + 50) = 41/150
    // ĉ_2 = (20 + 11) / (100 + 50) = 31/150  → θ̂_2 = 31/41 = 0.75609756...
    // ĉ_3 = (5 + 11) / (50 + 50)  = 16/100   → θ̂_3 = 0.16·150/41 = 24/41 = 0.58536585...
    // (Without shrinkage slot 3 would be (5/50)/(30/100) = 1/3: the prior pulls it toward 1.)
    const theta = estimateExamination(exploredLog([100, 100, 50], [30, 20, 5]));
    expect(theta[0]).toBe(1);
    expect(theta[1]).toBeCloseTo(31 / 41, 12);
    expect(theta[2]).toBeCloseTo(24 / 41, 12);
  });

  it('stays near flat with very little explored traffic', () => {
    // Explored: shown [1, 1], clicked [1, 0]. pooled = 1/2, A·ĉ = 25.
    // ĉ_1 = (1 + 25)/51 = 26/51, ĉ_2 = (0 + 25)/51 = 25/51 → θ̂_2 = 25/26 = 0.96153846... (raw ratio would be 0).
    const theta = estimateExamination(exploredLog([1, 1], [1, 0]));
    expect(theta[0]).toBe(1);
    expect(theta[1]).toBeCloseTo(25 / 26, 12);
  });

  it('uses the pooled rate for slot 1 when slot 1 has no explored traffic', () => {
    // Explored: shown [0, 100], clicked [0, 40]. pooled = 0.4; A·ĉ = 20.
    // ĉ_1 = (0 + 20)/(0 + 50) = 0.4; ĉ_2 = (40 + 20)/(100 + 50) = 0.4 → θ̂_2 = 1.
    const theta = estimateExamination(exploredLog([0, 100], [0, 40]));
    expect(theta[1]).toBeCloseTo(1, 12);
  });

  it('caps at 1 a lower slot whose explored rate exceeds slot 1', () => {
    // Explored: shown [50, 50, 50], clicked [10, 20, 0]. pooled = 30/150 = 0.2; A·ĉ = 10.
    // ĉ_1 = (10 + 10)/100 = 0.2; ĉ_2 = (20 + 10)/100 = 0.3 → 0.3/0.2 = 1.5 → min(1, ·) = 1;
    // ĉ_3 = (0 + 10)/100 = 0.1 → 0.1/0.2 = 0.5.
    const theta = estimateExamination(exploredLog([50, 50, 50], [10, 20, 0]));
    expect(theta[0]).toBe(1);
    expect(theta[1]).toBe(1);
    expect(theta[2]).toBeCloseTo(0.5, 12);
    for (const t of theta) expect(t).toBeLessThanOrEqual(1);
  });

  it('caps at 1 even when slot 1 has no clicks at all', () => {
    // Explored: shown [50, 50], clicked [0, 25]. pooled = 0.25; A·ĉ = 12.5.
    // ĉ_1 = 12.5/100 = 0.125; ĉ_2 = 37.5/100 = 0.375 → ratio 3 → capped at 1.
    expect(Array.from(estimateExamination(exploredLog([50, 50], [0, 25])))).toEqual([1, 1]);
  });
});
