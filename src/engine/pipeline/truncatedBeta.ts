// The Beta distribution cut at a threshold θ: the exact tail P(X > θ) for integer a, and draws conditioned above or below θ.
import { exp, log, pow } from '../math';
import type { Rng } from '../rng';
import { fastBetaDraw } from './zigguratDraws';

/** ln(1e200), for the rescaled sum of betaTail. */
const LN_1E200 = 200 * log(10);

/**
 * P(X > x) for X ~ Beta(a, b) with a a positive integer (the posteriors here: a = 1 + clicks):
 *   P(X > x) = (1 − x)^b · Σ_{j=0}^{a−1} (b)_j x^j / j!,   (b)_j = b(b + 1)…(b + j − 1),
 * the negative-binomial form of the incomplete beta function I_{1−x}(b, a). The sum is accumulated in
 * O(a) multiplications, rescaled by 1e−200 whenever it passes 1e200, and combined with (1 − x)^b in
 * logarithms, so neither under- nor overflows.
 */
export function betaTail(a: number, b: number, x: number): number {
  if (!(x > 0)) return 1;
  if (x >= 1) return 0;
  let term = 1;
  let sum = 1;
  let scale = 0;
  for (let j = 1; j < a; j++) {
    term *= ((b + j - 1) / j) * x;
    sum += term;
    if (sum > 1e200) {
      term /= 1e200;
      sum /= 1e200;
      scale++;
    }
  }
  const logTail = b * log(1 - x) + log(sum) + scale * LN_1E200;
  return logTail >= 0 ? 1 : exp(logTail);
}

/**
 * A draw of X ~ Beta(a, b) conditioned on X > θ, given p = P(X > θ) > 0 (a a positive integer):
 * - θ ≤ 0: an unconditioned draw;
 * - a = 1: exactly, 1 − X = (1 − θ)·U^(1/b), since P(X > x | X > θ) = ((1 − x)/(1 − θ))^b;
 * - p ≥ 1/4: Beta draws until one exceeds θ (at most 4 expected);
 * - b ≥ 1 (a log-concave density): rejection from the exponential tangent to ln f at θ,
 *   λ = (b − 1)/(1 − θ) − (a − 1)/θ, truncated to (θ, 1]; it lies above f by concavity;
 * - b < 1: proposals with density ∝ (1 − x)^(b−1) on (θ, 1] (as for a = 1), accepted with
 *   probability x^(a−1).
 * Every branch is exact; the branch depends only on (a, b, θ, p).
 */
export function betaDrawAbove(rng: Rng, a: number, b: number, theta: number, p: number): number {
  if (!(theta > 0)) return fastBetaDraw(rng, a, b);
  if (a === 1) return 1 - (1 - theta) * pow(1 - rng(), 1 / b);
  const slope = (a - 1) / theta - (b - 1) / (1 - theta);
  if (p >= 0.25 || (b >= 1 && slope >= 0)) {
    for (;;) {
      const x = fastBetaDraw(rng, a, b);
      if (x > theta) return x;
    }
  }
  if (b >= 1) {
    const lambda = -slope;
    const span = 1 - theta;
    // The exponential truncated to (θ, 1]; where e^(−λ(1 − θ)) < 1e-9 untruncated, its rare proposals
    // beyond 1 rejected below (exact either way, and it saves an exponential per draw).
    const cut = lambda * span > 20.8 ? 1 : 1 - exp(-lambda * span);
    for (;;) {
      const x = theta - log(1 - rng() * cut) / lambda;
      if (!(x > theta && x < 1)) continue;
      // Accept when V < f(x) / envelope(x) = exp(ln ratio). Squeeze first: with u = d/θ, v = d/(1 − θ),
      // ln(1 + u) ≥ u − u²/2 and ln(1 − v) ≥ −v − v²/(2(1 − v)) bound ln ratio from below, and
      // exp(z) ≥ 1 + z, so V < 1 + bound accepts without a logarithm.
      const d = x - theta;
      const u = d / theta;
      const v = d / span;
      const w = rng();
      const bound = (a - 1) * (u - (u * u) / 2) - (b - 1) * (v + (v * v) / (2 * (1 - v))) + lambda * d;
      if (w < 1 + bound) return x;
      if (w < exp((a - 1) * log(1 + u) + (b - 1) * log(1 - v) + lambda * d)) return x;
    }
  }
  for (;;) {
    const x = 1 - (1 - theta) * pow(1 - rng(), 1 / b);
    if (x > theta && rng() < pow(x, a - 1)) return x;
  }
}

/** A draw of X ~ Beta(a, b) conditioned on X ≤ θ: Beta draws until one is at most θ. */
export function betaDrawBelow(rng: Rng, a: number, b: number, theta: number): number {
  for (;;) {
    const x = fastBetaDraw(rng, a, b);
    if (x <= theta) return x;
  }
}
