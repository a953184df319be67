// Exploration loosens the loop at a cost: epsilon slots, Thompson sampling, UCB and new-song slots.
import { describe, expect, it } from 'vitest';
import { last, meanOf, run, SEEDS } from './helpers';

const EPSILONS = [0, 0.05, 0.1, 0.2, 0.5];

describe.each(SEEDS)('seed %i', (seed) => {
  const byEpsilon = EPSILONS.map((epsilon) => run({ exploration: 'epsilon', epsilon }, seed));

  it('more ε gives lower final Gini and homogenization, more diversity and long tail, less relevance', () => {
    for (let j = 1; j < EPSILONS.length; j++) {
      const [before, after] = [byEpsilon[j - 1]!, byEpsilon[j]!];
      expect(last(after).gini).toBeLessThan(last(before).gini);
      expect(last(after).homogenization).toBeLessThan(last(before).homogenization);
      expect(last(after).aggregateDiversity).toBeGreaterThan(last(before).aggregateDiversity);
      expect(last(after).longTailShare).toBeGreaterThan(last(before).longTailShare);
      expect(meanOf(after, (s) => s.meanRelevance)).toBeLessThan(meanOf(before, (s) => s.meanRelevance));
    }
  });

  it('with a little exploration the Gini of plays still rises', () => {
    for (const r of byEpsilon.slice(0, 3)) expect(last(r).gini).toBeGreaterThan(r.initial.gini);
  });

  it('Thompson sampling and UCB end with plays more aligned with quality than pure popularity', () => {
    const popularity = last(run({}, seed)).popularityQualityCorrelation!;
    expect(last(run({ exploration: 'thompson' }, seed)).popularityQualityCorrelation!).toBeGreaterThan(popularity + 0.015);
    expect(last(run({ exploration: 'ucb' }, seed)).popularityQualityCorrelation!).toBeGreaterThan(popularity + 0.015);
  });

  it('pure popularity never shows new songs; new-song slots give them impressions and clicks', () => {
    const without = run({ newSongsPerStep: 5 }, seed);
    const withSlots = run({ newSongsPerStep: 5, newSongSlots: 2 }, seed);
    for (const row of without.steps) expect(row.newSongImpressionShare).toBe(0);
    expect(meanOf(withSlots, (s) => s.newSongImpressionShare)).toBeGreaterThan(0.15);
    expect(meanOf(withSlots, (s) => s.newSongClickShare)).toBeGreaterThan(0);
  });
});
