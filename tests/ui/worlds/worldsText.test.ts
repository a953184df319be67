// The page's words and the scatter's geometry: the reading sentence in each case, and points merged per pixel cell by genre.
import { describe, expect, it } from 'vitest';
import type { AcrossWorlds } from '../../../src/engine';
import type { WorldsRun, WorldsSide } from '../../../src/state/worlds';
import { genreCells, POINT } from '../../../src/ui/worlds/scatterPlan';
import { fmtShare, fmtUs, hasScale, MEASURES, readingSentence, uOnScale, WORLDS_INTRO } from '../../../src/ui/worlds/worldsText';

const across = (top10Overlap: number): AcrossWorlds => ({
  unpredictability: 0.000339,
  gini: { mean: 0.9583, sd: 0.00053 },
  top10Overlap,
  successQualitySpearman: { mean: null, sd: null },
});

describe('worlds text', () => {
  it('the intro names MusicLab and the lesson in at most 60 words', () => {
    expect(WORLDS_INTRO.split(/\s+/).length).toBeLessThanOrEqual(60);
    expect(WORLDS_INTRO).toContain('Salganik, Dodds & Watts 2006');
    expect(WORLDS_INTRO).toContain('which song becomes a hit is partly luck');
  });

  it('reads U first, then the top 10, and says why they disagree when they do', () => {
    const side = (u: number, top10Overlap: number, gini: number): AcrossWorlds => ({
      unpredictability: u,
      gini: { mean: gini, sd: 0.001 },
      top10Overlap,
      successQualitySpearman: { mean: null, sd: null },
    });
    const pair = (cur: AcrossWorlds, base: AcrossWorlds, sameStrategy = false) =>
      ({ current: { across: cur }, baseline: { across: base }, sameStrategy }) as unknown as WorldsRun;
    // The measured default against the random baseline (8 worlds, seed 42): more luck by U, more agreement on the top 10.
    expect(readingSentence(pair(side(0.000339, 0.736, 0.958), side(0.000092, 0.146, 0.33)))).toBe(
      'Unpredictability U is 3.39 per\u00a010,000 under the current strategy against 0.92 per\u00a010,000 under the baseline: how big a song gets depends more on its world\'s own history. ' +
        'Two worlds share 73.6% of their top 10 songs under the current strategy and 14.6% under the baseline. ' +
        'The same few songs tend to win, but how far each one wins is up to luck (Gini 0.96 against 0.33: the baseline has hardly any hits to agree on).',
    );
    expect(readingSentence(pair(side(0.0001, 0.2, 0.5), side(0.0003, 0.9, 0.9)))).toBe(
      'Unpredictability U is 1.00 per\u00a010,000 under the current strategy against 3.00 per\u00a010,000 under the baseline: under the baseline, how big a song gets depends more on its world\'s own history. ' +
        'Two worlds share 20.0% of their top 10 songs under the current strategy and 90.0% under the baseline.',
    );
    expect(readingSentence(pair(side(0.0003001, 0.5, 0.5), side(0.0003, 0.5, 0.5)))).toMatch(/^Unpredictability U is about the same under both \(3\.00 per\u00a010,000\)/);
    expect(readingSentence(pair(side(0.0003, 0.5, 0.5), side(0.0003, 0.5, 0.5), true))).toMatch(/same strategy, so both sides are the same runs\.$/);
  });

  it('formats each measure from the engine\'s value, n/a for an undefined ρ', () => {
    const values = Object.fromEntries(MEASURES.map((m) => [m.id, m.show([across(0.8)])]));
    expect(values).toEqual({
      unpredictability: { numbers: ['3.39'], scale: 'per\u00a010,000' },
      gini: { numbers: ['0.96 ± 0.00053'], scale: '' },
      overlap: { numbers: ['80.0%'], scale: '' },
      spearman: { numbers: ['n/a'], scale: '' },
    });
    // Each side's number in order; U of both sides on one scale, its meaning in the glossary.
    const u = MEASURES.find((m) => m.id === 'unpredictability')!;
    expect(u.glossary).toBe('unpredictability');
    expect(u.show([across(0.8), { ...across(0.8), unpredictability: 0.000092 }])).toEqual({ numbers: ['3.39', '0.92'], scale: 'per\u00a010,000' });
    expect([0.0412, 0.00123, 0].map(fmtShare)).toEqual(['4.1%', '0.12%', '0%']);
  });
});

describe('fmtUs', () => {
  it('puts the values on one scale: per the power of ten that makes the largest 1–10, two decimals each', () => {
    // 0.000339 × 10,000 = 3.39 and 0.000092 × 10,000 = 0.92: the measured default against the random baseline.
    expect(fmtUs([0.000339, 0.000092])).toEqual(['3.39 per\u00a010,000', '0.92 per\u00a010,000']);
    // Given either way round, and a value of 0 on the same scale.
    expect(fmtUs([0.000092, 0.000339])).toEqual(['0.92 per\u00a010,000', '3.39 per\u00a010,000']);
    expect(fmtUs([0.0000231, 0])).toEqual(['2.31 per\u00a0100,000', '0.00 per\u00a0100,000']);
    // 0.0009996 × 10,000 = 9.996 would round to "10.00": one power of ten up, 0.9996 → 1.00 per 1,000.
    expect(fmtUs([0.0009996, 0.0005])).toEqual(['1.00 per\u00a01,000', '0.50 per\u00a01,000']);
    expect(fmtUs([0.00345])).toEqual(['3.45 per\u00a01,000']);
  });

  it('from 0.01 up reads as plain decimals, three significant digits of the largest', () => {
    expect(fmtUs([0.0123, 0.004])).toEqual(['0.0123', '0.0040']);
    expect(fmtUs([0.15, 0.092])).toEqual(['0.150', '0.092']);
    expect(fmtUs([0.09996, 0.05])).toEqual(['0.100', '0.050']);
  });

  it('reads 0 for worlds that all agree and n/a for a missing value', () => {
    expect(fmtUs([0, 0])).toEqual(['0', '0']);
    expect(fmtUs([Number.NaN, 0.000339])).toEqual(['n/a', '3.39 per\u00a010,000']);
  });

  it('gives the table the digits and their shared scale apart', () => {
    expect(uOnScale([0.000339, 0.000092])).toEqual({ numbers: ['3.39', '0.92'], scale: 'per\u00a010,000' });
    expect(uOnScale([0.15, 0.092])).toEqual({ numbers: ['0.150', '0.092'], scale: '' });
    expect(hasScale('3.39', 'per\u00a010,000')).toBe(true);
    expect(hasScale('n/a', 'per\u00a010,000')).toBe(false);
    expect(hasScale('0.150', '')).toBe(false);
  });
});

describe('genreCells', () => {
  it('places one square per genre and pixel cell, however many songs and worlds fall in it', () => {
    // Songs 0 and 1 (genre 0) land in the same cell in both worlds; song 2 (genre 1) elsewhere.
    const side = {
      worlds: [{ shares: Float64Array.from([0.5, 0.5, 0]) }, { shares: Float64Array.from([0.5, 0.5, 0]) }],
    } as unknown as WorldsSide;
    const cells = genreCells(side, [0.1, 0.1, 0.9], [0, 0, 1], 3, { x: (q) => q * 100, y: (s) => 100 - s * 100 });
    expect(POINT).toBe(3);
    // (10, 50) → cell (3, 17) → a 3 px square from (7.5, 49.5); (90, 100) → cell (30, 33).
    expect(cells.map((c) => [...c])).toEqual([[7.5, 49.5], [88.5, 97.5], []]);
  });

  it('keeps the squares of different genres in one cell, and each genre in the order its songs come', () => {
    const side = {
      worlds: [{ shares: Float64Array.from([0.5, 0.5, 0.2]) }, { shares: Float64Array.from([0.2, 0.5, 0.5]) }],
    } as unknown as WorldsSide;
    const cells = genreCells(side, [0.1, 0.1, 0.1], [0, 1, 0], 2, { x: (q) => q * 100, y: (s) => 100 - s * 100 });
    // Genre 0: song 0 at share 0.5, song 2 at 0.2 (world 1); song 2 at 0.5 and song 0 at 0.2 repeat those cells.
    expect(cells.map((c) => [...c])).toEqual([[7.5, 49.5, 7.5, 79.5], [7.5, 49.5]]);
  });
});
