// @vitest-environment jsdom
// The whole shell on a real (in-process) session: every part is there, stepping fills the views,
// and the instructor's flag hides the controls.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import { VIEWS } from '../../src/ui/views';
import { renderWith, wiredSession } from './helpers';

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App shell', () => {
  it('shows the header, the intro, the transport, the parameters and one slot per view', () => {
    const { store, session } = wiredSession();
    renderWith(<App />, store, session);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Feedback Loop Lab');
    expect(screen.getByText('What am I looking at?')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Playback' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Parameters' })).toBeTruthy();
    expect([...document.querySelectorAll('[data-view]')].map((el) => el.getAttribute('data-view'))).toEqual(VIEWS.map((v) => v.id));
  });

  it('steps from the transport and passes the new rows to every view', () => {
    const { store, session } = wiredSession();
    renderWith(<App />, store, session);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Step ×10' })));
    expect(screen.getByTestId('step-counter').textContent).toBe('Step 8 / 8');
    for (const slot of document.querySelectorAll('[data-view]')) expect(slot.getAttribute('data-step')).toBe('8');
    expect(screen.getByTestId('gini').textContent).toMatch(/^0\.\d{4}$/);
  });

  it('hides the parameter panel when the controls are hidden', () => {
    const { store, session } = wiredSession();
    store.getState().setControlsHidden(true);
    renderWith(<App />, store, session);
    expect(screen.queryByRole('complementary', { name: 'Parameters' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show controls' }));
    expect(screen.getByRole('complementary', { name: 'Parameters' })).toBeTruthy();
  });
});
