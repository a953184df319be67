// @vitest-environment jsdom
// A batch of steps is acknowledged only once the (deferred) views have drawn it; with no views
// mounted, at once. The views get the new data at transition priority, and skip renders while waiting.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, type StepMetrics } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { ViewGrid } from '../../src/ui/ViewGrid';
import { ViewFrames, useReportShown } from '../../src/ui/viewFrames';
import type { ViewProps } from '../../src/ui/views/types';
import { renderWith } from './helpers';

afterEach(cleanup);

/** A ViewFrames whose releases are recorded instead of waiting for a paint. */
function recorded() {
  const released: number[] = [];
  let clock = 0;
  const frames = new ViewFrames(
    (fn, since) => {
      released.push(since);
      fn();
    },
    () => ++clock,
  );
  return { frames, released };
}

describe('ViewFrames', () => {
  it('releases at once when no views are mounted', () => {
    const { frames, released } = recorded();
    const ack = vi.fn();
    frames.afterShown(ack);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(released).toEqual([1]);
  });

  it('holds every callback until the views report the latest data, each with its arrival time', () => {
    const { frames, released } = recorded();
    const detach = frames.attach();
    const first = vi.fn();
    const second = vi.fn();
    frames.afterShown(first);
    frames.afterShown(second);
    expect(first).not.toHaveBeenCalled();
    frames.shown();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(released).toEqual([1, 2]);
    // Shown again with nothing waiting: nothing happens.
    frames.shown();
    expect(released).toHaveLength(2);
    detach();
  });

  it('releases what waits when the last view grid unmounts', () => {
    const { frames } = recorded();
    const detach = frames.attach();
    const ack = vi.fn();
    frames.afterShown(ack);
    detach();
    expect(ack).toHaveBeenCalledTimes(1);
    frames.afterShown(ack);
    expect(ack).toHaveBeenCalledTimes(2);
  });

  it('useReportShown reports only a commit that shows the latest value', () => {
    const { frames } = recorded();
    const shown = vi.spyOn(frames, 'shown');
    function Probe({ value, latest }: { value: number; latest: number }) {
      useReportShown(value, latest, frames);
      return null;
    }
    const { rerender, unmount } = render(<Probe value={1} latest={1} />);
    const afterMount = shown.mock.calls.length;
    rerender(<Probe value={1} latest={2} />);
    expect(shown.mock.calls.length).toBe(afterMount);
    rerender(<Probe value={2} latest={2} />);
    expect(shown.mock.calls.length).toBe(afterMount + 1);
    unmount();
  });
});

describe('ViewGrid with deferred props', () => {
  it('draws each new batch and then reports it shown', () => {
    const { frames } = recorded();
    const renders: number[] = [];
    const Counting = ({ rows }: ViewProps) => {
      renders.push(rows.length);
      return <p>{`rows: ${rows.length}`}</p>;
    };
    const store = createAppStore(defaultParams());
    renderWith(<ViewGrid views={[{ id: 'count', title: 'Count', Component: Counting }]} frames={frames} />, store);
    expect(renders.at(-1)).toBe(0);

    const ack = vi.fn();
    act(() => {
      store.getState().receiveSteps([{ t: 1 } as StepMetrics, { t: 2 } as StepMetrics], undefined, false);
      frames.afterShown(ack);
    });
    // act() runs the deferred render to the end: the view shows step 2, and the ack went out.
    expect(document.querySelector('[data-view="count"]')!.getAttribute('data-step')).toBe('2');
    expect(renders.at(-1)).toBe(2);
    expect(ack).toHaveBeenCalledTimes(1);
    // The view rendered once per batch (the urgent pass with the old props was skipped), StrictMode aside.
    expect(renders.filter((n) => n === 2).length).toBeLessThanOrEqual(2);
  });
});
