// @vitest-environment jsdom
// The loop diagram on the page: step 0, a step's numbers and text alternative, one pulse lap per step, present size.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../../src/engine';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { LoopDiagram } from '../../../src/ui/loop/LoopDiagram';
import { StoreProvider } from '../../../src/ui/storeContext';
import { initial, late, loopRow, stepOne } from './fixtures';

afterEach(cleanup);

function setup(
  over: Partial<Params> = {},
  size?: 'compact' | 'present',
): { store: AppStore; container: HTMLElement } {
  const store = createAppStore({ ...defaultParams(), ...over });
  store.getState().resetHistory(initial);
  store.getState().setStatus('idle');
  const { container } = render(
    <StoreProvider store={store}>
      <LoopDiagram size={size} />
    </StoreProvider>,
  );
  return { store, container };
}

/**
 * Ends the pulse's CSS animation. jsdom has no AnimationEvent, so React listens for the prefixed
 * name there; dispatching both reaches React once in any environment.
 */
function endLap(el: Element): void {
  act(() => {
    for (const type of ['animationend', 'webkitAnimationEnd'])
      el.dispatchEvent(new Event(type, { bubbles: true }));
  });
}

/** The diagram's visible texts, in document order. */
function texts(container: HTMLElement): string[] {
  return [...container.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

describe('LoopDiagram', () => {
  it('draws the world before step 1, named by its step-0 summary', () => {
    const { container } = setup();
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe(
      'The feedback loop before step 1: 1,000 listeners and 2,000 songs; no slates yet — press Play. ' +
        'The top 10% of songs hold 28% of the plays they bring from before. The popularity ranker (no mitigation) will pick the first slates.',
    );
    const shown = texts(container);
    for (const t of [
      'Listeners',
      '1,000',
      'Slates',
      'Clicks',
      'Play log',
      'Popularity ranker',
      'no mitigation',
      'no slates yet',
      'press Play',
      'no clicks yet',
      'nothing logged yet',
      'top 10% hold 28% of plays',
      'ranks 2,000 songs',
      'Before step 1',
    ]) {
      expect(shown).toContain(t);
    }
    expect(container.querySelector('.loop-pulse')).toBeNull();
  });

  it("puts the latest step's numbers on the arrows and in the accessible name", () => {
    const { store, container } = setup({ exploration: 'epsilon', epsilon: 0.1 });
    act(() => store.getState().appendRows([stepOne, late]));
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'The feedback loop at step 37: 1,000 listeners got 10,000 slots showing 143 distinct songs (1,983 at step 1); ' +
        'they made 812 clicks (8.1% of slots); the head (the 10% most-played songs) got 71% of the clicks; ' +
        'the top 10% of songs now hold 84% of all plays; the popularity ranker + ε-greedy 10% learns from this log to pick the next slates.',
    );
    const shown = texts(container);
    for (const t of [
      '10,000 slots',
      '812 clicks',
      '8.1% of slots',
      'head gets 71% of clicks',
      'top 10% hold 84% of plays',
      '143 distinct songs',
      '1,983 at step 1',
      'Step 37 of 100',
      '+ ε-greedy 10%',
    ]) {
      expect(shown).toContain(t);
    }
    // Each label sits on its own arrow.
    const label = (id: string) =>
      [...container.querySelectorAll(`[data-label="${id}"] text`)]
        .map((t) => t.textContent)
        .join(' ');
    expect(label('slatesClicks')).toBe('812 clicks 8.1% of slots');
    expect(label('clicksLog')).toBe('head gets 71% of clicks head: 10% most-played songs');
  });

  it('follows a live change of the mitigation', () => {
    const { store, container } = setup();
    act(() => store.getState().appendRows([stepOne, late]));
    expect(texts(container)).toContain('no mitigation');
    act(() => store.getState().setDraftValue('exploration', 'thompson', true));
    expect(texts(container)).toContain('+ Thompson sampling');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'the popularity ranker + Thompson sampling learns',
    );
  });

  it('sends one pulse lap per new step, and starts the next lap when steps arrived during one', () => {
    const { store, container } = setup();
    const pulse = () => container.querySelector<SVGPathElement>('.loop-pulse');
    act(() => store.getState().appendRows([stepOne]));
    expect(pulse()?.getAttribute('data-step')).toBe('1');
    // Steps that arrive mid-lap do not restart it…
    act(() => store.getState().appendRows([loopRow(2), loopRow(3)]));
    expect(pulse()?.getAttribute('data-step')).toBe('1');
    // …the next lap starts when this one ends, for the latest step.
    endLap(pulse()!);
    expect(pulse()?.getAttribute('data-step')).toBe('3');
    // With no new step the pulse rests.
    endLap(pulse()!);
    expect(pulse()).toBeNull();
    act(() => store.getState().appendRows([loopRow(4)]));
    expect(pulse()?.getAttribute('data-step')).toBe('4');
  });

  it('goes back to the step-0 world when a new run starts', () => {
    const { store } = setup();
    act(() => store.getState().appendRows([stepOne, late]));
    act(() => store.getState().beginRun({ ...defaultParams(), users: 50 }));
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'The feedback loop before step 1: 50 listeners and 2,000 songs; building world… The popularity ranker (no mitigation) will pick the first slates.',
    );
  });

  it('draws text of 20 px and more in the present size, and 12 px and more otherwise', () => {
    const sizes = (container: HTMLElement) =>
      [...container.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')));
    const present = setup({}, 'present');
    expect(present.container.querySelector('.loop')?.classList.contains('loop--present')).toBe(
      true,
    );
    expect(Math.min(...sizes(present.container))).toBeGreaterThanOrEqual(20);
    cleanup();
    const compact = setup();
    expect(Math.min(...sizes(compact.container))).toBeGreaterThanOrEqual(12);
    expect(Math.max(...sizes(compact.container))).toBeLessThan(20);
  });
});
