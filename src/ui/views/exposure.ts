// Pure maths of the exposure-bias view: popularity buckets, hidden gems and the scatter's drawing plan.
import { bucketOf } from '../../engine';
import { median } from './select';
import type { SongSnapshot } from './types';

export { median };

/** Songs at least this good count as top quality (quality is uniform, so this is the best 20%). */
export const GEM_QUALITY = 0.8;
/** A gem got at most this fraction of the median song's impressions. */
export const GEM_EXPOSURE_FRACTION = 0.1;

/** The engine's popularity buckets (docs/model.md §9.4): 0 = plays < a, 1 = a ≤ plays ≤ b, 2 = plays > b. */
export { bucketOf };

/** The hidden gems of a snapshot and the rule that picked them. */
export interface HiddenGems {
  count: number;
  /** Most impressions a gem may have: a tenth of the median song's (0 when the median is 0). */
  maxImpressions: number;
  /** 1 for each released song that is a gem. */
  mask: Uint8Array;
}

/**
 * Hidden gems: released songs with quality ≥ 0.8 that were shown at most a tenth as often as the
 * median song. Under a popularity loop the median is usually 0, so gems are top songs never shown.
 */
export function hiddenGems(songs: SongSnapshot): HiddenGems {
  const n = songs.released;
  const maxImpressions = median(songs.impressions, n) * GEM_EXPOSURE_FRACTION;
  const mask = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (songs.quality[i]! < GEM_QUALITY || songs.impressions[i]! > maxImpressions) continue;
    mask[i] = 1;
    count++;
  }
  return { count, maxImpressions, mask };
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
