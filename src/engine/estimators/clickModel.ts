// The system's learned view of its songs: examination curve and relevance estimates, from the position log.
import { examinationCurve } from '../behaviour';
import type { Params } from '../params/schema';
import { estimateExamination } from './examination';
import { createPositionLog, type PositionLog } from './positionLog';
import { ipsEstimate, ipsWeights, PositionalModel, rawClickRate } from './relevanceEstimate';

/** EM iterations per step for the positional model (warm-started, so a few suffice). */
export const POSITIONAL_ITERATIONS = 3;

export type EstimateKind = Params['positionDebias'];

/**
 * Holds the position log and turns it, once per step, into what strategies use: the examination
 * curve the system believes in (θ̂) and a relevance estimate per song.
 */
export class ClickModel {
  readonly positions: PositionLog;
  private readonly positional: PositionalModel;
  /** The examination curve the system believes in this step. */
  theta: Float64Array;
  private weights: Float64Array;

  constructor(songCount: number, slots: number) {
    this.positions = createPositionLog(songCount, slots);
    this.positional = new PositionalModel(songCount, slots);
    this.theta = new Float64Array(slots).fill(1);
    this.weights = new Float64Array(slots).fill(1);
  }

  /**
   * Updates θ̂ (the true curve when examinationModel is 'known', else estimated from explored
   * slots) and, when the positional model is in use, fits it a few more EM iterations.
   */
  prepare(params: Params, released: number): void {
    const K = this.positions.slots;
    this.theta = params.examinationModel === 'known' ? examinationCurve(K, params.positionBias) : estimateExamination(this.positions);
    this.weights = ipsWeights(this.theta, params.ipsWeightCap);
    if (params.positionDebias === 'positional') this.positional.fit(this.positions, released, POSITIONAL_ITERATIONS);
  }

  /** The examination curve of the positional model's last fit. */
  get positionalTheta(): Float64Array {
    return this.positional.theta;
  }

  /** Estimated relevance of song i of the given kind (raw click rate for 'none'); NaN if never shown. */
  estimate(kind: EstimateKind, i: number): number {
    switch (kind) {
      case 'none':
      case 'raw':
        return rawClickRate(this.positions, i);
      case 'ips':
        return ipsEstimate(this.positions, this.weights, i);
      case 'positional':
        // The model's r_i of a never-shown song is only its starting value, not an estimate.
        return Number.isNaN(rawClickRate(this.positions, i)) ? NaN : this.positional.relevance[i]!;
    }
  }
}
