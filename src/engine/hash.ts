// Integer hashes for per-(listener, song) values that must cost no memory: the same bits on every JavaScript engine.

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 that mixes every input bit into every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uint32 hash of three integers (each taken mod 2^32); chained finalisers keep (a, b, c) and (b, a, c) apart. */
export function hash3(a: number, b: number, c: number): number {
  let h = mix32((a >>> 0) ^ 0x9e3779b9);
  h = mix32((h ^ Math.imul(b >>> 0, 0xcc9e2d51)) >>> 0);
  return mix32((h ^ Math.imul(c >>> 0, 0x1b873593)) >>> 0);
}

/** hash3 mapped to [0, 1) with 32 bits of resolution. Integer arithmetic only, so it is exact everywhere. */
export function unitHash(a: number, b: number, c: number): number {
  return hash3(a, b, c) / 4294967296;
}

/** Salt of the tie-break keys, so they never coincide with another use of hash3 on (seed, i). */
const TIE_SALT = 0x7e1e;

/**
 * A seeded random key for song i: rankings and the head/tail split order songs with equal counts
 * by it, so no song wins a tie for having a small id, and a different seed breaks ties differently.
 */
export function tieKey(seed: number, i: number): number {
  return hash3(seed, TIE_SALT, i);
}
