// @vitest-environment jsdom
// Present mode's stage: a step that changes the view's numbers is checked against the fit it has, without laying the view out again.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FitToStage } from '../../../src/ui/present/FitToStage';

/** A ResizeObserver stand-in whose callback the test fires by hand. */
class FakeObserver {
  static all: FakeObserver[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe() {}
  unobserve() {}
  disconnect() {}
  fire() {
    this.callback([], this as unknown as ResizeObserver);
  }
}

/** The view's height at a layout width: 600 px tall at 1,000 px wide, shorter when wider. */
let contentHeight = (width: number) => (600 * 1000) / width;

/**
 * jsdom has no layout: the stage is 1,240 × 700, the scaled box is as wide as its style says and as
 * tall as contentHeight at that width, and every chart's SVG is 300 px tall.
 */
function fakeLayout() {
  const isStage = (el: HTMLElement) => el.classList.contains('present-stage');
  const isScale = (el: HTMLElement) => el.classList.contains('present-scale');
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isStage(this) ? 1240 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isStage(this) ? 700 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isScale(this) ? parseFloat(this.style.width) : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isScale(this) ? Math.round(contentHeight(parseFloat(this.style.width))) : 0;
  });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const width = this instanceof HTMLElement && isScale(this) ? parseFloat(this.style.width) : 0;
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: width,
      bottom: 300,
      width,
      height: 300,
      toJSON: () => ({}),
    } as DOMRect;
  });
}

/** Every value the chart's SVG style took, in order (a pin to its height, then back). */
function styleWrites(svg: SVGSVGElement): string[] {
  const writes: string[] = [];
  let value = svg.style.height;
  const style = svg.style;
  Object.defineProperty(style, 'height', {
    configurable: true,
    get: () => value,
    set: (v: string) => {
      writes.push(v);
      value = v;
    },
  });
  return writes;
}

function renderStage() {
  const view = render(
    <FitToStage>
      <svg width="100%" />
    </FitToStage>,
  );
  const scaled = view.container.querySelector<HTMLDivElement>('.present-scale')!;
  return { scaled, svg: view.container.querySelector('svg')! };
}

beforeEach(() => {
  FakeObserver.all = [];
  contentHeight = (width) => (600 * 1000) / width;
  vi.stubGlobal('ResizeObserver', FakeObserver);
  vi.useFakeTimers();
  fakeLayout();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('FitToStage', () => {
  it('searches the fit on mount, with the charts pinned to their height while it tries other widths', () => {
    const { scaled } = renderStage();
    // Each width tried is limited by height: 1,240 / 1.35 = 918 px wide is 654 tall, drawn at
    // 700 / 655 = 1.07; 1,240 / 1.25 = 992 px is 605 tall, drawn at 700 / 606 = 1.155. The next,
    // 1,240 / 1.15 = 1,078 px, can be drawn at 1.15 at most: no better, and the search ends.
    expect(scaled.style.width).toBe('992px');
    expect(scaled.style.transform).toBe(`scale(${700 / 606})`);
    expect(scaled.querySelector('svg')!.style.height).toBe('');
  });

  it('keeps a view just shown hidden until its fit is searched with its charts drawn, then shows it', () => {
    const { scaled } = renderStage();
    expect(scaled.dataset.shown).toBe('false');
    // The search after mount (120 ms), then 50 ms without a resize.
    act(() => vi.advanceTimersByTime(150));
    expect(scaled.dataset.shown).toBe('false');
    act(() => vi.advanceTimersByTime(30));
    expect(scaled.dataset.shown).toBe('true');
  });

  it('shows a view that keeps resizing (a run playing) at most 300 ms after its search', () => {
    const { scaled } = renderStage();
    act(() => vi.advanceTimersByTime(120));
    // A resize every 40 ms: never 50 ms still.
    for (let t = 0; t < 280; t += 40) {
      act(() => FakeObserver.all[0]!.fire());
      act(() => vi.advanceTimersByTime(40));
      expect(scaled.dataset.shown).toBe('false');
    }
    act(() => vi.advanceTimersByTime(40));
    expect(scaled.dataset.shown).toBe('true');
  });

  it('searches a view again before showing it when it resized after its first search (a chart redrawn)', () => {
    const { scaled } = renderStage();
    act(() => vi.advanceTimersByTime(120));
    // The first search fitted 600 px of content at 992 px wide; then a chart is drawn taller.
    expect(scaled.style.width).toBe('992px');
    contentHeight = (w) => (700 * 1000) / w;
    act(() => FakeObserver.all[0]!.fire());
    expect(scaled.dataset.shown).toBe('false');
    // Still for 60 ms: searched again at the new height, then 50 ms quiet and shown. 1,240 / 1.15 =
    // 1,078 px wide is 649 tall, drawn at 700 / 650 = 1.077 (992 px would be 706 tall: 0.99).
    act(() => vi.advanceTimersByTime(60));
    expect(scaled.style.width).toBe('1078px');
    expect(scaled.dataset.shown).toBe('false');
    act(() => vi.advanceTimersByTime(60));
    expect(scaled.dataset.shown).toBe('true');
    expect(scaled.style.transform).toBe(`scale(${700 / 650})`);
  });

  it('checks the rendered fit on a step without writing a style (a second layout of the whole view)', () => {
    const { scaled, svg } = renderStage();
    const writes = styleWrites(svg);
    const width = vi.spyOn(scaled.style, 'width', 'set');
    // A step draws the charts a little taller: 605 → 645 px at 992 px wide.
    contentHeight = (w) => (640 * 1000) / w;
    act(() => FakeObserver.all[0]!.fire());
    expect(writes).toEqual([]);
    expect(width).not.toHaveBeenCalled();
    // The same layout, rescaled to the new height: 700 / (645 + 1).
    expect(scaled.style.width).toBe('992px');
    expect(scaled.style.transform).toBe(`scale(${700 / 646})`);
  });

  it('searches again with the charts pinned once the view has been still for a while', () => {
    const { svg } = renderStage();
    const writes = styleWrites(svg);
    act(() => vi.advanceTimersByTime(300));
    // Pinned to the 300 px each chart measures, then given back its own (empty) height.
    expect(writes).toEqual(['300px', '']);
  });
});
