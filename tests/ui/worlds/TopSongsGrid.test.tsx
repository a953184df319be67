// @vitest-environment jsdom
// The top-songs grid's scroll box: a named, focusable region; when worlds lie past its edge, a caption
// names them (and describes the region) and the frame marks the cut edge, updated as the box scrolls.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorldsRun, WorldsSide } from '../../../src/state/worlds';
import { TopSongsGrid } from '../../../src/ui/worlds/TopSongsGrid';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SONGS = 12;
const side = {
  id: 'current',
  title: 'Current strategy: The loop forms',
  worlds: Array.from({ length: 8 }, (_, j) => ({
    seed: 42 + j,
    shares: Float64Array.from({ length: SONGS }, (_, i) => (SONGS - i) / 78),
    top: Int32Array.from({ length: 10 }, (_, r) => r),
  })),
} as unknown as WorldsSide;
const run = { quality: new Float64Array(SONGS), genre: new Uint8Array(SONGS), current: side, baseline: side } as unknown as WorldsRun;

/**
 * jsdom lays nothing out: a box `width` px wide at x = 0, a 30 px rank column, and world j's column
 * from 33 + 80j to 110 + 80j, less `scrolled.by`.
 */
function layout(width: number) {
  const scrolled = { by: 0 };
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const [left, right] = this.classList.contains('wl-grid-scroll')
      ? [0, width]
      : this.classList.contains('wl-rank-head')
        ? [0, 30]
        : this.dataset.world !== undefined
          ? [33 + 80 * Number(this.dataset.world) - scrolled.by, 110 + 80 * Number(this.dataset.world) - scrolled.by]
          : [0, 0];
    return { left, right, width: right - left, top: 0, bottom: 30, height: 30, x: left, y: 0, toJSON: () => ({}) } as DOMRect;
  });
  return scrolled;
}

const show = () => render(<TopSongsGrid run={run} side={side} colors={['#0072b2']} highlight={null} onHighlight={() => {}} />);
const region = () => screen.getByRole('region', { name: 'Top 10 songs of each world, Current strategy: The loop forms' });
const description = () => document.getElementById(region().getAttribute('aria-describedby') ?? '')?.textContent ?? null;

describe('TopSongsGrid scroll box', () => {
  it('is a named region the keyboard can focus (so arrow keys scroll it)', () => {
    show();
    expect(region().tabIndex).toBe(0);
    region().focus();
    expect(document.activeElement).toBe(region());
  });

  it('names the worlds past its edge as it scrolls, and marks that edge', () => {
    const scrolled = layout(350);
    show();
    const frame = region().parentElement!;
    // Worlds 5–8 run past x = 350.
    expect(description()).toBe('Scroll right for worlds 5–8 →');
    expect(frame.className).toBe('wl-grid-frame has-after');
    // 200 px on, worlds 1–3 are left of the rank column and 7–8 still past the edge.
    scrolled.by = 200;
    act(() => void fireEvent.scroll(region()));
    expect(description()).toBe('← Scroll for worlds 1–3 and 7–8 →');
    expect(frame.className).toBe('wl-grid-frame has-before has-after');
    // At the end only the left is cut off.
    scrolled.by = 330;
    act(() => void fireEvent.scroll(region()));
    expect(description()).toBe('← Scroll left for worlds 1–5');
    expect(frame.className).toBe('wl-grid-frame has-before');
  });

  it('says nothing when every world fits', () => {
    layout(700);
    show();
    expect(region().hasAttribute('aria-describedby')).toBe(false);
    expect(document.querySelector('.wl-grid-hint')).toBeNull();
    expect(region().parentElement!.className).toBe('wl-grid-frame');
  });
});
