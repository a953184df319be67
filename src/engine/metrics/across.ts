// Measures across parallel worlds (runs sharing one world, not one history): how far success depends on chance.
import { averageRanks, pearson } from './spearman';

/** The runs to compare: N ≥ 1 worlds, each over the same songs (the world is shared). */
export interface AcrossInput {
  /**
   * Clicks per song during each run, indexed by song id: final logged plays − prior plays.
   * One array per world, all of the same length.
   */
  readonly runClicks: readonly ArrayLike<number>[];
  /** True quality per song id, the same in every world. */
  readonly quality: ArrayLike<number>;
  /** Each world's final Gini of logged plays, in the order of `runClicks`. */
  readonly gini: readonly number[];
}

/** Mean and sample standard deviation of per-world values. */
export interface MeanSd<T = number> {
  mean: T;
  sd: T;
}

export interface AcrossWorlds {
  /** Salganik et al.'s U: mean over songs of the mean |share difference| over pairs of worlds. */
  unpredictability: number;
  /** Final Gini of plays over the worlds. */
  gini: MeanSd;
  /** Mean share of the top 10 songs two worlds have in common. */
  top10Overlap: number;
  /** Spearman ρ(run clicks, quality) over the worlds where it is defined; null when none is. */
  successQualitySpearman: MeanSd<number | null>;
}

/**
 * Each song's share of the run's clicks, m(i) = c(i) / Σc. All 0 when the run has no clicks:
 * a world where nothing succeeded gives no song a share.
 */
export function clickShares(clicks: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < clicks.length; i++) total += clicks[i]!;
  const shares = new Float64Array(clicks.length);
  if (total > 0) for (let i = 0; i < clicks.length; i++) shares[i] = clicks[i]! / total;
  return shares;
}

/**
 * Unpredictability (Salganik, Dodds & Watts 2006):
 * U = (1/S) Σ_i U_i, U_i = (1/P) Σ_{a<b} |m_a(i) − m_b(i)|, P = N(N−1)/2 pairs of worlds,
 * m the click shares. 0 when every world gives every song the same share; at most 2/S
 * (each pair's shares differ by at most 2 in total). One world has no pairs: U = 0, the value
 * of identical worlds, so the field is always a number.
 */
export function unpredictability(runClicks: readonly ArrayLike<number>[]): number {
  const songs = checkWorlds(runClicks);
  const n = runClicks.length;
  if (n < 2 || songs === 0) return 0;
  const shares = runClicks.map(clickShares);
  let sum = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const x = shares[a]!;
      const y = shares[b]!;
      for (let i = 0; i < songs; i++) sum += Math.abs(x[i]! - y[i]!);
    }
  }
  // Both means are plain averages, so one division by songs × pairs gives the mean of means.
  return sum / (songs * ((n * (n - 1)) / 2));
}

/**
 * The min(k, n) song ids with the most clicks, best first. Ties go to the lower song id, so the
 * result is fully determined (and a run with no clicks has top songs 0 … k−1).
 */
export function topSongs(clicks: ArrayLike<number>, k: number): Int32Array {
  const m = Math.min(k, clicks.length);
  const top = new Int32Array(m);
  if (m === 0) return top;
  let len = 0;
  // Insertion into a short sorted list: O(n·k) at worst, one comparison per song usually.
  // Ids arrive ascending, so an equal count never displaces an earlier (lower) id.
  for (let i = 0; i < clicks.length; i++) {
    const c = clicks[i]!;
    if (len === m && !(c > clicks[top[m - 1]!]!)) continue;
    let j = len < m ? len++ : m - 1;
    while (j > 0 && c > clicks[top[j - 1]!]!) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = i;
  }
  return top;
}

/**
 * Mean over pairs of worlds a < b of |top_a ∩ top_b| / k', top by run clicks (see topSongs),
 * k' = min(k, songs). 1 when all worlds agree on their hits, 0 when no two share one.
 * One world has no pairs: 1, the value of identical worlds (as U is 0 there).
 */
export function topOverlap(runClicks: readonly ArrayLike<number>[], k: number): number {
  const songs = checkWorlds(runClicks);
  const n = runClicks.length;
  const size = Math.min(k, songs);
  if (n < 2 || size === 0) return 1;
  const tops = runClicks.map((c) => topSongs(c, k));
  const mark = new Uint8Array(songs);
  let sum = 0;
  for (let a = 0; a < n; a++) {
    for (const i of tops[a]!) mark[i] = 1;
    for (let b = a + 1; b < n; b++) {
      let common = 0;
      for (const i of tops[b]!) common += mark[i]!;
      sum += common / size;
    }
    for (const i of tops[a]!) mark[i] = 0;
  }
  return sum / ((n * (n - 1)) / 2);
}

/** topOverlap with k = 10: the overlap of the top-10 lists. */
export function top10Overlap(runClicks: readonly ArrayLike<number>[]): number {
  return topOverlap(runClicks, 10);
}

/**
 * Mean and sample standard deviation √(Σ(x − x̄)² / (n − 1)) of `values`. The sd of one value is
 * 0 (no spread observed) rather than undefined. Null for both when there are no values.
 */
export function meanSd(values: readonly number[]): MeanSd<number | null> {
  const n = values.length;
  if (n === 0) return { mean: null, sd: null };
  let mean = 0;
  for (const x of values) mean += x;
  mean /= n;
  if (n === 1) return { mean, sd: 0 };
  let ss = 0;
  for (const x of values) ss += (x - mean) * (x - mean);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/**
 * Spearman ρ between each world's run clicks and quality: the Pearson correlation of average
 * ranks (ties share their mean rank). Null for a world whose clicks are all equal (e.g. none).
 */
export function successQualitySpearman(
  runClicks: readonly ArrayLike<number>[],
  quality: ArrayLike<number>,
): Array<number | null> {
  const songs = checkWorlds(runClicks);
  if (quality.length !== songs)
    throw new Error(`quality has ${quality.length} songs, the runs ${songs}`);
  const qualityRanks = averageRanks(quality);
  return runClicks.map((c) => pearson(averageRanks(c), qualityRanks));
}

/**
 * Every across-world measure of N ≥ 1 runs. The Spearman mean and sd are over the worlds where
 * ρ is defined; the Gini sd and the Spearman sd are sample sds (n − 1), 0 for a single value.
 */
export function acrossWorlds(input: AcrossInput): AcrossWorlds {
  const { runClicks, quality, gini } = input;
  checkWorlds(runClicks);
  if (gini.length !== runClicks.length)
    throw new Error(`${gini.length} Gini values for ${runClicks.length} worlds`);
  const rho = successQualitySpearman(runClicks, quality).filter((r): r is number => r !== null);
  return {
    unpredictability: unpredictability(runClicks),
    gini: meanSd(gini) as MeanSd,
    top10Overlap: top10Overlap(runClicks),
    successQualitySpearman: meanSd(rho),
  };
}

/** The common song count; throws for no worlds or worlds of different sizes (a caller's bug). */
function checkWorlds(runClicks: readonly ArrayLike<number>[]): number {
  if (runClicks.length === 0) throw new Error('no worlds to compare');
  const songs = runClicks[0]!.length;
  for (const c of runClicks)
    if (c.length !== songs) throw new Error(`worlds differ in song count: ${c.length} vs ${songs}`);
  return songs;
}
