// Computes each step's metrics from the log and the step's slates; keeps what the metrics need across steps.
import { createStream } from '../rng';
import type { Params } from '../params/schema';
import type { SimLog } from '../log';
import { relevance, topByRelevance, type GenreQualityIndex } from '../relevance';
import type { World } from '../world';
import { bucketOf, bucketsOf, hitRateByBucket, hitRateByBuckets } from './hitRate';
import { concentration, concentrationOfSorted, gini } from './inequality';
import { homogenizationByFirst, listenerPairs, pairsByFirst, rowOverlap, sortPairs, type PairsByFirst } from './overlap';
import { ascendingOrder, averageRanks, pearson } from './spearman';
import { ConsumptionOverlap } from './consumption';
import { takeTiedByKey } from './ties';
import { TasteTerms } from './tasteTerms';
import { favouriteGenre, mainstreamGenres, meanSlateKLs, meanTasteFactors, relevanceEstimateError, utilityRegretByTaste, type RegretByTaste } from './strategy';
import type { InitialMetrics, StepMetrics } from './types';
import type { ClickModel } from '../estimators/clickModel';

/** The slates and behaviour of one step, rows of users × k. */
export interface StepSlates {
  readonly slate: Int32Array;
  readonly slateLen: Uint8Array;
  readonly prevSlateLen: Uint8Array;
  readonly clicked: Uint8Array;
  readonly impressions: number;
  readonly clicks: number;
  readonly relevanceSum: number;
}

/** Songs released within the last NEW_SONG_WINDOW steps count as new. */
export const NEW_SONG_WINDOW = 10;

/** Initial metrics: concentration of prior plays, |Γ|, the bucket sizes and the listeners by taste. */
export function initialMetrics(world: World, thresholds: readonly number[]): InitialMetrics {
  const n = world.initialSongCount;
  const sizes = [0, 0, 0];
  for (let i = 0; i < n; i++) sizes[bucketOf(world.songPrior[i]!, thresholds)]!++;
  const mainstream = mainstreamGenres(world);
  let mainstreamListeners = 0;
  for (let u = 0; u < world.userCount; u++) mainstreamListeners += mainstream[favouriteGenre(world, world.userTaste, u)]!;
  return {
    ...concentration(world.songPrior, n),
    longTailSize: world.initialLongTailSize,
    songs: n,
    bucketSizes: { low: sizes[0]!, mid: sizes[1]!, high: sizes[2]! },
    listenersByTaste: { mainstream: mainstreamListeners, niche: world.userCount - mainstreamListeners },
  };
}

/**
 * Marks the head: the ceil(10%·n) most played of the first n songs, ties by the seeded key
 * (lower first). Found from a sorted copy's threshold value, so only the tied songs are sorted.
 * `sortedAscending`: counts[0..n) sorted ascending, when the caller has them (else sorted here).
 */
export function markHead(counts: Float64Array, n: number, out: Uint8Array, keys: ArrayLike<number>, sortedAscending?: ArrayLike<number>, tiedScratch?: Float64Array): void {
  const h = Math.ceil(0.1 * n);
  out.fill(0);
  if (h === 0) return;
  const sorted = sortedAscending ?? counts.slice(0, n).sort();
  const cut = sorted[n - h]!;
  let above = 0;
  for (let i = 0; i < n; i++) {
    if (counts[i]! > cut) {
      out[i] = 1;
      above++;
    }
  }
  takeTiedByKey(counts, n, cut, h - above, keys, out, 1, tiedScratch);
}

export class MetricsCollector {
  private readonly k: number;
  private readonly pairs: Int32Array;
  /** The same pairs grouped by first listener, for slate homogenization. */
  private readonly pairsByFirst: PairsByFirst;
  private readonly bucket: Uint8Array;
  /** Buckets by prior plays (released songs count as low), for the hit rate against training counts. */
  private readonly bucketAtStart: Uint8Array;
  private bucketAtStartThresholds = '';
  private readonly mainstream: Uint8Array;
  readonly consumption: ConsumptionOverlap;
  /** Per-genre mean taste factor for relevanceEstimateError, recomputed only after a taste drifts. */
  private meanTaste: Float64Array | null = null;
  private readonly homogenizationScratch: Uint8Array;
  /** tasteKL's terms by (listener, genre, count), kept while tastes hold. */
  private readonly tasteTerms: TasteTerms;
  /** Scratch of markHead's tied songs, one entry per song. */
  private readonly tiedScratch: Float64Array;
  private readonly head: Uint8Array;
  private readonly mark: Uint8Array;
  private readonly everShown: Uint8Array;
  private everShownCount = 0;
  private readonly relevant: Int32Array;
  private readonly relevantLen: Uint8Array;
  private readonly relevantStale: Uint8Array;
  /** Mean true relevance of each listener's R(u), found with it (both change only with taste or catalog). */
  private readonly relevantMean: Float64Array;
  /** p(u,i) of each entry of `relevant`. */
  private readonly relevantScore: Float64Array;
  private relevantReleased = -1;
  private qualityRanks: Float64Array = new Float64Array(0);
  /** The previous step's slates (rows of users × k), for the repeat rate; `repeatMark` is its scratch. */
  private readonly prevSlate: Int32Array;
  private readonly repeatMark: Uint8Array;
  /** Measured on the slates before the listeners react (tastes and histories as the re-rankers saw them). */
  private observed: { calibrationKL: number | null; tasteKL: number | null; regret: RegretByTaste } = {
    calibrationKL: null,
    tasteKL: null,
    regret: { all: 0, mainstream: null, niche: null },
  };

  constructor(
    private readonly world: World,
    slateSize: number,
    seed: number,
    private readonly tieKeys: Float64Array,
  ) {
    this.k = slateSize;
    this.pairs = sortPairs(listenerPairs(world.userCount, createStream(seed, 'metrics', 'pairs')));
    this.pairsByFirst = pairsByFirst(this.pairs);
    this.consumption = new ConsumptionOverlap(world.userCount, this.pairs, world.songCount);
    this.mainstream = mainstreamGenres(world);
    this.bucket = new Uint8Array(world.songCount);
    this.bucketAtStart = new Uint8Array(world.songCount);
    this.homogenizationScratch = new Uint8Array(world.songCount);
    this.tiedScratch = new Float64Array(world.songCount);
    this.tasteTerms = new TasteTerms(world.userCount, world.genreCount, this.k);
    this.head = new Uint8Array(world.songCount);
    this.mark = new Uint8Array(world.songCount);
    this.everShown = new Uint8Array(world.songCount);
    this.relevant = new Int32Array(world.userCount * slateSize);
    this.relevantLen = new Uint8Array(world.userCount);
    this.relevantStale = new Uint8Array(world.userCount).fill(1);
    this.relevantMean = new Float64Array(world.userCount);
    this.relevantScore = new Float64Array(world.userCount * slateSize);
    this.prevSlate = new Int32Array(world.userCount * slateSize);
    this.repeatMark = new Uint8Array(world.songCount);
  }

  /** Listener u's taste changed: their most relevant songs must be found again. */
  tasteChanged(u: number): void {
    this.relevantStale[u] = 1;
    this.meanTaste = null;
    this.tasteTerms.forget(u);
  }

  /** Records what the metrics need from the counts at the start of the step (`sortedPlays`: plays of the released songs, ascending). */
  startStep(log: SimLog, params: Params, index: GenreQualityIndex, sortedPlays: Float64Array): void {
    const n = log.released;
    bucketsOf(log.plays, n, params.bucketThresholds, this.bucket);
    const thresholds = params.bucketThresholds.join(',');
    if (thresholds !== this.bucketAtStartThresholds) {
      bucketsOf(this.world.songPrior, this.world.songCount, params.bucketThresholds, this.bucketAtStart);
      this.bucketAtStartThresholds = thresholds;
    }
    markHead(log.plays, n, this.head, this.tieKeys, sortedPlays, this.tiedScratch);
    const { world, k } = this;
    if (this.relevantReleased !== n) {
      // Newly released songs can only push into R(u) from below: admit them instead of a full search.
      if (this.relevantReleased < 0) this.relevantStale.fill(1);
      else for (let u = 0; u < world.userCount; u++) if (!this.relevantStale[u]) this.admit(log, params, u, this.relevantReleased, n);
      this.relevantReleased = n;
      this.qualityRanks = averageRanks(this.world.songQuality.subarray(0, n));
    }
    for (let u = 0; u < world.userCount; u++) {
      if (!this.relevantStale[u]) continue;
      const at = u * k;
      const row = this.relevant.subarray(at, at + k);
      this.relevantLen[u] = topByRelevance(world, log, params.maxClickProb, index, u, k, row, this.relevantScore.subarray(at, at + k), null);
      this.relevantMean[u] = meanOf(this.relevantScore, at, this.relevantLen[u]!);
      this.relevantStale[u] = 0;
    }
  }

  /**
   * Inserts songs from..to−1 into listener u's R(u) where they belong. Their ids are larger than
   * every song already there, so on a tie of relevance they rank after (ties go to the lower id).
   */
  private admit(log: SimLog, params: Params, u: number, from: number, to: number): void {
    const { k, relevant, relevantScore } = this;
    const at = u * k;
    let len = this.relevantLen[u]!;
    for (let i = from; i < to; i++) {
      const p = relevance(this.world, log, params.maxClickProb, u, i);
      if (len === k && !(p > relevantScore[at + k - 1]!)) continue;
      let j = Math.min(len, k - 1);
      while (j > 0 && p > relevantScore[at + j - 1]!) {
        relevant[at + j] = relevant[at + j - 1]!;
        relevantScore[at + j] = relevantScore[at + j - 1]!;
        j--;
      }
      relevant[at + j] = i;
      relevantScore[at + j] = p;
      if (len < k) len++;
    }
    this.relevantLen[u] = len;
    this.relevantMean[u] = meanOf(relevantScore, at, len);
  }

  /** Metrics that need the slates before the clicks change histories and tastes. */
  observeSlates(log: SimLog, params: Params, slate: Int32Array, slateLen: Uint8Array, slotRelevance: Float64Array): void {
    const { world, k } = this;
    this.observed = {
      ...meanSlateKLs(world, log, slate, slateLen, k, this.tasteTerms),
      regret: utilityRegretByTaste(world, log, params.maxClickProb, this.relevantMean, slate, slateLen, k, this.mainstream, slotRelevance),
    };
  }

  /** The metrics of step t, after its clicks were logged. `liveTail` is the long tail at the start of the step. */
  finishStep(log: SimLog, params: Params, model: ClickModel, s: StepSlates, liveTail: Uint8Array): StepMetrics {
    const { world, k, mark } = this;
    const n = log.released;
    const t = log.t;
    const users = world.userCount;
    let distinct = 0;
    let tailShareSum = 0;
    let tailAtStartSum = 0;
    let repeatSum = 0;
    let listeners = 0;
    let headClicks = 0;
    let newImpressions = 0;
    let newClicks = 0;
    // The arrays as locals: the loop calls out (click, rowOverlap), after which fields would be read again.
    const { slate, slateLen, clicked, prevSlateLen } = s;
    const { everShown, head, consumption, prevSlate, repeatMark } = this;
    const { longTail, songRelease } = world;
    let everShownCount = this.everShownCount;
    for (let u = 0; u < users; u++) {
      const len = slateLen[u]!;
      if (len === 0) continue;
      listeners++;
      let tail = 0;
      let tailAtStart = 0;
      const at = u * k;
      for (let j = 0; j < len; j++) {
        const i = slate[at + j]!;
        if (!mark[i]) {
          mark[i] = 1;
          distinct++;
          if (!everShown[i]) {
            everShown[i] = 1;
            everShownCount++;
          }
        }
        tail += liveTail[i]!;
        tailAtStart += longTail[i]!;
        if (clicked[at + j]) {
          if (head[i]) headClicks++;
          consumption.click(u, i);
        }
        const release = songRelease[i]!;
        if (release > 0 && release > t - NEW_SONG_WINDOW) {
          newImpressions++;
          newClicks += clicked[at + j]!;
        }
      }
      tailShareSum += tail / len;
      tailAtStartSum += tailAtStart / len;
      if (t > 1) repeatSum += rowOverlap(prevSlate, at, prevSlateLen[u]!, slate, at, len, repeatMark) / len;
    }
    this.everShownCount = everShownCount;
    this.prevSlate.set(s.slate);
    // Clearing only what was marked keeps the scratch all-zero for the hit-rate pass.
    for (let u = 0; u < users; u++) for (let j = 0; j < s.slateLen[u]!; j++) mark[s.slate[u * k + j]!] = 0;
    // One sort of the plays serves their concentration and their ranks against quality.
    const plays = log.plays.subarray(0, n);
    const playOrder = ascendingOrder(plays);
    const sortedPlays = new Float64Array(n);
    for (let j = 0; j < n; j++) sortedPlays[j] = plays[playOrder[j]!]!;
    const counts = concentrationOfSorted(sortedPlays);
    // And one sort of the impressions serves their Gini and the most shown songs of the estimate error.
    const sortedImpressions = log.impressions.slice(0, n).sort();
    const [hits, hitsAtStart] = hitRateByBuckets(this.relevant, this.relevantLen, s.slate, s.slateLen, k, [this.bucket, this.bucketAtStart], mark) as [
      ReturnType<typeof hitRateByBucket>,
      ReturnType<typeof hitRateByBucket>,
    ];
    const { regret } = this.observed;
    const perListener = (sum: number) => (listeners > 0 ? sum / listeners : 0);
    return {
      t,
      ...counts,
      exposureGini: gini(sortedImpressions, true),
      aggregateDiversity: distinct,
      coverage: n > 0 ? this.everShownCount / n : 0,
      longTailShare: perListener(tailShareSum),
      longTailShareAtStart: perListener(tailAtStartSum),
      ...hits,
      hitRateAtStart: hitsAtStart.hitRate,
      hitRateAtStartN: hitsAtStart.hitRateN,
      homogenization: homogenizationByFirst(s.slate, s.slateLen, k, this.pairsByFirst, this.homogenizationScratch),
      consumptionHomogenization: this.consumption.value(),
      repeatRate: t > 1 && listeners > 0 ? repeatSum / listeners : null,
      headClickShare: s.clicks > 0 ? headClicks / s.clicks : null,
      ctr: s.impressions > 0 ? s.clicks / s.impressions : null,
      clicks: s.clicks,
      impressions: s.impressions,
      meanRelevance: s.impressions > 0 ? s.relevanceSum / s.impressions : null,
      popularityQualityCorrelation: pearson(averageRanks(plays, playOrder), this.qualityRanks),
      newSongImpressionShare: params.newSongsPerStep > 0 && s.impressions > 0 ? newImpressions / s.impressions : null,
      newSongClickShare: params.newSongsPerStep > 0 && s.clicks > 0 ? newClicks / s.clicks : null,
      calibrationKL: this.observed.calibrationKL,
      tasteKL: this.observed.tasteKL,
      utilityRegret: regret.all,
      utilityRegretByTaste: { mainstream: regret.mainstream, niche: regret.niche },
      relevanceEstimateError: relevanceEstimateError(world, log, params.maxClickProb, model, params.positionDebias, (this.meanTaste ??= meanTasteFactors(world, log)), sortedImpressions),
    };
  }
}

/** Mean of values[at .. at+len), 0 when empty. */
function meanOf(values: Float64Array, at: number, len: number): number {
  let sum = 0;
  for (let j = 0; j < len; j++) sum += values[at + j]!;
  return len > 0 ? sum / len : 0;
}
