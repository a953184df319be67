// How the compare page prints a headline value and a difference: shares as % and points, indices to three places, counts whole.
import { describe, expect, it } from 'vitest';
import { formatDelta, formatHeadline } from '../../../src/ui/compare/format';

describe('formatHeadline', () => {
  it('a share as a percentage to one place', () => {
    expect(formatHeadline('percent', 0.1234)).toBe('12.3%');
    expect(formatHeadline('percent', 0.5)).toBe('50.0%');
    expect(formatHeadline('percent', 0)).toBe('0.0%');
    expect(formatHeadline('percent', 1)).toBe('100.0%');
  });

  it('an index to three places', () => {
    expect(formatHeadline('index', 0.91234)).toBe('0.912');
    expect(formatHeadline('index', 1.2479)).toBe('1.248');
    expect(formatHeadline('index', 0)).toBe('0.000');
  });

  it('a count whole, with thousands separators', () => {
    expect(formatHeadline('count', 1204)).toBe('1,204');
    expect(formatHeadline('count', 1234567.6)).toBe('1,234,568');
    expect(formatHeadline('count', 73)).toBe('73');
  });

  it('n/a where the metric is undefined', () => {
    expect(formatHeadline('percent', null)).toBe('n/a');
    expect(formatHeadline('index', undefined)).toBe('n/a');
    expect(formatHeadline('count', NaN)).toBe('n/a');
    expect(formatHeadline('index', Infinity)).toBe('n/a');
  });
});

describe('formatDelta', () => {
  it('a difference of shares in percentage points, signed', () => {
    expect(formatDelta('percent', 0.032)).toBe('+3.2 pp');
    expect(formatDelta('percent', -0.105)).toBe('−10.5 pp');
    expect(formatDelta('percent', 0)).toBe('±0.0 pp');
  });

  it('a difference of indices to three places, with a true minus sign', () => {
    expect(formatDelta('index', -0.12)).toBe('−0.120');
    expect(formatDelta('index', 0.5)).toBe('+0.500');
    expect(formatDelta('index', 0)).toBe('±0.000');
  });

  it('a difference of counts whole, signed, with thousands separators', () => {
    expect(formatDelta('count', 412)).toBe('+412');
    expect(formatDelta('count', -1204)).toBe('−1,204');
    expect(formatDelta('count', 12345.4)).toBe('+12,345');
    expect(formatDelta('count', 0)).toBe('0');
  });

  it('n/a when there is no difference to show', () => {
    expect(formatDelta('percent', null)).toBe('n/a');
    expect(formatDelta('index', NaN)).toBe('n/a');
  });
});
