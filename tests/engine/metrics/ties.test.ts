// Songs tied at a cut taken by their seeded keys (takeTiedByKey): the packed native sort and its comparator fallback agree.
import { describe, expect, it } from 'vitest';
import { takeTiedByKey } from '../../../src/engine/metrics/ties';
import { range } from '../fixtures';

/** The ids takeTiedByKey marks with 1 (out starts all 0). */
function taken(counts: number[], cut: number, take: number, keys: number[]): number[] {
  const out = new Uint8Array(counts.length);
  takeTiedByKey(counts, counts.length, cut, take, keys, out, 1);
  return range(counts.length).filter((i) => out[i] === 1);
}

describe('takeTiedByKey', () => {
  it('takes the tied songs with the smallest keys, whatever their ids', () => {
    // Songs at count 3: 0 (key 9), 2 (key 4), 3 (key 7), 5 (key 1). Take 2 → keys 1 and 4 → songs 5 and 2.
    expect(taken([3, 8, 3, 3, 1, 3], 3, 2, [9, 0, 4, 7, 0, 1])).toEqual([2, 5]);
    // Take 3 → also key 7 → song 3.
    expect(taken([3, 8, 3, 3, 1, 3], 3, 3, [9, 0, 4, 7, 0, 1])).toEqual([2, 3, 5]);
  });

  it('breaks equal keys by the lower id', () => {
    // Songs 1, 2, 3 tied with keys [5, 2, 2]: take 1 → key 2, lower id of 2 and 3 → song 2.
    expect(taken([0, 4, 4, 4], 4, 1, [0, 5, 2, 2])).toEqual([2]);
  });

  it('takes nothing for take ≤ 0, and at most the tied songs', () => {
    expect(taken([1, 1, 1], 1, 0, [0, 1, 2])).toEqual([]);
    expect(taken([1, 2, 1], 1, 5, [0, 1, 2])).toEqual([0, 2]);
  });

  it('orders keys near 2^32 exactly (the packed sort keeps every bit)', () => {
    const big = 2 ** 32 - 1;
    // Keys big and big − 1 differ by one unit: the smaller one wins.
    expect(taken([2, 2, 2], 2, 1, [big, big - 1, big])).toEqual([1]);
    // Equal big keys: the lower id.
    expect(taken([2, 2, 2], 2, 2, [big, big - 1, big])).toEqual([0, 1]);
  });

  it('falls back to the comparator for keys that are not 32-bit integers, with the same order', () => {
    // Fractional and negative keys cannot be packed.
    expect(taken([5, 5, 5, 5], 5, 2, [0.5, -1, 0.25, 0.25])).toEqual([1, 2]);
    expect(taken([5, 5, 5, 5], 5, 1, [2 ** 32, 3, 7, 1])).toEqual([3]);
  });

  it('writes the given value, so a caller can mark head (1) or tail (0)', () => {
    const out = new Uint8Array(3).fill(1);
    takeTiedByKey([7, 7, 7], 3, 7, 2, [2, 0, 1], out, 0);
    expect(Array.from(out)).toEqual([1, 0, 0]);
  });
});
