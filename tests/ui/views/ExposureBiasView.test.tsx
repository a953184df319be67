// @vitest-environment jsdom
// Exposure bias: the hidden-gem count of the hand data, bucket counts in the legend, and no crash without a canvas.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExposureBiasView } from '../../../src/ui/views';
import { gemHeadline } from '../../../src/ui/views/ExposureBiasView';
import { markerTexts, props, songs } from './fixtures';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ExposureBiasView', () => {
  it('counts the hand-computed hidden gems', () => {
    render(<ExposureBiasView {...props()} />);
    expect(screen.getByTestId('gem-count').textContent).toContain(
      '2 hidden gems: top-quality songs almost never shown',
    );
    expect(screen.getByTestId('gem-count').textContent).toContain('never shown');
  });

  it('says so when there are no gems', () => {
    const s = songs();
    const none = { ...s, quality: Float64Array.from([0.1, 0.5, 0.85, 0.7, 0.3, 0.2]) };
    render(<ExposureBiasView {...props({ songs: none })} />);
    expect(screen.getByTestId('gem-count').textContent).toContain('No hidden gems');
  });

  it('words the headline for one and many gems', () => {
    expect(gemHeadline(1)).toBe('1 hidden gem: a top-quality song almost never shown');
    expect(gemHeadline(1234)).toBe('1,234 hidden gems: top-quality songs almost never shown');
  });

  it('labels the buckets with their song counts and shows the correlation', () => {
    render(<ExposureBiasView {...props()} />);
    expect(screen.getByText('< 100 plays (4)')).toBeTruthy();
    expect(screen.getByText('100–1,000 (1)')).toBeTruthy();
    expect(screen.getByText('> 1,000 (1)')).toBeTruthy();
    expect(screen.getByText('0.40')).toBeTruthy();
    expect(markerTexts()).toEqual(['ε = 0.1 from here']);
  });

  it('waits for the world before the first snapshot', () => {
    render(<ExposureBiasView {...props({ songs: null })} />);
    expect(screen.getByText('Building the world…')).toBeTruthy();
  });

  it('states one gem rule on the chart, with this step’s numbers', () => {
    render(<ExposureBiasView {...props()} />);
    // Impressions [0, 10, 30, 500, 0, 2]: an even share is 542 / 6 = 90.3, a tenth of it 9.03.
    expect(screen.getByTestId('gem-rule').textContent).toBe(
      'Hidden gem = one of the best 20% of songs (quality 0.8 or more) shown less than a tenth of its even share. An even share is what each song would get if all were shown equally: now 90 showings, so a gem was shown at most 9 times.',
    );
  });
});
