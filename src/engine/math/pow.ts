// Power x^y (ECMAScript's Number::exponentiate semantics; fdlibm pow for the general case) from IEEE basic operations only.

/*
 * The general case is ported from fdlibm 5.3 e_pow.c (index.ts says why). Its notice, preserved
 * as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */
import { fromHighWord, highWord, lowWord, pow2, scalbn, TWO53, withLowZero } from './bits';
import { P1, P2, P3, P4, P5 } from './exp';
import { powInt } from './powInt';

const DP_H1 = 5.84962487220764160156e-1; // 0x3FE2B803, 0x40000000  log2(1.5) head
const DP_L1 = 1.35003920212974897128e-8; // 0x3E4CFDEB, 0x43CFD006  log2(1.5) tail
const THRD = 3.3333333333333331e-1; // 0x3FD55555, 0x55555555
const L1 = 5.99999999999994648725e-1; // 0x3FE33333, 0x33333303
const L2 = 4.28571428578550184252e-1; // 0x3FDB6DB6, 0xDB6FABFF
const L3 = 3.33333329818377432918e-1; // 0x3FD55555, 0x518F264D
const L4 = 2.72728123808534006489e-1; // 0x3FD17460, 0xA91D4101
const L5 = 2.30660745775561754067e-1; // 0x3FCD864A, 0x93C9DB65
const L6 = 2.06975017800338417784e-1; // 0x3FCA7E28, 0x4A454EEF
const LG2_F = 6.93147180559945286227e-1; // 0x3FE62E42, 0xFEFA39EF  ln2
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43, 0x00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61, 0x0CA86C39
const OVT = 8.008566259537294e-17; // 0x3C971547, 0x652B82FE  -(1024 - log2(MAX_VALUE + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 0x3FEEC709, 0xDC3A03FD  2/(3 ln2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709, 0xE0000000
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0, 0x145B01F5
const IVLN2 = 1.442695040888963387; // 0x3FF71547, 0x652B82FE  1/ln2
const IVLN2_H = 1.44269502162933349609; // 0x3FF71547, 0x60000000
const IVLN2_L = 1.92596299112661746887e-8; // 0x3E54AE0B, 0xF85DDF44

/**
 * x^y for finite x > 0, x != 1, finite y not in {0, +-1, 2, 0.5}: fdlibm __ieee754_pow.
 *
 * Method: log2(x) = n + t1 + t2 in extra precision (t1 has 21 significant bits), computed from
 * s = (x - b)/(x + b) with b = 1 or 1.5 and a degree-6 polynomial; y is split as y1 + y2 (y1 with
 * 21 bits) so y1*t1 is exact; the product z = p_h + p_l is checked for overflow/underflow; then
 * 2^z = 2^n * exp(frac * ln2) with the same rational exp kernel as exp(). fdlibm: "nearly rounded".
 */
function powGeneral(x: number, y: number): number {
  let ix = highWord(x);
  const hy = highWord(y);
  const iy = hy & 0x7fffffff;
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    // Overflow or underflow unless x is within 2^-20 of 1.
    if (ix < 0x3fefffff) return hy < 0 ? Infinity : 0;
    if (ix > 0x3ff00000) return hy > 0 ? Infinity : 0;
    // |1 - x| <= 2^-20: log(x) = t - t^2/2 + t^3/3 - t^4/4 suffices.
    const t = x - 1; // t has 20 trailing zeros
    const w = t * t * (0.5 - t * (THRD - t * 0.25));
    const u = IVLN2_H * t; // IVLN2_H has 21 significant bits: exact
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowZero(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    let ax = x;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    let e = (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // Reduce the mantissa to [1, sqrt(3/2)) (k = 0, b = 1) or [sqrt(3/2), sqrt(3)) (k = 1, b = 1.5).
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      e += 1;
      ix -= 0x00100000;
    }
    n += e;
    ax *= pow2(-e); // exact: the double with high word ix (fdlibm SET_HIGH_WORD(ax, ix))
    const bp = k === 0 ? 1 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x - bp)/(x + bp)
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = withLowZero(ss);
    // t_h = ax + bp, high part only (built from the exponent/mantissa bits directly)
    let tH = fromHighWord(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowZero(3 + s2 + r);
    tL = r - (tH - 3 - s2);
    // u + v = ss * (1 + ...)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3 ln2) * (ss + ...)
    const pH = withLowZero(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH; // CP_H + CP_L = 2/(3 ln2)
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(ax) = (ss + ...) * 2/(3 ln2) = n + dp_h + z_h + z_l
    const t = n;
    t1 = withLowZero(zH + zL + dpH + t);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // Split y = y1 + y2 and compute (y1 + y2) * (t1 + t2) = p_h + p_l, y1 * t1 exact.
  const y1 = withLowZero(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  const j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (j !== 0x40900000 || i !== 0) return Infinity; // z > 1024
    if (pL + OVT > z - pH) return Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (j !== (0xc090cc00 | 0) || i !== 0) return 0; // z < -1075
    if (pL <= z - pH) return 0;
  }

  // 2^(p_h + p_l) = 2^n * 2^(rest), n the nearest integer to z.
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  let n = 0;
  if (iz > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5], extracted from the bits of z
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    const tn = fromHighWord(n & ~(0x000fffff >> k));
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= tn;
  }
  let t = withLowZero(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_F + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const tt = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * tt) / (tt - 2) - (w + z * w);
  z = 1 - (r - z);
  // z * 2^n: exact for a normal result (fdlibm adds n to the exponent bits), one rounding for a
  // subnormal one (fdlibm calls scalbn there too).
  return scalbn(z, n);
}

/**
 * x raised to the power y.
 *
 * Intended domain: x >= 0 and finite y (the engine's use), but every input is defined, following
 * ECMAScript's Number::exponentiate (so this is a drop-in for Math.pow / `**`):
 * - y NaN -> NaN; y = +-0 -> 1 (even for x NaN); x NaN -> NaN.
 * - pow(1, y) = 1 for finite y; pow(+-1, +-Infinity) = NaN (ECMAScript, unlike C).
 * - pow(+0, y > 0) = +0, pow(+0, y < 0) = Infinity; pow(Infinity, y > 0) = Infinity, else +0.
 * - y = +-Infinity: Infinity or 0 according to |x| > 1 and the sign of y.
 * - Negative x (including -0 and -Infinity): the result for |x| with the sign flipped when y is an
 *   odd integer; NaN when x is finite, non-zero and y is not an integer.
 *
 * Method, for 0 < x < Infinity:
 * - y = 1 -> x; y = -1 -> 1/x; y = 2 -> x*x; y = 0.5 -> sqrt(x): all correctly rounded, and
 *   pow(x, 2) === x*x exactly.
 * - Other integer y with |y| <= 64: exact double-double repeated squaring (powInt), correctly
 *   rounded except for astronomically rare near-ties and subnormal results.
 * - Everything else: fdlibm's __ieee754_pow (log2 in ~70 bits, y*log2(x) as a double-double,
 *   2^z by the exp kernel), "nearly rounded".
 *
 * Measured against a 200-bit mpmath reference (200k samples, x log-uniform in (1e-6, 1e9), y
 * uniform in (-20, 20) or one of the engine-style exponents 1/0.3, 1/0.7, 1.15, 0.25, ...):
 * general path max error 0.84 ulp (92% correctly rounded); x in (1e-300, 1e300), |y| <= 100: 0.76
 * ulp; |1 - x| < 5e-10 with |y| up to 5e10: 0.79 ulp; integer path (|y| <= 64): 0.50 ulp, 100%
 * correctly rounded for normal results, 0.75 ulp for subnormal ones. Node 20's Math.pow reaches
 * 0.97 ulp on the same inputs; the two agree bit for bit on ~95% of non-integer and ~91% of
 * integer exponents and never differ by more than 1 ulp.
 */
export function pow(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  if (ay === Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const yIsInt = Math.floor(ay) === ay;
  // Integers >= 2^53 are all even; below, test parity exactly via floor(ay / 2).
  const yIsOdd = yIsInt && ay < TWO53 && Math.floor(ay * 0.5) * 2 !== ay;
  const negative = highWord(x) < 0; // sign bit, so -0 counts
  if (negative && !yIsInt && ax !== 0 && ax !== Infinity) return NaN;
  const r = powAbs(ax, y, yIsInt, ay);
  return negative && yIsOdd ? -r : r;
}

/** |x|^y for ax >= 0 (possibly 0 or Infinity), finite non-zero y. */
function powAbs(ax: number, y: number, yIsInt: boolean, ay: number): number {
  if (ax === 0) return y > 0 ? 0 : Infinity;
  if (ax === Infinity) return y > 0 ? Infinity : 0;
  if (ax === 1) return 1;
  if (y === 1) return ax;
  if (y === -1) return 1 / ax;
  if (y === 2) return ax * ax;
  if (y === 0.5) return Math.sqrt(ax);
  if (yIsInt && ay <= 64) return powInt(ax, y);
  return powGeneral(ax, y);
}
