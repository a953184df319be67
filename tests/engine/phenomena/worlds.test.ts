// Phenomenon 7: parallel worlds (Salganik, Dodds & Watts 2006): under the loop, which song becomes a hit is partly luck.
import { describe, expect, it } from 'vitest';
import { findPreset, presetParams } from '../../../src/engine';
import { acrossWorlds } from '../../../src/engine/metrics/across';
import { runClicks, SEEDS } from './runs';

/** Three worlds sharing world seed `worldSeed`, loop seeds 100, 101, 102. */
function across(name: string, worldSeed: number) {
  const runs = [100, 101, 102].map((seed) => runClicks({ ...presetParams(findPreset(name)!), seed, worldSeed }));
  return acrossWorlds({ runClicks: runs.map((r) => r.clicks), quality: runs[0]!.quality, gini: runs.map((r) => r.gini) });
}

describe.each(SEEDS)('world seed %i', (worldSeed) => {
  const loop = across('loop-forms', worldSeed);

  it('the loop is clearly less predictable than random slates', () => {
    expect(loop.unpredictability).toBeGreaterThan(1.5 * across('random-baseline', worldSeed).unpredictability);
  });

  it('final success is less tied to quality under the loop than under Thompson sampling', () => {
    expect(loop.successQualitySpearman.mean!).toBeLessThan(across('thompson-sampling', worldSeed).successQualitySpearman.mean! - 0.05);
  });
});
