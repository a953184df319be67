// @vitest-environment jsdom
// All five views: listed for the shell, titled, drawing step 0 before the first step (a placeholder only
// while the world is being built).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIEWS } from '../../../src/ui/views';
import { pendingProps, props, step0Props } from './fixtures';

beforeEach(() => {
  // jsdom has no 2D canvas: model that as getContext returning null (the views must cope).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('VIEWS', () => {
  it('lists five views with unique ids and titles', () => {
    expect(VIEWS).toHaveLength(5);
    expect(new Set(VIEWS.map((v) => v.id)).size).toBe(5);
    expect(VIEWS.map((v) => v.id)).toEqual([
      'rich-get-richer',
      'exposure-bias',
      'hit-rate',
      'diversity',
      'song-wall',
    ]);
  });

  it.each(VIEWS.map((v) => [v.id, v] as const))(
    '%s shows its title and a placeholder while the world is being built',
    (_id, view) => {
      const { container } = render(<view.Component {...pendingProps()} />);
      expect(screen.getByRole('heading', { level: 2, name: view.title })).toBeTruthy();
      expect(screen.getByText('Building the world…')).toBeTruthy();
      // No axes with a misleading zero: nothing is drawn at all.
      expect(container.querySelector('svg.vw-legend-key, .vw-chart, canvas')).toBeNull();
    },
  );

  it.each(VIEWS.map((v) => [v.id, v] as const))(
    '%s draws step 0 before the first step, not a placeholder',
    (_id, view) => {
      const { container } = render(<view.Component {...step0Props()} />);
      expect(screen.getByRole('heading', { level: 2, name: view.title })).toBeTruthy();
      expect(screen.queryByText('Press play to start')).toBeNull();
      expect(screen.queryByText('Building the world…')).toBeNull();
      expect(container.querySelector('.vw-empty')).toBeNull();
      // A chart is drawn (SVG axes or the canvas), and the view says it shows step 0.
      expect(container.querySelector('.vw-chart svg, canvas')).toBeTruthy();
      expect(screen.getByRole('note').textContent).toMatch(/step 0/i);
    },
  );

  it.each(VIEWS.map((v) => [v.id, v] as const))(
    '%s renders hand data without the placeholder',
    (_id, view) => {
      render(<view.Component {...props()} />);
      expect(screen.getByRole('heading', { level: 2, name: view.title })).toBeTruthy();
      expect(screen.queryByText('Press play to start')).toBeNull();
    },
  );

  it('labels each card region by its title', () => {
    render(
      <>
        {VIEWS.map((v) => (
          <v.Component key={v.id} {...props()} />
        ))}
      </>,
    );
    for (const v of VIEWS) expect(screen.getByRole('region', { name: v.title })).toBeTruthy();
  });
});

describe('a pinned run A', () => {
  it.each(['rich-get-richer', 'exposure-bias', 'hit-rate', 'diversity'])('%s names A\u2019s grey dashed line in a legend', (id) => {
    const view = VIEWS.find((v) => v.id === id)!;
    const base = props();
    const { unmount } = render(<view.Component {...base} />);
    // Without A, no legend mentions it.
    expect(screen.queryByText(/^A( ·|,) /)).toBeNull();
    unmount();
    render(<view.Component {...base} ghost={{ initial: base.initial, rows: base.rows }} />);
    const keys = screen.getAllByText(/^A( ·|,) /);
    expect(keys.length).toBeGreaterThan(0);
    // The key's sample is the ghost's grey dashed stroke.
    const sample = keys[0]!.closest('li')!.querySelector('line')!;
    expect(sample.getAttribute('stroke')).toBe('#7d8799');
    expect(sample.getAttribute('stroke-dasharray')).toBeTruthy();
  });
});
