// x^n for small integer n by double-double repeated squaring: correctly rounded integer powers for pow.

import { highWord, pow2, scalbn, TWO54 } from './bits';

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant
let ddHi = 0;
let ddLo = 0;

/**
 * (ah + al) * (bh + bl) as a normalized double-double in (ddHi, ddLo). ah*bh is computed exactly
 * (Dekker's TwoProduct with Veltkamp splitting; no FMA needed), so the relative error is ~2^-104.
 * Callers keep |ah|, |bh| < 2^64 so the split cannot overflow and the error term cannot underflow.
 */
function mulDD(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let c = SPLITTER * ah;
  const ahh = c - (c - ah);
  const ahl = ah - ahh;
  c = SPLITTER * bh;
  const bhh = c - (c - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl; // p + e = ah*bh exactly
  const lo = e + (ah * bl + al * bh);
  const s = p + lo;
  ddHi = s;
  ddLo = lo - (s - p);
}

/**
 * x^n for finite x > 0 and an integer n with 3 <= |n| <= 64, or n = -2.
 *
 * Writes x = m * 2^e with m in [1, 2), raises m to |n| by binary exponentiation in double-double
 * arithmetic (every product exact to ~2^-104, m^64 < 2^64 so nothing overflows), takes the
 * reciprocal with one Newton correction when n < 0, rounds once to a double and scales by 2^(e*n)
 * exactly. The result is the correctly rounded x^n unless x^n lies within ~2^-97 (relative) of a
 * rounding boundary, or is subnormal (< 2^-1022), where a second rounding can cost one ulp.
 */
export function powInt(x: number, n: number): number {
  let hx = highWord(x);
  let e = 0;
  if (hx < 0x00100000) {
    x *= TWO54;
    e = -54;
    hx = highWord(x);
  }
  const ex = (hx >> 20) - 1023;
  e += ex;
  const m = x * pow2(-ex); // exact: the mantissa of x in [1, 2)
  let rh = 1;
  let rl = 0;
  let bh = m;
  let bl = 0;
  let k = n < 0 ? -n : n;
  for (;;) {
    if ((k & 1) !== 0) {
      mulDD(rh, rl, bh, bl);
      rh = ddHi;
      rl = ddLo;
    }
    k >>= 1;
    if (k === 0) break;
    mulDD(bh, bl, bh, bl);
    bh = ddHi;
    bl = ddLo;
  }
  let v = rh; // rh + rl is normalized, so rh is its rounding to a double
  if (n < 0) {
    // 1/(rh + rl): q1 = 1/rh, then add the remainder (1 - q1*(rh + rl))/rh computed in
    // double-double (1 - ddHi is exact by Sterbenz since q1*rh is within an ulp of 1).
    const q1 = 1 / rh;
    mulDD(q1, 0, rh, rl);
    const rem = 1 - ddHi - ddLo;
    v = q1 + rem / rh;
  }
  // Normalize v to [1, 2) so that scalbn rounds at most once.
  const hv = highWord(v);
  const ev = (hv >> 20) - 1023;
  return scalbn(v * pow2(-ev), e * n + ev);
}
