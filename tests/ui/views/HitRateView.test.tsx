// @vitest-environment jsdom
// Hit rate by bucket: the warning only when popular songs are found far more often, and n/a instead of a zero bar.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HitRateView } from '../../../src/ui/views';
import { barScale } from '../../../src/ui/views/HitRateBars';
import { WARNING_SENTENCE } from '../../../src/ui/views/hitRate';
import { markerTexts, props, row } from './fixtures';

afterEach(cleanup);

const withLast = (
  hitRate: { low: number | null; mid: number | null; high: number | null },
  hitRateN = { low: 40, mid: 30, high: 20 },
) => props({ rows: [row(1), row(2), row(3, { hitRate, hitRateN })] });

describe('HitRateView', () => {
  it('labels the bars from the thresholds with their values and n', () => {
    render(<HitRateView {...withLast({ low: 0.1, mid: 0.12, high: 0.15 })} />);
    expect(screen.getAllByText('< 100 plays').length).toBeGreaterThan(0);
    expect(screen.getAllByText('100–1,000').length).toBeGreaterThan(0);
    expect(screen.getAllByText('> 1,000').length).toBeGreaterThan(0);
    expect(screen.getByText('15.0%')).toBeTruthy();
    expect(screen.getByText('n = 20', { exact: false })).toBeTruthy();
  });

  it('warns when the popular bucket far outscores the rare one', () => {
    render(<HitRateView {...withLast({ low: 0.02, mid: 0.1, high: 0.4 })} />);
    expect(screen.getByText(WARNING_SENTENCE)).toBeTruthy();
  });

  it('does not warn when the buckets are close', () => {
    render(<HitRateView {...withLast({ low: 0.3, mid: 0.3, high: 0.35 })} />);
    expect(screen.queryByText(WARNING_SENTENCE)).toBeNull();
    expect(screen.getByText(/No warning sign/)).toBeTruthy();
  });

  it('shows a null bucket as n/a, never as a zero bar', () => {
    render(
      <HitRateView
        {...withLast({ low: null, mid: 0.1, high: 0.5 }, { low: 0, mid: 30, high: 20 })}
      />,
    );
    expect(screen.getByText('n/a')).toBeTruthy();
    // Steps 1 and 2 had 40 best songs in the low bucket: they left it by gathering plays.
    expect(screen.getByText(/no relevant song left here: they all became popular/)).toBeTruthy();
    expect(screen.queryByTestId('bar-low')).toBeNull();
    expect(screen.getByTestId('bar-high')).toBeTruthy();
    expect(screen.queryByText(WARNING_SENTENCE)).toBeNull();
    expect(screen.getByText(/cannot be compared/)).toBeTruthy();
  });

  it('says a bucket that never held a best song is out of reach so far', () => {
    const never = { low: 40, mid: 30, high: 0 };
    render(
      <HitRateView
        {...props({
          rows: [row(1, { hitRateN: never }), row(2, { hitRateN: never, hitRate: { low: 0.1, mid: 0.2, high: null } })],
        })}
      />,
    );
    expect(screen.getByText(/none of the listeners’ best songs has this many plays yet/)).toBeTruthy();
    expect(screen.queryByText(/they all became popular/)).toBeNull();
  });

  it('switches to buckets frozen before step 1, with their own values and n', () => {
    render(<HitRateView {...withLast({ low: 0.1, mid: 0.12, high: 0.15 })} />);
    expect(screen.getByRole('radio', { name: /at this step/ })).toHaveProperty('checked', true);
    expect(screen.getByText('15.0%')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /before step 1/ }));
    // The fixture's at-start values: 8.0%, 11.0%, 16.0% with n = 42, 29, 19.
    expect(screen.getByText('16.0%')).toBeTruthy();
    expect(screen.getByText('n = 19', { exact: false })).toBeTruthy();
    expect(screen.queryByText('15.0%')).toBeNull();
    expect(screen.getByRole('group', { name: 'Buckets by plays' })).toBeTruthy();
  });

  it('draws a real zero as an empty bar with 0.0%', () => {
    render(<HitRateView {...withLast({ low: 0, mid: 0.1, high: 0.5 })} />);
    expect((screen.getByTestId('bar-low') as HTMLElement).style.width).toBe('0%');
    expect(screen.getByText('0.0%')).toBeTruthy();
  });

  it('draws the bars on a fixed 0–100% scale, however small the rates', () => {
    expect(barScale().domain()).toEqual([0, 1]);
    expect(barScale().range()).toEqual([0, 100]);
    // 3% is 3% of the track, not a full bar as with a zoom that followed the data.
    render(<HitRateView {...withLast({ low: 0.001, mid: 0.01, high: 0.03 })} />);
    expect((screen.getByTestId('bar-high') as HTMLElement).style.width).toBe('3%');
    expect((screen.getByTestId('bar-low') as HTMLElement).style.width).toBe('0.1%');
    expect(screen.getByTestId('bar-axis').textContent).toBe('0%25%50%75%100%');
    // The history shares the scale: its y axis also runs 0–100%.
    const history = screen.getByRole('img', { name: /^Hit rate of songs with < 100 plays/ });
    const ticks = [...history.querySelectorAll('.vw-tick')].map((t) => t.textContent);
    expect(ticks).toContain('0%');
    expect(ticks).toContain('100%');
  });

  it('marks live changes on the history chart and on the estimate error', () => {
    render(<HitRateView {...props()} />);
    expect(markerTexts()).toEqual(['ε = 0.1 from here', 'ε = 0.1 from here']);
  });

  it('draws the ranker\u2019s relevance estimate error from the rows, or says why it has none', () => {
    render(<HitRateView {...props({ rows: [row(1, { relevanceEstimateError: 0.366 }), row(2, { relevanceEstimateError: 0.038 })] })} />);
    expect(screen.getByRole('heading', { name: 'Ranker\u2019s relevance estimate error' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Relevance estimate error fell from 0\.37 at step 1 to 0\.04 at step 2/ })).toBeTruthy();
    cleanup();
    render(<HitRateView {...props({ rows: [row(1, { relevanceEstimateError: null })] })} />);
    expect(screen.getByRole('img', { name: /does not estimate relevance from clicks/ })).toBeTruthy();
    cleanup();
    render(<HitRateView {...props({ rows: [] })} />);
    expect(screen.getByRole('heading', { name: 'Ranker\u2019s relevance estimate error' })).toBeTruthy();
  });
});
