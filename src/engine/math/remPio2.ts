// Argument reduction for cos and sin: x - n*pi/2 by Cody-Waite, or Payne-Hanek for huge x (fdlibm rem_pio2), from IEEE basic operations only.

/*
 * Ported from fdlibm 5.3 e_rem_pio2.c and k_rem_pio2.c (index.ts says why). Their notice,
 * preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */
import { fromWords, highWord, lowWord, scalbn, TWO24, TWON24 } from './bits';

// 2/pi in 24-bit chunks (enough for any double argument).
const TWO_OVER_PI = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
];

// High words of n*pi/2 for n = 1..32: an argument with the same high word may cancel badly.
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

// pi/2 in 24-bit chunks, for the Payne-Hanek path.
const PIO2_CHUNKS = [
  1.57079625129699707031, // 0x3FF921FB, 0x40000000
  7.54978941586159635335e-8, // 0x3E74442D, 0x00000000
  5.39030252995776476554e-15, // 0x3CF84698, 0x80000000
  3.28200341580791294123e-22, // 0x3B78CC51, 0x60000000
  1.27065575308067607349e-29, // 0x39F01B83, 0x80000000
  1.22933308981111328932e-36, // 0x387A2520, 0x40000000
  2.73370053816464559624e-44, // 0x36E38222, 0x80000000
  2.16741683877804819444e-51, // 0x3569F31D, 0x00000000
];

const INVPIO2 = 6.36619772367581382433e-1; // 0x3FE45F30, 0x6DC9C883  2/pi, 53 bits
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB, 0x54400000  first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461, 0x1A626331  pi/2 - PIO2_1
const PIO2_2 = 6.0771005063039659766e-11; // 0x3DD0B461, 0x1A600000  second 33 bits
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A, 0x2E037073  pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.0222662487111664558e-21; // 0x3BA3198A, 0x2E000000  third 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A, 0x252049C1  remaining tail

/**
 * Reduced argument of the last remPio2 call: x - n*pi/2 = rem.y0 + rem.y1, |rem.y0| <= ~pi/4
 * (fdlibm's y[0], y[1]). One shared object, written in place, so a reduction allocates nothing.
 */
export const rem = { y0: 0, y1: 0 };

// Scratch for kernelRemPio2 (allocated once).
const KF = new Float64Array(20);
const KQ = new Float64Array(20);
const KFQ = new Float64Array(20);
const KIQ = new Int32Array(20);
const KTX = new Float64Array(3);

/**
 * Payne-Hanek reduction of a huge argument (fdlibm __kernel_rem_pio2 with prec = 2, 53-bit
 * output as rem.y0 + rem.y1). tx holds the argument as nx 24-bit integer chunks scaled by 2^e0.
 * Multiplies by only the bits of 2/pi that matter, in exact 24-bit pieces. Returns n mod 8.
 */
function kernelRemPio2(tx: Float64Array, e0: number, nx: number): number {
  const f = KF;
  const q = KQ;
  const fq = KFQ;
  const iq = KIQ;
  const jk = 4; // init_jk[prec = 2]
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0..jx+jk] = ipio2[jv-jx .. jv+jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : TWO_OVER_PI[j]!;

  // q[0..jk]
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += tx[j]! * f[jx + i - j]!;
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // Distill q[] into iq[] in reverse order.
    z = q[jz]!;
    for (let i = 0, jj = jz; jj > 0; i++, jj--) {
      const fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[jj - 1]! + fw;
    }
    // Compute n.
    z = scalbn(z, q0); // actual value of z
    z -= 8 * Math.floor(z * 0.125); // trim off integer >= 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // need iq[jz-1] to determine n
      const i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1] = iq[jz - 1]! - (i << (24 - q0));
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) {
      // q > 0.5: use 1 - q and n + 1
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const w = iq[i]!;
        if (carry === 0) {
          if (w !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - w;
          }
        } else {
          iq[i] = 0xffffff - w;
        }
      }
      if (q0 === 1) iq[jz - 1] = iq[jz - 1]! & 0x7fffff;
      else if (q0 === 2) iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // Check whether more bits of 2/pi are needed (massive cancellation).
    if (z === 0) {
      let acc = 0;
      for (let i = jz - 1; i >= jk; i--) acc |= iq[i]!;
      if (acc === 0) {
        let k = 1;
        while (iq[jk - k] === 0) k++; // k = number of extra terms needed
        for (let i = jz + 1; i <= jz + k; i++) {
          f[jx + i] = TWO_OVER_PI[jv + i]!;
          let fw = 0;
          for (j = 0; j <= jx; j++) fw += tx[j]! * f[jx + i - j]!;
          q[i] = fw;
        }
        jz += k;
        continue; // recompute
      }
    }
    break;
  }

  // Chop off zero terms.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit pieces if necessary
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // Convert the integer chunks to floating-point values.
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }

  // fq = PIO2_CHUNKS[0..jp] * q[jz..0]
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2_CHUNKS[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }

  // Compress fq[] into rem.y0 + rem.y1.
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  rem.y0 = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  rem.y1 = ih === 0 ? fw : -fw;
  return n & 7;
}

/**
 * Reduces finite x with |x| > pi/4 to x - n*pi/2 = rem.y0 + rem.y1 and returns n (fdlibm
 * __ieee754_rem_pio2). Up to |x| ~ 2^19*pi/2 (823550) it is Cody-Waite: n = round(x*2/pi), then
 * x - n*pio2_1 - n*pio2_1t with pi/2 split into 33-bit pieces so n*pio2_k is exact; when the
 * first difference has cancelled more than 16 (then 49) bits, the second and third pieces are
 * used (a 3-part split constant, 151 bits of pi/2 in all). Larger |x| goes to Payne-Hanek.
 */
export function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        // 33 + 53 bits of pi/2 are good enough
        rem.y0 = z - PIO2_1T;
        rem.y1 = z - rem.y0 - PIO2_1T;
      } else {
        // near pi/2: use 33 + 33 + 53 bits
        z -= PIO2_2;
        rem.y0 = z - PIO2_2T;
        rem.y1 = z - rem.y0 - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      rem.y0 = z + PIO2_1T;
      rem.y1 = z - rem.y0 + PIO2_1T;
    } else {
      z += PIO2_2;
      rem.y0 = z + PIO2_2T;
      rem.y1 = z - rem.y0 + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| <= 2^19 * (pi/2): medium size, Cody-Waite
    const t = Math.abs(x);
    const n = (t * INVPIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1; // exact: fn < 2^20 and PIO2_1 has 33 bits
    let w = fn * PIO2_1T; // first round good to 85 bits
    let y0: number;
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      y0 = r - w; // quick check: no cancellation
    } else {
      const j = ix >> 20;
      y0 = r - w;
      let i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 16) {
        // second iteration, good to 118 bits
        let tt = r;
        w = fn * PIO2_2;
        r = tt - w;
        w = fn * PIO2_2T - (tt - r - w);
        y0 = r - w;
        i = j - ((highWord(y0) >> 20) & 0x7ff);
        if (i > 49) {
          // third iteration, 151 bits: covers all possible cases
          tt = r;
          w = fn * PIO2_3;
          r = tt - w;
          w = fn * PIO2_3T - (tt - r - w);
          y0 = r - w;
        }
      }
    }
    const y1 = r - y0 - w;
    if (hx < 0) {
      rem.y0 = -y0;
      rem.y1 = -y1;
      return -n;
    }
    rem.y0 = y0;
    rem.y1 = y1;
    return n;
  }
  // Large arguments: split |x| into three 24-bit integer chunks times 2^e0.
  const e0 = (ix >> 20) - 1046; // ilogb(x) - 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    KTX[i] = z | 0;
    z = (z - KTX[i]!) * TWO24;
  }
  KTX[2] = z;
  let nx = 3;
  while (KTX[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(KTX, e0, nx);
  if (hx < 0) {
    rem.y0 = -rem.y0;
    rem.y1 = -rem.y1;
    return -n;
  }
  return n;
}
