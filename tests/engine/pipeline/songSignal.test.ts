// The step's song score by hand: UCB's finite optimism, the shared Thompson draw's prior, plays and the popularity penalty.
import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../../src/engine';
import { ClickModel } from '../../../src/engine/estimators/clickModel';
import { recordImpression } from '../../../src/engine/estimators/positionLog';
import type { SimLog } from '../../../src/engine/log';
import { computeSongSignal } from '../../../src/engine/pipeline/songSignal';

/** Three songs, one slot: song 0 shown 4 times with 1 click, song 1 shown 6 times with 3, song 2 never. */
function setup(over: Partial<Params>) {
  const params = { ...defaultParams(), slateSize: 1, examinationModel: 'known', positionBias: 0, ...over } as Params;
  const model = new ClickModel(3, 1);
  for (let j = 0; j < 4; j++) recordImpression(model.positions, 0, 0, j === 0, false);
  for (let j = 0; j < 6; j++) recordImpression(model.positions, 1, 0, j < 3, false);
  model.prepare(params, 3);
  const log = { released: 3, plays: Float64Array.from([9, 0, 4]) } as unknown as SimLog;
  return { params, model, log, out: new Float64Array(3) };
}

describe('computeSongSignal', () => {
  it('UCB: (c + m) / (e + 1) + C·√(2 ln E / (e + 1)), finite for a never-shown song', () => {
    // θ = 1 (known curve, η = 0): e = impressions. E = 10, m = 4/10 = 0.4, C = 0.5.
    const { params, model, log, out } = setup({ exploration: 'ucb', ucbScale: 0.5 });
    computeSongSignal(params, log, model, () => 0.5, out);
    const bonus = (e: number) => 0.5 * Math.sqrt((2 * Math.log(10)) / (e + 1));
    expect(out[0]).toBeCloseTo((1 + 0.4) / 5 + bonus(4), 12); // 0.28 + 0.5·√(2 ln 10 / 5)
    expect(out[1]).toBeCloseTo((3 + 0.4) / 7 + bonus(6), 12);
    expect(out[2]).toBeCloseTo(0.4 / 1 + bonus(0), 12); // never shown: the prior rate and the largest bonus
    expect(Number.isFinite(out[2]!)).toBe(true);
    expect(out[2]!).toBeGreaterThan(out[0]!);
  });

  it('UCB: a larger bonus scale widens the gap in favour of the rarely shown song', () => {
    const a = setup({ exploration: 'ucb', ucbScale: 0.1 });
    const b = setup({ exploration: 'ucb', ucbScale: 2 });
    computeSongSignal(a.params, a.log, a.model, () => 0.5, a.out);
    computeSongSignal(b.params, b.log, b.model, () => 0.5, b.out);
    // ucbScale 0.1: song 1 (rate 0.49 + small bonus) beats song 0; ucbScale 2: song 0's larger bonus wins.
    expect(a.out[1]!).toBeGreaterThan(a.out[0]!);
    expect(b.out[0]!).toBeGreaterThan(b.out[1]!);
  });

  it('plain popularity: 1 + plays; the penalty divides by (1 + plays)^γ', () => {
    const plain = setup({});
    computeSongSignal(plain.params, plain.log, plain.model, () => 0.5, plain.out);
    expect(Array.from(plain.out)).toEqual([10, 1, 5]);
    const penalised = setup({ popularityPenalty: 0.5 });
    computeSongSignal(penalised.params, penalised.log, penalised.model, () => 0.5, penalised.out);
    // (1 + plays)^(1 − 0.5) = √10, 1, √5.
    expect(penalised.out[0]).toBeCloseTo(Math.sqrt(10), 12);
    expect(penalised.out[1]).toBeCloseTo(1, 12);
    expect(penalised.out[2]).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('Thompson with a non-popularity recommender: one draw per song from Beta(10m + c, 10(1 − m) + e − c)', () => {
    const { params, model, log, out } = setup({ exploration: 'thompson', recommender: 'personalized' });
    // The mean of many draws of song 2 (never shown) is the prior mean m = 0.4; song 1's is (4 + 3)/(10 + 6).
    const rngState = { s: 1 };
    const rng = () => ((rngState.s = (rngState.s * 16807) % 2147483647) / 2147483647);
    let sum2 = 0;
    let sum1 = 0;
    const n = 20000;
    for (let j = 0; j < n; j++) {
      computeSongSignal(params, log, model, rng, out);
      sum2 += out[2]!;
      sum1 += out[1]!;
    }
    // Beta(4, 6): sd = √(24 / (100·11)) ≈ 0.148; 5 standard errors over 20,000 draws ≈ 0.0052.
    expect(Math.abs(sum2 / n - 0.4)).toBeLessThan(0.006);
    expect(Math.abs(sum1 / n - 7 / 16)).toBeLessThan(0.006);
  });
});
