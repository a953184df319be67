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
