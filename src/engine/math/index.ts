// Deterministic log, log10, exp, pow, cos and sin built only from IEEE-754 basic operations (ported from Sun's fdlibm), so every JS engine gives bit-identical results.

/*
 * Why this folder exists: ECMAScript leaves Math.log, Math.exp, Math.pow, Math.cos, ... as
 * "implementation-approximated", and engines really do differ in the last bit (V8 11 in Node 20
 * versus the V8 in current Chromium, SpiderMonkey, JavaScriptCore). A seeded simulation that feeds
 * those results back into itself then drifts apart between Node and the browsers. The only
 * operations every engine must compute identically are the correctly rounded IEEE-754 ones
 * (+, -, *, /, sqrt), comparisons, Math.abs/Math.floor, integer/bit operations, and reading or
 * writing the bits of a double. Every file here uses nothing else.
 *
 * The algorithms and coefficients are those of fdlibm 5.3 (files e_log.c, e_exp.c, e_pow.c,
 * e_rem_pio2.c, k_rem_pio2.c, k_cos.c, k_sin.c, s_cos.c, s_sin.c) and, for log10, of FreeBSD msun's
 * fdlibm-derived e_log10.c and k_log.h. Their notice, preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 *
 * The TypeScript is a fresh transcription. Hex words in the comments are the exact bit patterns
 * of the decimal constants (high word, low word). Where fdlibm relies on C's "(int)" truncation we
 * use "| 0", which truncates toward zero identically for the int32 ranges involved.
 *
 * The files: bits.ts (word access, exact powers of two, scalbn), log.ts (log, log10), exp.ts,
 * pow.ts (with powInt.ts for small integer exponents), trig.ts (cos, sin) with remPio2.ts (their
 * argument reduction).
 */
export { log, log10 } from './log';
export { exp } from './exp';
export { pow } from './pow';
export { cos, sin } from './trig';
