// The world of a run: songs, genres, listeners' tastes and the frozen long tail, drawn once per seed.
import { log10, pow } from './math';
import { tieKey } from './hash';
import { createStream, dirichlet, categorical, normal, normalCdf } from './rng';
import { worldSeedOf, type Params } from './params/schema';

export type WorldParams = Pick<
  Params,
  | 'seed' | 'songs' | 'genres' | 'genreSkew' | 'priorMedianPlays' | 'priorSpread' | 'priorMaxPlays'
  | 'priorQualityCorrelation' | 'newSongsPerStep' | 'steps' | 'users' | 'tasteConcentration' | 'tasteWeight'
  | 'worldSeed' | 'idiosyncrasy' | 'onboardingPicks'
>;

/** Everything fixed before step 1. Song ids are the initial songs first, then new songs in release order. */
export interface World {
  /** The seed of the world's streams and hashes (worldSeed, or seed when that is −1). */
  readonly seed: number;
  readonly userCount: number;
  readonly genreCount: number;
  /** Songs present at step 0. */
  readonly initialSongCount: number;
  /** Initial songs plus every song released during the run. */
  readonly songCount: number;
  /** Expected share of songs (and mean taste) per genre; sums to 1. */
  readonly genreShares: Float64Array;
  readonly songGenre: Uint8Array;
  /** True quality in (0, 1); only the oracle and the metrics see it. */
  readonly songQuality: Float64Array;
  /** Step from which a song is eligible: 0 for the initial catalog. */
  readonly songRelease: Int32Array;
  /** Plays before the simulation starts (0 for released songs). */
  readonly songPrior: Float64Array;
  /** Initial taste of listener u over genres at [u * genreCount + g]; each row sums to 1. */
  readonly userTaste: Float64Array;
  /** β in p(u,i) ∝ (relative taste)^β · quality (see relevance). */
  readonly tasteWeight: number;
  /** w in p(u,i): the weight of each listener's personal liking ε(u,i) against quality (see relevance). */
  readonly idiosyncrasy: number;
  /** Songs each listener picked at sign-up, rows of users × onboardingPicks (−1 where a genre had no songs). */
  readonly onboarding: Int32Array;
  readonly onboardingPicks: number;
  /** 1 if the song is in the long tail Γ (frozen at the start; every new song is in Γ). */
  readonly longTail: Uint8Array;
  /** |Γ| among the initial songs. */
  readonly initialLongTailSize: number;
}

/** Zipf genre shares: share_g ∝ 1 / (g + 1)^s, g = 0..G−1. */
export function genreShares(genres: number, skew: number): Float64Array {
  const shares = new Float64Array(genres);
  let total = 0;
  for (let g = 0; g < genres; g++) total += shares[g] = 1 / pow(g + 1, skew);
  for (let g = 0; g < genres; g++) shares[g]! /= total;
  return shares;
}

/**
 * Draws one song: genre ~ shares, quality q = Φ(z) with z ~ N(0,1), and
 * prior = min(maxPlays, round(10^(log10(median) + spread · (ρ·z + √(1−ρ²)·ε)))), ε ~ N(0,1), so
 * that ρ sets how well past popularity reflects quality. New songs get no prior plays.
 */
function drawSong(world: MutableWorld, id: number, p: WorldParams, rng: () => number, release: number): void {
  world.songGenre[id] = categorical(rng, world.genreShares);
  const z = normal(rng);
  const eps = normal(rng);
  world.songQuality[id] = normalCdf(z);
  world.songRelease[id] = release;
  if (release === 0) {
    const rho = p.priorQualityCorrelation;
    const logPlays = log10(p.priorMedianPlays) + p.priorSpread * (rho * z + Math.sqrt(1 - rho * rho) * eps);
    world.songPrior[id] = Math.min(p.priorMaxPlays, Math.round(pow(10, logPlays)));
  }
}

type MutableWorld = { -readonly [K in keyof World]: World[K] };

/**
 * The long tail Γ over the initial songs: sort by prior plays descending (ties by the seeded key of
 * `seed`); the head is the shortest prefix holding at least 80% of all prior plays; Γ is everything else.
 */
export function longTailMask(prior: ArrayLike<number>, count: number, totalSongs = count, seed = 0): Uint8Array {
  const mask = new Uint8Array(totalSongs).fill(1);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => prior[b]! - prior[a]! || tieKey(seed, a) - tieKey(seed, b));
  let total = 0;
  for (let i = 0; i < count; i++) total += prior[i]!;
  let held = 0;
  for (const id of order) {
    if (total <= 0 || held >= 0.8 * total) break;
    mask[id] = 0;
    held += prior[id]!;
  }
  return mask;
}

/** Generates the world of `p`. Songs, listeners and each step's releases use separate sub-streams. */
export function createWorld(p: WorldParams): World {
  const songCount = p.songs + p.newSongsPerStep * p.steps;
  const seed = worldSeedOf(p);
  const world: MutableWorld = {
    seed,
    userCount: p.users,
    genreCount: p.genres,
    initialSongCount: p.songs,
    songCount,
    genreShares: genreShares(p.genres, p.genreSkew),
    songGenre: new Uint8Array(songCount),
    songQuality: new Float64Array(songCount),
    songRelease: new Int32Array(songCount),
    songPrior: new Float64Array(songCount),
    userTaste: new Float64Array(p.users * p.genres),
    tasteWeight: p.tasteWeight,
    idiosyncrasy: p.idiosyncrasy,
    onboarding: new Int32Array(p.users * p.onboardingPicks),
    onboardingPicks: p.onboardingPicks,
    longTail: new Uint8Array(0),
    initialLongTailSize: 0,
  };
  const songRng = createStream(seed, 'world', 'songs');
  for (let i = 0; i < p.songs; i++) drawSong(world, i, p, songRng, 0);
  for (let r = 1, id = p.songs; r <= p.steps && p.newSongsPerStep > 0; r++) {
    // One stream per release step keeps the first r steps' songs the same for any run length.
    const releaseRng = createStream(seed, 'world', `release:${r}`);
    for (let j = 0; j < p.newSongsPerStep; j++, id++) drawSong(world, id, p, releaseRng, r);
  }
  const userRng = createStream(seed, 'world', 'users');
  const alpha = world.genreShares.map((s) => s * p.tasteConcentration);
  for (let u = 0; u < p.users; u++) dirichlet(userRng, alpha, world.userTaste, u * p.genres);
  drawOnboarding(world, createStream(seed, 'world', 'onboarding'));
  world.longTail = longTailMask(world.songPrior, p.songs, songCount, seed);
  let tail = 0;
  for (let i = 0; i < p.songs; i++) tail += world.longTail[i]!;
  world.initialLongTailSize = tail;
  return world;
}

/**
 * Sign-up picks: for each listener and pick, a genre g ~ Categorical(θ_u) and a song drawn uniformly
 * from the initial songs of g (−1 if g has none). Always two draws per pick, so the picks of a
 * listener do not depend on the catalog's genre sizes.
 */
function drawOnboarding(world: MutableWorld, rng: () => number): void {
  const G = world.genreCount;
  const byGenre: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < world.initialSongCount; i++) byGenre[world.songGenre[i]!]!.push(i);
  const taste = new Float64Array(G);
  const picks = world.onboardingPicks;
  for (let u = 0; u < world.userCount; u++) {
    taste.set(world.userTaste.subarray(u * G, u * G + G));
    for (let j = 0; j < picks; j++) {
      const songs = byGenre[categorical(rng, taste)]!;
      const x = rng();
      world.onboarding[u * picks + j] = songs.length > 0 ? songs[Math.floor(x * songs.length)]! : -1;
    }
  }
}
