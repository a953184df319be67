// @vitest-environment jsdom
// The song wall without a 2D canvas: it still renders, sums up the concentration and maps hover to the right song.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SongWallView } from '../../../src/ui/views';
import { props } from './fixtures';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('SongWallView', () => {
  it('renders with no canvas context and sums up the concentration', () => {
    render(<SongWallView {...props()} />);
    // Impressions [0, 10, 30, 500, 0, 2]: the top song (10% of 6 → 1) holds 500 / 542.
    expect(
      screen.getByText(
        'The 10% most shown songs got 92.3% of all impressions; 2 of 6 songs were never shown.',
      ),
    ).toBeTruthy();
    expect(document.querySelector('canvas')).toBeTruthy();
  });

  it('has a genre legend', () => {
    render(<SongWallView {...props()} />);
    for (const g of ['Genre 1', 'Genre 2', 'Genre 3']) expect(screen.getByText(g)).toBeTruthy();
  });

  it('shows the song under the pointer', () => {
    render(<SongWallView {...props()} />);
    // jsdom measures width 0, so the wall uses its 560 px fallback: 18 px cells, genre 0 = songs 0, 2, 5 on row 0.
    fireEvent.pointerMove(document.querySelector('canvas')!, { clientX: 20, clientY: 5 });
    expect(screen.getByText('Song 2')).toBeTruthy();
    expect(screen.getByText('0.85')).toBeTruthy();
    expect(screen.getByText('150')).toBeTruthy();
    expect(screen.getByText('30')).toBeTruthy();
    fireEvent.pointerMove(document.querySelector('canvas')!, { clientX: 5, clientY: 40 });
    expect(screen.getByText('Song 3')).toBeTruthy();
    fireEvent.pointerLeave(document.querySelector('canvas')!);
    expect(screen.queryByText('Song 3')).toBeNull();
  });
});
