// @vitest-environment jsdom
// The compare table: a row per headline metric, each arm's value at the step shown and its Δ from arm A; with a
// spread over seeds, median [p10, p90] and overlapping bands labelled as possible noise.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, findPreset, HEADLINE_METRICS, runSimulation, type Params, type StepMetrics } from '../../../src/engine';
import { createCompareStore, presetArm, type ArmRun, type CompareStore, type SeedSpread } from '../../../src/state/compare';
import type { CompareSession } from '../../../src/state/compareSession';
import { CompareTable } from '../../../src/ui/compare/CompareTable';
import { formatDelta, formatHeadline, shownDelta } from '../../../src/ui/compare/format';
import { CompareContext } from '../../../src/ui/compare/useCompare';

afterEach(cleanup);

const shared: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7 };
const LOOP: Params = shared;
const EPSILON: Params = { ...shared, exploration: 'epsilon', epsilon: 0.1 };
const THOMPSON: Params = { ...shared, exploration: 'thompson' };
const NAMES = ['loop-forms', 'epsilon-exploration', 'thompson-sampling'];

/** The headline metrics in reading order, and which way is better for listeners, by hand. */
const BETTER: [string, 'higher' | 'lower'][] = [
  ['gini', 'lower'],
  ['top1Share', 'lower'],
  ['consumptionHomogenization', 'lower'],
  ['aggregateDiversity', 'higher'],
  ['longTailShareAtStart', 'higher'],
  ['ctr', 'higher'],
  ['meanRelevance', 'higher'],
  ['utilityRegret', 'lower'],
  ['utilityRegretByTaste.niche', 'lower'],
  ['hitRate.low', 'higher'],
  ['popularityQualityCorrelation', 'higher'],
  ['tasteKL', 'lower'],
];

function armRun(params: Params): ArmRun {
  const run = runSimulation(params);
  return { initial: run.initial, rows: run.steps, status: 'done', error: null };
}

const RUNS = [armRun(LOOP), armRun(EPSILON), armRun(THOMPSON)];

function storeWith(patch: Partial<ReturnType<CompareStore['getState']>> = {}): CompareStore {
  const store = createCompareStore(shared, NAMES.map((n) => presetArm(n)!));
  store.setState({ runs: RUNS, shown: 4, ...patch });
  return store;
}

function show(store: CompareStore) {
  // The table reads only the store; a session it never calls stands in.
  return render(
    <CompareContext.Provider value={{ store, session: {} as unknown as CompareSession }}>
      <CompareTable />
    </CompareContext.Provider>,
  );
}

/** The cells of a metric's row: arm A, B, C. */
const cellsOf = (key: string) => [...document.querySelectorAll(`tr[data-metric="${key}"] td`)] as HTMLElement[];
const part = (cell: HTMLElement, cls: string) => cell.querySelector(`.${cls}`)?.textContent ?? null;

describe('CompareTable, one seed', () => {
  it('has a row per headline metric, in order, and a column per arm named by its preset', () => {
    show(storeWith());
    const rows = [...document.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-metric'));
    expect(rows).toEqual(BETTER.map(([key]) => key));
    expect(HEADLINE_METRICS.map((m) => m.key)).toEqual(rows);
    const heads = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Metric', ...NAMES.map((n, i) => `${i + 1} ${findPreset(n)!.title}`)]);
    expect(document.querySelector('caption')!.textContent).toBe('At step 4 · seed 7 · Δ is each arm minus arm 1');
  });

  it("shows each arm's value at the step shown and its Δ from arm A, coloured by the metric's direction", () => {
    show(storeWith());
    const rowsAt4 = RUNS.map((r) => r.rows[3]!);
    expect(rowsAt4.map((r) => r.t)).toEqual([4, 4, 4]);
    for (const [key, better] of BETTER) {
      const metric = HEADLINE_METRICS.find((m) => m.key === key)!;
      const values = rowsAt4.map((r) => metric.pick(r));
      const cells = cellsOf(key);
      expect(cells).toHaveLength(3);
      // Arm A has no Δ.
      expect(part(cells[0]!, 'ct-delta')).toBeNull();
      cells.forEach((cell, i) => expect(part(cell, 'ct-value'), `${key} ${i}`).toBe(formatHeadline(metric.format, values[i])));
      for (const i of [1, 2]) {
        const a = values[0]!;
        const v = values[i]!;
        const delta = a === null || v === null ? null : v - a;
        const el = cells[i]!.querySelector('.ct-delta')!;
        expect(el.textContent!.startsWith(formatDelta(metric.format, delta)), `${key} ${i}`).toBe(true);
        // A Δ that prints as zero at the precision shown is neither better nor worse (as in the A|B strip).
        const shown = shownDelta(metric.format, delta);
        const expected = shown === null ? null : shown === 0 ? 'is-same' : (shown > 0) === (better === 'higher') ? 'is-better' : 'is-worse';
        for (const cls of ['is-better', 'is-worse', 'is-same']) expect(el.classList.contains(cls), `${key} ${i} ${cls}`).toBe(cls === expected);
        expect(el.classList.contains('is-noise')).toBe(false);
        if (expected === 'is-better') expect(el.textContent).toContain('✓ better');
        if (expected === 'is-worse') expect(el.textContent).toContain('✗ worse');
      }
    }
    // One written out: distinct songs shown, a count, whole, and its signed difference.
    const [a, b] = rowsAt4;
    expect(part(cellsOf('aggregateDiversity')[1]!, 'ct-value')).toBe(String(b!.aggregateDiversity));
    const d = b!.aggregateDiversity - a!.aggregateDiversity;
    expect(part(cellsOf('aggregateDiversity')[1]!, 'ct-delta')!.startsWith(d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0')).toBe(true);
  });

  it('at step 0, asks to play and shows n/a', () => {
    show(storeWith({ shown: 0 }));
    expect(document.querySelector('caption')!.textContent).toContain('Play or step to fill the table.');
    const cells = cellsOf('gini');
    expect(part(cells[0]!, 'ct-value')).toBe('n/a');
    expect(part(cells[1]!, 'ct-delta')).toBe('n/a');
  });

  it('exports only once every arm has rows', () => {
    show(storeWith());
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Export JSON' }) as HTMLButtonElement).disabled).toBe(false);
    cleanup();
    show(storeWith({ runs: [RUNS[0]!, null, RUNS[2]!] }));
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('CompareTable, spread over seeds', () => {
  const template = RUNS[0]!.rows;
  /** Rows of one seed's run whose step-4 row has these values. */
  const runWith = (gini: number, top1Share: number): StepMetrics[] => template.map((r) => (r.t === 4 ? { ...r, gini, top1Share } : r));
  // Gini per arm over five seeds (A given out of order: the spread sorts), and top 1% share.
  const GINI = [
    [0.3, 0.5, 0.1, 0.4, 0.2],
    [0.35, 0.45, 0.55, 0.65, 0.75],
    [0.8, 0.85, 0.9, 0.95, 1.0],
  ];
  const TOP1 = [
    [0.1, 0.2, 0.3, 0.4, 0.5],
    [0.01, 0.02, 0.03, 0.04, 0.05],
    [0.1, 0.2, 0.3, 0.4, 0.5],
  ];
  const spread = (runs: StepMetrics[][][], finished: number, total = 15): SeedSpread => ({
    seeds: [7, 8, 9, 10, 11],
    runs,
    finished,
    total,
    status: finished === total ? 'done' : 'cancelled',
    error: null,
  });
  const full = () => GINI.map((g, a) => g.map((v, s) => runWith(v, TOP1[a]![s]!)));

  it('shows median [p10, p90] per arm, computed over the seeds', () => {
    show(storeWith({ spread: spread(full(), 15) }));
    expect(document.querySelector('caption')!.textContent).toBe('At step 4 · median [10th, 90th percentile] over 5 seeds · Δ is each arm minus arm 1');
    // Five values: the median is the third; p10 = x1 + 0.4·(x2 − x1); p90 = x4 + 0.6·(x5 − x4).
    const gini = cellsOf('gini');
    expect(gini.map((c) => part(c, 'ct-value'))).toEqual(['0.300', '0.550', '0.900']);
    expect(gini.map((c) => part(c, 'ct-band'))).toEqual(['[0.140, 0.460]', '[0.390, 0.710]', '[0.820, 0.980]']);
    const top1 = cellsOf('top1Share');
    expect(top1.map((c) => part(c, 'ct-value'))).toEqual(['30.0%', '3.0%', '30.0%']);
    expect(top1.map((c) => part(c, 'ct-band'))).toEqual(['[14.0%, 46.0%]', '[1.4%, 4.6%]', '[14.0%, 46.0%]']);
  });

  it('Δ is between medians; overlapping bands are marked "may be noise", apart ones get their verdict', () => {
    show(storeWith({ spread: spread(full(), 15) }));
    const gini = cellsOf('gini').map((c) => c.querySelector('.ct-delta'));
    // B: 0.550 − 0.300, bands [0.14, 0.46] and [0.39, 0.71] overlap.
    expect(gini[1]!.textContent).toBe('+0.250 bands overlap: may be noise');
    expect(gini[1]!.classList.contains('is-noise')).toBe(true);
    expect(gini[1]!.classList.contains('is-worse')).toBe(true);
    // C: 0.900 − 0.300, bands apart; a higher Gini is worse.
    expect(gini[2]!.textContent).toBe('+0.600 ✗ worse');
    expect(gini[2]!.classList.contains('is-noise')).toBe(false);
    const top1 = cellsOf('top1Share').map((c) => c.querySelector('.ct-delta'));
    // B: 3.0% − 30.0% with bands apart; a lower top share is better.
    expect(top1[1]!.textContent).toBe('−27.0 pp ✓ better');
    expect(top1[1]!.classList.contains('is-better')).toBe(true);
    // C: the same values as A: no difference, and the bands coincide.
    expect(top1[2]!.textContent).toBe('±0.0 pp bands overlap: may be noise');
  });

  it('uses only the seeds finished so far', () => {
    const runs = full();
    // Arm A: two of five seeds finished, gini 0.3 and 0.5 (the others not yet).
    runs[0] = runs[0]!.map((rows, s) => (s < 2 ? rows : []));
    show(storeWith({ spread: spread(runs, 12) }));
    // Two values: median 0.4; p10 = 0.3 + 0.1·0.2 = 0.32; p90 = 0.3 + 0.9·0.2 = 0.48.
    const a = cellsOf('gini')[0]!;
    expect(part(a, 'ct-value')).toBe('0.400');
    expect(part(a, 'ct-band')).toBe('[0.320, 0.480]');
  });

  it('before any seed has finished, the table shows the single seed', () => {
    const none = GINI.map((g) => g.map(() => [] as StepMetrics[]));
    show(storeWith({ spread: { ...spread(none, 0), status: 'running' } }));
    expect(document.querySelector('caption')!.textContent).toContain('seed 7');
    expect(part(cellsOf('gini')[0]!, 'ct-band')).toBeNull();
    expect(part(cellsOf('gini')[0]!, 'ct-value')).toBe(formatHeadline('index', RUNS[0]!.rows[3]!.gini));
    expect(within(document.querySelector('table')!).queryByText(/may be noise/)).toBeNull();
  });
});
