// @vitest-environment jsdom
// Present mode on the page: the title and the change above the view, one row of controls below, the keys; the loop drawn to fill a stage.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { LoopDiagram } from '../../../src/ui/loop/LoopDiagram';
import { STYLES } from '../../../src/ui/loop/loopStyle';
import { PresentMode, PRESENT_VIEWS } from '../../../src/ui/present/PresentMode';
import { followFocusModality } from '../../../src/ui/spaceKey';
import { initial, late, stepOne } from '../loop/fixtures';
import { renderWith, stubActions } from '../helpers';

afterEach(cleanup);

function setup(view: string): { store: AppStore; actions: ReturnType<typeof stubActions> } {
  const store = createAppStore(defaultParams());
  store.getState().resetHistory(initial);
  store.getState().setStatus('idle');
  store.getState().setPresent(view);
  const actions = stubActions();
  renderWith(<PresentMode />, store, actions);
  return { store, actions };
}

describe('PresentMode', () => {
  it('names the view, shows what changed since step 0 above it, and keeps every control in one bar below it', () => {
    setup('rich-get-richer');
    const region = screen.getByRole('region', { name: /^Present mode: Rich get richer/ });
    const top = region.querySelector('.present-top')!;
    expect(within(top as HTMLElement).getByRole('heading', { level: 2 }).textContent).toMatch(/^Rich get richer/);
    expect(top.querySelector('.present-numbers')?.textContent).toContain('Gini of plays');
    const bottom = region.querySelector('.present-bottom') as HTMLElement;
    for (const group of ['Run', 'Mitigation (one at a time)', 'Views']) expect(within(bottom).getByRole('group', { name: group })).toBeTruthy();
    expect(within(bottom).getByRole('button', { name: 'Next view' })).toBeTruthy();
    expect(within(bottom).getByRole('button', { name: /^Leave/ })).toBeTruthy();
    // The view sits between them, on a stage scaled to fit.
    expect(region.querySelector('.present-stage .present-scale [data-view="rich-get-richer"]')).not.toBeNull();
  });

  it('steps through the views with the arrows and the buttons, and leaves with Esc', () => {
    const { store } = setup('loop');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(store.getState().present).toBe(PRESENT_VIEWS[1]!.id);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(store.getState().present).toBe(PRESENT_VIEWS.at(-1)!.id);
    fireEvent.click(screen.getByRole('button', { name: 'Next view' }));
    expect(store.getState().present).toBe('loop');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().present).toBeNull();
  });

  it('plays on Space after a click on a chip or a radio button in the view; a radio reached by Tab keeps Space', () => {
    const stop = followFocusModality(document);
    try {
      const { actions } = setup('hit-rate');
      const chip = screen.getByRole('button', { name: 'ε 10%' });
      fireEvent.pointerDown(chip);
      chip.focus();
      fireEvent.keyDown(chip, { key: ' ' });
      expect(actions.togglePlay).toHaveBeenCalledTimes(1);
      const radio = screen.getByRole('radio', { name: /before step 1/ });
      fireEvent.pointerDown(radio);
      radio.focus();
      fireEvent.keyDown(radio, { key: ' ' });
      expect(actions.togglePlay).toHaveBeenCalledTimes(2);
      fireEvent.keyDown(radio, { key: 'Tab' });
      fireEvent.keyDown(radio, { key: ' ' });
      expect(actions.togglePlay).toHaveBeenCalledTimes(2);
    } finally {
      stop();
    }
  });

  it('draws the loop on a stage of its own (it fills the stage itself), not a scaled one', () => {
    setup('loop');
    const stage = document.querySelector('.present-stage-loop');
    expect(stage?.querySelector('[data-testid="loop-diagram"]')).not.toBeNull();
    expect(document.querySelector('.present-scale')).toBeNull();
  });
});

describe('LoopDiagram filling a stage', () => {
  it('scales the present-size drawing to fit the height it is given, its text 20 px and more', () => {
    const store = createAppStore(defaultParams());
    store.getState().resetHistory(initial);
    store.getState().setStatus('paused');
    act(() => {
      store.getState().appendRows([stepOne, late]);
    });
    // jsdom has no layout: the drawing takes its 1600 px fallback width.
    const { container } = renderWith(<LoopDiagram size="present" fillHeight={600} />, store);
    const fit = container.querySelector<HTMLElement>('.loop-fit')!;
    const stage = container.querySelector<HTMLElement>('.loop-stage')!;
    const scale = Number(/scale\(([\d.]+)\)/.exec(stage.style.transform)?.[1] ?? 1);
    expect(parseFloat(fit.style.height)).toBeLessThanOrEqual(600 - 34);
    expect(parseFloat(fit.style.width)).toBeLessThanOrEqual(1600);
    // Most of the room: as tall as it may be, or as wide.
    expect(Math.max(parseFloat(fit.style.height) / (600 - 34), parseFloat(fit.style.width) / 1600)).toBeGreaterThan(0.9);
    expect(Math.min(...Object.values(STYLES.present.font)) * scale).toBeGreaterThanOrEqual(20);
  });
});
