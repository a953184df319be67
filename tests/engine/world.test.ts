// World generation: the frozen long tail, genre shares, prior-play distributions, tastes, sign-up picks, new songs, named streams and the world seed.
import { describe, expect, it } from 'vitest';
import { tieKey } from '../../src/engine/hash';
import { createLog } from '../../src/engine/log';
import { defaultParams, worldSeedOf } from '../../src/engine/params/schema';
import { findPreset, presetParams } from '../../src/engine/params/presets';
import { Simulation } from '../../src/engine/simulation';
import { createWorld, genreShares, longTailMask, type WorldParams } from '../../src/engine/world';
import { range } from './fixtures';

const members = (mask: Uint8Array) => range(mask.length).filter((i) => mask[i]);

/** Whichever of songs a and b has the smaller tie key of `seed` (the one the tie goes to). */
const tieWinner = (seed: number, a: number, b: number) =>
  tieKey(seed, a) < tieKey(seed, b) ? a : b;

/**
 * The frozen long tail by its definition, written independently of longTailMask: initial songs by
 * prior plays descending, ties by the seeded key ascending; the head is the shortest prefix that
 * holds ≥ 80% of the prior plays; everything else (and every later release) is in Γ.
 */
function bruteLongTail(
  prior: ArrayLike<number>,
  initial: number,
  total: number,
  seed: number,
): number[] {
  const order = range(initial).sort(
    (a, b) => prior[b]! - prior[a]! || tieKey(seed, a) - tieKey(seed, b),
  );
  const sum = order.reduce((s, i) => s + prior[i]!, 0);
  const tail = new Array<number>(total).fill(1);
  let held = 0;
  for (const i of order) {
    if (held >= 0.8 * sum) break;
    tail[i] = 0;
    held += prior[i]!;
  }
  return tail;
}

describe('longTailMask', () => {
  it('puts the shortest prefix holding ≥ 80% of plays in the head, the rest in Γ', () => {
    // Σ = 100; 50 → 50, +30 → 80 ≥ 0.8·100 → head {0,1}, Γ = {2,3,4}
    expect(members(longTailMask([50, 30, 10, 5, 5], 5))).toEqual([2, 3, 4]);
  });

  it('sorts by prior plays descending, not by id', () => {
    // Same priors shuffled: 50 at id 3, 30 at id 0 → head {3, 0}
    expect(members(longTailMask([30, 5, 10, 50, 5], 5))).toEqual([1, 2, 4]);
  });

  it('breaks ties by the seeded key, not by id', () => {
    // [5,10,10,5], Σ = 30, 80% = 24: songs 1 and 2 (10 each) hold 20 < 24, so one of the tied
    // songs 0 and 3 (5 each) joins the head (held 25 ≥ 24): the one with the smaller tie key.
    for (const seed of [0, 1, 42]) {
      const other = tieWinner(seed, 0, 3) === 0 ? 3 : 0;
      expect(members(longTailMask([5, 10, 10, 5], 4, 4, seed))).toEqual([other]);
    }
  });

  it('two seeds can break the same tie differently', () => {
    // Ten songs with equal plays: the head is the 8 with the smallest keys of the seed.
    const prior = new Array<number>(10).fill(3);
    const tails = range(20).map((seed) => members(longTailMask(prior, 10, 10, seed)).join(','));
    for (const [seed, tail] of tails.entries()) {
      const byKey = range(10).sort((a, b) => tieKey(seed, a) - tieKey(seed, b));
      expect(tail).toBe(
        byKey
          .slice(8)
          .sort((a, b) => a - b)
          .join(','),
      );
    }
    // With ids breaking ties every seed would put songs 8 and 9 in Γ; the seeded keys vary it.
    expect(new Set(tails).size).toBeGreaterThan(1);
    expect(tails.some((t) => t !== '8,9')).toBe(true);
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

  const locked = (over: Partial<WorldParams> = {}): WorldParams => ({
    ...presetParams(findPreset('locked-catalog')!),
    ...over,
  });

  it.each([1, 2, 3, 42])(
    'locked catalog, seed %i: prior plays fall ~78% below 100, 12–25% in 100–1000, 2–8% above 1000',
    (seed) => {
      // log10 plays ~ N(log10 13 = 1.114, 1.15): P(< 100) = Φ((2 − 1.114)/1.15) = Φ(0.77) ≈ 0.78,
      // P(> 1000) = 1 − Φ((3 − 1.114)/1.15) = 1 − Φ(1.64) ≈ 0.05, the rest ≈ 0.17.
      const w = createWorld(locked({ seed }));
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

  it.each([1, 2, 3, 42])(
    'young default catalog, seed %i: median 3 plays, quartiles 2 and 5, nearly every song below 100',
    (seed) => {
      // log10 plays ~ N(log10 3 = 0.477, 0.3), rounded. P(round ≤ 2) = Φ((log10 2.5 − 0.477)/0.3)
      // = Φ(−0.26) ≈ 0.40 and P(round ≤ 3) = Φ((log10 3.5 − 0.477)/0.3) = Φ(0.22) ≈ 0.59: median 3.
      // P(≤ 1) = Φ(−1.00) ≈ 0.16 < 0.25 < 0.40: first quartile 2. P(≤ 4) = Φ(0.59) ≈ 0.72 < 0.75 <
      // P(≤ 5) = Φ(0.88) ≈ 0.81: third quartile 5. P(≤ 10) = Φ((log10 10.5 − 0.477)/0.3) = Φ(1.81)
      // ≈ 0.965; P(≥ 31) = 1 − Φ((log10 30.5 − 0.477)/0.3) = 1 − Φ(3.36) ≈ 0.0004;
      // P(≥ 100) = 1 − Φ(5.08) ≈ 2e-7; P(0) = Φ((log10 0.5 − 0.477)/0.3) = Φ(−2.59) ≈ 0.005.
      const w = createWorld(defaults({ seed }));
      const prior = Array.from(w.songPrior.subarray(0, w.initialSongCount)).sort((a, b) => a - b);
      const n = prior.length;
      expect(n).toBe(2000);
      const share = (pred: (x: number) => boolean) => prior.filter(pred).length / n;
      expect(prior[n / 2]).toBe(3);
      expect(prior[n / 4]).toBe(2);
      expect(prior[(3 * n) / 4]).toBe(5);
      expect(share((x) => x <= 10)).toBeGreaterThanOrEqual(0.94);
      expect(share((x) => x <= 10)).toBeLessThanOrEqual(0.985);
      expect(share((x) => x > 30)).toBeLessThan(0.01);
      expect(share((x) => x < 100)).toBeGreaterThanOrEqual(0.999);
      expect(share((x) => x === 0)).toBeLessThan(0.02);
      expect(prior[n - 1]).toBeLessThanOrEqual(1000); // priorMaxPlays
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

  it('counts |Γ| over the initial songs only and freezes Γ from the prior plays, ties by the world seed’s keys', () => {
    // seed 3 with world seed 12: the world (and its tie keys) come from 12. The young catalog has
    // many songs with equal prior plays, so the tie keys decide which of them end the head.
    const p = defaults({
      songs: 200,
      users: 2,
      newSongsPerStep: 5,
      steps: 3,
      seed: 3,
      worldSeed: 12,
    });
    const w = createWorld(p);
    expect(w.seed).toBe(12);
    expect(w.initialLongTailSize).toBe(range(200).filter((i) => w.longTail[i]).length);
    expect(Array.from(w.longTail)).toEqual(bruteLongTail(w.songPrior, 200, w.songCount, 12));
    expect(Array.from(w.longTail)).toEqual(
      Array.from(longTailMask(w.songPrior, 200, w.songCount, 12)),
    );
    // The keys of the loop seed would have cut the head elsewhere: the check above is not vacuous.
    expect(bruteLongTail(w.songPrior, 200, w.songCount, 3)).not.toEqual(Array.from(w.longTail));
    // The head holds at least 80% of the prior plays, and without its last song it would not.
    const total = range(200).reduce((s, i) => s + w.songPrior[i]!, 0);
    const headSongs = range(200).filter((i) => !w.longTail[i]);
    const head = headSongs.reduce((s, i) => s + w.songPrior[i]!, 0);
    expect(head).toBeGreaterThanOrEqual(0.8 * total);
    const smallest = Math.min(...headSongs.map((i) => w.songPrior[i]!));
    expect(head - smallest).toBeLessThan(0.8 * total);
    // No tail song has more prior plays than a head song.
    const largestTail = Math.max(
      ...range(200)
        .filter((i) => w.longTail[i])
        .map((i) => w.songPrior[i]!),
    );
    expect(largestTail).toBeLessThanOrEqual(smallest);
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
    // ...and the first listeners' tastes and sign-up picks do not depend on how many follow them.
    expect(Array.from(b.userTaste.subarray(0, 10 * 8))).toEqual(Array.from(a.userTaste));
    expect(Array.from(b.onboarding.subarray(0, 10 * 3))).toEqual(Array.from(a.onboarding));
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

describe('sign-up picks', () => {
  const params = (over: Partial<WorldParams> = {}): WorldParams => ({
    ...defaultParams(),
    ...over,
  });

  it('gives every listener onboardingPicks songs, all from the initial catalog', () => {
    const w = createWorld(
      params({ songs: 120, users: 40, onboardingPicks: 5, newSongsPerStep: 4, steps: 3 }),
    );
    expect(w.onboardingPicks).toBe(5);
    expect(w.onboarding).toHaveLength(40 * 5);
    // Every genre has songs in a catalog of 120 over 8 genres, so no pick is missing (−1)...
    expect(new Set(Array.from(w.songGenre.subarray(0, 120))).size).toBe(8);
    // ...and none is a song released during the run (ids ≥ 120).
    expect(Array.from(w.onboarding).every((i) => Number.isInteger(i) && i >= 0 && i < 120)).toBe(
      true,
    );
    expect(
      createWorld(params({ songs: 120, users: 40, onboardingPicks: 0 })).onboarding,
    ).toHaveLength(0);
  });

  it('draws every pick of a listener with a one-hot taste from that genre', () => {
    // Concentration 0.05 over 8 genres: Dirichlet(≈ 0.006 each) draws put all the mass on one genre
    // for many listeners: their favourite's share rounds to exactly 1, the others together are
    // below 1e-15, so a genre draw lands elsewhere with probability < 1e-15.
    const w = createWorld(
      params({ songs: 300, users: 300, tasteConcentration: 0.05, onboardingPicks: 10 }),
    );
    const G = w.genreCount;
    let checked = 0;
    for (let u = 0; u < w.userCount; u++) {
      const taste = Array.from(w.userTaste.subarray(u * G, u * G + G));
      const favourite = taste.indexOf(1);
      if (favourite < 0) continue;
      expect(taste.reduce((s, x, g) => (g === favourite ? s : s + x), 0)).toBeLessThan(1e-15);
      checked++;
      const picks = Array.from(w.onboarding.subarray(u * 10, u * 10 + 10));
      expect(picks.map((i) => w.songGenre[i])).toEqual(new Array<number>(10).fill(favourite));
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('draws genres in proportion to taste over many listeners', () => {
    // Expected picks of genre g: Σ_u θ_u,g · picks. A pick's genre is Bernoulli per (u, pick), so
    // the count's sd is at most √expected; allow 5 sd.
    const w = createWorld(params({ users: 2000, onboardingPicks: 3 }));
    const G = w.genreCount;
    const expected = new Array<number>(G).fill(0);
    const observed = new Array<number>(G).fill(0);
    for (let u = 0; u < w.userCount; u++)
      for (let g = 0; g < G; g++) expected[g]! += 3 * w.userTaste[u * G + g]!;
    for (const i of w.onboarding) observed[w.songGenre[i]!]!++;
    for (let g = 0; g < G; g++)
      expect(Math.abs(observed[g]! - expected[g]!)).toBeLessThan(5 * Math.sqrt(expected[g]!) + 1);
  });

  it('draws the song uniformly within the genre', () => {
    // One genre of 20 songs, 10000 picks: 500 per song, sd ≈ √(10000 · 0.05 · 0.95) ≈ 22; allow 5 sd.
    const w = createWorld(params({ genres: 1, songs: 20, users: 5000, onboardingPicks: 2 }));
    const counts = new Array<number>(20).fill(0);
    for (const i of w.onboarding) counts[i]!++;
    for (const c of counts) expect(Math.abs(c - 500)).toBeLessThan(110);
  });

  it('marks a pick −1 when its genre has no initial song, and the history skips it', () => {
    // 10 songs over 32 equal genres: at most 10 genres have songs, so most genre draws find none.
    const w = createWorld(
      params({ songs: 10, genres: 32, genreSkew: 0, users: 30, onboardingPicks: 4 }),
    );
    const present = new Set(Array.from(w.songGenre.subarray(0, 10)));
    const picks = Array.from(w.onboarding);
    expect(picks.some((i) => i === -1)).toBe(true);
    expect(picks.some((i) => i >= 0)).toBe(true);
    for (const i of picks) if (i >= 0) expect(present.has(w.songGenre[i]!)).toBe(true);
    const log = createLog(w);
    for (let u = 0; u < 30; u++)
      expect(log.userClicks[u]).toBe(picks.slice(u * 4, u * 4 + 4).filter((i) => i >= 0).length);
  });

  it('start each listener’s history (genre clicks, clicks, tail clicks) but add no plays', () => {
    const w = createWorld(params({ songs: 200, users: 25, onboardingPicks: 4 }));
    const log = createLog(w);
    const G = w.genreCount;
    for (let u = 0; u < w.userCount; u++) {
      const picks = Array.from(w.onboarding.subarray(u * 4, u * 4 + 4));
      for (let g = 0; g < G; g++)
        expect(log.userGenreClicks[u * G + g]).toBe(
          picks.filter((i) => w.songGenre[i] === g).length,
        );
      expect(log.userClicks[u]).toBe(4);
      expect(log.userTailClicks[u]).toBe(picks.filter((i) => w.longTail[i] === 1).length);
    }
    expect(Array.from(log.plays)).toEqual(Array.from(w.songPrior));
    expect(Array.from(log.impressions).every((x) => x === 0)).toBe(true);
  });

  it('are the same for the same world seed whatever the seed, and differ for another world seed', () => {
    const p = params({ songs: 150, users: 30, onboardingPicks: 3 });
    const a = createWorld({ ...p, seed: 1, worldSeed: 9 });
    const b = createWorld({ ...p, seed: 2, worldSeed: 9 });
    const c = createWorld({ ...p, seed: 9, worldSeed: -1 });
    expect(Array.from(b.onboarding)).toEqual(Array.from(a.onboarding));
    expect(Array.from(c.onboarding)).toEqual(Array.from(a.onboarding));
    expect(Array.from(createWorld({ ...p, seed: 1, worldSeed: 10 }).onboarding)).not.toEqual(
      Array.from(a.onboarding),
    );
  });
});

describe('worldSeed', () => {
  const p = { ...defaultParams(), songs: 150, users: 30, steps: 4, newSongsPerStep: 2 };

  it('is the seed when −1, else itself', () => {
    expect(worldSeedOf({ seed: 5, worldSeed: -1 })).toBe(5);
    expect(worldSeedOf({ seed: 5, worldSeed: 0 })).toBe(0);
    expect(worldSeedOf({ seed: 5, worldSeed: 77 })).toBe(77);
  });

  it('gives two runs with different seeds exactly the same world', () => {
    const a = createWorld({ ...p, seed: 1, worldSeed: 7 });
    const b = createWorld({ ...p, seed: 2, worldSeed: 7 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(7);
    // ...which is the world of seed 7 itself, and not that of seed 1.
    expect(createWorld({ ...p, seed: 7 })).toEqual(a);
    expect(Array.from(createWorld({ ...p, seed: 1 }).songQuality)).not.toEqual(
      Array.from(a.songQuality),
    );
  });

  it('makes parallel worlds: the same world and initial metrics, a different history', () => {
    const a = new Simulation({ ...p, seed: 1, worldSeed: 7 });
    const b = new Simulation({ ...p, seed: 2, worldSeed: 7 });
    expect(b.world).toEqual(a.world);
    expect(b.initial).toEqual(a.initial);
    const playsA: number[][] = [];
    const playsB: number[][] = [];
    while (!a.done) {
      a.step();
      b.step();
      playsA.push(Array.from(a.log.plays));
      playsB.push(Array.from(b.log.plays));
    }
    expect(playsB).not.toEqual(playsA);
    // The loop seed, not the world seed, keys the tie-breaks of the run.
    expect(Array.from(a.tieKeys)).toEqual(range(a.world.songCount).map((i) => tieKey(1, i)));
    expect(Array.from(b.tieKeys)).toEqual(range(b.world.songCount).map((i) => tieKey(2, i)));
  });
});
