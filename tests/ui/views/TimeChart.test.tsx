// @vitest-environment jsdom
// The shared time chart: gaps for nulls, marker labels, and a keyboard read-out of the values at a step.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fmtPct } from '../../../src/ui/views/format';
import { TimeChart } from '../../../src/ui/views/TimeChart';
import { markerTexts } from './fixtures';

afterEach(cleanup);

const series = [
  {
    id: 'a',
    label: 'Share A',
    color: '#0072B2',
    points: [
      { t: 0, v: 0.1 },
      { t: 1, v: null },
      { t: 2, v: 0.3 },
      { t: 3, v: 0.4 },
    ],
  },
];

function renderChart() {
  return render(
    <TimeChart
      series={series}
      steps={10}
      markers={[{ t: 2, label: 'ε = 0.1 from here' }]}
      yDomain={[0, 1]}
      yFormat="%"
      valueFormat={fmtPct}
      yLabel="share"
      ariaLabel="Share A 40% at step 3"
    />,
  );
}

describe('TimeChart', () => {
  it('leaves a gap where a value is null', () => {
    const { container } = renderChart();
    const d = container.querySelector('path')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2); // two separate runs: t = 0, then t = 2..3
  });

  it('labels the marker and the axes', () => {
    renderChart();
    expect(markerTexts()).toEqual(['ε = 0.1 from here']);
    expect(screen.getByText('step')).toBeTruthy();
    expect(screen.getByText('share')).toBeTruthy();
  });

  it('is focusable and reads out the latest values, then steps with the arrow keys', () => {
    renderChart();
    const chart = screen.getByRole('img', { name: 'Share A 40% at step 3' });
    fireEvent.focus(chart);
    expect(screen.getByText('Step 3')).toBeTruthy();
    expect(screen.getByText('40.0%')).toBeTruthy();
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(screen.getByText('Step 1')).toBeTruthy();
    expect(screen.getByText('n/a')).toBeTruthy();
    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(screen.queryByText('Step 1')).toBeNull();
  });

  it('fits the y axis to its domain, and widens the left margin for wide tick labels', () => {
    const narrow = render(
      <TimeChart
        series={series}
        steps={10}
        markers={[]}
        yDomain={[0, 0.2]}
        yFormat="%"
        valueFormat={fmtPct}
        yLabel="share"
        ariaLabel="narrow"
      />,
    );
    const ticks = () => [...document.querySelectorAll('.vw-tick')].map((t) => t.textContent);
    expect(ticks()).toContain('20%');
    expect(ticks()).not.toContain('100%');
    narrow.unmount();
    const path = () => document.querySelector('path')!.getAttribute('d')!;
    render(
      <TimeChart
        series={series}
        steps={10}
        markers={[]}
        yDomain={[0, 1500000]}
        yFormat=",f"
        valueFormat={fmtPct}
        yLabel="songs"
        ariaLabel="wide"
      />,
    );
    expect(ticks()).toContain('1,400,000');
    // The line starts at x = 0 of the plot, which moved right of the default 58 px margin.
    expect(Number(/^M([\d.]+)/.exec(path())![1])).toBeGreaterThan(58);
  });
});
