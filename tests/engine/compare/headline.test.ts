// The sign of a difference read against each metric's direction.
import { describe, expect, it } from 'vitest';
import { deltaVerdict, headlineDelta, headlineMetric, HEADLINE_METRICS } from '../../../src/engine';
import { csvColumns } from '../../../src/engine/output';
import { runSimulation, defaultParams } from '../../../src/engine';

describe('headline metrics', () => {
  it('a lower Gini is better, a higher hit rate is better', () => {
    expect(deltaVerdict(headlineMetric('gini')!, -0.1)).toBe('better');
    expect(deltaVerdict(headlineMetric('gini')!, 0.1)).toBe('worse');
    expect(deltaVerdict(headlineMetric('hitRate.low')!, 0.02)).toBe('better');
    expect(deltaVerdict(headlineMetric('hitRate.low')!, -0.02)).toBe('worse');
    expect(deltaVerdict(headlineMetric('gini')!, 0)).toBe('same');
    expect(deltaVerdict(headlineMetric('gini')!, null)).toBeNull();
    expect(deltaVerdict({ better: null }, 1)).toBeNull();
  });
  it('B − A, or null when a side is undefined', () => {
    expect(headlineDelta(0.25, 0.75)).toBe(0.5);
    expect(headlineDelta(null, 0.75)).toBeNull();
  });
  it('each key names a CSV column and picks that column', () => {
    const row = runSimulation({ ...defaultParams(), users: 30, songs: 60, steps: 2 }).steps[1]!;
    const columns = csvColumns(row);
    for (const metric of HEADLINE_METRICS) {
      expect(columns).toContain(metric.key);
      const value = metric.key.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], row);
      expect(metric.pick(row)).toBe(value);
    }
  });
});
