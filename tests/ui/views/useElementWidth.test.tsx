// @vitest-environment jsdom
// Charts measure themselves with ResizeObserver (no forced layout) and first draw one per task, not all at once.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useElementWidth } from '../../../src/ui/views/useElementWidth';

/** A ResizeObserver stand-in whose callbacks the test fires by hand. */
class FakeObserver {
  static all: FakeObserver[] = [];
  target: Element | null = null;
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.target = el;
  }
  disconnect() {
    this.target = null;
  }
  unobserve() {}
  fire(width: number) {
    const entry = { contentRect: { width } } as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
}

function Probe({ name }: { name: string }) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(560);
  return (
    <div ref={ref} data-testid={name}>
      {measured ? `drawn at ${width}` : 'waiting'}
    </div>
  );
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('ResizeObserver', FakeObserver);
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useElementWidth', () => {
  it('never reads the layout while committing, and draws the first charts one per task', () => {
    const clientWidth = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get');
    const { getByTestId } = render(
      <>
        <Probe name="a" />
        <Probe name="b" />
      </>,
    );
    expect(clientWidth).not.toHaveBeenCalled();
    expect(getByTestId('a').textContent).toBe('waiting');
    act(() => {
      FakeObserver.all[0]!.fire(300.7);
      FakeObserver.all[1]!.fire(420);
    });
    expect(getByTestId('a').textContent).toBe('waiting');
    act(() => void vi.advanceTimersToNextTimer());
    expect(getByTestId('a').textContent).toBe('drawn at 300');
    expect(getByTestId('b').textContent).toBe('waiting');
    act(() => void vi.advanceTimersToNextTimer());
    expect(getByTestId('b').textContent).toBe('drawn at 420');
  });

  it('applies the latest width once drawn, and later resizes at once', () => {
    const { getByTestId } = render(<Probe name="a" />);
    const observer = FakeObserver.all[0]!;
    act(() => {
      observer.fire(300);
      observer.fire(310); // a second layout before its turn: the newest width wins
    });
    act(() => void vi.runAllTimers());
    expect(getByTestId('a').textContent).toBe('drawn at 310');
    act(() => observer.fire(500));
    expect(getByTestId('a').textContent).toBe('drawn at 500');
  });
});
