// Bit access to doubles (fdlibm's __HI, __LO, INSERT_WORDS), exact powers of two and scalbn: the shared helpers of the deterministic math.

// The bit views below address the high word of a double as index 1, which holds only on
// little-endian hosts (every platform JS engines ship on today). Fail loudly rather than silently
// computing garbage on an exotic big-endian host.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error(
    'src/engine/math/bits.ts requires a little-endian platform (Float64Array word order).',
  );
}

// One shared 8-byte buffer seen as a double, two signed and two unsigned 32-bit words.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
const U32 = new Uint32Array(F64.buffer);
const LO = 0;
const HI = 1;

/** High word of x (sign, 11 exponent bits, top 20 mantissa bits) as a signed int32 (fdlibm __HI). */
export function highWord(x: number): number {
  F64[0] = x;
  return I32[HI]!;
}

/** Low word of x (bottom 32 mantissa bits) as an unsigned int (fdlibm __LO). */
export function lowWord(x: number): number {
  F64[0] = x;
  return U32[LO]!;
}

/**
 * The double whose high and low words are hi and lo (fdlibm INSERT_WORDS). Used only at load time
 * and on the rare huge-argument path: storing 4-byte words and then loading all 8 bytes defeats
 * the CPU's store-to-load forwarding (a stall of ~10 ns per call), so the hot paths build
 * doubles arithmetically instead (fromHighWord, pow2, multiplication by powers of two), which
 * gives exactly the same bits.
 */
export function fromWords(hi: number, lo: number): number {
  I32[HI] = hi;
  I32[LO] = lo;
  return F64[0]!;
}

// 2^k for every k in [-1074, 1023] (subnormal powers included), exact, at index k + 1074.
const POW2 = new Float64Array(2098);
for (let k = -1022; k <= 1023; k++) POW2[k + 1074] = fromWords((0x3ff + k) << 20, 0);
for (let k = -1074; k < -1022; k++) POW2[k + 1074] = POW2[1074 - 1022]! * POW2[k + 1022 + 1074]!;

/** 2^k for an integer k in [-1074, 1023] (exact). */
export function pow2(k: number): number {
  return POW2[k + 1074]!;
}

/**
 * The double whose high word is hi and low word 0 (fdlibm INSERT_WORDS(x, hi, 0)), for hi of a
 * finite double: its 21-bit significand times a power of two, an exact product.
 */
export function fromHighWord(hi: number): number {
  const e = (hi >> 20) & 0x7ff; // biased exponent
  const v = e === 0 ? (hi & 0xfffff) * pow2(-1042) : ((hi & 0xfffff) | 0x100000) * pow2(e - 1043);
  return hi < 0 ? -v : v;
}

/** x with its low 32 mantissa bits cleared: an exactly representable "head" of x (SET_LOW_WORD(x, 0)). */
export function withLowZero(x: number): number {
  return fromHighWord(highWord(x));
}

export const TWO1023 = pow2(1023);
const TWOM969 = pow2(-969); // 2^-1022 * 2^53
export const TWO24 = 1.6777216e7; // 0x41700000, 0x00000000
export const TWON24 = 5.9604644775390625e-8; // 0x3E700000, 0x00000000
export const TWO53 = 9007199254740992.0; // 0x43400000, 0x00000000
export const TWO54 = 1.8014398509481984e16; // 0x43500000, 0x00000000

/**
 * x * 2^n with a single rounding (musl/FreeBSD scalbn). Multiplying by a power of two is exact
 * unless the result is subnormal; for a normal x with |x| >= 2^-53 the intermediate steps stay
 * normal, so only the last multiplication rounds.
 */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    y *= TWOM969;
    n += 969;
    if (n < -1022) {
      y *= TWOM969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return y * pow2(n);
}
