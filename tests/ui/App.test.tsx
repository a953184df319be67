// @vitest-environment jsdom
// The whole shell on a real (in-process) session: every part is there, stepping fills the views,
// and the instructor's flag hides the controls; the transport's Settings button drives the panel's
// sheet; the intro is one line with an expander whose state is remembered.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import { INTRO_STORAGE_KEY, Intro } from '../../src/ui/Intro';
import { VIEWS } from '../../src/ui/views';
import { defaultParams } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { renderWith, small, stubActions, wiredSession } from './helpers';
import { initial, row } from './views/fixtures';

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
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
    expect(screen.getByTestId('gini').textContent).toMatch(/^0\.\d{2}$/);
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

describe('App shell, parameter sheet', () => {
  it('the transport\'s Settings button controls the parameter panel', () => {
    const { store, session } = wiredSession();
    renderWith(<App />, store, session);
    const panel = screen.getByRole('complementary', { name: 'Parameters' });
    const settings = within(screen.getByRole('region', { name: 'Playback' })).getByRole('button', { name: 'Settings' });
    expect(settings.getAttribute('aria-controls')).toBe(panel.id);
    fireEvent.click(settings);
    expect(panel.classList.contains('is-open')).toBe(true);
    expect(panel.contains(document.activeElement)).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(panel.classList.contains('is-open')).toBe(false);
  });

  it('has no Settings button while the controls are hidden', () => {
    const { store, session } = wiredSession();
    store.getState().setControlsHidden(true);
    renderWith(<App />, store, session);
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show controls' }));
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-expanded')).toBe('false');
  });
});

describe('App shell, present mode from a lesson', () => {
  /** The app at chapter `chapter` of the loops lesson, on stub actions (the rail's run is not simulated). */
  function lessonApp(chapter: number) {
    const store = createAppStore({ ...small, steps: 100 }, [], { lesson: { name: 'loops', chapter } });
    const actions = stubActions();
    renderWith(<App />, store, actions);
    return { store, actions };
  }

  it('P opens present mode on the view the chapter highlights (chapter 7: the hit-rate view holding its chart; the sandbox: the loop)', () => {
    const expected = ['rich-get-richer', 'rich-get-richer', 'diversity', 'hit-rate', 'diversity', 'diversity', 'hit-rate', 'loop'];
    expected.forEach((view, i) => {
      const { store } = lessonApp(i + 1);
      fireEvent.keyDown(window, { key: 'p' });
      expect(store.getState().present, `chapter ${i + 1}`).toBe(view);
      expect(screen.getByRole('region', { name: /^Present mode: / })).toBeTruthy();
      cleanup();
    });
  });

  it('the header\'s Present button opens on the same view as P (chapter 7: hit rate)', () => {
    const { store } = lessonApp(7);
    fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(store.getState().present).toBe('hit-rate');
  });

  it('back from present mode, the chapter keeps its answer and its run', () => {
    const { store, actions } = lessonApp(2);
    fireEvent.click(screen.getByRole('radio', { name: 'Go up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess and run' }));
    act(() => store.setState({ initial, t: 100, rows: Array.from({ length: 100 }, (_, i) => row(i + 1, { gini: 0.9, top1Share: 0.5 })) }));
    const answer = 'Right: The Gini went from 0.78 to 0.90, and the top 1% of songs now hold 50.0% of all plays. The rich get richer.';
    expect(screen.getByText(answer)).toBeTruthy();
    const scripts = actions.runScript.mock.calls.length;
    fireEvent.keyDown(window, { key: 'P' });
    expect(store.getState().present).toBe('rich-get-richer');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().present).toBeNull();
    // Not set up again from step 0: the run stays at its checkpoint and the answer stays in the rail.
    expect(actions.runScript.mock.calls.length).toBe(scripts);
    expect(screen.getByText(answer)).toBeTruthy();
  });

  it('leaving the lesson forgets the chapter: coming back starts it afresh', () => {
    const { store, actions } = lessonApp(2);
    fireEvent.click(screen.getByRole('radio', { name: 'Go up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess and run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave lesson' }));
    const scripts = actions.runScript.mock.calls.length;
    act(() => store.getState().setLesson({ name: 'loops', chapter: 2 }));
    expect(actions.runScript.mock.calls.length).toBe(scripts + 1);
    expect(actions.runScript.mock.calls.at(-1)![0]).toMatchObject({ play: false, fresh: true });
    expect((screen.getByRole('button', { name: 'Lock in my guess and run' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

/** The intro on a store at step `t` (0: a run not started). */
function renderIntro(t = 0) {
  const store = createAppStore(defaultParams());
  if (t > 0) store.setState({ t, status: 'paused' });
  return renderWith(<Intro />, store, stubActions());
}

describe('Intro', () => {
  const toggle = () => screen.getByRole('button', { name: 'What am I looking at?' });
  const body = () => document.getElementById(toggle().getAttribute('aria-controls') ?? '')!;

  it('is one line with the explanation closed, on a first visit', () => {
    renderIntro();
    expect(screen.getByText(/watch plays pile up on a few songs/)).toBeTruthy();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(body().hidden).toBe(true);
  });

  it('opens and closes the explanation, and remembers the choice', () => {
    const first = renderIntro();
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(body().hidden).toBe(false);
    expect(body().textContent).toContain('the recommender learns only from those clicks');
    expect(localStorage.getItem(INTRO_STORAGE_KEY)).toBe('open');
    first.unmount();

    const second = renderIntro();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle());
    expect(body().hidden).toBe(true);
    expect(localStorage.getItem(INTRO_STORAGE_KEY)).toBe('closed');
    second.unmount();

    renderIntro();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  it('drops "Press Play" once the run has started, keeping the explanation', () => {
    renderIntro(5);
    expect(screen.queryByText(/watch plays pile up on a few songs/)).toBeNull();
    expect(toggle()).toBeTruthy();
  });

  it('works, forgetting, when storage is switched off', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('storage is disabled');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('storage is disabled');
    });
    renderIntro();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle());
    expect(body().hidden).toBe(false);
  });
});
