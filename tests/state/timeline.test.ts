// The timeline of live changes in a link: `at=T:key=value` read and written, and the markers it comes from.
import { describe, expect, it } from 'vitest';
import type { MarkerEntry } from '../../src/state/store';
import { changesOfMarkers, formatChange, parseChange } from '../../src/state/timeline';

describe('parseChange', () => {
  it('reads a live change at a step', () => {
    expect(parseChange('40:exploration=epsilon', 100)).toEqual({ ok: true, change: { t: 40, key: 'exploration', value: 'epsilon' } });
    expect(parseChange('2:epsilon=0.25', 100)).toEqual({ ok: true, change: { t: 2, key: 'epsilon', value: 0.25 } });
    expect(parseChange('7:bucketThresholds=50,500', 10)).toEqual({ ok: true, change: { t: 7, key: 'bucketThresholds', value: [50, 500] } });
  });

  it('refuses what cannot be replayed, saying why', () => {
    expect(parseChange('exploration=epsilon', 100)).toEqual({ ok: false, reason: 'must look like STEP:parameter=value, e.g. 40:exploration=epsilon' });
    expect(parseChange('40:nonsense=1', 100)).toEqual({ ok: false, reason: 'names no parameter' });
    expect(parseChange('40:users=10', 100)).toEqual({ ok: false, reason: 'users cannot change mid-run (it needs a new world)' });
    expect(parseChange('40:steps=200', 100)).toEqual({ ok: false, reason: 'the run length is set with steps=, not at=' });
    expect(parseChange('1:exploration=epsilon', 100)).toEqual({ ok: false, reason: "the step must be from 2 to 100 (the run's length)" });
    expect(parseChange('101:exploration=epsilon', 100)).toEqual({ ok: false, reason: "the step must be from 2 to 100 (the run's length)" });
    expect(parseChange('40:epsilon=2', 100)).toEqual({ ok: false, reason: 'epsilon must be a number from 0 to 1' });
  });

  it('writes what it reads', () => {
    for (const text of ['40:exploration=epsilon', '2:epsilon=0.25', '7:bucketThresholds=50,500']) {
      const read = parseChange(text, 100);
      expect(read.ok && formatChange(read.change)).toBe(text);
    }
  });
});

describe('changesOfMarkers', () => {
  it('lists each part of each marker at its step, values typed again', () => {
    const markers: MarkerEntry[] = [
      { t: 40, label: '', parts: [{ key: 'exploration', from: 'none', to: 'epsilon', text: '' }, { key: 'epsilon', from: '0.1', to: '0.2', text: '' }] },
      { t: 60, label: '', parts: [{ key: 'exploration', from: 'epsilon', to: 'none', text: '' }] },
    ];
    expect(changesOfMarkers(markers)).toEqual([
      { t: 40, key: 'exploration', value: 'epsilon' },
      { t: 40, key: 'epsilon', value: 0.2 },
      { t: 60, key: 'exploration', value: 'none' },
    ]);
  });
});
