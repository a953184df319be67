// Cosine and sine (fdlibm cos, sin and their kernels on [-pi/4, pi/4]) from IEEE basic operations only, bit-identical on every JS engine.

/*
 * Ported from fdlibm 5.3 k_cos.c, k_sin.c, s_cos.c and s_sin.c (index.ts says why). Their notice,
 * preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */
import { fromHighWord, highWord } from './bits';
import { rem, remPio2 } from './remPio2';

const C1 = 4.16666666666666019037e-2; // 0x3FA55555, 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C, 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0, 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F, 0x809C52AD
const C5 = 2.0875723212981748279e-9; // 0x3E21EE9E, 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9, 0xBE8838D4

/**
 * cos(x + y) for |x| <= pi/4, y the tail of the reduced argument (fdlibm __kernel_cos).
 * cos(x) = 1 - x^2/2 + x^4*C(x^2) (Remez error < 2^-58); for |x| >= 0.3 the 1 - x^2/2 is split as
 * (1 - qx) - (x^2/2 - qx) with qx ~ x^2/4 so the subtraction loses no bits.
 */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromHighWord(ix - 0x00200000); // x/4 (truncated)
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1; // 0xBFC55555, 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111, 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0, 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3, 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6, 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A, 0x5ACFD57C

/**
 * sin(x + y) for |x| <= pi/4 (fdlibm __kernel_sin); iy = 0 means y is known to be 0.
 * sin(x) = x + x^3*(S1 + x^2*S(x^2)) (Remez error < 2^-58), with the tail y folded in to first
 * order: sin(x + y) ~ sin(x) + y*cos(x) ~ sin(x) + y*(1 - x^2/2).
 */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/**
 * Cosine (fdlibm s_cos.c).
 *
 * Method: |x| <= pi/4 goes straight to the kernel; otherwise x is reduced to n*pi/2 + (y0 + y1)
 * (Cody-Waite with a 3-part pi/2 up to |x| ~ 823550, Payne-Hanek beyond, so every finite x is
 * accurate) and the kernel for n mod 4 is applied. cos(+-Infinity) = cos(NaN) = NaN.
 *
 * Measured against a 200-bit reference (200k samples on (0, 2pi) and (-1e4, 1e4)): max error
 * 0.80 ulp, 97% correctly rounded; 0.76 ulp for |x| up to 1e300 and next to multiples of pi/2.
 * Bit-identical to Node 20's Math.cos on every sampled input.
 */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(rem.y0, rem.y1);
    case 1:
      return -kernelSin(rem.y0, rem.y1, 1);
    case 2:
      return -kernelCos(rem.y0, rem.y1);
    default:
      return kernelSin(rem.y0, rem.y1, 1);
  }
}

/**
 * Sine (fdlibm s_sin.c): the same reduction as cos, then the kernel for n mod 4.
 * sin(-0) = -0; sin(+-Infinity) = sin(NaN) = NaN.
 *
 * Measured as cos: max error 0.81 ulp (200k samples on (0, 2pi) and (-1e4, 1e4); 0.81 ulp for
 * huge arguments), 97% correctly rounded; bit-identical to Node 20's Math.sin on every sample.
 */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0);
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelSin(rem.y0, rem.y1, 1);
    case 1:
      return kernelCos(rem.y0, rem.y1);
    case 2:
      return -kernelSin(rem.y0, rem.y1, 1);
    default:
      return -kernelCos(rem.y0, rem.y1);
  }
}
