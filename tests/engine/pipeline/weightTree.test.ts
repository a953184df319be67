// Sampling weights: exact draw intervals, removal (few items out and many), restore, zero weights.
import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/rng';
import { WeightTree } from '../../../src/engine/pipeline/weightTree';

function treeOf(weights: number[]): WeightTree {
  const tree = new WeightTree();
  tree.build(weights, weights.length);
  return tree;
}

/**
 * The item the spec assigns to u: the j with Σ_{i<j} w_i ≤ u·total < Σ_{i≤j} w_i, by a linear scan
 * over the current weights (−1 when nothing has weight). Exact when the weights are integers.
 */
function linearDraw(weights: number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return -1;
  const x = u * total;
  let below = 0;
  for (let j = 0; j < weights.length; j++) {
    if (weights[j]! > 0 && below <= x && x < below + weights[j]!) return j;
    below += weights[j]!;
  }
  return -1;
}

/** u = m / steps for m = 0 … steps − 1, plus the largest double below 1. */
function grid(steps: number): number[] {
  const us = Array.from({ length: steps }, (_, m) => m / steps);
  us.push(1 - 2 ** -53);
  return us;
}

const drawsOn = (tree: WeightTree, us: number[]) => us.map((u) => tree.draw(u));

/**
 * For every change of item along u ∈ [0, 1), the two adjacent doubles on either side of it, found by
 * bisection down to the last bit: a tree whose node values differ in any bit on a descent path
 * moves some of these points.
 */
function transitionPoints(tree: WeightTree): number[] {
  const points: number[] = [];
  const top = 1 - 2 ** -53;
  let from = 0;
  while (from < top && tree.draw(from) !== tree.draw(top)) {
    const item = tree.draw(from);
    let lo = from;
    let hi = top;
    for (;;) {
      const mid = lo + (hi - lo) / 2;
      if (mid === lo || mid === hi) break;
      if (tree.draw(mid) === item) lo = mid;
      else hi = mid;
    }
    points.push(lo, hi);
    from = hi;
  }
  return points;
}

describe('WeightTree', () => {
  it('draws item j for u in [Σ_{i<j} w_i / total, Σ_{i≤j} w_i / total), boundaries exact', () => {
    // Total 8, so every boundary u is a dyadic number and u·total is exact:
    // item 0 on [0, 1/8), item 1 (weight 0) never, item 2 on [1/8, 4/8), item 3 on [4/8, 6/8),
    // item 4 (weight 0) never, item 5 on [6/8, 1).
    const tree = treeOf([1, 0, 3, 2, 0, 2]);
    expect(tree.length).toBe(6);
    expect(tree.total).toBe(8);
    const below = (u: number) => u - 2 ** -40;
    expect(tree.draw(0)).toBe(0);
    expect(tree.draw(below(1 / 8))).toBe(0);
    expect(tree.draw(1 / 8)).toBe(2);
    expect(tree.draw(below(4 / 8))).toBe(2);
    expect(tree.draw(4 / 8)).toBe(3);
    expect(tree.draw(below(6 / 8))).toBe(3);
    expect(tree.draw(6 / 8)).toBe(5);
    expect(tree.draw(1 - 2 ** -53)).toBe(5);
  });

  it('splits [0, 1) in proportion to [1, 0, 3, 2]', () => {
    // Total 6: item 0 on [0, 1/6), item 2 on [1/6, 4/6), item 3 on [4/6, 1); item 1 never.
    const tree = treeOf([1, 0, 3, 2]);
    const d = 1e-9;
    expect(tree.draw(0)).toBe(0);
    expect(tree.draw(1 / 6 - d)).toBe(0);
    expect(tree.draw(1 / 6 + d)).toBe(2);
    expect(tree.draw(4 / 6 - d)).toBe(2);
    expect(tree.draw(4 / 6 + d)).toBe(3);
    expect(tree.draw(1 - d)).toBe(3);
    // Exactly at u·total = 1 (6·(1/6) rounds to 1): the upper end is open, so item 2.
    expect((1 / 6) * 6).toBe(1);
    expect(tree.draw(1 / 6)).toBe(2);
    const counts = [0, 0, 0, 0];
    for (const u of grid(6000)) counts[tree.draw(u)]!++;
    expect(counts).toEqual([1000, 0, 3000, 2001]);
  });

  it('agrees with a linear scan for every size, before and after removals', () => {
    const rng = createStream(1, 'recommender', 'weightTree');
    const us = grid(1024);
    for (let n = 1; n <= 40; n++) {
      const weights = Array.from({ length: n }, () => Math.floor(rng() * 6)); // integers: exact sums
      const tree = treeOf(weights);
      expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(weights, u)));
      const left = [...weights];
      for (let r = 0; r < Math.min(n, 5); r++) {
        const j = Math.floor(rng() * n);
        tree.remove(j);
        left[j] = 0;
        expect(tree.weightOf(j)).toBe(0);
        expect(tree.total).toBe(left.reduce((a, b) => a + b, 0));
        expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(left, u)));
      }
      tree.restore();
      expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(weights, u)));
    }
  });

  it('shifts a point past removed items by hand: [1, 2, 3, 4] without item 1', () => {
    // Left: [1, 0, 3, 4], total 8: item 0 on [0, 1), item 2 on [1, 4), item 3 on [4, 8) of x = 8u.
    // x = 1 lies at the start of removed item 1 (built sums 1 … 3): it moves by 2 to 3, item 2's start.
    const tree = treeOf([1, 2, 3, 4]);
    tree.remove(1);
    expect(tree.total).toBe(8);
    expect(tree.draw(1 / 8 - 2 ** -40)).toBe(0);
    expect(tree.draw(1 / 8)).toBe(2);
    expect(tree.draw(4 / 8 - 2 ** -40)).toBe(2);
    expect(tree.draw(4 / 8)).toBe(3);
    // Item 3 out too: [1, 0, 3, 0], total 4: item 2 on [1/4, 1).
    tree.remove(3);
    expect(tree.draw(1 - 2 ** -53)).toBe(2);
    // Removed out of id order, the shift still visits them in id order: item 0 out, x = 0 moves to 3.
    tree.remove(0);
    expect(tree.total).toBe(3);
    expect(tree.draw(0)).toBe(2);
  });

  it('agrees with a linear scan with many items out (past the switch to the tree) and after restore', () => {
    const rng = createStream(4, 'recommender', 'weightTree');
    const us = grid(2048);
    for (const n of [40, 100, 257]) {
      const weights = Array.from({ length: n }, () => Math.floor(rng() * 9)); // integers: exact sums
      const tree = treeOf(weights);
      const left = [...weights];
      // 36 removals (or every item with weight) cross the switch from shifting over removed items
      // (up to 32) to the tree; check each step.
      const removals = Math.min(36, weights.filter((w) => w > 0).length);
      for (let r = 0; r < removals; r++) {
        const j = tree.draw(rng());
        expect(j).toBeGreaterThanOrEqual(0);
        tree.remove(j);
        left[j] = 0;
        expect(tree.total).toBe(left.reduce((a, b) => a + b, 0));
        expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(left, u)));
      }
      tree.restore();
      expect(tree.total).toBe(weights.reduce((a, b) => a + b, 0));
      expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(weights, u)));
      // A second round after restore starts again from the sums, and switches again.
      for (let r = 0; r < 20; r++) tree.remove(r);
      const second = weights.map((w, j) => (j < 20 ? 0 : w));
      expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(second, u)));
      tree.restore();
    }
  });

  it('finds the item among thousands of light ones once the heavy ones are out (crowded buckets of the index)', () => {
    // 20 heavy items hold 99.97% of the weight: the bucket index gives them nearly every bucket, and
    // the 3,000 light ones share the few left, hundreds to a bucket. With the heavy ones drawn and
    // removed, every point lands among the light ones. Integer weights: the sums are exact.
    const rng = createStream(7, 'recommender', 'weightTree');
    const n = 3020;
    const weights = Array.from({ length: n }, () => 1 + Math.floor(rng() * 4));
    const heavy = Array.from({ length: 20 }, (_, r) => 7 + 151 * r);
    for (const j of heavy) weights[j] = 2 ** 20;
    const tree = treeOf(weights);
    const us = grid(4096); // far more than the draws after which the index is built
    expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(weights, u)));
    const left = [...weights];
    for (const j of heavy) {
      tree.remove(j);
      left[j] = 0;
    }
    const light = drawsOn(tree, us);
    expect(light).toEqual(us.map((u) => linearDraw(left, u)));
    expect(new Set(light).size).toBeGreaterThan(2000);
    tree.restore();
    expect(drawsOn(tree, us)).toEqual(us.map((u) => linearDraw(weights, u)));
  });

  it('remove sets the weight to 0 and lowers the total; a second remove changes nothing', () => {
    const tree = treeOf([1, 0, 3, 2]);
    tree.remove(2);
    expect(tree.weightOf(2)).toBe(0);
    expect(tree.total).toBe(3);
    // Left: [1, 0, 0, 2], total 3: item 0 on [0, 1/3), item 3 on [1/3, 1).
    expect(tree.draw(1 / 3 - 1e-9)).toBe(0);
    expect(tree.draw(1 / 3 + 1e-9)).toBe(3);
    for (const u of grid(3000)) expect(tree.draw(u)).not.toBe(2);
    tree.remove(2);
    expect(tree.total).toBe(3);
    tree.remove(1); // already weight 0
    expect(tree.total).toBe(3);
  });

  it('restore brings back the tree bit for bit, however many removals and rounds', () => {
    const rng = createStream(2, 'recommender', 'weightTree');
    const n = 37;
    const weights = Array.from({ length: n }, () => rng() ** 3); // unequal, non-dyadic weights
    const tree = treeOf(weights);
    const us = [...grid(4096), ...transitionPoints(tree)];
    expect(us.length).toBeGreaterThan(4097 + 2 * (n - 2)); // a transition at every item boundary
    const before = drawsOn(tree, us);
    const total = tree.total;
    for (let round = 0; round < 200; round++) {
      const removals = 1 + Math.floor(rng() * 12);
      for (let r = 0; r < removals; r++) {
        const j = tree.draw(rng());
        if (j >= 0) tree.remove(j);
      }
      expect(tree.total).toBeLessThan(total);
      tree.restore();
      expect(tree.total).toBe(total);
    }
    expect(drawsOn(tree, us)).toEqual(before);
    for (let j = 0; j < n; j++) expect(tree.weightOf(j)).toBe(weights[j]);
  });

  it('never draws an item of weight 0, removed or built so, even at rounding edges', () => {
    const rng = createStream(3, 'recommender', 'weightTree');
    const n = 64;
    const weights = Array.from({ length: n }, (_, j) => (j % 3 === 0 ? 0 : rng() * 1e-3 + (j % 7) * 1e-9));
    const tree = treeOf(weights);
    for (let j = 1; j < n; j += 5) tree.remove(j);
    const live = (j: number) => weights[j]! > 0 && (j - 1) % 5 !== 0;
    const us = grid(20000);
    for (let m = 1; m <= 64; m++) us.push(1 - m * 2 ** -53);
    for (const u of us) {
      const j = tree.draw(u);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(live(j)).toBe(true);
    }
  });

  it('returns −1 when every weight is 0: all-zero, empty, or all removed', () => {
    expect(treeOf([0, 0, 0]).draw(0.5)).toBe(-1);
    expect(treeOf([0, 0, 0]).total).toBe(0);
    expect(treeOf([]).draw(0)).toBe(-1);
    const tree = treeOf([2, 0, 5]);
    tree.remove(0);
    expect(tree.draw(0)).toBe(2);
    tree.remove(2);
    expect(tree.total).toBe(0);
    expect(tree.draw(0)).toBe(-1);
    expect(tree.draw(0.99)).toBe(-1);
    tree.restore();
    expect(tree.draw(0)).toBe(0);
  });

  it('can be rebuilt smaller or larger, forgetting the old items and removals', () => {
    const tree = treeOf([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    tree.remove(0);
    tree.build([0, 2, 2], 3);
    expect(tree.length).toBe(3);
    expect(tree.total).toBe(4);
    for (const u of grid(1000)) expect([1, 2]).toContain(tree.draw(u));
    tree.restore(); // nothing was removed since the build: the removal of item 0 must not come back
    expect(tree.weightOf(0)).toBe(0);
    expect(tree.total).toBe(4);
    const weights = Array.from({ length: 21 }, (_, j) => j % 4);
    tree.build(weights, 21);
    expect(drawsOn(tree, grid(512))).toEqual(grid(512).map((u) => linearDraw(weights, u)));
    // Only the first n of a longer array are used.
    tree.build([1, 1, 100], 2);
    expect(tree.total).toBe(2);
    for (const u of grid(100)) expect(tree.draw(u)).toBeLessThan(2);
  });
});
