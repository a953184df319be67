// Present mode's fit: the largest readable scale, found by laying the view out wider and shedding small print only when needed.
import { describe, expect, it } from 'vitest';
import { fitToStage, TARGET_SCALE } from '../../../src/ui/present/FitToStage';

describe('fitToStage', () => {
  it('leaves a phone-sized stage at its own size', () => {
    expect(fitToStage(390, 700, () => 5000)).toEqual({ width: 390, scale: 1, compact: 0 });
  });

  it('lays a view that fits out at the stage width over the target scale, with all its text', () => {
    const asked: number[] = [];
    const fit = fitToStage(1920, 900, (width) => {
      asked.push(width);
      return 500;
    });
    expect(fit).toEqual({ width: 1200, scale: TARGET_SCALE, compact: 0 });
    // 500 × 1.6 = 800 ≤ 900: no other layout was tried.
    expect(asked).toEqual([1200]);
  });

  it('lays a tall view out wider when that makes it shorter (more columns), before shedding anything', () => {
    const heights = (width: number) => (width >= 1371 ? 600 : 800);
    // 1920 / 1.4 = 1371 px wide: 600 tall, so the scale is 1920 / 1371 = 1.4004 (850 / 600 = 1.417 would allow more).
    expect(fitToStage(1920, 850, heights)).toEqual({ width: 1371, scale: 1920 / 1371, compact: 0 });
  });

  it('sheds the panels\u2019 hints, then the explanation, only until the view is readable', () => {
    const byCompact = [1000, 800, 600];
    // Level 0: 840 / 1000 = 0.84; level 1: 840 / 800 = 1.05; level 2: 840 / 600 = 1.4, readable.
    expect(fitToStage(1920, 840, (_, compact) => byCompact[compact]!)).toEqual({ width: 1200, scale: 1.4, compact: 2 });
    // A stage tall enough for level 1 at 1.4 stops there.
    expect(fitToStage(1920, 1120, (_, compact) => byCompact[compact]!)).toEqual({ width: 1200, scale: 1.4, compact: 1 });
  });

  it('after a change of content, measures the current fit once and keeps it while it is readable', () => {
    const asked: [number, number][] = [];
    const fit = fitToStage(1920, 840, (width, compact) => {
      asked.push([width, compact]);
      return 560;
    }, { width: 1200, scale: 1.6, compact: 1 });
    // 840 / 560 = 1.5: readable, so no search (and no small print brought back).
    expect(fit).toEqual({ width: 1200, scale: 1.5, compact: 1 });
    expect(asked).toEqual([[1200, 1]]);
  });

  it('after a change of content that makes the current fit unreadable, searches on from its compact level', () => {
    const byCompact = [1000, 800, 600];
    const asked: number[] = [];
    const fit = fitToStage(1920, 840, (_, compact) => {
      asked.push(compact);
      return byCompact[compact]!;
    }, { width: 1200, scale: 1.6, compact: 1 });
    expect(fit).toEqual({ width: 1200, scale: 1.4, compact: 2 });
    expect(asked).not.toContain(0);
  });

  it('on a stage too small for a readable fit, a change of content only rescales', () => {
    const asked: number[] = [];
    const fit = fitToStage(1240, 600, (width) => {
      asked.push(width);
      return 900;
    }, { width: 775, scale: 0.7, compact: 2 });
    expect(fit).toEqual({ width: 775, scale: 600 / 900, compact: 2 });
    expect(asked).toEqual([775]);
  });

  it('never shrinks a view below half size', () => {
    expect(fitToStage(1920, 300, () => 10_000).scale).toBe(0.5);
  });
});
