// @vitest-environment jsdom
// The header: the preset picker (with descriptions), Copy link with its fallback, Hide controls;
// and the notices and error banner of the shell.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS, defaultParams } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { paramsFromSearch } from '../../src/state/url';
import { Header } from '../../src/ui/Header';
import { ErrorBanner, Notices } from '../../src/ui/Notices';
import { RUN_REFUSED } from '../../src/worker/protocol';
import { renderWith, stubActions } from './helpers';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

describe('Header', () => {
  it('names the app and says what the page shows', () => {
    renderWith(<Header />, createAppStore(defaultParams()), stubActions());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Feedback Loop Lab');
    expect(screen.getByText(/learns from the clicks it caused/)).toBeTruthy();
  });

  it('offers every preset with its description and applies the chosen one', () => {
    const actions = stubActions();
    renderWith(<Header />, createAppStore(defaultParams()), actions);
    const select = screen.getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(PRESETS.map((p) => p.title));
    expect(select.value).toBe('loop-forms');
    expect(screen.getByText(PRESETS[0]!.description)).toBeTruthy();
    fireEvent.change(select, { target: { value: 'random-baseline' } });
    expect(actions.choosePreset).toHaveBeenCalledWith('random-baseline');
  });

  it('says "Custom settings" when no preset matches', () => {
    const store = createAppStore({ ...defaultParams(), users: 77 });
    renderWith(<Header />, store, stubActions());
    expect((screen.getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Custom settings');
  });

  it('a run played past its end is still its scenario, named with its length', () => {
    const store = createAppStore(defaultParams());
    renderWith(<Header />, store, stubActions());
    act(() => store.getState().setSteps(200));
    const select = screen.getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
    expect(select.value).toBe('loop-forms');
    expect(screen.getByText('The loop forms (extended to 200 steps)')).toBeTruthy();
    expect(screen.queryByText(/no preset matches/)).toBeNull();
    expect(screen.getByText(PRESETS[0]!.description)).toBeTruthy();
  });

  it('names live changes in the chips\u2019 words, in the description\u2019s place on its line', () => {
    const store = createAppStore(defaultParams());
    const { container } = renderWith(<Header />, store, stubActions());
    const description = screen.getByText(PRESETS[0]!.description);
    expect(container.querySelector('.scenario-label')?.textContent).toBe('');
    expect(description.className).not.toContain('visually-hidden');
    act(() => {
      store.getState().addMarkerPart(14, { key: 'exploration', from: 'none', to: 'epsilon', text: 'ε 10%' });
      store.getState().addMarkerPart(30, { key: 'exploration', from: 'epsilon', to: 'thompson', text: 'Thompson' });
    });
    const label = screen.getByText('The loop forms + ε 10% from step 14, Thompson from step 30');
    // The same line holds both, so the first change adds no line: the description is hidden from
    // sight but still describes the picker to screen readers.
    expect(label.closest('p')).toBe(description.closest('p'));
    expect(description.className).toContain('visually-hidden');
    expect(screen.getByRole('combobox', { name: 'Scenario' }).getAttribute('aria-describedby')).toBe(description.id);
  });

  it('copies the link of the running parameters and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    window.history.replaceState(null, '', '/lab/?old=1');
    renderWith(<Header />, createAppStore({ ...defaultParams(), seed: 9 }), stubActions());
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied ✓' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/lab/?seed=9`);
    expect(screen.getByText('Link copied to the clipboard')).toBeTruthy();
  });

  it('falls back to a selected text field when there is no clipboard', async () => {
    setClipboard(undefined);
    renderWith(<Header />, createAppStore({ ...defaultParams(), users: 300 }), stubActions());
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = (await screen.findByRole('textbox')) as HTMLInputElement;
    expect(field.value).toMatch(/\?users=300$/);
    expect(document.activeElement === field || field.selectionEnd === field.value.length).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('hides and shows the controls', () => {
    const store = createAppStore(defaultParams());
    renderWith(<Header />, store, stubActions());
    fireEvent.click(screen.getByRole('button', { name: 'Hide controls' }));
    expect(store.getState().controlsHidden).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show controls' }));
    expect(store.getState().controlsHidden).toBe(false);
  });
});

describe('Notices and errors', () => {
  it('names ignored link values and can be dismissed', () => {
    const { params, issues } = paramsFromSearch('?users=abc');
    renderWith(<Notices />, createAppStore(params, issues), stubActions());
    expect(screen.getByRole('status').textContent).toContain('users: must be an integer from 2 to 200000, got "abc" (using the default, 1000)');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows a stopped simulation with a restart button', () => {
    const store = createAppStore(defaultParams());
    const actions = stubActions();
    renderWith(<ErrorBanner />, store, actions);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => store.getState().setStatus('error', 'the simulation worker crashed: boom'));
    expect(screen.getByRole('alert').textContent).toContain('boom');
    fireEvent.click(screen.getByRole('button', { name: 'Restart simulation' }));
    expect(actions.restartWorker).toHaveBeenCalled();
  });

  it('shows a run the worker refused as too big, without a restart that would be refused again', () => {
    const store = createAppStore(defaultParams());
    renderWith(<ErrorBanner />, store, stubActions());
    const message = `${RUN_REFUSED}: it needs about 1.3 GB of memory, …; the limit in the browser is 1 GB: lower Listeners (largest allowed with the other values: 135,292)`;
    act(() => store.getState().setStatus('error', message));
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('This run is too big for the browser.');
    expect(banner.textContent).toContain('lower Listeners (largest allowed with the other values: 135,292)');
    expect(banner.textContent).not.toContain('The simulation stopped');
    expect(screen.queryByRole('button', { name: 'Restart simulation' })).toBeNull();
  });
});
