// Sampling weights for Plackett–Luce draws without replacement: prefix sums with a bucket index, a Fenwick tree once many items are out.
import { buildBucketIndex, createBucketIndex, itemAt, type BucketIndex } from './bucketIndex';

/**
 * Removals up to which a draw corrects its point over the removed items rather than using the tree:
 * the re-rankers draw up to 3K = 30 candidates, and up to about 30 the correction was faster.
 */
const SHIFT_LIMIT = 32;
/** Draws a build serves by binary search before it builds its bucket index. */
const INDEX_AFTER_DRAWS = 64;

/**
 * Holds non-negative weights w_0 … w_{n−1} and draws item j with probability w_j / Σw over the
 * items not removed: the item whose interval [C_j, C_j + w_j) of the remaining weights holds
 * x = u·total. A listener's slate is K draws, each followed by the removal of the drawn item, and
 * `restore` puts every removed item back for the next listener.
 *
 * Built in O(n): the prefix sums C_j of the weights as built. A point is looked up by binary
 * search, and once the weights have served INDEX_AFTER_DRAWS draws (one set shared by every
 * listener of a step) through a bucket index that finds the item holding it in O(1) expected time:
 * a bucket per item, and a crowded bucket sub-buckets per item of its own (bucketIndex.ts),
 * as the points land among the light items once the heaviest are out of a slate.
 * With few items out (a slate of ten, or a re-ranker's 30 candidates), a draw maps x onto the built prefix sums by adding the
 * weight of every removed item that starts at or below it, y = x + Σ_{r removed, C_r ≤ y} w_r
 * (the removed items visited in id order), then looks y up: O(removed) per draw with no tree to
 * update or restore. Once more than SHIFT_LIMIT items are out (a listener's clicked songs
 * excluded), draws descend a Fenwick tree instead, O(log n) per draw and removal, restored by
 * copying back the touched nodes.
 * In exact arithmetic both give the same item; they can differ only where rounding puts x within
 * an ulp of an interval's end.
 */
export class WeightTree {
  private weight = new Float64Array(0);
  private builtWeight = new Float64Array(0);
  /** Prefix sums of the weights as built: prefix[j] = w_0 + … + w_{j−1}, prefix[n] = the total. */
  private prefix = new Float64Array(1);
  /** The bucket index over the prefix sums, for the lookup of a point (bucketIndex.ts). */
  private readonly index: BucketIndex = createBucketIndex();
  /** Whether the bucket index is built for the current weights, and the draws served before it. */
  private indexed = false;
  private draws = 0;
  private size = 0;
  /** Items removed since the last build or restore, ascending by id while the tree is not in use. */
  private removed = new Int32Array(64);
  /** Where each of those starts in the built prefix sums, and its weight (in the same order, for the lookup). */
  private readonly shiftStart = new Float64Array(SHIFT_LIMIT + 1);
  private readonly shiftWeight = new Float64Array(SHIFT_LIMIT + 1);
  private removedCount = 0;
  private removedTotal = 0;
  private fullTotal = 0;
  /** The Fenwick tree (built on first need after a build), its copy as built, and whether it is in use. */
  private tree = new Float64Array(1);
  private builtTree = new Float64Array(1);
  private top = 1;
  private treeBuilt = false;
  private treeInUse = false;

  /** Number of items. */
  get length(): number {
    return this.size;
  }

  /** Rebuilds the prefix sums over weights[0 … n) in O(n); the bucket index and the tree follow when needed. */
  build(weights: ArrayLike<number>, n: number): void {
    if (this.weight.length < n) [this.weight, this.builtWeight] = [new Float64Array(n), new Float64Array(n)];
    if (this.prefix.length < n + 1) this.prefix = new Float64Array(n + 1);
    const { weight, prefix } = this;
    let total = 0;
    prefix[0] = 0;
    for (let j = 0; j < n; j++) {
      const w = weights[j]!;
      weight[j] = w;
      total += w;
      prefix[j + 1] = total;
    }
    this.builtWeight.set(weight.subarray(0, n));
    this.size = n;
    this.fullTotal = total;
    this.removedTotal = 0;
    this.removedCount = 0;
    this.treeBuilt = false;
    this.treeInUse = false;
    this.draws = 0;
    this.indexed = false;
  }

  /**
   * The bucket index over the prefix sums, built once a build has served INDEX_AFTER_DRAWS draws:
   * worth its O(n) for weights every listener draws from, not for one listener's own.
   */
  private buildIndex(): void {
    buildBucketIndex(this.index, this.prefix, this.size, this.fullTotal);
    this.indexed = true;
  }

  /** Weight of item j (0 once removed, until restore). */
  weightOf(j: number): number {
    return this.weight[j]!;
  }

  /** Σ of the weights not removed. */
  get total(): number {
    return this.fullTotal - this.removedTotal;
  }

  /**
   * The item j with Σ_{i<j} w_i ≤ x < Σ_{i≤j} w_i over the items not removed, for x = u·total,
   * u ∈ [0, 1): item j with probability w_j / total. Returns −1 when every weight is 0. Where
   * rounding lands a point on a removed (zero) item, the nearest item with weight is taken.
   */
  draw(u: number): number {
    const n = this.size;
    const total = this.total;
    if (n === 0 || !(total > 0)) return -1;
    const x = u * total;
    const j = this.treeInUse ? this.descend(x) : this.lookup(x);
    return this.weight[j]! > 0 ? j : this.nearestWithWeight(j);
  }

  /** The item holding x of the remaining weights, through the built prefix sums. */
  private lookup(x: number): number {
    const { prefix, shiftStart, shiftWeight } = this;
    const n = this.size;
    // Every removed item that starts at or below the point shifts it right by its weight.
    let y = x;
    for (let r = 0; r < this.removedCount; r++) {
      if (shiftStart[r]! > y) break;
      y += shiftWeight[r]!;
    }
    // The last item whose interval starts at or below y (items of weight 0 start where the next does).
    if (!this.indexed) {
      if (++this.draws <= INDEX_AFTER_DRAWS) {
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (prefix[mid]! <= y) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      }
      this.buildIndex();
    }
    return itemAt(this.index, prefix, n, y);
  }

  /** The item holding x in the Fenwick tree of the remaining weights. */
  private descend(x: number): number {
    let pos = 0;
    const tree = this.tree;
    // Branch-free descent: whether to go right is a coin flip the CPU cannot predict, and a
    // mispredicted branch per level cost more than the level itself. Nodes past n hold
    // Number.MAX_VALUE, so they are never taken, and 0 · MAX_VALUE = 0 leaves x exact.
    for (let step = this.top; step > 0; step >>= 1) {
      const node = tree[pos + step]!;
      const take = +(node <= x);
      x -= take * node;
      pos += take * step;
    }
    return Math.min(pos, this.size - 1);
  }

  /** The item with weight nearest to j (below first), or −1. */
  private nearestWithWeight(j: number): number {
    const n = this.size;
    for (let d = 1; d < n; d++) {
      if (j - d >= 0 && this.weight[j - d]! > 0) return j - d;
      if (j + d < n && this.weight[j + d]! > 0) return j + d;
    }
    return -1;
  }

  /** Sets item j's weight to 0 until `restore`. */
  remove(j: number): void {
    const w = this.weight[j]!;
    if (w === 0) return;
    if (this.removedCount === this.removed.length) {
      const grown = new Int32Array(2 * this.removed.length);
      grown.set(this.removed);
      this.removed = grown;
    }
    this.weight[j] = 0;
    this.removedTotal += w;
    if (this.treeInUse) {
      this.removed[this.removedCount++] = j;
      this.subtract(j, w);
      return;
    }
    // Kept in id order, as the lookup visits them, with their starts and weights beside them.
    const { removed, shiftStart, shiftWeight } = this;
    let at = this.removedCount++;
    while (at > 0 && removed[at - 1]! > j) {
      removed[at] = removed[at - 1]!;
      shiftStart[at] = shiftStart[at - 1]!;
      shiftWeight[at] = shiftWeight[at - 1]!;
      at--;
    }
    removed[at] = j;
    shiftStart[at] = this.prefix[j]!;
    shiftWeight[at] = w;
    if (this.removedCount > SHIFT_LIMIT) this.useTree();
  }

  /** Switches to the Fenwick tree, taking out every item removed so far. */
  private useTree(): void {
    if (!this.treeBuilt) this.buildTree();
    this.treeInUse = true;
    for (let r = 0; r < this.removedCount; r++) this.subtract(this.removed[r]!, this.builtWeight[this.removed[r]!]!);
  }

  private subtract(j: number, w: number): void {
    const n = this.size;
    const tree = this.tree;
    for (let at = j + 1; at <= n; at += at & -at) tree[at]! -= w;
  }

  /** The Fenwick tree over the weights as built, and its copy for restore. */
  private buildTree(): void {
    const n = this.size;
    let top = 1;
    while (top * 2 <= n) top *= 2;
    if (this.tree.length < 2 * top + 1) [this.tree, this.builtTree] = [new Float64Array(2 * top + 1), new Float64Array(2 * top + 1)];
    const { tree, builtWeight } = this;
    tree.fill(0, 0, n + 1);
    // Nodes past n are never drawn: the largest finite value is above any target x (see descend).
    tree.fill(Number.MAX_VALUE, n + 1, 2 * top + 1);
    for (let j = 0; j < n; j++) {
      tree[j + 1]! += builtWeight[j]!;
      const parent = j + 1 + ((j + 1) & -(j + 1));
      if (parent <= n) tree[parent]! += tree[j + 1]!;
    }
    this.top = top;
    this.builtTree.set(tree.subarray(0, n + 1));
    this.treeBuilt = true;
  }

  /** Puts back every item removed since the last build or restore, bit for bit. */
  restore(): void {
    const { tree, builtTree, weight, builtWeight, removed } = this;
    const n = this.size;
    for (let x = 0; x < this.removedCount; x++) {
      const j = removed[x]!;
      weight[j] = builtWeight[j]!;
      if (this.treeInUse) for (let at = j + 1; at <= n; at += at & -at) tree[at] = builtTree[at]!;
    }
    this.treeInUse = false;
    this.removedCount = 0;
    this.removedTotal = 0;
  }
}
