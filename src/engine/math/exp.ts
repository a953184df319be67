// Exponential (fdlibm exp) from IEEE basic operations only, bit-identical on every JS engine; its polynomial also serves pow.

/*
 * Ported from fdlibm 5.3 e_exp.c (index.ts says why). Its notice, preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */
import { highWord, lowWord, pow2, TWO1023 } from './bits';
import { LN2_HI, LN2_LO } from './log';

const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42, 0xFEFA39EF  (log(MAX_VALUE))
const U_THRESHOLD = -7.4513321910194110842e2; // 0xC0874910, 0xD52D3051 (log(2^-1075))
const INVLN2 = 1.442695040888963387; // 0x3FF71547, 0x652B82FE
const E = 2.718281828459045; // 0x4005BF0A, 0x8B145769  e, correctly rounded
const TWOM1000 = 9.3326361850321887899e-302; // 0x01700000, 0x00000000 (2^-1000)
// Remez coefficients of exp(r) on [-ln2/2, ln2/2]; pow.ts computes 2^z with the same kernel.
export const P1 = 1.66666666666666019037e-1; // 0x3FC55555, 0x5555553E
export const P2 = -2.77777777770155933842e-3; // 0xBF66C16C, 0x16BEBD93
export const P3 = 6.61375632143793436117e-5; // 0x3F11566A, 0xAF25DE2C
export const P4 = -1.6533902205465251539e-6; // 0xBEBBBD41, 0xC5D26BF1
export const P5 = 4.13813679705723846039e-8; // 0x3E663769, 0x72BEA4D0

/**
 * Exponential, fdlibm __ieee754_exp.
 *
 * Method: reduce x = k*ln2 + r with |r| <= ln2/2, r carried as hi - lo (ln2 split so that k*ln2_hi
 * is exact); approximate exp(r) by the rational form 1 + r + r*c/(2 - c), c = r - r^2*P(r^2)
 * (Remez error < 2^-59); scale by 2^k (fdlibm adds k to the exponent bits; multiplying by an exact
 * power of two gives the same double). fdlibm's bound is < 1 ulp.
 *
 * Special values: exp(NaN) = NaN, exp(Infinity) = Infinity, exp(-Infinity) = 0,
 * x > 709.782712893384 overflows to Infinity, x < -745.1332191019411 underflows to 0, results
 * below 2^-1022 are subnormal (rounded once).
 *
 * Measured against a 200-bit reference (100k samples on (-745, 709), 20k in the subnormal range):
 * max error 0.86 ulp, 90% correctly rounded; bit-identical to Node 20's Math.exp on every sampled
 * input (including the exp(1) = Math.E special case V8 also makes).
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const xsb = hx >>> 31; // sign bit
  hx &= 0x7fffffff; // high word of |x|
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...: non-finite, overflow or underflow.
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(+-Infinity) = Infinity, 0
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: argument reduction.
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2: k = +-1.
      // The kernel gets the last bit of exp(1) wrong; return e itself, as V8's port of this
      // code does, so exp(1) === Math.E.
      if (x === 1) return E;
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // round to nearest (C truncation)
      hi = x - k * LN2_HI; // exact: LN2_HI has 32 significant bits and |k| < 2^11
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28: exp(x) rounds to 1 + x.
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    // y * 2^k is exact (normal result); 2^1024 is not a double, so split it.
    if (k === 1024) return y * 2 * TWO1023;
    return y * pow2(k);
  }
  // Subnormal result: one rounding, in the final multiplication.
  return y * pow2(k + 1000) * TWOM1000;
}
