// The live long tail by counts (markLongTail): the 80% rule and seeded tie-breaks, worked by hand.
import { describe, expect, it } from 'vitest';
import { tieKey } from '../../../src/engine/hash';
import { markLongTail } from '../../../src/engine/metrics/longTail';
import { range } from '../fixtures';

/** The tail of counts[0..n) with the given keys, and the head size markLongTail returns. */
function tail(
  counts: number[],
  keys: number[],
  n = counts.length,
): { tail: number[]; head: number } {
  const out = new Uint8Array(counts.length);
  const head = markLongTail(counts, n, keys, out);
  return { tail: range(n).filter((i) => out[i] === 1), head };
}

/** Keys that follow the ids (the old tie-break), for contrast. */
const idKeys = (n: number) => range(n);

describe('markLongTail', () => {
  it('puts the shortest prefix by count holding ≥ 80% in the head', () => {
    // [10, 40, 20, 30]: Σ = 100, 80% = 80. By count: 1 (40), 3 (30) → 70 < 80, + 2 (20) → 90 ≥ 80.
    // Head {1, 3, 2}, tail {0}.
    expect(tail([10, 40, 20, 30], idKeys(4))).toEqual({ tail: [0], head: 3 });
    // [50, 30, 10, 5, 5]: 50 + 30 = 80 ≥ 80 exactly → head {0, 1}, tail {2, 3, 4}.
    expect(tail([50, 30, 10, 5, 5], idKeys(5))).toEqual({ tail: [2, 3, 4], head: 2 });
  });

  it('breaks ties by the smaller key, whatever the ids', () => {
    // [5, 10, 10, 5]: Σ = 30, 80% = 24. Songs 1 and 2 (10 each) hold 20 < 24; one of songs 0 and 3
    // (5 each) completes the head (25 ≥ 24): the one with the smaller key.
    expect(tail([5, 10, 10, 5], [7, 1, 2, 3])).toEqual({ tail: [0], head: 3 }); // key 3 < 7: song 3 in
    expect(tail([5, 10, 10, 5], [3, 1, 2, 7])).toEqual({ tail: [3], head: 3 }); // key 3 < 7: song 0 in
    // The tie among songs 1 and 2 does not matter: both are in the head either way.
    expect(tail([5, 10, 10, 5], [0, 9, 8, 1])).toEqual({ tail: [3], head: 3 });
  });

  it('with all counts equal takes the songs with the smallest keys', () => {
    // 5 songs of 4: Σ = 20, 80% = 16 → 4 head songs; keys [4, 0, 3, 1, 2] → the largest key (song 0) is tail.
    expect(tail([4, 4, 4, 4, 4], [4, 0, 3, 1, 2])).toEqual({ tail: [0], head: 4 });
    // Keys [0, 4, 3, 1, 2]: song 1 is tail.
    expect(tail([4, 4, 4, 4, 4], [0, 4, 3, 1, 2])).toEqual({ tail: [1], head: 4 });
  });

  it('with seeded keys, two seeds break the same tie differently', () => {
    // 10 equal counts: 80% = 8 songs in the head; the tail is the 2 songs with the largest tieKey.
    const counts = new Array<number>(10).fill(2);
    const tails = range(16).map((seed) => {
      const keys = range(10).map((i) => tieKey(seed, i));
      const expected = range(10)
        .sort((x, y) => keys[y]! - keys[x]!)
        .slice(0, 2)
        .sort((x, y) => x - y);
      const got = tail(counts, keys);
      expect(got).toEqual({ tail: expected, head: 8 });
      return got.tail.join(',');
    });
    expect(new Set(tails).size).toBeGreaterThan(1);
  });

  it('puts every song in the tail when all counts are 0', () => {
    expect(tail([0, 0, 0], idKeys(3))).toEqual({ tail: [0, 1, 2], head: 0 });
  });

  it('marks only the first n songs', () => {
    // n = 3 of [1, 8, 1, 1000]: song 3 is not released; Σ = 10, 80% = 8 → head {1}, tail {0, 2}.
    const out = new Uint8Array(4).fill(7);
    expect(markLongTail([1, 8, 1, 1000], 3, idKeys(4), out)).toBe(1);
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 0, 1]);
  });

  it('reuses a scratch array without changing the result', () => {
    const counts = [3, 9, 1, 4, 4, 0, 2];
    const keys = [6, 5, 4, 3, 2, 1, 0];
    const scratch = new Float64Array(20).fill(-5);
    const a = new Uint8Array(7);
    const b = new Uint8Array(7);
    // Σ = 23, 80% = 18.4: 1 (9), then 3 and 4 (4 each; 4 has the smaller key) → 9, 13, 17 < 18.4, + 0 (3) → 20.
    expect(markLongTail(counts, 7, keys, a, scratch)).toBe(4);
    expect(markLongTail(counts, 7, keys, b)).toBe(4);
    expect(Array.from(a)).toEqual(Array.from(b));
    // The scratch is left holding the counts ascending (the head of the metrics reuses that sort).
    expect(Array.from(scratch.subarray(0, 7))).toEqual([0, 1, 2, 3, 4, 4, 9]);
    expect(range(7).filter((i) => a[i])).toEqual([2, 5, 6]);
  });
});
