// Consumption homogenization: how alike listeners' cumulative sets of clicked songs are (Chaney et al., 2018).
import { jaccardFromSizes } from './overlap';

/** Most listeners the pair sample can name: every listener up to 300, else both ends of 20,000 pairs (see listenerPairs). */
export function trackedListenersBound(users: number): number {
  return users <= 300 ? users : Math.min(users, 40000);
}

/** Largest bitset store, in bytes: one bit per (tracked listener, song) fits it at the default sizes (125 KB). */
export const CONSUMPTION_BITSET_BYTES = 16 * 2 ** 20;

/**
 * Bytes of the bitset store for `users` listeners and `songs` songs (the run's whole catalog), or 0
 * when it would exceed CONSUMPTION_BITSET_BYTES and hash sets hold the clicked songs instead.
 */
export function consumptionBitsetBytes(users: number, songs: number): number {
  const bytes = trackedListenersBound(users) * Math.ceil(songs / 32) * 4;
  return bytes <= CONSUMPTION_BITSET_BYTES ? bytes : 0;
}

/**
 * Keeps, for the listeners of a fixed pair sample, the set of songs each has clicked since step 1,
 * and for every pair the size of the intersection, updated click by click: a new song i of
 * listener u adds 1 to the intersection of each pair (u, v) where v already has i. Then
 *   consumptionHomogenization_t = mean over pairs with A ∪ B ≠ ∅ of |A ∩ B| / |A ∪ B|,
 * A, B the two listeners' clicked sets up to step t, at O(pairs) per step and O(pairs per
 * listener) per new distinct click. Only listeners that appear in a pair are tracked, so memory is
 * never listeners × songs: one bit per (tracked listener, song) when that fits in
 * CONSUMPTION_BITSET_BYTES (an answer to "has v clicked i?" is then one load from a small array,
 * and that question is asked 40 times per click at the default sizes), else a hash set per
 * listener of O(its distinct clicks).
 */
export class ConsumptionOverlap {
  private readonly pairs: Int32Array;
  /** Pair indices of each listener: CSR over listeners (start[u] .. start[u + 1]). */
  private readonly start: Int32Array;
  private readonly pairOf: Int32Array;
  /** The other listener of each entry of pairOf, and (bitsets) where that listener's row starts. */
  private readonly partnerOf: Int32Array;
  private readonly partnerBits: Int32Array;
  private readonly shared: Int32Array;
  /**
   * Clicked songs of each tracked listener as an open-addressing hash set (capacity a power of 2,
   * at most half full, −1 = empty): the update asks "has v clicked i?" once per pair of every new
   * click, and a probe answers it in O(1) where a binary search of a sorted list took ~7 steps.
   */
  private readonly songs: (Int32Array | null)[];
  private readonly size: Int32Array;
  /** The bitset store: words per listener, each tracked listener's row (−1 untracked), the bits. */
  private readonly words: number;
  private readonly row: Int32Array;
  private readonly bits: Int32Array | null;

  /** `songs`: the run's whole catalog (ids below it), which chooses the store; 0 = hash sets. */
  constructor(users: number, pairs: Int32Array, songs = 0) {
    this.pairs = pairs;
    const count = pairs.length / 2;
    const degree = new Int32Array(users + 1);
    for (let x = 0; x < pairs.length; x++) degree[pairs[x]! + 1]!++;
    for (let u = 0; u < users; u++) degree[u + 1]! += degree[u]!;
    this.start = degree;
    this.pairOf = new Int32Array(pairs.length);
    const fill = degree.slice(0, users);
    for (let p = 0; p < count; p++) {
      this.pairOf[fill[pairs[2 * p]!]!++] = p;
      this.pairOf[fill[pairs[2 * p + 1]!]!++] = p;
    }
    this.shared = new Int32Array(count);
    this.size = new Int32Array(users);
    this.row = new Int32Array(users).fill(-1);
    const bitsets = songs > 0 && consumptionBitsetBytes(users, songs) > 0;
    this.words = bitsets ? Math.ceil(songs / 32) : 0;
    let rows = 0;
    for (let u = 0; u < users; u++) if (degree[u + 1]! > degree[u]!) this.row[u] = rows++;
    this.bits = bitsets ? new Int32Array(rows * this.words) : null;
    this.partnerOf = new Int32Array(pairs.length);
    this.partnerBits = new Int32Array(bitsets ? pairs.length : 0);
    for (let u = 0; u < users; u++)
      for (let x = degree[u]!; x < degree[u + 1]!; x++) {
        const p = this.pairOf[x]!;
        const v = pairs[2 * p]! === u ? pairs[2 * p + 1]! : pairs[2 * p]!;
        this.partnerOf[x] = v;
        if (bitsets) this.partnerBits[x] = this.row[v]! * this.words;
      }
    this.songs = Array.from({ length: users }, (_, u) => (!bitsets && this.row[u]! >= 0 ? new Int32Array(8).fill(-1) : null));
  }

  /** Whether listener u (tracked) has clicked song i. */
  has(u: number, i: number): boolean {
    if (this.bits) {
      const r = this.row[u]!;
      return r >= 0 && ((this.bits[r * this.words + (i >>> 5)]! >>> (i & 31)) & 1) === 1;
    }
    const set = this.songs[u];
    return set !== null && set !== undefined && set[slotOf(set, i)] === i;
  }

  /** Records a click of listener u on song i (repeats and untracked listeners change nothing). */
  click(u: number, i: number): void {
    if (!this.insert(u, i)) return;
    this.size[u]!++;
    const { pairOf, partnerOf, partnerBits, shared, bits } = this;
    const end = this.start[u + 1]!;
    if (bits) {
      // The bitset test written out over arrays laid out per listener: this loop runs 40 times per
      // new click at the default sizes, the largest cost of a step's metrics.
      const word = i >>> 5;
      const shift = i & 31;
      for (let x = this.start[u]!; x < end; x++) if (partnerOf[x] !== u) shared[pairOf[x]!]! += (bits[partnerBits[x]! + word]! >>> shift) & 1;
      return;
    }
    for (let x = this.start[u]!; x < end; x++) if (partnerOf[x] !== u && this.has(partnerOf[x]!, i)) shared[pairOf[x]!]!++;
  }

  /** Adds song i to listener u's set; whether it is new there (false for an untracked listener). */
  private insert(u: number, i: number): boolean {
    if (this.bits) {
      const r = this.row[u]!;
      if (r < 0) return false;
      const at = r * this.words + (i >>> 5);
      const bit = 1 << (i & 31);
      if (this.bits[at]! & bit) return false;
      this.bits[at]! |= bit;
      return true;
    }
    let set = this.songs[u];
    if (!set) return false;
    const at = slotOf(set, i);
    if (set[at] === i) return false;
    if (2 * (this.size[u]! + 1) > set.length) {
      this.songs[u] = set = grown(set);
      set[slotOf(set, i)] = i;
    } else set[at] = i;
    return true;
  }

  /** Mean Jaccard index over pairs where either listener has clicked; null when none has. */
  value(): number | null {
    let sum = 0;
    let counted = 0;
    // The arrays as locals: read through `this` they were loaded again for every pair.
    const { shared, size, pairs } = this;
    for (let p = 0; p < shared.length; p++) {
      const a = size[pairs[2 * p]!]!;
      const b = size[pairs[2 * p + 1]!]!;
      if (a === 0 && b === 0) continue;
      sum += jaccardFromSizes(a, b, shared[p]!);
      counted++;
    }
    return counted > 0 ? sum / counted : null;
  }
}

/**
 * The slot of song i in a hash set: where it is, or the empty slot where it would go. Linear
 * probing from a Fibonacci hash of i (the top log2(capacity) bits of i · 2^32/φ), so consecutive ids spread out.
 */
function slotOf(set: Int32Array, i: number): number {
  const mask = set.length - 1;
  let at = Math.imul(i, 0x9e3779b1) >>> (Math.clz32(set.length) + 1);
  while (set[at] !== -1 && set[at] !== i) at = (at + 1) & mask;
  return at;
}

/** A set of twice the capacity holding the same songs. */
function grown(set: Int32Array): Int32Array {
  const next = new Int32Array(2 * set.length).fill(-1);
  for (const i of set) if (i !== -1) next[slotOf(next, i)] = i;
  return next;
}
