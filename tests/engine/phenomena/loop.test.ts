// Phenomena 1, 2 and 9: the default loop forms in front of the class; random slates show none of it; a locked catalog is locked from step 1.
import { describe, expect, it } from 'vitest';
import { at, preset, SEEDS } from './runs';

describe.each(SEEDS)('seed %i', (seed) => {
  const loop = preset('loop-forms', { seed });
  const songs = loop.config.songs;

  it('distinct songs per step fall from most of the catalog to a small fraction', () => {
    expect(at(loop, 1).aggregateDiversity).toBeGreaterThan(0.75 * songs);
    expect(at(loop, 100).aggregateDiversity).toBeLessThan(0.05 * songs);
  });

  it('the Gini of plays climbs by a wide margin', () => {
    expect(at(loop, 1).gini).toBeLessThan(0.45);
    expect(at(loop, 100).gini - loop.initial.gini).toBeGreaterThan(0.5);
  });

  it('consumption homogenization rises from nearly 0', () => {
    expect(at(loop, 1).consumptionHomogenization!).toBeLessThan(0.01);
    expect(at(loop, 10).consumptionHomogenization!).toBeGreaterThan(10 * at(loop, 1).consumptionHomogenization!);
    expect(at(loop, 100).consumptionHomogenization!).toBeGreaterThan(0.3);
  });

  it("the head's click share rises toward 1", () => {
    expect(at(loop, 1).headClickShare!).toBeLessThan(0.6);
    expect(at(loop, 100).headClickShare!).toBeGreaterThan(0.99);
  });

  it('the hit-rate warning sign appears: the best songs are hit only once they are popular', () => {
    // Step 1: every song still has fewer than 100 plays, so only the low bucket exists.
    expect(at(loop, 1).hitRate.mid).toBeNull();
    expect(at(loop, 1).hitRate.high).toBeNull();
    expect(at(loop, 100).hitRate.high!).toBeGreaterThan(0.7);
    expect(at(loop, 100).hitRate.low!).toBeLessThan(0.005);
  });

  it('random slates show none of the five trends', () => {
    const random = preset('random-baseline', { seed });
    expect(at(random, 100).aggregateDiversity).toBeGreaterThan(0.95 * songs);
    expect(at(random, 100).gini).toBeLessThan(random.initial.gini);
    expect(at(random, 100).consumptionHomogenization!).toBeLessThan(0.05);
    expect(at(random, 100).headClickShare!).toBeLessThan(0.5);
    expect(at(random, 100).hitRate.mid === null || at(random, 100).hitRate.mid! < 0.02).toBe(true);
  });

  it('a locked-in catalog shows every listener the same slate from step 1', () => {
    const locked = preset('locked-catalog', { seed });
    for (const row of locked.steps) {
      expect(row.homogenization).toBe(1);
      expect(row.aggregateDiversity).toBe(locked.config.slateSize);
    }
  });
});
