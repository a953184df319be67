// @vitest-environment jsdom
// A canvas out of sight holds its latest drawing back and draws it when it comes into sight, when no newer
// drawing has come for a moment, or before its view is saved; in sight (or without IntersectionObserver) it draws at once.
import { act, cleanup, render } from '@testing-library/react';
import { useCallback, useRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { drawHeldBack, useCanvasInSight } from '../../../src/ui/views/canvas';

/** The one observer the module makes, driven by the test. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly targets = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports `el` in or out of sight. */
  report(el: Element, isIntersecting: boolean) {
    act(() => this.callback([{ target: el, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver));
  }
}

const drawn: number[] = [];

function Chart({ value }: { value: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const draw = useCallback(() => drawn.push(value), [value]);
  useCanvasInSight(ref, draw);
  return <canvas ref={ref} />;
}

beforeAll(() => vi.stubGlobal('IntersectionObserver', FakeObserver));
afterAll(() => vi.unstubAllGlobals());
afterEach(() => {
  cleanup();
  drawn.length = 0;
  vi.useRealTimers();
});

describe('useCanvasInSight', () => {
  it('draws at once while in sight, and holds drawings back out of sight until it comes back', () => {
    const { container, rerender } = render(<Chart value={1} />);
    const canvas = container.querySelector('canvas')!;
    // A new canvas draws at once, before the observer's first report.
    expect(drawn).toEqual([1]);
    const io = FakeObserver.last!;
    expect(io.targets.has(canvas)).toBe(true);
    io.report(canvas, false);
    rerender(<Chart value={2} />);
    rerender(<Chart value={3} />);
    expect(drawn).toEqual([1]);
    // Back in sight: only the latest drawing.
    io.report(canvas, true);
    expect(drawn).toEqual([1, 3]);
    rerender(<Chart value={4} />);
    expect(drawn).toEqual([1, 3, 4]);
  });

  it('draws a held drawing when no newer one came for a moment (a stopped run is never left stale), or when asked', () => {
    vi.useFakeTimers();
    const { container, rerender, unmount } = render(<Chart value={1} />);
    const canvas = container.querySelector('canvas')!;
    FakeObserver.last!.report(canvas, false);
    rerender(<Chart value={2} />);
    act(() => vi.advanceTimersByTime(300));
    rerender(<Chart value={3} />);
    act(() => vi.advanceTimersByTime(300));
    expect(drawn).toEqual([1]);
    act(() => vi.advanceTimersByTime(200));
    expect(drawn).toEqual([1, 3]);
    rerender(<Chart value={4} />);
    drawHeldBack(canvas);
    expect(drawn).toEqual([1, 3, 4]);
    // Nothing is left to draw, and an unmounted canvas draws nothing later.
    drawHeldBack(canvas);
    rerender(<Chart value={5} />);
    unmount();
    act(() => vi.advanceTimersByTime(1000));
    expect(drawn).toEqual([1, 3, 4]);
    expect(FakeObserver.last!.targets.size).toBe(0);
  });
});
