// The stages of one step's slate pipeline: candidates → scores → re-ranking → slot filling.
import type { Rng } from '../rng';
import type { Params } from '../params/schema';
import type { SimLog } from '../log';
import type { World } from '../world';
import type { GenreQualityIndex } from '../relevance';

/** What every stage may read during step t. Recommenders learn from `log`, never from `world` truth (but the oracle). */
export interface StepContext {
  readonly t: number;
  readonly params: Params;
  readonly world: World;
  readonly log: SimLog;
  /** Released songs sorted by quality per genre: truth, for the oracle (and the metrics), never for learners. */
  readonly qualityIndex: GenreQualityIndex;
  /** This step's score per song for ranking recommenders (see computeSongSignal). */
  readonly songScore: Float64Array;
  /** Draws of the recommender itself (e.g. the random slates); one stream per step. */
  readonly recommenderRng: Rng;
  /** Draws of exploration strategies; one stream per step, separate from the recommender's. */
  readonly explorationRng: Rng;
  /** Seeded random key per song that breaks ties in every ranking (never the song id). */
  readonly tieKeys: Float64Array;
  /** 1 for songs in the long tail as it stands at the start of this step (see liveLongTail). */
  readonly liveTail: Uint8Array;
  /** Per-listener exploration scores (Thompson sampling), when an exploration strategy needs them. */
  readonly bandit: BanditScores | null;
  /** Models the system keeps across steps and across recommender switches. */
  readonly learned: LearnedState;
}

/** Learned state owned by the simulation, so a recommender switched on mid-run still sees the whole log. */
export interface LearnedState {
  /** The collaborative filter, created the first time the factorization recommender runs. */
  factorization: { readonly model: unknown; cursor: number } | null;
}

/**
 * A bandit's view of the songs for one step: a ranking recommender asks it for a listener's
 * candidates instead of ranking its own score (Thompson draws afresh for every listener).
 */
export interface BanditScores {
  /** Writes up to n of listener u's candidates from `pool` (best first) with scores and draw probabilities. */
  candidates(ctx: StepContext, u: number, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array, pool: CandidatePool): number;
}

/** Which songs a candidate request may return: any, or only long-tail songs (Γ). */
export type CandidatePool = 'all' | 'tail';

/**
 * Stages 1–2: produces a listener's candidates with scores, in ranked (or drawn) order.
 * `prepare` runs once per step before any listener (e.g. to build one sampling tree for everyone).
 */
export interface Recommender {
  prepare(ctx: StepContext): void;
  /**
   * Writes up to `n` candidate song ids for listener u from `pool` into `ids` (distinct, eligible,
   * not consumed when excludeConsumed is on), in order, with their scores and, in `props`, the
   * probability of each one's place given the candidates before it (1 for a deterministic
   * ranking, the Plackett–Luce draw probability otherwise); returns how many.
   */
  candidates(ctx: StepContext, u: number, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array, pool: CandidatePool): number;
}

/** A listener's candidates on demand: re-rankers ask for as many, and from which pool, as they need. */
export interface CandidateSource {
  fetch(pool: CandidatePool, n: number, ids: Int32Array, scores: Float64Array, props: Float64Array): number;
}

/**
 * Stage 3: picks and orders `k` of the listener's candidates into `out`, with each one's
 * candidate propensity carried into `outProps`; returns the count.
 */
export interface Reranker {
  rerank(ctx: StepContext, u: number, source: CandidateSource, k: number, out: Int32Array, outProps: Float64Array): number;
}

/**
 * Stage 4: may replace or add slots (exploration). Receives the ranked slate in `slate[0..len)`
 * with each slot's propensity; writes the final slate and propensities in place, marks slots whose
 * song was drawn uniformly from the catalog in `explored`, and returns the slate's length (≤ k).
 */
export interface SlotFiller {
  fill(
    ctx: StepContext,
    u: number,
    slate: Int32Array,
    propensity: Float64Array,
    explored: Uint8Array,
    len: number,
    k: number,
  ): number;
}

/** The stages in force for a step. Built from the live parameters, so a change applies from the next step. */
export interface Policy {
  readonly recommender: Recommender;
  readonly reranker: Reranker;
  readonly slotFillers: readonly SlotFiller[];
}
