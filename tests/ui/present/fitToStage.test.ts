// Present mode's fit: the largest scale, found by laying the view out wider (or narrower) and shedding small print only when needed.
import { describe, expect, it } from 'vitest';
import { fitToStage, READABLE_SCALE, TARGET_SCALE } from '../../../src/ui/present/FitToStage';

describe('fitToStage', () => {
  it('reads 13 px chart text as 20 px at the readable scale', () => {
    expect(13 * READABLE_SCALE).toBeCloseTo(20, 5);
    expect(TARGET_SCALE).toBeGreaterThan(READABLE_SCALE);
  });

  it('leaves a phone-sized stage at its own size', () => {
    expect(fitToStage(390, 700, () => 5000)).toEqual({ width: 390, scale: 1, compact: 0 });
  });

  it('lays a view that fits out at the stage width over the target scale, with all its text', () => {
    const asked: number[] = [];
    const fit = fitToStage(1920, 900, (width) => {
      asked.push(width);
      return 400;
    });
    expect(fit).toEqual({ width: Math.floor(1920 / TARGET_SCALE), scale: TARGET_SCALE, compact: 0 });
    // (400 + 1) × 1.8 = 722 ≤ 900: no other layout was tried.
    expect(asked).toEqual([1066]);
  });

  it('on a wide, short stage lays a tall view out wider (its charts side by side) instead of scaling a narrow column down', () => {
    // A 1280 × 800 projector: at 1000 px and wider the view takes one more column and is 550 tall, else 900.
    const fit = fitToStage(1240, 668, (width) => (width >= 1000 ? 550 : 900));
    // 1240 / 1.15 = 1078 px wide, 551 × 1.15 = 634 ≤ 668: drawn at 1.15 (narrower layouts only reach 668 / 901 = 0.74).
    expect(fit).toEqual({ width: 1078, scale: 1240 / 1078, compact: 0 });
  });

  it('lays a view out wider than the stage and scales it down when that is the largest it can be drawn', () => {
    const fit = fitToStage(1240, 668, (width) => (width >= 1500 ? 500 : 1200));
    expect(fit).toEqual({ width: 1550, scale: 0.8, compact: 0 });
  });

  it('sheds the panels\u2019 hints, then the explanation, only until the view is readable', () => {
    const byCompact = [1000, 800, 560];
    // Level 0: 900 / 1001 = 0.9; level 1: 900 / 801 = 1.12; level 2: 900 / 561 = 1.6, readable.
    expect(fitToStage(1920, 900, (_, compact) => byCompact[compact]!)).toEqual({ width: 1066, scale: 900 / 561, compact: 2 });
    // A stage tall enough for level 1 at a readable scale stops there.
    expect(fitToStage(1920, 1300, (_, compact) => byCompact[compact]!)).toEqual({ width: 1066, scale: 1300 / 801, compact: 1 });
  });

  it('sheds one level more when a level is only just readable, so a label that wraps later does not make it unreadable', () => {
    // Level 0: 900 / 581 = 1.549, readable (1.538) but within 3% of it; level 1: 900 / 541 = 1.664.
    const byCompact = [580, 540, 500];
    expect(fitToStage(1920, 900, (_, compact) => byCompact[compact]!)).toEqual({ width: 1066, scale: 900 / 541, compact: 1 });
  });

  it('after a change of content, measures the current fit once and keeps it while it is readable', () => {
    const asked: [number, number][] = [];
    const fit = fitToStage(1920, 840, (width, compact) => {
      asked.push([width, compact]);
      return 500;
    }, { width: 1066, scale: 1.8, compact: 1 });
    // 840 / 501 = 1.68: readable, so no search (and no small print brought back).
    expect(fit).toEqual({ width: 1066, scale: 840 / 501, compact: 1 });
    expect(asked).toEqual([[1066, 1]]);
  });

  it('after a change of content that makes the current fit unreadable, searches on from its compact level', () => {
    const byCompact = [1000, 800, 500];
    const asked: number[] = [];
    const fit = fitToStage(1920, 840, (_, compact) => {
      asked.push(compact);
      return byCompact[compact]!;
    }, { width: 1066, scale: 1.8, compact: 1 });
    expect(fit).toEqual({ width: 1066, scale: 840 / 501, compact: 2 });
    expect(asked).not.toContain(0);
  });

  it('on a stage too small for a readable fit, a change of content only rescales', () => {
    const asked: number[] = [];
    const fit = fitToStage(1240, 600, (width) => {
      asked.push(width);
      return 900;
    }, { width: 775, scale: 0.7, compact: 2 });
    expect(fit).toEqual({ width: 775, scale: 600 / 901, compact: 2 });
    expect(asked).toEqual([775]);
  });

  it('never shrinks a view below half size', () => {
    expect(fitToStage(1920, 300, () => 10_000).scale).toBe(0.5);
  });
});
