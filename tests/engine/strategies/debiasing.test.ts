// Debiasing: better relevance estimates under position bias, re-rankers that buy diversity or calibration.
import { describe, expect, it } from 'vitest';
import { defaultParams, Simulation } from '../../../src/engine';
import { last, meanOf, run, SEEDS } from './helpers';

const lateError = (overrides: Parameters<typeof run>[0], seed: number) => {
  const r = run(overrides, seed);
  const tail = r.steps.slice(-20).map((s) => s.relevanceEstimateError!);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
};

describe.each(SEEDS)('seed %i', (seed) => {
  it('IPS and the positional model estimate relevance better than raw click rates', () => {
    const explored = { exploration: 'epsilon', epsilon: 0.1 } as const;
    const raw = lateError(explored, seed);
    expect(lateError({ ...explored, positionDebias: 'ips' }, seed)).toBeLessThan(raw);
    expect(lateError({ ...explored, positionDebias: 'positional' }, seed)).toBeLessThan(raw);
    expect(lateError({ positionDebias: 'positional' }, seed)).toBeLessThan(lateError({}, seed));
  });

  it('estimated IPS without explored traffic cannot see position bias; the true curve can', () => {
    const sim = new Simulation({ ...defaultParams(), seed, users: 200, songs: 400, steps: 10, positionDebias: 'ips' });
    while (!sim.done) sim.step();
    sim.clickModel.prepare(sim.params, sim.log.released);
    const shown = Array.from({ length: sim.log.released }, (_, i) => i).filter((i) => sim.log.impressions[i]! > 0);
    expect(shown.length).toBeGreaterThan(0);
    for (const i of shown) expect(sim.clickModel.estimate('ips', i)).toBe(sim.clickModel.estimate('none', i));
    expect(lateError({ positionDebias: 'ips', examinationModel: 'known' }, seed)).toBeLessThan(lateError({}, seed));
  });

  it('calibration lowers the calibration KL', () => {
    expect(meanOf(run({ rerank: 'calibrated' }, seed), (s) => s.calibrationKL)).toBeLessThan(meanOf(run({}, seed), (s) => s.calibrationKL));
  });

  it('xQuAD raises the long-tail share, and costs relevance on a personalized ranking', () => {
    expect(meanOf(run({ rerank: 'xquad' }, seed), (s) => s.longTailShare)).toBeGreaterThan(0.05);
    const personalized = run({ recommender: 'personalized' }, seed);
    const diversified = run({ recommender: 'personalized', rerank: 'xquad' }, seed);
    expect(meanOf(diversified, (s) => s.longTailShare)).toBeGreaterThan(meanOf(personalized, (s) => s.longTailShare));
    expect(meanOf(diversified, (s) => s.meanRelevance)).toBeLessThan(meanOf(personalized, (s) => s.meanRelevance));
  });

  it('a popularity penalty on a personalized ranking spreads plays and costs relevance', () => {
    const personalized = run({ recommender: 'personalized' }, seed);
    const penalized = run({ recommender: 'personalized', popularityPenalty: 1.2 }, seed);
    expect(last(penalized).gini).toBeLessThan(last(personalized).gini);
    expect(meanOf(penalized, (s) => s.meanRelevance)).toBeLessThan(meanOf(personalized, (s) => s.meanRelevance));
  });
});
