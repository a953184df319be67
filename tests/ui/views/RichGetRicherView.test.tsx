// @vitest-environment jsdom
// Rich get richer: three panels from hand data, current values in the headers, markers on the time chart.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RichGetRicherView } from '../../../src/ui/views';
import { markerTexts, props } from './fixtures';

afterEach(cleanup);

describe('RichGetRicherView', () => {
  it('shows the rank curve, the Lorenz curve and concentration over time', () => {
    render(<RichGetRicherView {...props()} />);
    for (const t of ['Plays by rank', 'Lorenz curve', 'Concentration over time'])
      expect(screen.getByRole('heading', { level: 3, name: t })).toBeTruthy();
    // Gini of [0, 0, 5, 40, 150, 2000] is 10485 / 13170 = 0.796; the top song (1 of 6) holds 2000/2195 = 91.1%.
    expect(screen.getByText('Gini 0.80')).toBeTruthy();
    expect(screen.getByText('top 1%: 91.1%')).toBeTruthy();
    expect(screen.getByText('plays + 1 (log)')).toBeTruthy();
  });

  it('describes the trend since step 0 for screen readers and draws the marker', () => {
    render(<RichGetRicherView {...props()} />);
    // Fixture rows: Gini 0.8 + t/100 and top 1% 0.3 + t/100 at steps 1–3; step 0 from `initial`.
    expect(
      screen.getByRole('img', {
        name: 'Gini of plays rose from 0.78 at step 0 to 0.83 at step 3. Top 1% share of plays rose from 28.0% at step 0 to 33.0% at step 3. Live change at step 2: ε = 0.1.',
      }),
    ).toBeTruthy();
    // The snapshot (step 3) against step 0 in the Lorenz and rank charts' text: Gini 0.78 → 0.80, top 1% 28.0% → 91.1%.
    expect(
      screen.getByRole('img', {
        name: /The Gini of plays rose from 0\.78 at step 0 to 0\.80 at step 3\.$/,
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: /The top 1% share of plays rose from 28\.0% at step 0 to 91\.1% at step 3\.$/,
      }),
    ).toBeTruthy();
    expect(markerTexts()).toEqual(['ε = 0.1 from here']);
  });

  it('waits for song data when only metric rows have arrived', () => {
    render(<RichGetRicherView {...props({ songs: null })} />);
    expect(screen.getAllByText('Waiting for song data…')).toHaveLength(2);
    expect(screen.getByText('Concentration over time')).toBeTruthy();
  });
});
