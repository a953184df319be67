// Slate overlap: a row's repeats, Jaccard, homogenization and the listener-pair sample.
import { describe, expect, it } from 'vitest';
import {
  homogenization,
  jaccardFromSizes,
  listenerPairs,
  rowOverlap,
} from '../../../src/engine/metrics/overlap';
import { createStream } from '../../../src/engine/rng';

const rng = () => createStream(1, 'metrics', 'pairs');

/** A users × k slate matrix from rows given as (unsorted) arrays of lengths ≤ k. */
function slates(rows: number[][], k: number): { slate: Int32Array; slateLen: Uint8Array } {
  const slate = new Int32Array(rows.length * k);
  rows.forEach((r, u) => slate.set(r, u * k));
  return { slate, slateLen: Uint8Array.from(rows.map((r) => r.length)) };
}

describe('rowOverlap', () => {
  it('counts shared ids of two unsorted runs', () => {
    // {7,1,5,3} ∩ {8,5,4,3} = {3,5}
    expect(rowOverlap(Int32Array.from([7, 1, 5, 3]), 0, 4, Int32Array.from([8, 5, 4, 3]), 0, 4, new Uint8Array(10))).toBe(2);
  });

  it('reads only the given windows and leaves the scratch all 0', () => {
    // x window [1,3,5] (skips the 9 at 0), y window [5] (skips 3 at 0 and 6 at 2) → {5}
    const mark = new Uint8Array(10);
    expect(rowOverlap(Int32Array.from([9, 1, 3, 5]), 1, 3, Int32Array.from([3, 5, 6]), 1, 1, mark)).toBe(1);
    expect(Array.from(mark)).toEqual(new Array(10).fill(0));
  });

  it('is 0 for disjoint or empty runs', () => {
    expect(rowOverlap(Int32Array.from([1, 2]), 0, 2, Int32Array.from([3, 4]), 0, 2, new Uint8Array(5))).toBe(0);
    expect(rowOverlap(Int32Array.from([1, 2]), 0, 0, Int32Array.from([1, 2]), 0, 2, new Uint8Array(5))).toBe(0);
    expect(rowOverlap(Int32Array.from([1, 2]), 0, 2, Int32Array.from([1, 2]), 0, 0, new Uint8Array(5))).toBe(0);
  });
});

describe('jaccardFromSizes', () => {
  it('is |A ∩ B| / |A ∪ B|', () => {
    expect(jaccardFromSizes(3, 3, 1)).toBeCloseTo(1 / 5, 12); // union 3+3−1 = 5
    expect(jaccardFromSizes(2, 3, 2)).toBeCloseTo(2 / 3, 12); // union 2+3−2 = 3
    expect(jaccardFromSizes(3, 3, 3)).toBe(1);
    expect(jaccardFromSizes(3, 2, 0)).toBe(0);
  });

  it('is 1 when both sets are empty', () => {
    expect(jaccardFromSizes(0, 0, 0)).toBe(1);
  });
});

describe('homogenization', () => {
  it('is the mean Jaccard index over all pairs of three slates', () => {
    // A = {1,2,3}, B = {2,3,4}, C = {7,8}: J(A,B) = 2/4, J(A,C) = 0, J(B,C) = 0 → (1/2)/3 = 1/6
    const { slate, slateLen } = slates(
      [
        [3, 1, 2],
        [4, 2, 3],
        [8, 7],
      ],
      3,
    );
    expect(homogenization(slate, slateLen, 3, listenerPairs(3, rng()))).toBeCloseTo(1 / 6, 12);
  });

  it('counts identical slates as 1', () => {
    // A = B = {1,2,3}, C = {1,5,6}: J(A,B) = 1, J(A,C) = J(B,C) = 1/5 → 1.4/3
    const { slate, slateLen } = slates(
      [
        [1, 2, 3],
        [3, 2, 1],
        [6, 1, 5],
      ],
      3,
    );
    expect(homogenization(slate, slateLen, 3, listenerPairs(3, rng()))).toBeCloseTo(1.4 / 3, 12);
  });

  it('averages over exactly the pairs given', () => {
    // only pair (0, 2): A = {1,2,3}, C = {1,5,6} → 1/5
    const { slate, slateLen } = slates(
      [
        [1, 2, 3],
        [3, 2, 1],
        [6, 1, 5],
      ],
      3,
    );
    expect(homogenization(slate, slateLen, 3, Int32Array.from([0, 2]))).toBeCloseTo(1 / 5, 12);
  });

  it('is 0 without pairs', () => {
    const { slate, slateLen } = slates([[1, 2]], 2);
    expect(homogenization(slate, slateLen, 2, new Int32Array(0))).toBe(0);
  });

  it('counts every slot of slates of ten and of lengths that are not a multiple of five', () => {
    // The partner's slate is read five slots at a time, then one at a time: lengths 10, 7, 4 and 0.
    // A = 0..9; B = 5..14 shares 5 → 5/15; C = {9, 20..25} shares 1 → 1/16; D = {0, 1, 2, 30}
    // shares 3 → 3/11; E empty shares nothing, union 10 → 0.
    const { slate, slateLen } = slates(
      [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [14, 13, 12, 11, 10, 9, 8, 7, 6, 5],
        [20, 21, 22, 23, 24, 25, 9],
        [30, 2, 1, 0],
        [],
      ],
      10,
    );
    const pairs = Int32Array.from([0, 1, 0, 2, 0, 3, 0, 4]);
    expect(homogenization(slate, slateLen, 10, pairs)).toBeCloseTo((5 / 15 + 1 / 16 + 3 / 11 + 0) / 4, 12);
    // And from the partner's side, where A is read in two turns of five: the same four indices.
    const reversed = Int32Array.from([1, 0, 2, 0, 3, 0, 4, 0]);
    expect(homogenization(slate, slateLen, 10, reversed)).toBeCloseTo((5 / 15 + 1 / 16 + 3 / 11 + 0) / 4, 12);
  });
});

describe('listenerPairs', () => {
  function pairsOf(flat: Int32Array): [number, number][] {
    const out: [number, number][] = [];
    for (let j = 0; j < flat.length; j += 2) out.push([flat[j]!, flat[j + 1]!]);
    return out;
  }

  it('lists every pair u < v exactly once for a few listeners', () => {
    const pairs = pairsOf(listenerPairs(5, rng()));
    expect(pairs).toHaveLength(10); // 5·4/2
    const keys = new Set(pairs.map(([u, v]) => `${u},${v}`));
    expect(keys.size).toBe(10);
    for (let u = 0; u < 5; u++)
      for (let v = u + 1; v < 5; v++) expect(keys.has(`${u},${v}`)).toBe(true);
  });

  it('is exact up to 300 listeners: 300·299/2 = 44,850 distinct pairs u < v', () => {
    const pairs = pairsOf(listenerPairs(300, rng()));
    expect(pairs).toHaveLength(44850);
    expect(pairs.every(([u, v]) => u >= 0 && u < v && v < 300)).toBe(true);
    expect(new Set(pairs.map(([u, v]) => u * 300 + v)).size).toBe(44850);
  });

  it('samples 20,000 pairs with u ≠ v above 300 listeners', () => {
    const pairs = pairsOf(listenerPairs(301, rng()));
    expect(pairs).toHaveLength(20000);
    expect(pairs.every(([u, v]) => u !== v && u >= 0 && u < 301 && v >= 0 && v < 301)).toBe(true);
    // 40,000 draws over 301 listeners: every listener appears on both sides of some pair.
    expect(new Set(pairs.map(([u]) => u)).size).toBe(301);
    expect(new Set(pairs.map(([, v]) => v)).size).toBe(301);
  });

  it('draws the same sample from the same seed and a different one from another', () => {
    const a = listenerPairs(1000, createStream(7, 'metrics', 'pairs'));
    const b = listenerPairs(1000, createStream(7, 'metrics', 'pairs'));
    const c = listenerPairs(1000, createStream(8, 'metrics', 'pairs'));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('honours a custom exact limit and sample size', () => {
    expect(listenerPairs(4, rng(), 3, 7)).toHaveLength(14); // 4 > 3 → 7 sampled pairs
    expect(listenerPairs(4, rng(), 4, 7)).toHaveLength(12); // 4 ≤ 4 → 4·3/2 = 6 pairs
  });
});
