// Consumption homogenization (ConsumptionOverlap): mean Jaccard of cumulative clicked sets over listener pairs, by hand.
import { describe, expect, it } from 'vitest';
import { ConsumptionOverlap } from '../../../src/engine/metrics/consumption';

/** All pairs u < v of 3 listeners: (0,1), (0,2), (1,2). */
const ALL_PAIRS_3 = Int32Array.from([0, 1, 0, 2, 1, 2]);

// Both stores: hash sets (no catalog size given) and bitsets (a catalog of 64 songs fits easily).
describe.each([
  ['hash sets', 0],
  ['bitsets', 64],
])('ConsumptionOverlap with %s', (_store, songs) => {
  it('is null before anyone has clicked (every pair has two empty sets)', () => {
    expect(new ConsumptionOverlap(3, ALL_PAIRS_3, songs).value()).toBeNull();
  });

  it('averages the Jaccard index over pairs, skipping pairs where both sets are empty', () => {
    const c = new ConsumptionOverlap(3, ALL_PAIRS_3, songs);
    c.click(0, 5);
    // A0 = {5}, A1 = A2 = ∅: (0,1) → 0/1, (0,2) → 0/1, (1,2) skipped → mean 0 over 2 pairs.
    expect(c.value()).toBe(0);
    c.click(1, 5);
    c.click(1, 7);
    // A0 = {5}, A1 = {5, 7}, A2 = ∅: (0,1) → |{5}| / |{5,7}| = 1/2; (0,2) → 0; (1,2) → 0 → (1/2)/3 = 1/6.
    expect(c.value()).toBeCloseTo(1 / 6, 12);
    c.click(2, 7);
    c.click(2, 9);
    c.click(0, 7);
    // A0 = {5, 7}, A1 = {5, 7}, A2 = {7, 9}:
    // (0,1) → 2/2 = 1; (0,2) → |{7}| / |{5,7,9}| = 1/3; (1,2) → 1/3 → (1 + 2/3)/3 = 5/9.
    expect(c.value()).toBeCloseTo(5 / 9, 12);
  });

  it('ignores repeat clicks: the sets are of distinct songs', () => {
    const c = new ConsumptionOverlap(3, ALL_PAIRS_3, songs);
    for (const [u, i] of [
      [0, 1],
      [0, 2],
      [0, 2],
      [1, 2],
      [1, 3],
      [1, 3],
      [1, 2],
    ] as const)
      c.click(u, i);
    // A0 = {1, 2}, A1 = {2, 3}, A2 = ∅: (0,1) → 1/3; (0,2) → 0; (1,2) → 0 → (1/3)/3 = 1/9.
    expect(c.value()).toBeCloseTo(1 / 9, 12);
    expect(c.has(0, 2)).toBe(true);
    expect(c.has(1, 1)).toBe(false);
  });

  it('does not depend on the order of the clicks', () => {
    const clicks: [number, number][] = [
      [0, 4],
      [2, 4],
      [1, 8],
      [0, 8],
      [2, 6],
      [1, 4],
    ];
    const forward = new ConsumptionOverlap(3, ALL_PAIRS_3, songs);
    const backward = new ConsumptionOverlap(3, ALL_PAIRS_3, songs);
    for (const [u, i] of clicks) forward.click(u, i);
    for (const [u, i] of [...clicks].reverse()) backward.click(u, i);
    // A0 = {4, 8}, A1 = {4, 8}, A2 = {4, 6}: (0,1) → 1; (0,2) → 1/3; (1,2) → 1/3 → 5/9.
    expect(forward.value()).toBeCloseTo(5 / 9, 12);
    expect(backward.value()).toBeCloseTo(5 / 9, 12);
  });

  it('keeps long sets whole as they grow (hash sets double from 8 slots)', () => {
    // Listener 0 clicks 0..9 in a scrambled order, listener 1 clicks 5..16: shared 5..9 (5 songs),
    // union 0..16 (17 songs) → 5/17 for the only pair.
    const c = new ConsumptionOverlap(2, Int32Array.from([0, 1]), songs);
    for (const i of [9, 0, 4, 7, 1, 8, 2, 6, 3, 5]) c.click(0, i);
    for (let i = 16; i >= 5; i--) c.click(1, i);
    expect(c.value()).toBeCloseTo(5 / 17, 12);
    for (let i = 0; i < 10; i++) expect(c.has(0, i)).toBe(true);
    expect(c.has(0, 10)).toBe(false);
    // Song 31 and 32 sit in different 32-bit words of a bitset; 63 is the last bit of a 64-song catalog.
    for (const i of [31, 32, 63]) c.click(0, i);
    expect([31, 32, 63, 30, 33].map((i) => c.has(0, i))).toEqual([true, true, true, false, false]);
  });

  it('counts only the sampled pairs (a repeated pair twice) and ignores listeners in no pair', () => {
    // Pairs (0,1), (0,1), (2,0) of 4 listeners; listener 3 is in no pair.
    const c = new ConsumptionOverlap(4, Int32Array.from([0, 1, 0, 1, 2, 0]), songs);
    c.click(0, 1);
    c.click(1, 1);
    c.click(1, 2);
    c.click(2, 3);
    c.click(3, 1); // untracked: changes nothing
    // A0 = {1}, A1 = {1, 2}, A2 = {3}: (0,1) → 1/2 twice; (2,0) → 0 → (1/2 + 1/2 + 0)/3 = 1/3.
    expect(c.value()).toBeCloseTo(1 / 3, 12);
    expect(c.has(3, 1)).toBe(false);
  });
});
