// Phenomena 3–6 and 8: exploration's price, Thompson sampling, personalized and factorization slates, the oracle, IPS against raw click rates.
import { describe, expect, it } from 'vitest';
import { at, preset, SEEDS } from './runs';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(SEEDS)('seed %i', (seed) => {
  it('ε ∈ {0, .05, .1, .2}: consumption homogenization falls and distinct songs rise with ε, at a cost in relevance', () => {
    const runs = [0, 0.05, 0.1, 0.2].map((epsilon) => preset('epsilon-exploration', { seed, epsilon }));
    for (let j = 1; j < runs.length; j++) {
      expect(at(runs[j]!, 100).consumptionHomogenization!).toBeLessThan(at(runs[j - 1]!, 100).consumptionHomogenization!);
      expect(at(runs[j]!, 100).aggregateDiversity).toBeGreaterThan(at(runs[j - 1]!, 100).aggregateDiversity);
    }
    expect(at(runs[3]!, 100).meanRelevance!).toBeLessThan(at(runs[0]!, 100).meanRelevance!);
  });

  it('Thompson sampling: plays more tied to quality than under the loop, and listeners hear more varied songs', () => {
    const loop = preset('loop-forms', { seed });
    const thompson = preset('thompson-sampling', { seed });
    expect(at(thompson, 100).popularityQualityCorrelation!).toBeGreaterThan(at(loop, 100).popularityQualityCorrelation! + 0.05);
    // Fresh draws per listener: step-1 slates far less alike than the loop's, and what listeners
    // end up clicking overlaps far less (the posteriors do converge, so late slates grow alike).
    expect(at(thompson, 1).homogenization).toBeLessThan(0.5 * at(loop, 1).homogenization);
    expect(at(thompson, 100).homogenization).toBeLessThan(at(loop, 100).homogenization);
    expect(at(thompson, 100).consumptionHomogenization!).toBeLessThan(0.5 * at(loop, 100).consumptionHomogenization!);
  });

  it('factorization: step-1 slates less alike than popularity, and niche listeners lose more than mainstream ones', () => {
    const loop = preset('loop-forms', { seed });
    const mf = preset('factorization', { seed });
    expect(at(mf, 1).homogenization).toBeLessThan(at(loop, 1).homogenization);
    expect(at(mf, 100).utilityRegretByTaste.niche!).toBeGreaterThan(at(mf, 100).utilityRegretByTaste.mainstream!);
  });

  it('personalized: slates grow alike over time, and genre by genre follow taste better than popularity', () => {
    const loop = preset('loop-forms', { seed });
    const personalized = preset('personalized', { seed });
    expect(at(personalized, 100).homogenization).toBeGreaterThan(5 * at(personalized, 1).homogenization);
    expect(at(personalized, 100).tasteKL!).toBeLessThan(at(loop, 100).tasteKL!);
  });

  it('under the loop, niche listeners lose more than mainstream ones', () => {
    const loop = preset('loop-forms', { seed });
    expect(at(loop, 100).utilityRegretByTaste.niche!).toBeGreaterThan(at(loop, 100).utilityRegretByTaste.mainstream! + 0.05);
  });

  it('xQuAD: distinct songs per step rise with λ, and at λ = 1 slates hold more of the long tail', () => {
    const runs = [0, 0.25, 0.5, 1].map((rerankStrength) => preset('long-tail-xquad', { seed, rerankStrength }));
    const meanOver = (r: (typeof runs)[number], pick: (row: (typeof r.steps)[number]) => number) =>
      mean(r.steps.map(pick));
    for (let j = 1; j < runs.length; j++)
      expect(meanOver(runs[j]!, (row) => row.aggregateDiversity)).toBeGreaterThan(meanOver(runs[j - 1]!, (row) => row.aggregateDiversity));
    expect(meanOver(runs[3]!, (row) => row.longTailShare)).toBeGreaterThan(meanOver(runs[0]!, (row) => row.longTailShare) + 0.05);
  });

  it('the oracle shows at least 5× the slate size of distinct songs at step 1', () => {
    const oracle = preset('oracle-baseline', { seed });
    expect(at(oracle, 1).aggregateDiversity).toBeGreaterThanOrEqual(5 * oracle.config.slateSize);
  });

  it('IPS: relevance-estimate error at most half that of the raw click rate with the same exploration', () => {
    const last20 = (name: string) => mean(preset(name, { seed }).steps.slice(-20).map((r) => r.relevanceEstimateError!));
    expect(last20('ips-debiasing')).toBeLessThanOrEqual(0.5 * last20('raw-click-rate'));
  });
});
