// The feedback-loop phenomena the engine must show at default settings over 100 steps (directions, not exact values).
import { describe, expect, it } from 'vitest';
import { defaultParams, runSimulation, type RunResult, type StepMetrics } from '../../src/engine';

const SEEDS = [1, 2, 3];
const cache = new Map<string, RunResult>();
function run(recommender: 'popularity' | 'random' | 'oracle', seed: number): RunResult {
  const key = `${recommender}:${seed}`;
  if (!cache.has(key)) cache.set(key, runSimulation({ ...defaultParams(), recommender, seed }));
  return cache.get(key)!;
}
const last = (r: RunResult): StepMetrics => r.steps.at(-1)!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(SEEDS)('seed %i', (seed) => {
  describe('popularity ranking', () => {
    it('never lowers the Gini of play counts and ends clearly above the start', () => {
      const r = run('popularity', seed);
      let previous = r.initial.gini;
      for (const row of r.steps) {
        expect(row.gini).toBeGreaterThanOrEqual(previous);
        previous = row.gini;
      }
      expect(last(r).gini - r.initial.gini).toBeGreaterThan(0.005);
      expect(last(r).top1Share).toBeGreaterThan(r.initial.top1Share);
    });

    it('shows every listener the same few head songs', () => {
      const r = run('popularity', seed);
      for (const row of r.steps) {
        expect(row.aggregateDiversity).toBe(10);
        expect(row.longTailShare).toBe(0);
      }
      expect(last(r).repeatRate).toBeGreaterThan(0.95);
      expect(last(r).headClickShare).toBeGreaterThan(0.95);
      expect(last(r).homogenization).toBeGreaterThan(0.95);
    });

    it('hits the best songs of the high bucket and almost never those of the low one', () => {
      const r = run('popularity', seed);
      const low = mean(r.steps.map((s) => s.hitRate.low ?? 0));
      const high = mean(r.steps.map((s) => s.hitRate.high ?? 0));
      expect(low).toBeLessThan(0.005);
      expect(high).toBeGreaterThan(0.015);
    });
  });

  describe('random slates', () => {
    it('lower the Gini of play counts', () => {
      const r = run('random', seed);
      expect(last(r).gini).toBeLessThan(r.initial.gini - 0.01);
    });

    it('hit relevant songs at the same rate in every popularity bucket', () => {
      const r = run('random', seed);
      const rates = (['low', 'mid', 'high'] as const).map((b) => mean(r.steps.map((s) => s.hitRate[b] ?? 0)));
      // Each slot is uniform over 2,000 songs, so each bucket's expected hit rate is 10/2000 = 0.005.
      for (const rate of rates) expect(rate).toBeCloseTo(0.005, 3);
    });
  });

  it('the oracle is far more relevant than popularity, and popularity far more homogenized than random', () => {
    const oracle = run('oracle', seed);
    const popularity = run('popularity', seed);
    const random = run('random', seed);
    expect(last(oracle).meanRelevance!).toBeGreaterThan(1.5 * last(popularity).meanRelevance!);
    expect(last(popularity).homogenization).toBeGreaterThan(20 * last(random).homogenization);
  });
});
