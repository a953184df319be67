// Pure maths of the exposure-bias view: popularity buckets, hidden gems and the scatter's drawing plan.
import { bucketOf } from '../../engine';
import { fmtInt } from './format';
import { median } from './select';
import type { SongSnapshot } from './types';

export { median };

/** Songs at least this good count as top quality (quality is uniform, so this is the best 20%). */
export const GEM_QUALITY = 0.8;
/** A gem was shown less than this fraction of an even share of the impressions. */
export const GEM_SHARE = 0.1;

/** The engine's popularity buckets (docs/model.md §9.4): 0 = plays < a, 1 = a ≤ plays ≤ b, 2 = plays > b. */
export { bucketOf };

/** The hidden gems of a snapshot and the numbers of the rule that picked them. */
export interface HiddenGems {
  count: number;
  /** An even share: all impressions so far over the released songs (0 before any recommendation). */
  evenShare: number;
  /** A gem was shown fewer times than this: a tenth of an even share. */
  limit: number;
  /** 1 for each released song that is a gem. */
  mask: Uint8Array;
}

/**
 * Hidden gems, one rule for every run and step: released songs in the best 20% for quality
 * (quality ≥ 0.8) shown less than a tenth as often as an even share, i.e. than if every song had
 * been shown equally often. Every strategy fills the same number of slots per step, so at a given
 * step the limit is the same whatever the recommender (unlike a limit taken from the median song,
 * which is 0 under a loop and large under exploration). Before step 1 nothing is shown: no gems.
 */
export function hiddenGems(songs: SongSnapshot): HiddenGems {
  const n = songs.released;
  let total = 0;
  for (let i = 0; i < n; i++) total += songs.impressions[i]!;
  const evenShare = n > 0 ? total / n : 0;
  const limit = evenShare * GEM_SHARE;
  const mask = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (songs.quality[i]! < GEM_QUALITY || !(songs.impressions[i]! < limit)) continue;
    mask[i] = 1;
    count++;
  }
  return { count, evenShare, limit, mask };
}

/**
 * The gem rule in words, the same for every run, with this step's numbers: "Hidden gem = one of the
 * best 20% of songs (quality 0.8 or more) shown less than a tenth of its even share. An even share is
 * what each song would get if all were shown equally: now 200 showings, so a gem was shown at most
 * 19 times."
 */
export function gemRule(gems: Pick<HiddenGems, 'evenShare' | 'limit'>): string {
  const rule = `Hidden gem = one of the best 20% of songs (quality ${GEM_QUALITY} or more) shown less than a tenth of its even share.`;
  if (!(gems.evenShare > 0)) return `${rule} Nothing has been shown yet, so there are no gems yet.`;
  const share = Math.round(gems.evenShare);
  // Counts are whole: "fewer than 0.5 times" means never.
  const most = Math.ceil(gems.limit) - 1;
  const here =
    most < 1
      ? 'so for now a gem is a top song never shown'
      : `so a gem was shown at most ${fmtInt(most)} time${most === 1 ? '' : 's'}`;
  return `${rule} An even share is what each song would get if all were shown equally: now ${fmtInt(share)} showing${share === 1 ? '' : 's'}, ${here}.`;
}

/** Where and how to draw each song of the scatter, in CSS pixels. */
export interface ScatterPlan {
  n: number;
  x: Float32Array;
  y: Float32Array;
  bucket: Uint8Array;
  gem: Uint8Array;
}

/** A fixed pseudo-random offset in [-0.5, 0.5) per song id (golden-ratio sequence), stable across frames. */
export function jitterOf(id: number): number {
  return ((id * 0.6180339887498949) % 1) - 0.5;
}

/** Where never-shown songs go: log scales have no 0, so they get their own band under the log axis. */
export interface ZeroBand {
  /** Centre of the band, px. */
  y: number;
  /** Height the songs spread over, px. */
  spread: number;
}

/**
 * Maps every released song to (quality, impressions) pixels and its popularity bucket. Songs with
 * 0 impressions go to the zero band. Counts are whole numbers, so many songs share a row; `jitter`
 * px of stable vertical spread turns rows into bands whose density can be read.
 */
export function scatterPlan(
  songs: SongSnapshot,
  thresholds: readonly number[],
  gems: Uint8Array,
  x: (quality: number) => number,
  y: (impressions: number) => number,
  zero: ZeroBand,
  jitter = 0,
): ScatterPlan {
  const n = songs.released;
  const plan: ScatterPlan = {
    n,
    x: new Float32Array(n),
    y: new Float32Array(n),
    bucket: new Uint8Array(n),
    gem: gems,
  };
  for (let i = 0; i < n; i++) {
    const imp = songs.impressions[i]!;
    plan.x[i] = x(songs.quality[i]!);
    plan.y[i] = imp > 0 ? y(imp) + jitter * jitterOf(i) : zero.y + zero.spread * jitterOf(i);
    plan.bucket[i] = bucketOf(songs.plays[i]!, thresholds);
  }
  return plan;
}

/** Released songs per popularity bucket of their current plays: [low, mid, high]. */
export function bucketCounts(
  songs: SongSnapshot,
  thresholds: readonly number[],
): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < songs.released; i++) counts[bucketOf(songs.plays[i]!, thresholds)]++;
  return counts;
}
