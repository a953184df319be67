// Relevance estimates from the position log: raw click rate, clipped IPS, and the positional model's EM, checked against hand arithmetic.
import { describe, expect, it } from 'vitest';
import {
  createPositionLog,
  recordImpression,
  type PositionLog,
} from '../../../src/engine/estimators/positionLog';
import {
  PositionalModel,
  ipsEstimate,
  ipsWeights,
  rawClickRate,
} from '../../../src/engine/estimators/relevanceEstimate';

/** Records `shown` impressions of song i in slot k, the first `clicked` of them clicked (not explored). */
function record(log: PositionLog, i: number, k: number, shown: number, clicked: number): void {
  for (let n = 0; n < shown; n++) recordImpression(log, i, k, n < clicked, false);
}

/** The clamp bounds of the EM: probabilities stay in [1e-6, 1 − 1e-6]. */
const LO = 1e-6;
const HI = 1 - 1e-6;

describe('ipsWeights', () => {
  it('is 1/θ(k) while that is below the cap', () => {
    // θ = [1, 0.5, 0.25], cap 10: 1/θ = [1, 2, 4], all ≤ 10.
    expect(Array.from(ipsWeights([1, 0.5, 0.25], 10))).toEqual([1, 2, 4]);
  });

  it('clips 1/θ(k) at the cap', () => {
    // θ = [1, 0.5, 0.05], cap 10: 1/θ = [1, 2, 20] → min(10, ·) = [1, 2, 10].
    const w = ipsWeights([1, 0.5, 0.05], 10);
    expect(w).toBeInstanceOf(Float64Array);
    expect(Array.from(w)).toEqual([1, 2, 10]);
    // The same curve with cap 3 clips slot 3 to 3 and leaves slot 2 at exactly 2 (below the cap).
    expect(Array.from(ipsWeights([1, 0.5, 0.05], 3))).toEqual([1, 2, 3]);
    // Cap 1: every weight is 1 (no correction at all).
    expect(Array.from(ipsWeights([1, 0.5, 0.05], 1))).toEqual([1, 1, 1]);
  });

  it('treats θ = 0 as 1e-12, so the weight is the cap (or 1e12 with no cap)', () => {
    // 1 / max(0, 1e-12) = 1e12.
    expect(Array.from(ipsWeights([1, 0], 50))).toEqual([1, 50]);
    expect(ipsWeights([0], Infinity)[0]).toBeCloseTo(1e12, 0);
  });
});

describe('rawClickRate and ipsEstimate on a tiny log', () => {
  // 2 songs × 3 slots. Song 0: slot 1 shown 4 clicked 2, slot 2 shown 2 clicked 1, slot 3 shown 4 clicked 1.
  // Song 1: never shown.
  function tinyLog(): PositionLog {
    const log = createPositionLog(2, 3);
    record(log, 0, 0, 4, 2);
    record(log, 0, 1, 2, 1);
    record(log, 0, 2, 4, 1);
    return log;
  }

  it('raw click rate pools clicks over impressions regardless of slot', () => {
    // (2 + 1 + 1) / (4 + 2 + 4) = 4 / 10 = 0.4.
    expect(rawClickRate(tinyLog(), 0)).toBeCloseTo(0.4, 14);
  });

  it('IPS reweights each click by w(k) and divides by all impressions', () => {
    const log = tinyLog();
    // w = [1, 2, 10] (θ = [1, 0.5, 0.05], cap 10):
    // (2·1 + 1·2 + 1·10) / 10 = 14 / 10 = 1.4. IPS is unbiased, not bounded: it may exceed 1.
    expect(ipsEstimate(log, ipsWeights([1, 0.5, 0.05], 10), 0)).toBeCloseTo(1.4, 14);
    // With cap 3, w = [1, 2, 3]: (2 + 2 + 3) / 10 = 0.7.
    expect(ipsEstimate(log, ipsWeights([1, 0.5, 0.05], 3), 0)).toBeCloseTo(0.7, 14);
    // Unit weights give back the raw click rate 0.4.
    expect(ipsEstimate(log, [1, 1, 1], 0)).toBeCloseTo(0.4, 14);
  });

  it('is NaN for a song never shown', () => {
    const log = tinyLog();
    expect(rawClickRate(log, 1)).toBeNaN();
    expect(ipsEstimate(log, [1, 2, 10], 1)).toBeNaN();
  });

  it('explored impressions count like any other (the flag only feeds the per-slot explored totals)', () => {
    const log = createPositionLog(1, 2);
    recordImpression(log, 0, 0, true, true);
    recordImpression(log, 0, 1, false, true);
    recordImpression(log, 0, 1, true, false);
    // Song 0: slot 1 shown 1 clicked 1, slot 2 shown 2 clicked 1 → raw 2/3; IPS with w = [1, 4]: (1 + 4) / 3 = 5/3.
    expect(rawClickRate(log, 0)).toBeCloseTo(2 / 3, 14);
    expect(ipsEstimate(log, [1, 4], 0)).toBeCloseTo(5 / 3, 14);
    expect(Array.from(log.exploredShown)).toEqual([1, 1]);
    expect(Array.from(log.exploredClicked)).toEqual([1, 0]);
  });
});

describe('PositionalModel', () => {
  it('starts at θ_k = 1/(k+1) and r = 0.5', () => {
    const m = new PositionalModel(2, 3);
    expect(Array.from(m.theta)).toEqual([1, 0.5, 1 / 3]);
    expect(Array.from(m.relevance)).toEqual([0.5, 0.5]);
  });

  // 2 songs × 2 slots, 10 impressions per cell.
  //   song 0: slot 1 clicked 4, slot 2 clicked 2
  //   song 1: slot 1 clicked 2, slot 2 clicked 1
  function emLog(): PositionLog {
    const log = createPositionLog(2, 2);
    record(log, 0, 0, 10, 4);
    record(log, 0, 1, 10, 2);
    record(log, 1, 0, 10, 2);
    record(log, 1, 1, 10, 1);
    return log;
  }

  it('one EM iteration matches the update formulas worked by hand', () => {
    // Start θ = [1, 0.5], r = [0.5, 0.5]. Both updates use the old θ and r.
    //
    // Slot 1 (θ = 1): miss = 1 − 1·0.5 = 0.5.
    //   θ term per song: c + (n − c)·1·(1 − 0.5)/0.5 = c + (n − c) = n = 10.
    //   r term per song: c + (n − c)·(1 − 1)·0.5/0.5 = c.
    // Slot 2 (θ = 0.5): miss = 1 − 0.5·0.5 = 0.75.
    //   θ term: c + (n − c)·0.5·0.5/0.75 = c + (n − c)/3.
    //   r term: c + (n − c)·0.5·0.5/0.75 = c + (n − c)/3.
    //
    // Song 0: slot 1 → θ += 10, r += 4; slot 2 (c = 2, n − c = 8) → θ += 2 + 8/3 = 14/3, r += 14/3.
    //   r_0 = (4 + 14/3) / 20 = (26/3)/20 = 13/30.
    // Song 1: slot 1 → θ += 10, r += 2; slot 2 (c = 1, n − c = 9) → θ += 1 + 3 = 4, r += 4.
    //   r_1 = (2 + 4) / 20 = 6/20 = 0.3.
    // θ_1 = clamp(20/20) = clamp(1) = 1 − 1e-6; θ_2 = clamp((14/3 + 4)/20) = (26/3)/20 = 13/30.
    // Normalise by θ_1 = 1 − 1e-6: θ = [1, (13/30)/(1 − 1e-6)] = [1, 0.43333376666710...].
    const m = new PositionalModel(2, 2);
    m.fit(emLog(), 2, 1);
    expect(m.relevance[0]).toBeCloseTo(13 / 30, 12);
    expect(m.relevance[1]).toBeCloseTo(0.3, 12);
    expect(m.theta[0]).toBe(1);
    expect(m.theta[1]).toBeCloseTo(13 / 30 / HI, 12);
    // The 1/(1 − 1e-6) factor is visible at this precision: θ_2 is not plain 13/30.
    expect(Math.abs(m.theta[1]! - 13 / 30)).toBeGreaterThan(4e-7);
  });

  it('only fits songs with id < released', () => {
    // released = 1: song 1 is ignored and keeps r = 0.5.
    // θ_2 = clamp((14/3)/10) = 7/15, normalised by 1 − 1e-6 → (7/15)/(1 − 1e-6); r_0 = 13/30 as above.
    const m = new PositionalModel(2, 2);
    m.fit(emLog(), 1, 1);
    expect(m.relevance[0]).toBeCloseTo(13 / 30, 12);
    expect(m.relevance[1]).toBe(0.5);
    expect(m.theta[0]).toBe(1);
    expect(m.theta[1]).toBeCloseTo(7 / 15 / HI, 12);
  });

  it('zero iterations change nothing', () => {
    const m = new PositionalModel(2, 2);
    m.fit(emLog(), 2, 0);
    expect(Array.from(m.theta)).toEqual([1, 0.5]);
    expect(Array.from(m.relevance)).toEqual([0.5, 0.5]);
  });

  it('clamps relevance into [1e-6, 1 − 1e-6] and leaves unobserved slots at their (renormalised) value', () => {
    // Song 0: slot 1 shown 5, all clicked → r_0 = 5/5 = 1 → clamp → 1 − 1e-6.
    // Song 1: slot 1 shown 5, none clicked (θ_1 = 1 so every miss is "not relevant") → r_1 = 0 → clamp → 1e-6.
    // Slot 2 never shown: θ_2 keeps 0.5, then is divided by θ_1 = clamp(10/10) = 1 − 1e-6.
    const log = createPositionLog(2, 2);
    record(log, 0, 0, 5, 5);
    record(log, 1, 0, 5, 0);
    const m = new PositionalModel(2, 2);
    m.fit(log, 2, 1);
    expect(m.relevance[0]).toBeCloseTo(HI, 14);
    expect(m.relevance[1]).toBeCloseTo(LO, 14);
    expect(m.relevance[0]).toBeLessThan(1);
    expect(m.relevance[1]).toBeGreaterThan(0);
    expect(m.theta[0]).toBe(1);
    expect(m.theta[1]).toBeCloseTo(0.5 / HI, 12);
  });

  it('recovers θ and r from exact expected counts', () => {
    // Truth: θ = [1, 0.6, 0.25], r = [0.8, 0.5, 0.1]; 1000 impressions per (song, slot) and
    // clicks = 1000·θ_k·r_i exactly:
    //   song 0: 800, 480, 200
    //   song 1: 500, 300, 125
    //   song 2: 100,  60,  25
    // These counts are fitted exactly by (θ, r), so with θ_1 = 1 they are the unique maximum-likelihood point.
    const theta = [1, 0.6, 0.25];
    const r = [0.8, 0.5, 0.1];
    const clicks = [
      [800, 480, 200],
      [500, 300, 125],
      [100, 60, 25],
    ];
    const log = createPositionLog(3, 3);
    for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) record(log, i, k, 1000, clicks[i]![k]!);
    const m = new PositionalModel(3, 3);
    m.fit(log, 3, 2000);
    for (let k = 0; k < 3; k++) expect(Math.abs(m.theta[k]! - theta[k]!)).toBeLessThan(1e-3);
    for (let i = 0; i < 3; i++) expect(Math.abs(m.relevance[i]! - r[i]!)).toBeLessThan(1e-3);
    // The start (θ_2 = 0.5, θ_3 = 1/3, r = 0.5) is far from the truth, so this is a real recovery.
    expect(Math.abs(0.5 - theta[1]!)).toBeGreaterThan(0.05);
  });

  it('warm-starts: two fits of n iterations equal one fit of 2n', () => {
    const a = new PositionalModel(2, 2);
    a.fit(emLog(), 2, 3);
    a.fit(emLog(), 2, 3);
    const b = new PositionalModel(2, 2);
    b.fit(emLog(), 2, 6);
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    expect(Array.from(a.relevance)).toEqual(Array.from(b.relevance));
  });
});
