// One run of the feedback loop, stepped through time: slates → behaviour → log update → metrics.
import { applyTasteDrift, examinationCurve, simulateBehaviour } from './behaviour';
import { ClickModel } from './estimators/clickModel';
import { recordImpression } from './estimators/positionLog';
import { addConsumed, createConsumed, createLog, releasedBy, type SimLog } from './log';
import { initialMetrics, MetricsCollector } from './metrics/collector';
import type { InitialMetrics, StepMetrics } from './metrics/types';
import { PARAM_SCHEMA, sameValue, type Params } from './params/schema';
import { buildSlates } from './pipeline/slateBuilder';
import { computeSongSignal } from './pipeline/songSignal';
import { createPolicy } from './pipeline/stages';
import { ThompsonSampler } from './pipeline/thompson';
import type { LearnedState, Policy, StepContext } from './pipeline/types';
import { buildGenreQualityIndex, slateRelevance, type GenreQualityIndex } from './relevance';
import { tieKey } from './hash';
import { markLongTail } from './metrics/longTail';
import { createStream } from './rng';
import { createWorld, type World } from './world';

/** Parameters whose change needs a new world or new buffers, i.e. a restart. */
export const RESTART_KEYS: readonly string[] = PARAM_SCHEMA.filter((s) => s.effect === 'restart').map((s) => s.key);

/** The slates and clicks of the last step, rows of users × slateSize, for event logs and views. */
export interface StepArrays {
  readonly slate: Int32Array;
  readonly slateLen: Uint8Array;
  readonly clicked: Uint8Array;
  readonly propensity: Float32Array;
  /** 1 where the slot's song was drawn uniformly from the catalog (exploration or random slates). */
  readonly explored: Uint8Array;
}

/**
 * Why `next` cannot be applied to a run of `current` without a restart: the restart parameters
 * that differ, and a longer run under catalog growth (its new songs are drawn up front for the
 * planned length). Empty when every difference can apply live.
 */
export function restartReasons(current: Params, next: Params): string[] {
  const reasons = RESTART_KEYS.filter((key) => !sameValue(key, next[key as keyof Params], current[key as keyof Params]));
  if (next.newSongsPerStep > 0 && next.steps > current.steps) reasons.push('steps (a longer run with catalog growth)');
  return reasons;
}

/** Thompson sampling draws afresh per listener when asked to, for the popularity ranking; otherwise one shared draw per song. */
export function perListenerThompson(params: Params): boolean {
  return params.exploration === 'thompson' && params.thompsonDraws === 'per-listener' && params.recommender === 'popularity';
}

export class Simulation {
  readonly world: World;
  readonly log: SimLog;
  readonly initial: InitialMetrics;
  /** What the system learned per (song, slot), and its estimates. */
  readonly clickModel: ClickModel;
  private currentParams: Params;
  private policy: Policy;
  private readonly metrics: MetricsCollector;
  private qualityIndex: GenreQualityIndex;
  private readonly k: number;
  private readonly buffers: StepArrays & { slateLen: Uint8Array };
  private readonly prevSlateLen: Uint8Array;
  private readonly songScore: Float64Array;
  /** p(u,i) of each slot of this step's slates, found once for the clicks and the regret. */
  private readonly slotRelevance: Float64Array;
  /** Seeded tie-break key per song (from the loop seed, so parallel worlds break ties differently). */
  readonly tieKeys: Float64Array;
  /** The long tail at the start of the current step (1 = tail). */
  readonly liveTail: Uint8Array;
  private readonly tailOrder: Float64Array;
  /** Scratch of markLongTail's tied songs. */
  private readonly tiedScratch: Float64Array;
  /** State that learners keep across steps and recommender switches (the factorization model). */
  private readonly learned: LearnedState = { factorization: null };
  private readonly thompson = new ThompsonSampler();

  /** Builds the world and the empty log of `params` (assumed validated). */
  constructor(params: Params) {
    this.currentParams = params;
    this.world = createWorld(params);
    this.log = createLog(this.world);
    this.initial = initialMetrics(this.world, params.bucketThresholds);
    this.policy = createPolicy(params);
    this.tieKeys = Float64Array.from({ length: this.world.songCount }, (_, i) => tieKey(params.seed, i));
    this.metrics = new MetricsCollector(this.world, params.slateSize, params.seed, this.tieKeys);
    this.qualityIndex = buildGenreQualityIndex(this.world, this.log.released);
    const k = (this.k = params.slateSize);
    const users = this.world.userCount;
    this.clickModel = new ClickModel(this.world.songCount, k);
    this.buffers = {
      slate: new Int32Array(users * k),
      slateLen: new Uint8Array(users),
      clicked: new Uint8Array(users * k),
      propensity: new Float32Array(users * k),
      explored: new Uint8Array(users * k),
    };
    this.prevSlateLen = new Uint8Array(users);
    this.slotRelevance = new Float64Array(users * k);
    this.songScore = new Float64Array(this.world.songCount);
    this.liveTail = new Uint8Array(this.world.songCount);
    this.tailOrder = new Float64Array(this.world.songCount);
    this.tiedScratch = new Float64Array(this.world.songCount);
  }

  get params(): Params {
    return this.currentParams;
  }

  /** Steps completed so far. */
  get t(): number {
    return this.log.t;
  }

  get done(): boolean {
    return this.log.t >= this.currentParams.steps;
  }

  /**
   * Switches live parameters (recommender, strategies, behaviour) from the next step on.
   * Throws if a restart parameter differs: those need a new Simulation.
   */
  setParams(next: Params): void {
    const reasons = restartReasons(this.currentParams, next);
    if (reasons.length > 0) throw new Error(`changing ${reasons.join(', ')} needs a restart`);
    this.currentParams = next;
    this.policy = createPolicy(next);
  }

  /** The last step's slates and clicks (valid until the next step). */
  get arrays(): StepArrays {
    return this.buffers;
  }

  /** Runs step t = this.t + 1 and returns its metrics. */
  step(): StepMetrics {
    const params = this.currentParams;
    const { world, log, k, buffers } = this;
    const t = log.t + 1;
    log.released = releasedBy(world, t);
    if (this.qualityIndex.released !== log.released) this.qualityIndex = buildGenreQualityIndex(world, log.released);
    log.excluding = params.excludeConsumed;
    if (log.excluding && !log.consumed) log.consumed = createConsumed(world.userCount);
    // Only the lengths of the previous step are kept; the metrics keep their own sorted copy of its slates.
    this.prevSlateLen.set(buffers.slateLen);
    this.clickModel.prepare(params, log.released);
    const explorationRng = createStream(params.seed, 'exploration', t);
    computeSongSignal(params, log, this.clickModel, explorationRng, this.songScore);
    markLongTail(log.plays, log.released, this.tieKeys, this.liveTail, this.tailOrder, this.tiedScratch);
    const ctx: StepContext = {
      t,
      params,
      world,
      log,
      qualityIndex: this.qualityIndex,
      songScore: this.songScore,
      recommenderRng: createStream(params.seed, 'recommender', t),
      explorationRng,
      tieKeys: this.tieKeys,
      liveTail: this.liveTail,
      bandit: perListenerThompson(params) ? this.thompson : null,
      learned: this.learned,
    };
    if (ctx.bandit) this.thompson.prepare(ctx, this.clickModel);
    // markLongTail left the released songs' plays sorted ascending in tailOrder: the head is found from the same sort.
    this.metrics.startStep(log, params, this.qualityIndex, this.tailOrder.subarray(0, log.released));
    buildSlates(ctx, this.policy, k, buffers);
    slateRelevance(world, log, params.maxClickProb, buffers.slate, buffers.slateLen, k, this.slotRelevance);
    this.metrics.observeSlates(log, params, buffers.slate, buffers.slateLen, this.slotRelevance);
    const theta = examinationCurve(k, params.positionBias);
    const behaviourRng = createStream(params.seed, 'behaviour', t);
    const totals = simulateBehaviour(world, log, params.maxClickProb, theta, buffers.slate, buffers.slateLen, buffers.clicked, behaviourRng, this.slotRelevance);
    log.t = t;
    this.logClicks(params);
    return this.metrics.finishStep(log, params, this.clickModel, {
      slate: buffers.slate,
      slateLen: buffers.slateLen,
      prevSlateLen: this.prevSlateLen,
      clicked: buffers.clicked,
      ...totals,
    }, this.liveTail);
  }

  /** Appends the step's impressions and clicks to the log: plays, position log, per-listener clicks, drift. */
  private logClicks(params: Params): void {
    const { world, log, k, buffers, liveTail } = this;
    const G = world.genreCount;
    // The arrays as locals: the loop calls out (taste drift), after which fields would be read again.
    const { slate, slateLen, clicked, explored } = buffers;
    const { impressions, plays, userGenreClicks, userClicks, userTailClicks, clickPairs, consumed } = log;
    const positions = this.clickModel.positions;
    const { songGenre } = world;
    for (let u = 0; u < world.userCount; u++) {
      const at = u * k;
      for (let j = 0; j < slateLen[u]!; j++) {
        const i = slate[at + j]!;
        const click = clicked[at + j] === 1;
        impressions[i]!++;
        recordImpression(positions, i, j, click, explored[at + j] === 1);
        if (!click) continue;
        const g = songGenre[i]!;
        plays[i]!++;
        userGenreClicks[u * G + g]!++;
        userClicks[u]!++;
        userTailClicks[u]! += liveTail[i]!;
        clickPairs.push(u, i);
        if (consumed) addConsumed(consumed, u, i);
        if (applyTasteDrift(world, log, u, g, params.tasteDrift)) this.metrics.tasteChanged(u);
      }
    }
  }
}
