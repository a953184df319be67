// One run of the feedback loop, stepped through time: slates → behaviour → log update → metrics.
import { applyTasteDrift, examinationCurve, simulateBehaviour } from './behaviour';
import { createLog, releasedBy, type SimLog } from './log';
import { initialMetrics, MetricsCollector } from './metrics/collector';
import type { InitialMetrics, StepMetrics } from './metrics/types';
import { PARAM_SCHEMA, type Params } from './params/schema';
import { createPolicy } from './pipeline/stages';
import type { Policy, StepContext } from './pipeline/types';
import { buildGenreQualityIndex, type GenreQualityIndex } from './relevance';
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
}

export class Simulation {
  readonly world: World;
  readonly log: SimLog;
  readonly initial: InitialMetrics;
  private currentParams: Params;
  private policy: Policy;
  private readonly metrics: MetricsCollector;
  private qualityIndex: GenreQualityIndex;
  private readonly k: number;
  private slate: Int32Array;
  private slateLen: Uint8Array;
  private prevSlateLen: Uint8Array;
  private readonly clicked: Uint8Array;
  private readonly propensity: Float32Array;
  private candidateIds: Int32Array;
  private candidateScores: Float64Array;

  /** Builds the world and the empty log of `params` (assumed validated). */
  constructor(params: Params) {
    this.currentParams = params;
    this.world = createWorld(params);
    this.log = createLog(this.world);
    this.initial = initialMetrics(this.world, params.bucketThresholds);
    this.policy = createPolicy(params);
    this.metrics = new MetricsCollector(this.world, params.slateSize, params.seed);
    this.qualityIndex = buildGenreQualityIndex(this.world, this.log.released);
    const k = (this.k = params.slateSize);
    const users = this.world.userCount;
    this.slate = new Int32Array(users * k);
    this.slateLen = new Uint8Array(users);
    this.prevSlateLen = new Uint8Array(users);
    this.clicked = new Uint8Array(users * k);
    this.propensity = new Float32Array(users * k);
    this.candidateIds = new Int32Array(k);
    this.candidateScores = new Float64Array(k);
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
    const changed = RESTART_KEYS.filter((key) => JSON.stringify(next[key as keyof Params]) !== JSON.stringify(this.currentParams[key as keyof Params]));
    if (changed.length > 0) throw new Error(`changing ${changed.join(', ')} needs a restart`);
    // New songs are drawn up front for the planned run length, so a longer run needs a new world.
    if (next.newSongsPerStep > 0 && next.steps > this.currentParams.steps) throw new Error('a longer run with catalog growth needs a restart');
    this.currentParams = next;
    this.policy = createPolicy(next);
  }

  /** The last step's slates and clicks (valid until the next step). */
  get arrays(): StepArrays {
    return { slate: this.slate, slateLen: this.slateLen, clicked: this.clicked, propensity: this.propensity };
  }

  /** Runs step t = this.t + 1 and returns its metrics. */
  step(): StepMetrics {
    const params = this.currentParams;
    const { world, log, k } = this;
    const t = log.t + 1;
    log.released = releasedBy(world, t);
    if (this.qualityIndex.released !== log.released) this.qualityIndex = buildGenreQualityIndex(world, log.released);
    log.excluding = params.excludeConsumed;
    if (log.excluding && !log.consumed) log.consumed = { keys: new Set(), count: new Int32Array(world.userCount) };
    // Only the lengths of the previous step are kept; the metrics keep their own sorted copy of its slates.
    this.prevSlateLen.set(this.slateLen);
    const ctx: StepContext = {
      t,
      params,
      world,
      log,
      qualityIndex: this.qualityIndex,
      recommenderRng: createStream(params.seed, 'recommender', t),
      explorationRng: createStream(params.seed, 'exploration', t),
    };
    this.metrics.startStep(log, params, this.qualityIndex);
    this.buildSlates(ctx);
    const theta = examinationCurve(k, params.positionBias);
    const behaviourRng = createStream(params.seed, 'behaviour', t);
    const totals = simulateBehaviour(world, log, params.maxClickProb, theta, this.slate, this.slateLen, this.clicked, behaviourRng);
    log.t = t;
    this.logClicks(params);
    return this.metrics.finishStep(log, params, {
      slate: this.slate,
      slateLen: this.slateLen,
      prevSlateLen: this.prevSlateLen,
      clicked: this.clicked,
      ...totals,
    });
  }

  /** candidates → re-ranking → slot filling, for every listener. */
  private buildSlates(ctx: StepContext): void {
    const { recommender, reranker, slotFiller } = this.policy;
    const k = this.k;
    recommender.prepare(ctx);
    // Re-rankers may look deeper than the slate (Reranker.candidateFactor).
    const depth = Math.ceil(k * reranker.candidateFactor);
    if (this.candidateIds.length < depth) {
      this.candidateIds = new Int32Array(depth);
      this.candidateScores = new Float64Array(depth);
    }
    for (let u = 0; u < this.world.userCount; u++) {
      const count = recommender.candidates(ctx, u, depth, this.candidateIds, this.candidateScores);
      const row = this.slate.subarray(u * k, u * k + k);
      const props = this.propensity.subarray(u * k, u * k + k);
      let len = reranker.rerank(ctx, u, this.candidateIds, this.candidateScores, count, k, row);
      props.fill(recommender.propensity(ctx, u), 0, len);
      len = slotFiller.fill(ctx, u, row, props, len, k);
      this.slateLen[u] = len;
    }
  }

  /** Appends the step's clicks to the log: plays, impressions, per-listener genre clicks, drift. */
  private logClicks(params: Params): void {
    const { world, log, k } = this;
    const G = world.genreCount;
    for (let u = 0; u < world.userCount; u++) {
      for (let j = 0; j < this.slateLen[u]!; j++) {
        const i = this.slate[u * k + j]!;
        log.impressions[i]!++;
        if (!this.clicked[u * k + j]) continue;
        const g = world.songGenre[i]!;
        log.plays[i]!++;
        log.userGenreClicks[u * G + g]!++;
        log.userClicks[u]!++;
        if (log.consumed) {
          const key = u * world.songCount + i;
          if (!log.consumed.keys.has(key)) {
            log.consumed.keys.add(key);
            log.consumed.count[u]!++;
          }
        }
        if (applyTasteDrift(world, log, u, g, params.tasteDrift)) this.metrics.tasteChanged(u);
      }
    }
  }
}
