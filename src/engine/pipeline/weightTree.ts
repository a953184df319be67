// A Fenwick tree of sampling weights: Plackett–Luce draws without replacement in O(log n) each, undone exactly.

/**
 * Holds non-negative weights w_0 … w_{n−1} in a Fenwick (binary indexed) tree, so that a draw with
 * probability w_j / Σw (a descent from the root) and the removal of the drawn item (a point update)
 * each cost O(log n). A listener's slate is K such draws; `restore` then copies back, from a copy
 * kept at build time, the node values the removals changed (not a re-addition, so no rounding
 * accumulates across listeners; and a removal writes no undo log, only the item to the list of
 * removed ones). One tree per step serves every listener: O(n) to build, O(K log n) per slate.
 */
export class WeightTree {
  private tree = new Float64Array(1);
  private weight = new Float64Array(0);
  /** The tree and the weights as built, which restore copies back from. */
  private builtTree = new Float64Array(1);
  private builtWeight = new Float64Array(0);
  private size = 0;
  private top = 1;
  /** Items removed since the last build or restore. */
  private removed = new Int32Array(64);
  private removedCount = 0;
  private removedTotal = 0;
  private fullTotal = 0;

  /** Number of items. */
  get length(): number {
    return this.size;
  }

  /** Rebuilds the tree over weights[0 … n) in O(n). */
  build(weights: ArrayLike<number>, n: number): void {
    let top = 1;
    while (top * 2 <= n) top *= 2;
    if (this.tree.length < 2 * top + 1) [this.tree, this.builtTree] = [new Float64Array(2 * top + 1), new Float64Array(2 * top + 1)];
    if (this.weight.length < n) [this.weight, this.builtWeight] = [new Float64Array(n), new Float64Array(n)];
    const tree = this.tree;
    tree.fill(0, 0, n + 1);
    // Nodes past n are never drawn: the largest finite value is above any target x (see draw).
    tree.fill(Number.MAX_VALUE, n + 1, 2 * top + 1);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const w = weights[j]!;
      this.weight[j] = w;
      total += w;
      tree[j + 1]! += w;
      const parent = j + 1 + ((j + 1) & -(j + 1));
      if (parent <= n) tree[parent]! += tree[j + 1]!;
    }
    this.size = n;
    this.top = top;
    this.fullTotal = total;
    this.removedTotal = 0;
    this.removedCount = 0;
    this.builtTree.set(tree.subarray(0, n + 1));
    this.builtWeight.set(this.weight.subarray(0, n));
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
   * The item j with Σ_{i<j} w_i ≤ x < Σ_{i≤j} w_i for x = u·total, u ∈ [0, 1): item j with
   * probability w_j / total. Returns −1 when every weight is 0. Rounding can land the descent on a
   * removed (zero) item at a boundary; the nearest item with weight is taken then.
   */
  draw(u: number): number {
    const n = this.size;
    const total = this.total;
    if (n === 0 || !(total > 0)) return -1;
    let x = u * total;
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
    let j = Math.min(pos, n - 1);
    if (this.weight[j]! > 0) return j;
    for (let d = 1; d < n; d++) {
      if (j - d >= 0 && this.weight[j - d]! > 0) return j - d;
      if (j + d < n && this.weight[j + d]! > 0) return j + d;
    }
    j = -1;
    return j;
  }

  /** Sets item j's weight to 0 until `restore`. */
  remove(j: number): void {
    const w = this.weight[j]!;
    if (w === 0) return;
    const n = this.size;
    if (this.removedCount === this.removed.length) {
      const grown = new Int32Array(2 * this.removed.length);
      grown.set(this.removed);
      this.removed = grown;
    }
    this.removed[this.removedCount++] = j;
    this.weight[j] = 0;
    this.removedTotal += w;
    const tree = this.tree;
    for (let at = j + 1; at <= n; at += at & -at) tree[at]! -= w;
  }

  /** Puts back every item removed since the last build or restore, bit for bit. */
  restore(): void {
    const { tree, builtTree, weight, builtWeight, removed } = this;
    const n = this.size;
    for (let x = 0; x < this.removedCount; x++) {
      const j = removed[x]!;
      weight[j] = builtWeight[j]!;
      for (let at = j + 1; at <= n; at += at & -at) tree[at] = builtTree[at]!;
    }
    this.removedCount = 0;
    this.removedTotal = 0;
  }
}
