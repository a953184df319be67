// Named seeded streams, the distributions drawn from them (normal, gamma, Dirichlet, categorical, Φ) and the seeded hashes.
import { describe, expect, it } from 'vitest';
import { hash3, mix32, tieKey, unitHash } from '../../src/engine/hash';
import {
  categorical,
  createStream,
  dirichlet,
  gamma,
  normal,
  normalCdf,
} from '../../src/engine/rng';

const draws = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('createStream', () => {
  it('gives the same sequence for the same seed, name and part', () => {
    expect(draws(createStream(42, 'world'), 20)).toEqual(draws(createStream(42, 'world'), 20));
    expect(draws(createStream(42, 'behaviour', 3), 20)).toEqual(
      draws(createStream(42, 'behaviour', 3), 20),
    );
  });

  it('gives different sequences for another seed, name or part', () => {
    const base = draws(createStream(42, 'behaviour', 3), 10);
    expect(draws(createStream(43, 'behaviour', 3), 10)).not.toEqual(base);
    expect(draws(createStream(42, 'recommender', 3), 10)).not.toEqual(base);
    expect(draws(createStream(42, 'behaviour', 4), 10)).not.toEqual(base);
    expect(draws(createStream(42, 'behaviour'), 10)).not.toEqual(base);
    expect(draws(createStream(42, 'world', 'songs'), 10)).not.toEqual(
      draws(createStream(42, 'world', 'users'), 10),
    );
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draws(createStream(1, 'metrics'), 20000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.01); // sd of the mean ≈ 0.002
    expect(Math.abs(xs.filter((x) => x < 0.25).length / xs.length - 0.25)).toBeLessThan(0.015); // sd ≈ 0.003
  });
});

describe('normal', () => {
  it('has mean ≈ 0 and variance ≈ 1', () => {
    const rng = createStream(2, 'world');
    const xs = Array.from({ length: 20000 }, () => normal(rng));
    expect(Math.abs(mean(xs))).toBeLessThan(0.03); // sd of the mean ≈ 0.007
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(0.05);
  });
});

describe('gamma', () => {
  it.each([0.3, 1, 2.5, 10])('Gamma(%f, 1) has mean ≈ shape and variance ≈ shape', (shape) => {
    const rng = createStream(3, 'world', shape);
    const xs = Array.from({ length: 20000 }, () => gamma(rng, shape));
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    // sd of the mean = √(shape/20000) ≤ 0.023; allow ~5 sd
    expect(Math.abs(mean(xs) - shape)).toBeLessThan(5 * Math.sqrt(shape / 20000) + 0.01);
    expect(Math.abs(variance(xs) / shape - 1)).toBeLessThan(0.1);
  });
});

describe('dirichlet', () => {
  it('writes a distribution at the offset and nothing else', () => {
    const rng = createStream(4, 'world');
    const out = new Float64Array(7).fill(-1);
    dirichlet(rng, [1, 2, 3], out, 2);
    expect(out[0]).toBe(-1);
    expect(out[1]).toBe(-1);
    expect(out[5]).toBe(-1);
    expect(out[6]).toBe(-1);
    const p = Array.from(out.subarray(2, 5));
    expect(p.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('has mean alpha / Σalpha', () => {
    // alpha = [1,2,7] → mean [0.1, 0.2, 0.7]
    const rng = createStream(5, 'world');
    const out = new Float64Array(3);
    const sums = [0, 0, 0];
    const N = 5000;
    for (let j = 0; j < N; j++) {
      dirichlet(rng, [1, 2, 7], out);
      for (let g = 0; g < 3; g++) sums[g]! += out[g]!;
    }
    [0.1, 0.2, 0.7].forEach((m, g) => expect(Math.abs(sums[g]! / N - m)).toBeLessThan(0.01));
  });

  it('falls back to alpha / Σalpha when every Gamma draw underflows to 0', () => {
    // shape 1e-300: the U^(1/shape) boost underflows to 0
    const out = new Float64Array(2);
    dirichlet(createStream(6, 'world'), [1e-300, 3e-300], out);
    expect(out[0]).toBeCloseTo(0.25, 12);
    expect(out[1]).toBeCloseTo(0.75, 12);
  });
});

describe('categorical', () => {
  it('draws indices in proportion to unnormalised weights', () => {
    const rng = createStream(7, 'world');
    const counts = [0, 0, 0];
    const N = 20000;
    for (let j = 0; j < N; j++) counts[categorical(rng, [1, 2, 7])]!++;
    // 1:2:7 → 0.1, 0.2, 0.7; sd of a share ≤ 0.0033
    [0.1, 0.2, 0.7].forEach((p, i) => expect(Math.abs(counts[i]! / N - p)).toBeLessThan(0.015));
  });

  it('never draws a zero-weight index', () => {
    const rng = createStream(8, 'world');
    for (let j = 0; j < 1000; j++) expect(categorical(rng, [0, 1, 0])).toBe(1);
  });
});

describe('normalCdf', () => {
  it('matches known values of Φ', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4); // Φ(1.96) = 0.9750021
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
  });

  it('is symmetric, Φ(−z) = 1 − Φ(z), and increasing', () => {
    for (const z of [0.3, 1.2, 2.5, 4]) expect(normalCdf(-z)).toBeCloseTo(1 - normalCdf(z), 12);
    let previous = -Infinity;
    for (let z = -5; z <= 5; z += 0.25) {
      expect(normalCdf(z)).toBeGreaterThan(previous);
      previous = normalCdf(z);
    }
  });
});

describe('seeded hashes', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => i);

  it('mix32 maps distinct uint32 to distinct uint32', () => {
    const out = ids.map((i) => mix32(i));
    expect(out.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)).toBe(true);
    expect(new Set(out).size).toBe(ids.length);
  });

  it('hash3 keeps (a, b, c) and (b, a, c) apart', () => {
    for (let a = 0; a < 30; a++)
      for (let b = 0; b < 30; b++) if (a !== b) expect(hash3(a, b, 7)).not.toBe(hash3(b, a, 7));
  });

  it('unitHash lies in [0, 1) and is uniform', () => {
    const xs = ids.flatMap((i) => [unitHash(1, i, 0), unitHash(1, 0, i), unitHash(2, i, i)]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // 3000 values: sd of the mean ≈ 0.0053; allow ~4 sd.
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });

  it('tieKey is a deterministic uint32 per (seed, song), and another seed orders songs differently', () => {
    const keys = (seed: number) => ids.map((i) => tieKey(seed, i));
    expect(keys(42)).toEqual(keys(42));
    expect(keys(42).every((k) => Number.isInteger(k) && k >= 0 && k < 2 ** 32)).toBe(true);
    expect(new Set(keys(42)).size).toBe(ids.length); // no two songs share a key: ties are fully broken
    const order = (seed: number) => [...ids].sort((a, b) => tieKey(seed, a) - tieKey(seed, b));
    expect(order(42)).not.toEqual(ids); // not the id order...
    expect(order(43)).not.toEqual(order(42)); // ...and not the same order for another seed
    // Which of two songs wins a tie varies with the seed: over 20 seeds song 0 wins some and loses some.
    const wins = Array.from({ length: 20 }, (_, seed) => tieKey(seed, 0) < tieKey(seed, 1)).filter(
      Boolean,
    ).length;
    expect(wins).toBeGreaterThan(0);
    expect(wins).toBeLessThan(20);
  });

  it('tieKey differs from the other uses of hash3 on (seed, song)', () => {
    expect(
      ids.filter((i) => tieKey(5, i) === hash3(5, i, 0) || tieKey(5, i) === hash3(5, 0, i)),
    ).toEqual([]);
  });
});
