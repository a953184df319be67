// @vitest-environment jsdom
// The song wall without a 2D canvas: it still renders, sums up the concentration and maps hover to the right song.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
        'Step 3: the 10% most shown songs got 92.3% of all impressions; 2 of 6 songs were never shown.',
      ),
    ).toBeTruthy();
    expect(document.querySelector('canvas')).toBeTruthy();
  });

  it('labels each genre band beside the wall instead of colouring songs by genre', () => {
    const { container } = render(<SongWallView {...props()} />);
    const bands = [...container.querySelectorAll('.vw-wall-band')];
    expect(bands.map((b) => b.textContent)).toEqual(['Genre 1', 'Genre 2', 'Genre 3']);
    // The 560 px fallback width holds a genre's few songs in one row of 18 px cells: one band per row.
    expect(bands.map((b) => (b as HTMLElement).style.top)).toEqual(['1px', '19px', '37px']);
  });

  it('keys every shade to the times shown and the songs in it, against an even share', () => {
    render(<SongWallView {...props()} />);
    // Impressions [0, 10, 30, 500, 0, 2], an even share 542 / 6 = 90.3: never shown (two songs),
    // under a tenth = 1–9 times (the song shown twice), a tenth to 1× = 10–90 (10 and 30),
    // 1–10× = 91–903 (500), and nobody in the two darkest shades.
    expect(
      screen.getByText('(an even share is 90 per song; each shade is 10× the one before)'),
    ).toBeTruthy();
    const shades = screen.getByRole('list', { name: 'Shades of the wall and the songs in each' });
    expect(
      within(shades)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'never shown2 songs',
      '1–9 times1 song',
      '10–90 times2 songs',
      '91–903 times1 song',
      '904–9,033 times0 songs',
      '9,034+ times0 songs',
    ]);
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

  it('mounts the wall with the card, hidden and undrawn until measured, then shows it at the measured width', () => {
    let fire: (width: number) => void = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          fire = (width) =>
            callback([{ contentRect: { width } } as ResizeObserverEntry], this as unknown as ResizeObserver);
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    vi.useFakeTimers();
    try {
      const getContext = vi.mocked(HTMLCanvasElement.prototype.getContext);
      getContext.mockClear();
      render(<SongWallView {...props()} />);
      // Before any measurement the wall and its key exist (so a view mounted out of sight gets
      // laid out when it scrolls in) but are hidden from sight and from the accessibility tree.
      expect(screen.queryByRole('img', { name: /^Song wall of 6 songs/ })).toBeNull();
      expect(
        screen
          .getAllByRole('img', { hidden: true })
          .some((el) => el.getAttribute('aria-label')?.startsWith('Song wall of 6 songs')),
      ).toBe(true);
      expect(getContext).not.toHaveBeenCalled();
      // A first report of width 0 (a view out of sight) and then the real width: drawn at it.
      act(() => fire(0));
      act(() => void vi.runOnlyPendingTimers());
      act(() => fire(300));
      expect(screen.getByRole('img', { name: /^Song wall of 6 songs/ })).toBeTruthy();
      expect(getContext).toHaveBeenCalled();
      // 300 px wide: a 34 px gutter, so the genres are labelled "G1", "G2", "G3".
      expect([...document.querySelectorAll('.vw-wall-band')].map((b) => b.textContent)).toEqual(['G1', 'G2', 'G3']);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });
});
