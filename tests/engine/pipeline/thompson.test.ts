// Per-request Thompson sampling: exact pieces by hand, and the pruned sampler against drawing for every song.
import { describe, expect, it } from 'vitest';
import { createPositionLog, recordImpression } from '../../../src/engine/estimators/positionLog';
import type { ClickModel } from '../../../src/engine/estimators/clickModel';
import { betaDraw, betaUpperBound, ThompsonSampler, THOMPSON_BOUND_TAIL } from '../../../src/engine/pipeline/thompson';
import type { StepContext } from '../../../src/engine/pipeline/types';
import { createStream, gamma } from '../../../src/engine/rng';
import { defaultParams, Simulation } from '../../../src/engine';

describe('betaUpperBound', () => {
  it('for a = 1 is the exact (1 − δ) quantile: P(X > u) = (1 − u)^b = δ', () => {
    for (const b of [1, 4, 9, 30]) {
      const u = betaUpperBound(1, b);
      expect(Math.pow(1 - u, b)).toBeCloseTo(THOMPSON_BOUND_TAIL, 15);
    }
    // b = 1: Beta(1, 1) is uniform, so the bound is 1 − δ.
    expect(betaUpperBound(1, 1)).toBeCloseTo(1 - 1e-6, 12);
  });

  it('for a ≥ 2 is the mean plus six standard deviations, at most 1', () => {
    // Beta(2, 8): mean 0.2, variance 2·8 / (10²·11) = 16/1100, sd = 0.120604...
    expect(betaUpperBound(2, 8)).toBeCloseTo(0.2 + 6 * Math.sqrt(16 / 1100), 12);
    expect(betaUpperBound(50, 1)).toBe(1);
  });
});

describe('betaDraw', () => {
  it('for a = 1 inverts the CDF 1 − (1 − x)^b: one uniform, x = 1 − (1 − U)^(1/b)', () => {
    const values = [0.25, 0.5, 0.9];
    let j = 0;
    const rng = () => values[j++]!;
    // 1 − (1 − U) = U, so x = 1 − U^(1/b) with U = 0.75 → 1 − 0.75^(1/2) for b = 2.
    expect(betaDraw(rng, 1, 2)).toBeCloseTo(1 - Math.sqrt(0.75), 15);
    expect(j).toBe(1);
  });

  it('has the Beta mean a / (a + b) for a = 1 and for a > 1', () => {
    for (const [a, b] of [[1, 9], [3, 7], [20, 80]] as const) {
      const rng = createStream(7, 'exploration', `${a}:${b}`);
      let sum = 0;
      const n = 20000;
      for (let j = 0; j < n; j++) sum += betaDraw(rng, a, b);
      const mean = a / (a + b);
      const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
      expect(Math.abs(sum / n - mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
    }
  });
});

/** A synthetic step: 300 songs, 200 of them shown with various evidence, 100 never shown. */
function syntheticStep(seed: number): { ctx: StepContext; model: ClickModel; songs: number } {
  const songs = 300;
  const positions = createPositionLog(songs, 1);
  const rng = createStream(3, 'world', 'thompson-test');
  for (let i = 0; i < 200; i++) {
    const shown = 1 + Math.floor(rng() * 120);
    const rate = 0.05 + 0.3 * rng();
    for (let s = 0; s < shown; s++) recordImpression(positions, i, 0, rng() < rate, false);
  }
  const model = { positions, theta: new Float64Array([1]) } as unknown as ClickModel;
  const ctx = {
    log: { released: songs, excluding: false, consumed: null },
    world: { songCount: songs },
    liveTail: new Uint8Array(songs).fill(1),
    tieKeys: Float64Array.from({ length: songs }, (_, i) => (i * 2654435761) % 4294967296),
    explorationRng: createStream(seed, 'exploration', 1),
  } as unknown as StepContext;
  return { ctx, model, songs };
}

/** How often each song is in a slate of k over `slates` listeners. */
function inclusion(sampler: ThompsonSampler, seed: number, slates: number, k: number): Float64Array {
  const { ctx, model, songs } = syntheticStep(seed);
  sampler.prepare(ctx, model);
  const counts = new Float64Array(songs);
  const ids = new Int32Array(k);
  const scores = new Float64Array(k);
  const props = new Float64Array(k);
  for (let u = 0; u < slates; u++) {
    const n = sampler.candidates(ctx, u, k, ids, scores, props, 'all');
    expect(n).toBe(k);
    for (let j = 0; j < n; j++) counts[ids[j]!]!++;
    // Best draw first, and no song twice.
    for (let j = 1; j < n; j++) expect(scores[j]!).toBeLessThanOrEqual(scores[j - 1]!);
    expect(new Set(ids).size).toBe(k);
  }
  return counts.map((c) => c / slates);
}

describe('ThompsonSampler', () => {
  const K = 10;
  const SLATES = 12000;

  it('matches brute force — a Beta draw for every song, never-shown ones included — in distribution', () => {
    const exact = inclusion(new ThompsonSampler(), 11, SLATES, K);
    // Brute force from the same posteriors: prior Beta(1, b0) with b0 = (1 − m)/m, m the pooled rate.
    const { ctx, model, songs } = syntheticStep(11);
    let c = 0;
    let e = 0;
    const clicks = new Float64Array(songs);
    const shown = new Float64Array(songs);
    for (let i = 0; i < songs; i++) {
      clicks[i] = model.positions.clicked[i]!;
      shown[i] = model.positions.shown[i]!;
      c += clicks[i]!;
      e += shown[i]!;
    }
    const b0 = (1 - c / e) / (c / e);
    const rng = createStream(12, 'exploration', 'brute');
    const beta = (a: number, b: number) => {
      const x = gamma(rng, a);
      return x / (x + gamma(rng, b));
    };
    const counts = new Float64Array(songs);
    const draw = new Float64Array(songs);
    for (let u = 0; u < SLATES; u++) {
      for (let i = 0; i < songs; i++) draw[i] = beta(1 + clicks[i]!, b0 + shown[i]! - clicks[i]!);
      const top = Array.from({ length: songs }, (_, i) => i).sort((x, y) => draw[y]! - draw[x]!).slice(0, K);
      for (const i of top) counts[i]!++;
    }
    void ctx;
    // Each inclusion frequency is a binomial proportion: sd ≤ √(0.25 / 12000) ≈ 0.0046 per sample.
    for (let i = 0; i < songs; i++) expect(Math.abs(exact[i]! - counts[i]! / SLATES)).toBeLessThan(0.025);
    const tv = exact.reduce((sum, p, i) => sum + Math.abs(p - counts[i]! / SLATES), 0) / (2 * K);
    expect(tv).toBeLessThan(0.05);
  });

  it('gives different listeners different slates, and logs no closed-form propensity', () => {
    const { ctx, model } = syntheticStep(5);
    const sampler = new ThompsonSampler();
    sampler.prepare(ctx, model);
    const a = new Int32Array(K);
    const b = new Int32Array(K);
    const s = new Float64Array(K);
    const p = new Float64Array(K);
    sampler.candidates(ctx, 0, K, a, s, p, 'all');
    sampler.candidates(ctx, 1, K, b, s, p, 'all');
    expect([...a]).not.toEqual([...b]);
    expect(Number.isNaN(p[0]!)).toBe(true);
  });

  it('on a simulated world at step 10, matches a Beta draw for every song and listener in distribution', () => {
    // 200 listeners, 600 songs, the real posteriors of a run with per-listener Thompson sampling.
    const sim = new Simulation({ ...defaultParams(), users: 200, songs: 600, steps: 10, exploration: 'thompson', thompsonDraws: 'per-listener', seed: 4 });
    while (!sim.done) sim.step();
    const ctx = {
      log: sim.log,
      world: sim.world,
      liveTail: sim.liveTail,
      tieKeys: sim.tieKeys,
      explorationRng: createStream(31, 'exploration', 'validate'),
    } as unknown as StepContext;
    const sampler = new ThompsonSampler();
    sampler.prepare(ctx, sim.clickModel);
    const songs = sim.log.released;
    const slates = 4000;
    const fast = new Float64Array(songs);
    const ids = new Int32Array(K);
    for (let u = 0; u < slates; u++) {
      const n = sampler.candidates(ctx, u % 200, K, ids, new Float64Array(K), new Float64Array(K), 'all');
      for (let j = 0; j < n; j++) fast[ids[j]!]!++;
    }
    // Brute force from the same click model: c_i, e_i, the pooled rate m and b0 = (1 − m) / m.
    const { positions, theta } = sim.clickModel;
    const c = new Float64Array(songs);
    const e = new Float64Array(songs);
    let sc = 0;
    let se = 0;
    for (let i = 0; i < songs; i++) {
      for (let k = 0; k < positions.slots; k++) {
        c[i]! += positions.clicked[i * positions.slots + k]!;
        e[i]! += theta[k]! * positions.shown[i * positions.slots + k]!;
      }
      sc += c[i]!;
      se += e[i]!;
    }
    const m = Math.min(0.99, Math.max(0.01, sc / se));
    const b0 = (1 - m) / m;
    const rng = createStream(32, 'exploration', 'brute');
    const brute = new Float64Array(songs);
    const draw = new Float64Array(songs);
    for (let u = 0; u < slates; u++) {
      for (let i = 0; i < songs; i++) {
        const x = gamma(rng, 1 + c[i]!);
        draw[i] = x / (x + gamma(rng, b0 + Math.max(0, e[i]! - c[i]!)));
      }
      const top = Array.from({ length: songs }, (_, i) => i).sort((x, y) => draw[y]! - draw[x]!).slice(0, K);
      for (const i of top) brute[i]!++;
    }
    // Binomial sd of a frequency over 4,000 slates ≤ 0.008; 0.04 is 5 sd.
    let tv = 0;
    for (let i = 0; i < songs; i++) {
      expect(Math.abs(fast[i]! - brute[i]!) / slates).toBeLessThan(0.04);
      tv += Math.abs(fast[i]! - brute[i]!) / slates;
    }
    expect(tv / (2 * K)).toBeLessThan(0.06);
  });
});
