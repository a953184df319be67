// @vitest-environment jsdom
// The headline numbers show the latest step against the start, and undefined hit rates as n/a, not 0%;
// the run data shows the raw row and offers the exports.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, type InitialMetrics, type StepMetrics } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { KeyNumbers, RunData } from '../../src/ui/KeyNumbers';
import { StoreProvider } from '../../src/ui/storeContext';

afterEach(cleanup);

const row: StepMetrics = {
  t: 7, gini: 0.91234, top1Share: 0.4, top10Share: 0.8, exposureGini: 0.99, aggregateDiversity: 10, coverage: 0.005,
  longTailShare: 0, longTailShareAtStart: 0.1, hitRate: { low: null, mid: 0, high: 0.25 }, hitRateN: { low: 0, mid: 12, high: 40 },
  hitRateAtStart: { low: 0.5, mid: 0.02, high: 0.2 }, hitRateAtStartN: { low: 3, mid: 11, high: 38 },
  homogenization: 1, consumptionHomogenization: 0.123, repeatRate: 1, headClickShare: 1, ctr: 0.05, clicks: 50, impressions: 1000, meanRelevance: 0.2,
  popularityQualityCorrelation: 0.5, newSongImpressionShare: null, newSongClickShare: null, calibrationKL: 0.2,
  tasteKL: 0.4, utilityRegret: 0.3, utilityRegretByTaste: { mainstream: 0.2, niche: 0.3 }, relevanceEstimateError: 0.05,
};

const initial: InitialMetrics = {
  gini: 0.9, top1Share: 0.35, top10Share: 0.7, longTailSize: 1900, songs: 2000, bucketSizes: { low: 1500, mid: 400, high: 100 },
  listenersByTaste: { mainstream: 1234, niche: 56 },
};

describe('KeyNumbers', () => {
  it('renders nothing before the world exists, and dashes at step 0 so the page does not move at step 1', () => {
    const { container } = render(<StoreProvider store={createAppStore(defaultParams())}><KeyNumbers /></StoreProvider>);
    expect(container.innerHTML).toBe('');
    cleanup();
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    expect(screen.getByRole('region', { name: 'Latest step' })).toBeTruthy();
    expect(screen.getByTestId('gini').textContent).toBe('\u2014');
    expect(screen.getByText('start 0.90')).toBeTruthy();
    expect(screen.getByTestId('aggregate-diversity').textContent).toBe('\u2014');
  });

  it('shows the latest step, the start for comparison, and n/a for an undefined hit rate', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /><RunData /></StoreProvider>);
    // The charts' formats: an index with two decimals, a share with one.
    expect(screen.getByTestId('gini').textContent).toBe('0.91');
    expect(screen.getByText('start 0.90')).toBeTruthy();
    expect(screen.getByText('40.0%')).toBeTruthy();
    expect(screen.getByText('n/a')).toBeTruthy();
    expect(screen.getByText('25.0%')).toBeTruthy();
    expect(JSON.parse(screen.getByTestId('last-row-json').textContent!)).toEqual(row);
    expect(screen.getByText('All metrics of step 7 as JSON')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows listening alike and the regret of niche and mainstream listeners, with the group sizes', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    expect(screen.getByText('Listening alike')).toBeTruthy();
    expect(screen.getByTestId('consumption-homogenization').textContent).toBe('0.12');
    expect(screen.getByText('Regret, niche / mainstream')).toBeTruthy();
    expect(screen.getByTestId('regret-by-taste').textContent).toBe('0.30 / 0.20'); // niche first
    expect(screen.getByText('56 / 1,234 listeners')).toBeTruthy();
  });

  it('shows the taste KL, and explains each new number in a tip tied to it', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    expect(screen.getByTestId('taste-kl').textContent).toBe('0.400');
    const tips = screen.getAllByRole('tooltip');
    expect(tips.map((t) => t.textContent)).toEqual([
      expect.stringMatching(/^Consumption homogenization:/),
      expect.stringMatching(/^Utility regret:/),
      expect.stringMatching(/^Taste KL:/),
      expect.stringMatching(/^How far the ranker's estimate/),
    ]);
    // Each tip describes the stat that holds it, and that stat can take focus.
    for (const tip of tips) {
      const stat = tip.closest('.stat') as HTMLElement;
      expect(stat.getAttribute('aria-describedby')).toBe(tip.id);
      expect(stat.tabIndex).toBe(0);
    }
  });

  it('shows one help tip at a time: pointing at or focusing another stat closes the first; Esc closes it', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    const [alike, regret, kl] = screen.getAllByRole('tooltip').map((t) => t.closest('.stat') as HTMLElement);
    const open = () => screen.getAllByRole('tooltip').filter((t) => t.hasAttribute('data-open')).map((t) => t.textContent!.split(':')[0]);
    expect(open()).toEqual([]);
    fireEvent.focus(alike!);
    expect(open()).toEqual(['Consumption homogenization']);
    // Pointing at another stat while the first keeps focus: the tips do not stack.
    fireEvent.pointerEnter(regret!);
    expect(open()).toEqual(['Utility regret']);
    fireEvent.pointerLeave(regret!);
    expect(open()).toEqual([]);
    fireEvent.focus(kl!);
    expect(open()).toEqual(['Taste KL']);
    fireEvent.keyDown(kl!, { key: 'Escape' });
    expect(open()).toEqual([]);
    // A tap focuses the stat and opens its tip; the finger lifting ("leaving") does not close it.
    fireEvent.pointerEnter(alike!, { pointerType: 'touch' });
    fireEvent.focus(alike!);
    fireEvent.pointerLeave(alike!, { pointerType: 'touch' });
    expect(open()).toEqual(['Consumption homogenization']);
  });

  it('explains Gini, Jaccard and KL in glossary popovers', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    for (const [word, term] of [
      ['Gini', 'Gini coefficient'],
      ['Jaccard', 'Jaccard overlap'],
      ['KL', 'KL divergence'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: word }));
      expect(screen.getByRole('dialog', { name: term })).toBeTruthy();
    }
    // Opening one closed the others.
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });

  it('shows the latest row, and n/a for an undefined listening alike or regret of one group', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().appendRows([row, { ...row, t: 8, consumptionHomogenization: 0.5, utilityRegretByTaste: { mainstream: 0.0625, niche: 0.75 } }]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    expect(screen.getByTestId('consumption-homogenization').textContent).toBe('0.50');
    expect(screen.getByTestId('regret-by-taste').textContent).toBe('0.75 / 0.06');
    cleanup();
    const empty = createAppStore(defaultParams());
    empty.getState().resetHistory({ ...initial, listenersByTaste: { mainstream: 40, niche: 0 } });
    empty.getState().appendRows([{ ...row, consumptionHomogenization: null, utilityRegretByTaste: { mainstream: 0.125, niche: null } }]);
    render(<StoreProvider store={empty}><KeyNumbers /></StoreProvider>);
    expect(screen.getByTestId('consumption-homogenization').textContent).toBe('n/a');
    expect(screen.getByTestId('regret-by-taste').textContent).toBe('n/a / 0.13');
    expect(screen.getByText('0 / 40 listeners')).toBeTruthy();
  });

  it('labels the hit-rate buckets with the bucket edges in use', () => {
    const store = createAppStore({ ...defaultParams(), bucketThresholds: [50, 5000] });
    store.getState().resetHistory(initial);
    store.getState().appendRows([row]);
    render(<StoreProvider store={store}><KeyNumbers /></StoreProvider>);
    expect(screen.getByText('Hit rate, <50 plays')).toBeTruthy();
    expect(screen.getByText('Hit rate, 50–5,000')).toBeTruthy();
    expect(screen.getByText('Hit rate, >5,000')).toBeTruthy();
  });

  it('disables the exports before the first step', () => {
    render(<StoreProvider store={createAppStore(defaultParams())}><RunData /></StoreProvider>);
    expect((screen.getByRole('button', { name: 'Export JSON' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
