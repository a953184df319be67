// @vitest-environment jsdom
// All five views: listed for the shell, titled, and a calm "Press play to start" before the first step.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIEWS } from '../../../src/ui/views';
import { emptyProps, props } from './fixtures';

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
    '%s shows its title and a placeholder before the first step',
    (_id, view) => {
      const { container } = render(<view.Component {...emptyProps()} />);
      expect(screen.getByRole('heading', { level: 2, name: view.title })).toBeTruthy();
      expect(screen.getByText('Press play to start')).toBeTruthy();
      // No axes with a misleading zero: nothing is drawn at all.
      expect(container.querySelector('svg.vw-legend-key, .vw-chart, canvas')).toBeNull();
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
