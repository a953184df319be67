// Hand-built worlds and small brute-force helpers shared by the engine tests (not a test file itself).
import { longTailMask, type World } from '../../src/engine/world';

export interface HandWorldSpec {
  /** Genre of each song; the song count is its length. */
  genre: number[];
  quality: number[];
  /** Prior plays of each song (0 for songs released later). */
  prior?: number[];
  /** Release step of each song (default 0); ids must be in release order. */
  release?: number[];
  /** One taste row per listener, each of length `genres`. */
  taste: number[][];
  /** β of p(u,i) ∝ (relative taste)^β · quality; default 1. */
  tasteWeight?: number;
  genres: number;
}

/** A World literal with exactly the given songs and tastes, so that p(u,i) can be set by hand. */
export function handWorld(spec: HandWorldSpec): World {
  const songCount = spec.genre.length;
  const release = spec.release ?? spec.genre.map(() => 0);
  const initialSongCount = release.filter((r) => r === 0).length;
  const prior = spec.prior ?? spec.genre.map(() => 0);
  const longTail = longTailMask(prior, initialSongCount, songCount);
  let tail = 0;
  for (let i = 0; i < initialSongCount; i++) tail += longTail[i]!;
  return {
    seed: 0,
    userCount: spec.taste.length,
    genreCount: spec.genres,
    initialSongCount,
    songCount,
    genreShares: new Float64Array(spec.genres).fill(1 / spec.genres),
    songGenre: Uint8Array.from(spec.genre),
    songQuality: Float64Array.from(spec.quality),
    songRelease: Int32Array.from(release),
    songPrior: Float64Array.from(prior),
    userTaste: Float64Array.from(spec.taste.flat()),
    // β = 1 keeps the hand-computed relevances linear in relative taste.
    tasteWeight: spec.tasteWeight ?? 1,
    idiosyncrasy: 0,
    onboarding: new Int32Array(0),
    onboardingPicks: 0,
    longTail,
    initialLongTailSize: tail,
  };
}

/** The first `k` of `ids` ordered by `score` descending, ties by lower id (the engine's documented order). */
export function bruteTopK(ids: number[], score: (i: number) => number, k: number): number[] {
  return [...ids].sort((a, b) => score(b) - score(a) || a - b).slice(0, k);
}

/** 0..n−1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Gini by the mean-absolute-difference form Σ_i Σ_j |x_i − x_j| / (2·n·Σx): independent of the sorted form. */
export function giniPairwise(values: ArrayLike<number>): number {
  const x = Array.from(values);
  const n = x.length;
  const sum = x.reduce((a, b) => a + b, 0);
  if (sum === 0) return 0;
  let diff = 0;
  for (const a of x) for (const b of x) diff += Math.abs(a - b);
  return diff / (2 * n * sum);
}

/** Row u (its first slateLen[u] entries) of a users × k slate matrix. */
export function row(slate: Int32Array, slateLen: Uint8Array, k: number, u: number): number[] {
  return Array.from(slate.subarray(u * k, u * k + slateLen[u]!));
}
