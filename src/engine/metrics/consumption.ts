// Consumption homogenization: how alike listeners' cumulative sets of clicked songs are (Chaney et al., 2018).
import { jaccardFromSizes } from './overlap';

/**
 * Keeps, for the listeners of a fixed pair sample, the set of songs each has clicked since step 1,
 * and for every pair the size of the intersection, updated click by click: a new song i of
 * listener u adds 1 to the intersection of each pair (u, v) where v already has i. Then
 *   consumptionHomogenization_t = mean over pairs with A ∪ B ≠ ∅ of |A ∩ B| / |A ∪ B|,
 * A, B the two listeners' clicked sets up to step t, at O(pairs) per step and O(pairs per
 * listener · log |B|) per new distinct click. Only listeners that appear in a pair are tracked, so
 * memory is O(distinct clicks of at most 2·pairs listeners), never listeners × songs.
 */
export class ConsumptionOverlap {
  private readonly pairs: Int32Array;
  /** Pair indices of each listener: CSR over listeners (start[u] .. start[u + 1]). */
  private readonly start: Int32Array;
  private readonly pairOf: Int32Array;
  private readonly shared: Int32Array;
  /** Sorted clicked songs of each tracked listener, and how many. */
  private readonly songs: (Int32Array | null)[];
  private readonly size: Int32Array;

  constructor(users: number, pairs: Int32Array) {
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
    this.songs = Array.from({ length: users }, (_, u) => (degree[u + 1]! > degree[u]! ? new Int32Array(4) : null));
    this.size = new Int32Array(users);
  }

  /** Whether listener u (tracked) has clicked song i. */
  has(u: number, i: number): boolean {
    const list = this.songs[u];
    if (!list) return false;
    return searchSorted(list, this.size[u]!, i) >= 0;
  }

  /** Records a click of listener u on song i (repeats and untracked listeners change nothing). */
  click(u: number, i: number): void {
    let list = this.songs[u];
    if (!list) return;
    const n = this.size[u]!;
    const at = searchSorted(list, n, i);
    if (at >= 0) return;
    const insert = -1 - at;
    if (n === list.length) {
      const grown = new Int32Array(2 * n);
      grown.set(list);
      this.songs[u] = list = grown;
    }
    list.copyWithin(insert + 1, insert, n);
    list[insert] = i;
    this.size[u] = n + 1;
    for (let x = this.start[u]!; x < this.start[u + 1]!; x++) {
      const p = this.pairOf[x]!;
      const v = this.pairs[2 * p]! === u ? this.pairs[2 * p + 1]! : this.pairs[2 * p]!;
      if (v !== u && this.has(v, i)) this.shared[p]!++;
    }
  }

  /** Mean Jaccard index over pairs where either listener has clicked; null when none has. */
  value(): number | null {
    let sum = 0;
    let counted = 0;
    for (let p = 0; p < this.shared.length; p++) {
      const a = this.size[this.pairs[2 * p]!]!;
      const b = this.size[this.pairs[2 * p + 1]!]!;
      if (a === 0 && b === 0) continue;
      sum += jaccardFromSizes(a, b, this.shared[p]!);
      counted++;
    }
    return counted > 0 ? sum / counted : null;
  }
}

/** Index of `x` in the sorted list[0..n), or −1 − (insertion point) when absent. */
function searchSorted(list: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && list[lo] === x ? lo : -1 - lo;
}
