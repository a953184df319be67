// tasteKL's kept terms: the same value as calibrationKL to the bit, kept per (listener, genre, count), dropped when a taste drifts.
import { describe, expect, it } from 'vitest';
import { TASTE_TERMS_LIMIT, TasteTerms, tasteTermsBytes } from '../../../src/engine/metrics/tasteTerms';
import { calibrationKL } from '../../../src/engine/pipeline/rerankers/calibrated';

/** Two listeners × three genres; listener 1 never listens to genre 2. */
const taste = new Float64Array([0.5, 0.3, 0.2, 0.75, 0.25, 0]);

describe('TasteTerms', () => {
  it('gives KL(θ_u ‖ 0.99·q + 0.01·θ_u) of a full slate, worked by hand', () => {
    // Listener 1, slate of 4 (k = 4) with genre counts [2, 2, 0]: q = [0.5, 0.5, 0].
    // Genre 0: 0.75·ln(0.75 / (0.99·0.5 + 0.01·0.75)) = 0.75·ln(0.75 / 0.5025);
    // genre 1: 0.25·ln(0.25 / (0.495 + 0.0025)) = 0.25·ln(0.25 / 0.4975); genre 2: θ = 0, nothing.
    const expected = 0.75 * Math.log(0.75 / 0.5025) + 0.25 * Math.log(0.25 / 0.4975);
    const terms = new TasteTerms(2, 3, 4);
    expect(terms.kl(taste, 1, [2, 2, 0], 4)).toBeCloseTo(expected, 14);
    // A genre missing from the slate adds θ_g·ln(1/α) = θ_g·ln 100: listener 0 with counts [4, 0, 0].
    const missing = 0.5 * Math.log(0.5 / (0.99 + 0.005)) + 0.3 * Math.log(100) + 0.2 * Math.log(100);
    expect(terms.kl(taste, 0, [4, 0, 0], 4)).toBeCloseTo(missing, 14);
  });

  it('equals calibrationKL bit for bit, the first time and when the term is looked up again', () => {
    const terms = new TasteTerms(2, 3, 4);
    const cases: [number, number[], number][] = [
      [0, [1, 2, 1], 4],
      [0, [1, 2, 1], 4], // the same counts again: every term now comes from the cache
      [0, [3, 1, 0], 4],
      [1, [1, 3, 0], 4],
      [0, [1, 1, 0], 2], // a short slate: computed directly, never kept
      [1, [0, 0, 0], 0],
    ];
    for (const [u, counts, len] of cases) expect(terms.kl(taste, u, counts, len)).toBe(calibrationKL(taste, counts, len, u * 3));
  });

  it('keys each term by the count: a genre with 1 song and with 3 songs of the slate differ', () => {
    const terms = new TasteTerms(1, 2, 4);
    const theta = new Float64Array([0.6, 0.4]);
    const one = terms.kl(theta, 0, [1, 3], 4);
    const three = terms.kl(theta, 0, [3, 1], 4);
    expect(one).toBe(calibrationKL(theta, [1, 3], 4));
    expect(three).toBe(calibrationKL(theta, [3, 1], 4));
    expect(one).not.toBe(three);
  });

  it('computes a listener’s terms again after forget(u), and only theirs', () => {
    const terms = new TasteTerms(2, 3, 4);
    const drifting = Float64Array.from(taste);
    const before0 = terms.kl(drifting, 0, [2, 1, 1], 4);
    terms.kl(drifting, 1, [2, 1, 1], 4);
    // Listener 0's taste drifts. Without forget the kept terms would give the old value.
    drifting.set([0.2, 0.3, 0.5], 0);
    expect(terms.kl(drifting, 0, [2, 1, 1], 4)).toBe(before0);
    terms.forget(0);
    expect(terms.kl(drifting, 0, [2, 1, 1], 4)).toBe(calibrationKL(drifting, [2, 1, 1], 4, 0));
    expect(terms.kl(drifting, 0, [2, 1, 1], 4)).not.toBe(before0);
    // Listener 1's kept terms were not touched: change their row without forget (genre 2 stays at 0,
    // as it was never computed), and the old value stays.
    const before1 = calibrationKL(taste, [2, 1, 1], 4, 3);
    drifting.set([0.4, 0.6, 0], 3);
    expect(terms.kl(drifting, 1, [2, 1, 1], 4)).toBe(before1);
  });

  it('keeps nothing above its limit, and still gives the same values', () => {
    expect(tasteTermsBytes(1000, 8, 10)).toBe(8 * 80_000);
    expect(tasteTermsBytes(TASTE_TERMS_LIMIT, 1, 1)).toBe(8 * TASTE_TERMS_LIMIT);
    expect(tasteTermsBytes(TASTE_TERMS_LIMIT + 1, 1, 1)).toBe(0);
    const users = TASTE_TERMS_LIMIT / 2 + 1; // × 2 genres × 1 slot: just over the limit
    const terms = new TasteTerms(users, 2, 1);
    const theta = new Float64Array(2 * users).fill(0.5);
    expect(terms.kl(theta, users - 1, [1, 0], 1)).toBe(calibrationKL(theta, [1, 0], 1, 2 * (users - 1)));
    theta.set([0.9, 0.1], 2 * (users - 1));
    // Nothing was kept, so the new taste shows without forget.
    expect(terms.kl(theta, users - 1, [1, 0], 1)).toBe(calibrationKL(theta, [1, 0], 1, 2 * (users - 1)));
  });
});
