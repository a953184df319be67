// The charts' text alternatives: the trend from the first value to the last, in exact, hand-checked words.
import { describe, expect, it } from 'vitest';
import { fmtIndex, fmtInt, fmtPct } from '../../../src/ui/views/format';
import type { Point } from '../../../src/ui/views/timeSeries';
import { changesSentence, describeSeries, trendSentence } from '../../../src/ui/views/trendText';

const pts = (...pairs: [number, number | null][]): Point[] => pairs.map(([t, v]) => ({ t, v }));

describe('trendSentence', () => {
  it('says a rising series rose, from where and when to where and when', () => {
    expect(
      trendSentence(pts([0, 0.78], [1, 0.8], [40, 0.93]), {
        label: 'Gini of plays',
        format: fmtIndex,
      }),
    ).toBe('Gini of plays rose from 0.78 at step 0 to 0.93 at step 40.');
  });

  it('says a falling series fell, with its unit after the latest value', () => {
    expect(
      trendSentence(pts([1, 1983], [2, 1500], [40, 143]), {
        label: 'Distinct songs shown',
        format: fmtInt,
        unit: ' songs',
      }),
    ).toBe('Distinct songs shown fell from 1,983 at step 1 to 143 songs at step 40.');
  });

  it('says a flat series stayed, judged by the printed values', () => {
    expect(
      trendSentence(pts([2, 0.7], [3, 0.7001], [4, 0.7]), { label: 'Repeat rate', format: fmtPct }),
    ).toBe('Repeat rate stayed at 70.0% from step 2 to step 4.');
  });

  it('names a high or low beyond both ends, in step order', () => {
    expect(
      trendSentence(pts([2, 0.7], [3, 0.9], [4, 0.7]), { label: 'Repeat rate', format: fmtPct }),
    ).toBe('Repeat rate was 70.0% at step 2 and again at step 4, with a high of 90.0% at step 3.');
    expect(
      trendSentence(pts([1, 0.5], [3, 0.7], [5, 0.05], [8, 0.086]), {
        label: 'Hit rate of songs with 100–1,000 plays',
        format: fmtPct,
      }),
    ).toBe(
      'Hit rate of songs with 100–1,000 plays fell from 50.0% at step 1 to 8.6% at step 8, with a high of 70.0% at step 3 and a low of 5.0% at step 5.',
    );
  });

  it('gives the one value of a single-point series and its step', () => {
    expect(trendSentence(pts([0, 0.78]), { label: 'Gini of plays', format: fmtIndex })).toBe(
      'Gini of plays is 0.78 at step 0.',
    );
    expect(
      trendSentence(pts([1, null], [2, 0.25], [3, null]), { label: 'Repeat rate', format: fmtPct }),
    ).toBe('Repeat rate is 25.0% at step 2.');
  });

  it('skips gaps, and says when there is no value yet', () => {
    expect(
      trendSentence(pts([1, null], [2, 0.5], [3, null], [4, 0.6]), {
        label: 'Jaccard',
        format: fmtIndex,
      }),
    ).toBe('Jaccard rose from 0.50 at step 2 to 0.60 at step 4.');
    expect(
      trendSentence([], {
        label: 'Repeat rate',
        format: fmtPct,
        pending: 'this line starts at step 2',
      }),
    ).toBe('Repeat rate: no value yet; this line starts at step 2.');
    expect(trendSentence(pts([1, null]), { label: 'Repeat rate', format: fmtPct })).toBe(
      'Repeat rate: no value yet.',
    );
  });
});

describe('changesSentence and describeSeries', () => {
  it('lists the live changes without "from here"', () => {
    expect(changesSentence([])).toBe('');
    expect(changesSentence([{ t: 30, label: 'exploration = epsilon from here' }])).toBe(
      'Live change at step 30: exploration = epsilon.',
    );
    expect(
      changesSentence([
        { t: 30, label: 'exploration = epsilon from here' },
        { t: 45, label: 'ε = 0.2 from here' },
      ]),
    ).toBe('Live changes: step 30, exploration = epsilon; step 45, ε = 0.2.');
  });

  it('describes every series of a chart, each in its own format, then the changes', () => {
    const text = describeSeries(
      [
        { id: 'g', label: 'Gini of plays', color: '#000', points: pts([0, 0.78], [40, 0.93]) },
        {
          id: 't',
          label: 'Top 1% share of plays',
          color: '#000',
          points: pts([0, 0.05], [40, 0.782]),
          format: fmtPct,
        },
      ],
      fmtIndex,
      [{ t: 30, label: 'exploration = epsilon from here' }],
    );
    expect(text).toBe(
      'Gini of plays rose from 0.78 at step 0 to 0.93 at step 40. Top 1% share of plays rose from 5.0% at step 0 to 78.2% at step 40. Live change at step 30: exploration = epsilon.',
    );
  });
});
