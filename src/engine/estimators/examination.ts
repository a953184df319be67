// The examination curve the system believes in: the true one, or one estimated from explored traffic.
import type { PositionLog } from './positionLog';

/** Pseudo-impressions per slot that keep an estimate at "no position bias" until data arrive. */
export const EXAMINATION_PRIOR = 50;

/**
 * Estimates θ(k) from uniformly explored slots. Explored songs do not depend on the slot, so their
 * click rate in slot k is θ(k)·r̄ with the same mean relevance r̄ everywhere; normalising by slot 1
 * (θ(1) = 1 by definition) cancels r̄:
 *   θ̂(k) = min(1, ĉ_k / ĉ_1),  ĉ_k = (clicks_k + A·ĉ) / (shown_k + A)
 * with every rate shrunk toward the pooled explored rate ĉ by A = 50 pseudo-impressions, so with
 * little explored traffic the curve stays flat (no correction) rather than noisy.
 * Without any explored traffic position bias is not identifiable, and θ̂ = 1 everywhere.
 */
export function estimateExamination(log: PositionLog): Float64Array {
  const K = log.slots;
  let shown = 0;
  let clicked = 0;
  for (let k = 0; k < K; k++) {
    shown += log.exploredShown[k]!;
    clicked += log.exploredClicked[k]!;
  }
  const theta = new Float64Array(K).fill(1);
  if (shown === 0 || clicked === 0) return theta;
  const pooled = clicked / shown;
  const rate = (k: number) => (log.exploredClicked[k]! + EXAMINATION_PRIOR * pooled) / (log.exploredShown[k]! + EXAMINATION_PRIOR);
  const top = rate(0);
  for (let k = 1; k < K; k++) theta[k] = Math.min(1, rate(k) / top);
  return theta;
}
