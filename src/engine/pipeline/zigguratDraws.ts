// Fast standard normal, gamma and beta draws on ziggurat normals (Marsaglia–Tsang gamma), for the per-listener Thompson sampler.
import { exp, log, pow } from '../math';
import type { Rng } from '../rng';

/** Layers of the ziggurat (Marsaglia & Tsang, 2000, in Doornik's 2005 form) and its constants. */
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
/** Layer edges x_0 > x_1 = R > … > x_128 = 0 (x_0 = V / φ(R), the base layer's width) and x_{i+1} / x_i. */
const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
const ZIG_RATIO = new Float64Array(ZIG_LAYERS);
{
  let f = exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  for (let i = 2; i < ZIG_LAYERS; i++) {
    ZIG_X[i] = Math.sqrt(-2 * log(ZIG_V / ZIG_X[i - 1]! + f));
    f = exp(-0.5 * ZIG_X[i]! * ZIG_X[i]!);
  }
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1]! / ZIG_X[i]!;
}

/**
 * Standard normal draw by the ziggurat: a uniform layer and a uniform point in it, accepted at once
 * when the point lies inside the layer's inner rectangle, as most do (no logarithm or cosine, unlike
 * the Box–Muller `normal` of rng.ts); the tail beyond R by Marsaglia's method. Tables from the
 * engine's deterministic exp and log.
 */
export function zigguratNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const i = Math.floor(rng() * ZIG_LAYERS);
    if (Math.abs(u) < ZIG_RATIO[i]!) return u * ZIG_X[i]!;
    if (i === 0) {
      let x: number;
      let y: number;
      do {
        x = log(1 - rng()) / ZIG_R;
        y = log(1 - rng());
      } while (-2 * y < x * x);
      return u < 0 ? x - ZIG_R : ZIG_R - x;
    }
    const x = u * ZIG_X[i]!;
    const f0 = exp(-0.5 * (ZIG_X[i]! * ZIG_X[i]! - x * x));
    const f1 = exp(-0.5 * (ZIG_X[i + 1]! * ZIG_X[i + 1]! - x * x));
    if (f1 + rng() * (f0 - f1) < 1) return x;
  }
}

/** Gamma(shape, 1) draw by Marsaglia–Tsang for shape ≥ 1, given d = shape − 1/3 and c = 1/√(9d), on ziggurat normals. */
function marsagliaTsang(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = zigguratNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d - d * v + d * log(v)) return d * v;
  }
}

/** Gamma(shape, 1) draw (as rng.ts's `gamma`, which uses Box–Muller normals); for shape < 1, Gamma(shape + 1) · U^(1/shape). */
function zigguratGamma(rng: Rng, shape: number): number {
  if (shape < 1) return zigguratGamma(rng, shape + 1) * pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  return marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d));
}

/**
 * Beta(a, b) draw X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b), on ziggurat normals: the distribution of
 * thompson.ts's betaDraw, for a ≥ 2 in about a third of its time (betaDraw stays as it is, so that
 * per-step Thompson sampling keeps its draws).
 */
export function fastBetaDraw(rng: Rng, a: number, b: number): number {
  const x = zigguratGamma(rng, a);
  const y = zigguratGamma(rng, b);
  return x + y > 0 ? x / (x + y) : 0.5;
}
