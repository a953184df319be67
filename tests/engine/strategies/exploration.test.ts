// Exploration loosens the loop at a cost: epsilon slots, Thompson sampling, UCB and new-song slots.
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../src/engine';
import { last, meanOf, run, SEEDS } from './helpers';

const EPSILONS = [0, 0.05, 0.1, 0.2];
const LOCKED = findPreset('locked-catalog')!.overrides;

describe.each(SEEDS)('seed %i', (seed) => {
  const byEpsilon = EPSILONS.map((epsilon) => run({ exploration: 'epsilon', epsilon }, seed));

  it('more ε: consumption less alike, more distinct songs per step, relevance paid over the run', () => {
    for (let j = 1; j < EPSILONS.length; j++) {
      const [before, after] = [byEpsilon[j - 1]!, byEpsilon[j]!];
      expect(last(after).consumptionHomogenization!).toBeLessThan(last(before).consumptionHomogenization!);
      expect(last(after).aggregateDiversity).toBeGreaterThan(last(before).aggregateDiversity);
      expect(last(after).coverage).toBeGreaterThanOrEqual(last(before).coverage);
      expect(meanOf(after, (s) => s.meanRelevance)).toBeLessThan(meanOf(before, (s) => s.meanRelevance));
    }
  });

  it('Thompson sampling and UCB end with plays more aligned with quality than the plain loop', () => {
    const loop = last(run({}, seed)).popularityQualityCorrelation!;
    expect(last(run({ exploration: 'thompson' }, seed)).popularityQualityCorrelation!).toBeGreaterThan(loop + 0.05);
    expect(last(run({ exploration: 'ucb' }, seed)).popularityQualityCorrelation!).toBeGreaterThan(loop + 0.05);
  });

  it('UCB gives listeners different slates and its bonus scale matters from the first steps', () => {
    const small = run({ exploration: 'ucb', ucbScale: 0.05 }, seed);
    const large = run({ exploration: 'ucb', ucbScale: 2 }, seed);
    expect(small.steps[0]!.homogenization).toBeLessThan(0.05);
    // A larger bonus keeps exploring: more distinct songs per step by step 10.
    expect(large.steps[9]!.aggregateDiversity).toBeGreaterThan(small.steps[9]!.aggregateDiversity);
  });

  it('a locked catalog never shows new songs; new-song slots give them impressions and clicks', () => {
    const without = run({ ...LOCKED, newSongsPerStep: 5 }, seed);
    const withSlots = run({ ...LOCKED, newSongsPerStep: 5, newSongSlots: 2 }, seed);
    for (const row of without.steps) expect(row.newSongImpressionShare).toBe(0);
    expect(meanOf(withSlots, (s) => s.newSongImpressionShare)).toBeGreaterThan(0.15);
    expect(meanOf(withSlots, (s) => s.newSongClickShare)).toBeGreaterThan(0);
  });

  it('the young catalog hardly ever shows a song released with no plays', () => {
    const growth = run({ newSongsPerStep: 5 }, seed);
    expect(meanOf(growth, (s) => s.newSongImpressionShare)).toBeLessThan(0.01);
  });
});
