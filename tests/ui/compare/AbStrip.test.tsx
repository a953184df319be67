// @vitest-environment jsdom
// The A/B strip: with a run pinned as A, each headline number of A and B at the step shown, and B − A coloured by
// whether it is better for listeners.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, HEADLINE_METRICS, runSimulation, type Params, type StepMetrics } from '../../../src/engine';
import { createAppStore, type PinnedRun } from '../../../src/state/store';
import { AbStrip } from '../../../src/ui/compare/AbStrip';
import { formatDelta, formatHeadline, shownDelta } from '../../../src/ui/compare/format';
import { renderWith, stubActions } from '../helpers';

afterEach(cleanup);

const A: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7 };
const B: Params = { ...A, exploration: 'epsilon', epsilon: 0.1 };
const runA = runSimulation(A);
const runB = runSimulation(B);

/** Which way is better for listeners, by hand, for every headline metric. */
const BETTER: Record<string, 'higher' | 'lower'> = {
  gini: 'lower',
  top1Share: 'lower',
  consumptionHomogenization: 'lower',
  aggregateDiversity: 'higher',
  longTailShareAtStart: 'higher',
  ctr: 'higher',
  meanRelevance: 'higher',
  utilityRegret: 'lower',
  'utilityRegretByTaste.niche': 'lower',
  'hitRate.low': 'higher',
  popularityQualityCorrelation: 'higher',
  tasteKL: 'lower',
};

function pinnedRun(params: Params, rows: readonly StepMetrics[], computing = false): PinnedRun {
  return { scenario: { params, changes: [] }, initial: runA.initial, rows, computing, error: null };
}

/** The app store with A pinned and B (`b`) run to step t. */
function storeAt(t: number, b: Params = B, pinned: PinnedRun = pinnedRun(A, runA.steps)) {
  const store = createAppStore(b, [], { pinned });
  const rows = b === B ? runB.steps : runSimulation(b).steps;
  store.setState({ rows: rows.slice(0, t), t });
  return store;
}

const text = (id: string) => screen.getByTestId(id).textContent;
const deltaCell = (key: string) => document.querySelector(`.ab-cell[data-metric="${key}"] .ab-delta`)!;

describe('AbStrip', () => {
  it('renders nothing without a pinned run', () => {
    const store = createAppStore(B);
    const { container } = renderWith(<AbStrip />, store, stubActions());
    expect(container.innerHTML).toBe('');
  });

  it("shows A, B and B − A for every headline metric at the step shown, equal to the rows' values", () => {
    renderWith(<AbStrip />, storeAt(5), stubActions());
    const a = runA.steps[4]!;
    const b = runB.steps[4]!;
    expect(a.t).toBe(5);
    expect(screen.getByRole('list', { name: 'Headline numbers of A and B at step 5, and B − A' })).toBeTruthy();
    expect(document.querySelectorAll('.ab-cell')).toHaveLength(HEADLINE_METRICS.length);
    for (const metric of HEADLINE_METRICS) {
      const av = metric.pick(a);
      const bv = metric.pick(b);
      expect(text(`ab-a-${metric.key}`), metric.key).toBe(formatHeadline(metric.format, av));
      expect(text(`ab-b-${metric.key}`), metric.key).toBe(formatHeadline(metric.format, bv));
      const delta = av === null || bv === null ? null : bv - av;
      expect(text(`ab-d-${metric.key}`), metric.key).toBe(formatDelta(metric.format, delta));
      // The colour: better when Δ points the way that helps listeners, worse the other way, none without a value.
      const cell = deltaCell(metric.key);
      // A Δ that prints as zero at the precision shown is neither (the Compare table's rule).
      const shown = shownDelta(metric.format, delta);
      const expected =
        shown === null ? null : shown === 0 ? 'is-same' : (shown > 0) === (BETTER[metric.key] === 'higher') ? 'is-better' : 'is-worse';
      for (const cls of ['is-better', 'is-worse', 'is-same']) expect(cell.classList.contains(cls), `${metric.key} ${cls}`).toBe(cls === expected);
    }
    // A few written out: an index to three places, a count whole, a share in percent and points.
    expect(text('ab-a-gini')).toBe(a.gini.toFixed(3));
    expect(text('ab-b-aggregateDiversity')).toBe(String(b.aggregateDiversity));
    expect(text('ab-b-longTailShareAtStart')).toBe(`${(100 * b.longTailShareAtStart).toFixed(1)}%`);
    const dTail = b.longTailShareAtStart - a.longTailShareAtStart;
    expect(text('ab-d-longTailShareAtStart')).toBe(`${dTail >= 0 ? '+' : '−'}${Math.abs(100 * dTail).toFixed(1)} pp`);
  });

  it('a lower Gini for B (exploration spreads plays) is marked better for listeners', () => {
    renderWith(<AbStrip />, storeAt(5), stubActions());
    const a = runA.steps[4]!;
    const b = runB.steps[4]!;
    expect(b.gini).toBeLessThan(a.gini);
    const cell = deltaCell('gini');
    expect(cell.className).toContain('is-better');
    expect(cell.textContent).toContain('✓ better');
    expect(cell.textContent).toContain('better for listeners');
    expect(text('ab-d-gini')).toBe(`−${(a.gini - b.gini).toFixed(3)}`);
  });

  it('a difference that rounds to zero at the precision shown is neutral: "±", no verdict', () => {
    // A is B's run with a Gini 0.00002 higher and a long-tail share 0.00002 lower: B − A prints as
    // ±0.000 and ±0.0 pp, as in the Compare table, and is called neither better nor worse.
    const nudged = runB.steps.map((row) => ({
      ...row,
      gini: row.gini + 0.00002,
      longTailShareAtStart: row.longTailShareAtStart - 0.00002,
    }));
    renderWith(<AbStrip />, storeAt(5, B, pinnedRun(B, nudged)), stubActions());
    expect(text('ab-d-gini')).toBe('±0.000');
    expect(text('ab-d-longTailShareAtStart')).toBe('±0.0 pp');
    for (const key of ['gini', 'longTailShareAtStart']) {
      const cell = deltaCell(key);
      expect(cell.textContent, key).not.toMatch(/better|worse/);
      expect(cell.className, key).not.toMatch(/is-better|is-worse/);
    }
  });

  it('at step 0, asks to play or step and shows no numbers', () => {
    renderWith(<AbStrip />, storeAt(0), stubActions());
    expect(screen.getByText(/Play or step: A and B advance together/)).toBeTruthy();
    expect(document.querySelector('.ab-grid')).toBeNull();
  });

  it('while A is still being computed beyond its rows, its numbers read …', () => {
    renderWith(<AbStrip />, storeAt(5, B, pinnedRun(A, runA.steps.slice(0, 3), true)), stubActions());
    expect(text('ab-a-gini')).toBe('…');
    expect(text('ab-b-gini')).toBe(runB.steps[4]!.gini.toFixed(3));
    expect(text('ab-d-gini')).toBe('n/a');
  });

  it('says when A and B are not on the same world and seed', () => {
    renderWith(<AbStrip />, storeAt(2, { ...B, seed: 8 }), stubActions());
    expect(screen.getByRole('note').textContent).toContain('A and B differ in Seed');
  });

  it('hints to change a setting only while B is still A', () => {
    const { unmount } = renderWith(<AbStrip />, storeAt(2, A), stubActions());
    expect(screen.queryByText(/Change any setting/)).toBeTruthy();
    unmount();
    renderWith(<AbStrip />, storeAt(2), stubActions());
    expect(screen.queryByText(/Change any setting/)).toBeNull();
  });

  it('two different custom settings are not the same run', () => {
    const a: Params = { ...A, popularityPenalty: 0.3 };
    const b: Params = { ...A, popularityPenalty: 0.4 };
    renderWith(<AbStrip />, storeAt(2, b, pinnedRun(a, runSimulation(a).steps)), stubActions());
    expect(screen.queryByText(/Change any setting/)).toBeNull();
  });

  it('Unpin A calls unpin', () => {
    const actions = stubActions();
    renderWith(<AbStrip />, storeAt(2), actions);
    fireEvent.click(screen.getByRole('button', { name: 'Unpin A' }));
    expect(actions.unpin).toHaveBeenCalledTimes(1);
  });
});
