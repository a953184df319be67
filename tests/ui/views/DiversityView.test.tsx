// @vitest-environment jsdom
// Diversity small multiples: current values in the headers, total songs as context, a null repeat rate as n/a.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiversityView } from '../../../src/ui/views';
import { markerTexts, props, row } from './fixtures';

afterEach(cleanup);

describe('DiversityView', () => {
  it('shows five panels with the current values', () => {
    render(<DiversityView {...props()} />);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(5);
    expect(screen.getByText('4 of 6')).toBeTruthy(); // aggregate diversity of the 6 released songs
    expect(screen.getByText('50.0%')).toBeTruthy(); // coverage
    expect(screen.getByText('25.0%')).toBeTruthy(); // long-tail share
    expect(screen.getByText('0.60')).toBeTruthy(); // homogenization
    expect(screen.getByText('70.0%')).toBeTruthy(); // repeat rate
    expect(markerTexts()).toEqual(Array(5).fill('ε = 0.1 from here'));
  });

  it('shows the repeat rate as n/a after only step 1, and draws no line there', () => {
    const { container } = render(<DiversityView {...props({ rows: [row(1)] })} />);
    expect(screen.getByText('n/a')).toBeTruthy();
    const repeat = screen.getByRole('img', { name: /^Repeat rate: n\/a/ });
    expect(repeat.querySelector('circle')).toBeNull();
    expect(container.querySelectorAll('.vw-chart')).toHaveLength(5);
  });
});
