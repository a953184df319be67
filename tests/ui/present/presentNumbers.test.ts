// Present mode's headline changes: from step 0 where a metric exists then, else from its first step.
import { describe, expect, it } from 'vitest';
import { changeNumbers } from '../../../src/ui/present/presentNumbers';
import { initial, row } from '../views/fixtures';

describe('changeNumbers', () => {
  it('reads the Gini from step 0 and now', () => {
    const numbers = changeNumbers('rich-get-richer', initial, [row(1), row(2, { gini: 0.93, top1Share: 0.4 })]);
    expect(numbers).toEqual([
      { label: 'Gini of plays', from: '0.78', to: '0.93', fromStep: 0 },
      { label: 'Top 1% of songs hold', from: '28%', to: '40%', fromStep: 0 },
    ]);
  });

  it('never rounds a share that is not all or none to 100% or 0% (the loop diagram says 99.9%)', () => {
    const numbers = changeNumbers('hit-rate', initial, [
      row(1, { hitRate: { low: 0.012, mid: 0.1, high: 0.9996 } }),
      row(2, { hitRate: { low: 0.004, mid: 0.1, high: 1 } }),
    ]);
    expect(numbers).toEqual([
      { label: 'Hit rate, rare songs', from: '1%', to: '0.4%', fromStep: 1 },
      { label: 'Hit rate, popular songs', from: '>99.9%', to: '100%', fromStep: 1 },
    ]);
    expect(changeNumbers('loop', initial, [row(1, { headClickShare: 0.999 })])[1]).toMatchObject({ to: '99.9%' });
    expect(changeNumbers('loop', initial, [row(1, { headClickShare: 0 })])[1]).toMatchObject({ to: '0%' });
  });

  it('reads slate metrics from the first step that has them', () => {
    const numbers = changeNumbers('diversity', initial, [
      row(1, { aggregateDiversity: 1656, consumptionHomogenization: null }),
      row(2, { aggregateDiversity: 900, consumptionHomogenization: 0.01 }),
      row(3, { aggregateDiversity: 50, consumptionHomogenization: 0.42 }),
    ]);
    expect(numbers).toEqual([
      { label: 'Distinct songs per step', from: '1,656', to: '50', fromStep: 1 },
      { label: 'Listening alike', from: '0.01', to: '0.42', fromStep: 2 },
    ]);
  });

  it('shows nothing yet before the first step, except what step 0 has', () => {
    expect(changeNumbers('diversity', initial, [])).toEqual([
      { label: 'Distinct songs per step', from: null, to: null, fromStep: null },
      { label: 'Listening alike', from: null, to: null, fromStep: null },
    ]);
    expect(changeNumbers('unknown-view', initial, [row(1)])).toEqual([]);
  });
});
