// @vitest-environment jsdom
// Diversity small multiples: current values in the headers, total songs as context, a null value as n/a.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiversityView } from '../../../src/ui/views';
import { markerTexts, props, row } from './fixtures';

afterEach(cleanup);

const TITLES = [
  'Listening alike (consumption homogenization)',
  'Distinct songs shown',
  'Catalog ever shown',
  'Long-tail share of slates',
  'Long-tail share, tail as at step 0',
  'Slates alike (homogenization)',
  'Repeat rate',
];

/** The current value printed in the header of the panel titled `title`. */
function panelValue(title: string): string | null {
  const panel = screen.getByRole('heading', { level: 3, name: title }).closest('.vw-panel')!;
  return panel.querySelector('.vw-panel-value')?.textContent ?? null;
}

describe('DiversityView', () => {
  it('shows seven panels, consumption first, with the current values', () => {
    render(<DiversityView {...props()} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(TITLES);
    expect(screen.getByText('4 of 6')).toBeTruthy(); // aggregate diversity of the 6 released songs
    expect(screen.getByText('50.0%')).toBeTruthy(); // coverage
    expect(screen.getByText('25.0%')).toBeTruthy(); // long-tail share
    expect(screen.getByText('0.60')).toBeTruthy(); // homogenization
    expect(screen.getByText('70.0%')).toBeTruthy(); // repeat rate
    expect(panelValue('Listening alike (consumption homogenization)')).toBe('0.45');
    expect(panelValue('Long-tail share of slates')).toBe('25.0%');
    expect(panelValue('Long-tail share, tail as at step 0')).toBe('37.5%');
    expect(markerTexts()).toEqual(Array(7).fill('ε = 0.1 from here'));
  });

  it('shows the latest row of the new panels, not an earlier one', () => {
    const rows = [
      row(1, { consumptionHomogenization: 0.05, longTailShareAtStart: 0.6 }),
      row(2, { consumptionHomogenization: 0.2, longTailShareAtStart: 0.5 }),
      row(3, { consumptionHomogenization: 0.875, longTailShareAtStart: 0.125 }),
    ];
    render(<DiversityView {...props({ rows })} />);
    expect(panelValue('Listening alike (consumption homogenization)')).toBe('0.88');
    expect(panelValue('Long-tail share, tail as at step 0')).toBe('12.5%');
    expect(panelValue('Long-tail share of slates')).toBe('25.0%'); // the tail as it stands is a separate series
    // The text alternative tells the trend since the first value, and the live change.
    expect(
      screen.getByRole('img', {
        name: 'Listening alike (consumption homogenization) rose from 0.05 at step 1 to 0.88 at step 3. Live change at step 2: ε = 0.1.',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: 'Long-tail share, tail as at step 0 fell from 60.0% at step 1 to 12.5% at step 3. Live change at step 2: ε = 0.1.',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: 'Distinct songs shown stayed at 4 songs from step 1 to step 3. Live change at step 2: ε = 0.1.',
      }),
    ).toBeTruthy();
  });

  it('shows the repeat rate as n/a after only step 1, and draws no line there', () => {
    const { container } = render(<DiversityView {...props({ rows: [row(1)] })} />);
    expect(screen.getByText('n/a')).toBeTruthy();
    expect(panelValue('Repeat rate')).toBe('n/a');
    const repeat = screen.getByRole('img', { name: /^Repeat rate: no value yet; this line starts at step 2\./ });
    expect(repeat.querySelector('circle')).toBeNull();
    expect(repeat.querySelector('.vw-chart-note')?.textContent).toBe('No value yet: this line starts at step 2.');
    expect(container.querySelectorAll('.vw-chart')).toHaveLength(7);
  });

  it('shows listening alike as n/a, not 0, while no listener has clicked', () => {
    render(<DiversityView {...props({ rows: [row(1, { consumptionHomogenization: null })] })} />);
    expect(panelValue('Listening alike (consumption homogenization)')).toBe('n/a');
    const consumption = screen.getByRole('img', { name: /^Listening alike \(consumption homogenization\): no value yet/ });
    expect(consumption.querySelector('circle')).toBeNull();
  });
});
