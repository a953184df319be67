// @vitest-environment jsdom
// The transport: buttons, the step counter, the speed, keyboard shortcuts that stay out of the
// way of fields, selects and sliders, and (narrow screens) the Settings button of the parameter sheet.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { StoreProvider } from '../../src/ui/storeContext';
import { followFocusModality } from '../../src/ui/spaceKey';
import { Transport, shortcutFor } from '../../src/ui/Transport';
import { renderWith, small, stubActions, wiredSession } from './helpers';

afterEach(cleanup);

function ready() {
  const store = createAppStore({ ...defaultParams(), steps: 100 });
  store.setState({ status: 'idle' });
  return store;
}

describe('Transport', () => {
  it('has play, step, step ×10, reset and speed, wired to the actions', () => {
    const actions = stubActions();
    renderWith(<Transport />, ready(), actions);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(actions.togglePlay).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(actions.step).toHaveBeenLastCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Step ×10' }));
    expect(actions.step).toHaveBeenLastCalledWith(10);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(actions.reset).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByRole('slider', { name: /Speed/ }), { target: { value: '30' } });
    expect(actions.setSpeed).toHaveBeenCalledWith(30);
  });

  it('shows the step and the run length, and Pause while running', () => {
    const store = ready();
    renderWith(<Transport />, store, stubActions());
    expect(screen.getByTestId('step-counter').textContent).toBe('Step 0 / 100');
    act(() => store.setState({ t: 37, status: 'running' }));
    expect(screen.getByTestId('step-counter').textContent).toBe('Step 37 / 100');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByTestId('run-status').textContent).toBe('Playing');
    act(() => store.setState({ t: 100, status: 'done' }));
    expect(screen.getByTestId('run-status').textContent).toBe('Finished');
    // At the end Play does not grey out: it plays on (the session extends the run).
    const playOn = screen.getByRole('button', { name: 'Play on' }) as HTMLButtonElement;
    expect(playOn.disabled).toBe(false);
    expect(playOn.title).toBe('Run 100 more steps');
    expect((screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('disables stepping while the world is being built', () => {
    const store = createAppStore(defaultParams());
    renderWith(<Transport />, store, stubActions());
    expect((screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('run-status').textContent).toBe('Building the world…');
  });

  it('Space plays or pauses, → steps, R resets', () => {
    const actions = stubActions();
    renderWith(<Transport />, ready(), actions);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(actions.togglePlay).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(actions.step).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'R' });
    expect(actions.reset).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    expect(actions.reset).toHaveBeenCalledTimes(2);
  });

  it('leaves keys to text fields, selects and sliders', () => {
    const actions = stubActions();
    renderWith(
      <>
        <input aria-label="text" />
        <select aria-label="choice"><option>a</option></select>
        <input type="range" aria-label="range" />
        <button type="button">other</button>
        <Transport />
      </>,
      ready(),
      actions,
    );
    for (const name of ['text', 'choice']) {
      const el = screen.getByLabelText(name);
      fireEvent.keyDown(el, { key: ' ' });
      fireEvent.keyDown(el, { key: 'ArrowRight' });
      fireEvent.keyDown(el, { key: 'r' });
    }
    fireEvent.keyDown(screen.getByLabelText('range'), { key: 'ArrowRight' });
    // Space on a button presses that button, not play.
    fireEvent.keyDown(screen.getByRole('button', { name: 'other' }), { key: ' ' });
    expect(actions.togglePlay).not.toHaveBeenCalled();
    expect(actions.step).not.toHaveBeenCalled();
    expect(actions.reset).not.toHaveBeenCalled();
    // → and R still work from a button.
    fireEvent.keyDown(screen.getByRole('button', { name: 'other' }), { key: 'ArrowRight' });
    expect(actions.step).toHaveBeenCalledWith(1);
  });

  it('has a Settings button only when given the parameter sheet, wired to it', () => {
    renderWith(<Transport />, ready(), stubActions());
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    cleanup();

    const onToggle = vi.fn();
    const actions = stubActions();
    const settings = { open: false, onToggle, controls: 'the-panel', buttonId: 'the-settings-button' };
    const store = ready();
    const { rerender } = renderWith(<Transport settings={settings} />, store, actions);
    const button = screen.getByRole('button', { name: 'Settings' });
    expect(button.id).toBe('the-settings-button');
    expect(button.getAttribute('aria-controls')).toBe('the-panel');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledTimes(1);
    // Space on the button is the button's, not play/pause.
    fireEvent.keyDown(button, { key: ' ' });
    expect(actions.togglePlay).not.toHaveBeenCalled();
    rerender(
      <StoreProvider store={store} actions={actions}>
        <Transport settings={{ ...settings, open: true }} />
      </StoreProvider>,
    );
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the full names behind the compact phone labels', () => {
    const store = ready();
    renderWith(<Transport />, store, stubActions());
    // A phone shows "×10" and "10/s"; the names and the full text stay the same.
    expect(screen.getByRole('button', { name: 'Step ×10' }).textContent).toBe('Step ×10');
    expect(document.querySelector('.speed-value')!.textContent).toBe(`${store.getState().speed} steps/s`);
  });

  it('plays on Space after a click left focus on a button (a chip), and gives Space back to the button after Tab', () => {
    const stop = followFocusModality(document);
    try {
      const actions = stubActions();
      renderWith(
        <>
          <button type="button">chip</button>
          <Transport />
        </>,
        ready(),
        actions,
      );
      const chip = screen.getByRole('button', { name: 'chip' });
      fireEvent.pointerDown(chip);
      chip.focus();
      fireEvent.click(chip);
      const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
      chip.dispatchEvent(space);
      expect(actions.togglePlay).toHaveBeenCalledTimes(1);
      // The key's default is cancelled, so the chip is not pressed again on key-up.
      expect(space.defaultPrevented).toBe(true);

      // Tab moves focus by keyboard: Space on the button it reaches is the button's again.
      fireEvent.keyDown(chip, { key: 'Tab' });
      fireEvent.keyDown(chip, { key: ' ' });
      expect(actions.togglePlay).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it('classifies shortcuts without a DOM event', () => {
    const base = { ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: null };
    expect(shortcutFor({ ...base, key: ' ' })).toBe('toggle');
    expect(shortcutFor({ ...base, key: 'x' })).toBeNull();
    expect(shortcutFor({ ...base, key: ' ', defaultPrevented: true })).toBeNull();
  });

  it('steps a real session from the keyboard', () => {
    const { store, session } = wiredSession(small);
    renderWith(<Transport />, store, session);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(screen.getByTestId('step-counter').textContent).toBe(`Step 2 / ${small.steps}`);
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(screen.getByTestId('step-counter').textContent).toBe(`Step 0 / ${small.steps}`);
  });
});
