// World generation: the frozen long tail, genre shares, default prior-play distribution, tastes, new songs and named streams.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine/params/schema';
import { createWorld, genreShares, longTailMask, type WorldParams } from '../../src/engine/world';
import { range } from './fixtures';

const members = (mask: Uint8Array) => range(mask.length).filter((i) => mask[i]);

describe('longTailMask', () => {
  it('puts the shortest prefix holding ≥ 80% of plays in the head, the rest in Γ', () => {
    // Σ = 100; 50 → 50, +30 → 80 ≥ 0.8·100 → head {0,1}, Γ = {2,3,4}
    expect(members(longTailMask([50, 30, 10, 5, 5], 5))).toEqual([2, 3, 4]);
  });

  it('sorts by prior plays descending, not by id', () => {
    // Same priors shuffled: 50 at id 3, 30 at id 0 → head {3, 0}
    expect(members(longTailMask([30, 5, 10, 50, 5], 5))).toEqual([1, 2, 4]);
  });

  it('breaks ties by id', () => {
    // [5,10,10,5], Σ = 30, 80% = 24: order 1 (10), 2 (10), 0 (5), 3 (5); held 10, 20, 25 ≥ 24 → head {1,2,0}
    expect(members(longTailMask([5, 10, 10, 5], 4))).toEqual([3]);
  });

  it('keeps taking songs until 80% is reached', () => {
    // [40,30,20,10]: 40, 70 (< 80), 90 ≥ 80 → head {0,1,2}, Γ = {3}
    expect(members(longTailMask([40, 30, 20, 10], 4))).toEqual([3]);
  });

  it('puts every song in Γ when all priors are 0', () => {
    expect(members(longTailMask([0, 0, 0], 3))).toEqual([0, 1, 2]);
  });

  it('puts every song beyond the initial count in Γ', () => {
    expect(members(longTailMask([50, 30, 10, 5, 5, 0, 0], 5, 7))).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('genreShares', () => {
  it('is Zipf: skew 1 over 3 genres → 1, 1/2, 1/3 normalised by 11/6', () => {
    const s = Array.from(genreShares(3, 1));
    [6 / 11, 3 / 11, 2 / 11].forEach((v, g) => expect(s[g]).toBeCloseTo(v, 12));
  });

  it('sums to 1 and decreases for skew > 0', () => {
    for (const skew of [0.5, 1, 3]) {
      const s = Array.from(genreShares(8, skew));
      expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let g = 1; g < 8; g++) expect(s[g]!).toBeLessThan(s[g - 1]!);
    }
  });

  it('is equal for skew 0', () => {
    expect(Array.from(genreShares(4, 0))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('createWorld', () => {
  const defaults = (over: Partial<WorldParams> = {}): WorldParams => ({
    ...defaultParams(),
    ...over,
  });

  it.each([1, 2, 3, 42])(
    'seed %i: prior plays fall ~78% below 100, 12–25% in 100–1000, 2–8% above 1000',
    (seed) => {
      const w = createWorld(defaults({ seed }));
      const prior = Array.from(w.songPrior.subarray(0, w.initialSongCount));
      const n = prior.length;
      expect(n).toBe(2000);
      const low = prior.filter((x) => x < 100).length / n;
      const mid = prior.filter((x) => x >= 100 && x <= 1000).length / n;
      const high = prior.filter((x) => x > 1000).length / n;
      expect(low).toBeGreaterThanOrEqual(0.7);
      expect(low).toBeLessThanOrEqual(0.85);
      expect(mid).toBeGreaterThanOrEqual(0.12);
      expect(mid).toBeLessThanOrEqual(0.25);
      expect(high).toBeGreaterThanOrEqual(0.02);
      expect(high).toBeLessThanOrEqual(0.08);
      expect(Math.max(...prior)).toBeLessThanOrEqual(10000); // priorMaxPlays
      expect(prior.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    },
  );

  it('draws tastes that are distributions over genres', () => {
    const w = createWorld(defaults({ users: 50, songs: 100, genres: 5 }));
    expect(w.userTaste).toHaveLength(50 * 5);
    for (let u = 0; u < 50; u++) {
      const taste = Array.from(w.userTaste.subarray(u * 5, u * 5 + 5));
      expect(taste.every((x) => x >= 0)).toBe(true);
      expect(Math.abs(taste.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    }
  });

  it('draws qualities in (0, 1) and genres in 0..G−1', () => {
    const w = createWorld(defaults({ songs: 500, genres: 4, users: 2 }));
    expect(Array.from(w.songQuality).every((q) => q > 0 && q < 1)).toBe(true);
    expect(Array.from(w.songGenre).every((g) => g < 4)).toBe(true);
    expect(new Set(w.songGenre).size).toBe(4);
  });

  it('releases new songs in order after the initial catalog, with no prior plays, all in Γ', () => {
    const w = createWorld(defaults({ songs: 30, users: 2, newSongsPerStep: 3, steps: 4 }));
    expect(w.initialSongCount).toBe(30);
    expect(w.songCount).toBe(30 + 3 * 4);
    expect(Array.from(w.songRelease.subarray(0, 30)).every((r) => r === 0)).toBe(true);
    expect(Array.from(w.songRelease.subarray(30))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(Array.from(w.songPrior.subarray(30)).every((x) => x === 0)).toBe(true);
    expect(Array.from(w.longTail.subarray(30)).every((x) => x === 1)).toBe(true);
    expect(Array.from(w.songQuality.subarray(30)).every((q) => q > 0 && q < 1)).toBe(true);
  });

  it('counts |Γ| over the initial songs only and freezes Γ from the prior plays', () => {
    const w = createWorld(defaults({ songs: 200, users: 2, newSongsPerStep: 5, steps: 3 }));
    expect(w.initialLongTailSize).toBe(range(200).filter((i) => w.longTail[i]).length);
    expect(Array.from(w.longTail)).toEqual(Array.from(longTailMask(w.songPrior, 200, w.songCount)));
    // The head holds at least 80% of the prior plays.
    const total = range(200).reduce((s, i) => s + w.songPrior[i]!, 0);
    const head = range(200)
      .filter((i) => !w.longTail[i])
      .reduce((s, i) => s + w.songPrior[i]!, 0);
    expect(head).toBeGreaterThanOrEqual(0.8 * total);
  });

  it('is identical for the same seed and different for another', () => {
    const p = defaults({ songs: 100, users: 10, newSongsPerStep: 2, steps: 3 });
    expect(createWorld(p)).toEqual(createWorld({ ...p }));
    expect(Array.from(createWorld({ ...p, seed: 43 }).songPrior)).not.toEqual(
      Array.from(createWorld(p).songPrior),
    );
  });

  it('keeps the songs when only the number of listeners changes (named streams)', () => {
    const a = createWorld(defaults({ songs: 100, users: 10, newSongsPerStep: 2, steps: 3 }));
    const b = createWorld(defaults({ songs: 100, users: 37, newSongsPerStep: 2, steps: 3 }));
    expect(b.songGenre).toEqual(a.songGenre);
    expect(b.songQuality).toEqual(a.songQuality);
    expect(b.songPrior).toEqual(a.songPrior);
    expect(b.songRelease).toEqual(a.songRelease);
    // ...and the first listeners' tastes do not depend on how many follow them.
    expect(Array.from(b.userTaste.subarray(0, 10 * 8))).toEqual(Array.from(a.userTaste));
  });

  it('keeps the first steps’ new songs when the run gets longer', () => {
    const a = createWorld(defaults({ songs: 50, users: 2, newSongsPerStep: 3, steps: 4 }));
    const b = createWorld(defaults({ songs: 50, users: 2, newSongsPerStep: 3, steps: 9 }));
    expect(Array.from(b.songQuality.subarray(0, a.songCount))).toEqual(Array.from(a.songQuality));
    expect(Array.from(b.songGenre.subarray(0, a.songCount))).toEqual(Array.from(a.songGenre));
  });

  it('ties prior plays to quality through priorQualityCorrelation', () => {
    const corr = (rho: number) => {
      const w = createWorld(defaults({ songs: 2000, users: 2, priorQualityCorrelation: rho }));
      // Pearson of log prior (shifted, priors may be 0) vs z = Φ⁻¹(q) is awkward; rank agreement suffices:
      // the share of song pairs ordered the same way by prior and by quality (0.5 = unrelated, 1 = monotone).
      let agree = 0;
      let pairs = 0;
      for (let i = 0; i < 2000; i += 3)
        for (let j = i + 1; j < 2000; j += 7) {
          const dp = w.songPrior[i]! - w.songPrior[j]!;
          if (dp === 0) continue;
          pairs++;
          if (dp * (w.songQuality[i]! - w.songQuality[j]!) > 0) agree++;
        }
      return agree / pairs;
    };
    expect(corr(1)).toBeGreaterThan(0.99);
    expect(Math.abs(corr(0) - 0.5)).toBeLessThan(0.05);
  });
});
