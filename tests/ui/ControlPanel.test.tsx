// @vitest-environment jsdom
// The parameter panel is generated from the schema: one control per parameter in its group, help as
// the description, inline validation that keeps the last valid value, live changes with markers,
// restart changes behind "Apply and restart", and no re-render when steps arrive. On narrow screens
// it is a sheet opened by the transport's Settings button: focus moves in, Esc or Close closes it
// and focus goes back to the button.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PARAM_SCHEMA, defaultParams, type ParamSpec, type StepMetrics } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { ControlPanel, groupedSchema, useParameterSheet } from '../../src/ui/ControlPanel';
import { Transport } from '../../src/ui/Transport';
import { StoreProvider } from '../../src/ui/storeContext';
import { renderWith, small, stubActions, wiredSession } from './helpers';

afterEach(cleanup);

const SPECS: readonly ParamSpec[] = PARAM_SCHEMA;

function controlOf(key: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-param="${key}"]`);
  if (!el) throw new Error(`no control for ${key}`);
  return el;
}

/** The element that labels a parameter's main input. */
function mainInput(spec: ParamSpec): HTMLElement {
  const control = controlOf(spec.key);
  if (spec.type === 'boolean') return within(control).getByRole('switch', { name: spec.label });
  if (spec.type === 'enum') return within(control).getByRole('combobox', { name: spec.label });
  return within(control).getByRole('textbox', { name: spec.label });
}

describe('ControlPanel', () => {
  it('renders one control per schema parameter, in its group, groups in panel order', () => {
    renderWith(<ControlPanel />, createAppStore(defaultParams()), stubActions());
    expect(document.querySelectorAll('[data-param]')).toHaveLength(SPECS.length);
    const groups = groupedSchema();
    expect(groups.map((g) => g.group).slice(0, 3)).toEqual(['World', 'Listeners', 'Recommender']);
    expect(groups.at(-1)!.group).toBe('Run');
    for (const { group, specs } of groups) {
      const box = screen.getByRole('group', { name: `${group} parameters` });
      expect([...box.querySelectorAll('[data-param]')].map((el) => el.getAttribute('data-param'))).toEqual(specs.map((s) => s.key));
    }
  });

  it('gives every control its label, its current value and the help text as its description', () => {
    const params = defaultParams();
    renderWith(<ControlPanel />, createAppStore(params), stubActions());
    for (const spec of SPECS) {
      const input = mainInput(spec) as HTMLInputElement;
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
      expect(described, spec.key).toContain(spec.help);
      const value = params[spec.key as keyof typeof params];
      if (spec.type === 'boolean') expect(input.checked).toBe(value);
      else expect(input.value).toBe(Array.isArray(value) ? value.join(',') : String(value));
    }
  });

  it('shows min, max and unit, and a slider where one helps', () => {
    renderWith(<ControlPanel />, createAppStore(defaultParams()), stubActions());
    const users = controlOf('users');
    expect(users.textContent).toContain('200,000 listeners');
    expect(within(users).getByRole('slider', { name: 'Listeners slider' })).toBeTruthy();
    // A 32-bit seed gets a field only.
    expect(within(controlOf('seed')).queryByRole('slider')).toBeNull();
  });

  it('shows the selected option\'s help under a select', () => {
    const store = createAppStore({ ...defaultParams(), recommender: 'random' });
    renderWith(<ControlPanel />, store, stubActions());
    expect(within(controlOf('recommender')).getByText('A uniformly random slate for each listener: no loop, no relevance.')).toBeTruthy();
  });

  it('rejects invalid input with a message naming the field and range, keeping the last valid value', () => {
    const actions = stubActions();
    const store = createAppStore(defaultParams());
    renderWith(<ControlPanel />, store, actions);
    const field = screen.getByRole('textbox', { name: 'Listeners' }) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '5000000' } });
    expect(screen.getByRole('alert').textContent).toBe('Listeners must be an integer from 2 to 200000 (got "5000000").');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(actions.changeParam).not.toHaveBeenCalled();
    expect(store.getState().draft.users).toBe(1000);
    fireEvent.blur(field);
    expect(field.value).toBe('1000');
    expect(screen.getByRole('alert').textContent).toContain('kept 1000');
    fireEvent.change(field, { target: { value: '1500' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(actions.changeParam).toHaveBeenCalledWith('users', 1500, { continuous: true });
  });

  it('parses a list field with the schema parser', () => {
    const actions = stubActions();
    renderWith(<ControlPanel />, createAppStore(defaultParams()), actions);
    const field = screen.getByRole('textbox', { name: 'Popularity buckets' });
    fireEvent.change(field, { target: { value: '500,50' } });
    expect(screen.getByRole('alert').textContent).toContain('Popularity buckets must be 2 ascending integers from 1 to 100000000');
    fireEvent.change(field, { target: { value: '50, 500' } });
    expect(actions.changeParam).toHaveBeenCalledWith('bucketThresholds', [50, 500], { continuous: true });
  });

  it('maps a wide range onto a logarithmic slider', () => {
    const actions = stubActions();
    renderWith(<ControlPanel />, createAppStore(defaultParams()), actions);
    const slider = screen.getByRole('slider', { name: 'Songs slider' }) as HTMLInputElement;
    fireEvent.change(slider, { target: { value: slider.max } });
    expect(actions.changeParam).toHaveBeenLastCalledWith('songs', 200000, { continuous: true });
    fireEvent.change(slider, { target: { value: '100' } });
    const [, mid] = actions.changeParam.mock.calls.at(-1)!;
    expect(mid).toBeGreaterThan(1000);
    expect(mid).toBeLessThan(2000);
  });

  it('a live change goes to the handler and, mid-run, leaves a marker', () => {
    const actions = stubActions();
    renderWith(<ControlPanel />, createAppStore(defaultParams()), actions);
    fireEvent.change(screen.getByRole('combobox', { name: 'Recommender' }), { target: { value: 'random' } });
    expect(actions.changeParam).toHaveBeenCalledWith('recommender', 'random');
    cleanup();

    const { store, session } = wiredSession();
    session.step(5);
    renderWith(<ControlPanel />, store, session);
    fireEvent.change(screen.getByRole('combobox', { name: 'Exploration' }), { target: { value: 'epsilon' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Exclude clicked songs' }));
    expect(store.getState().params).toMatchObject({ exploration: 'epsilon', excludeConsumed: true });
    expect(store.getState().markers.map(({ t, label }) => ({ t, label }))).toEqual([
      { t: 6, label: 'ε 10%, exclude clicked songs = true from here' },
    ]);
    expect(screen.queryByText(/Restart needed/)).toBeNull();
  });

  it('a restart parameter marks the panel "Restart needed" until Apply and restart', () => {
    const { store, session } = wiredSession();
    session.step(2);
    renderWith(<ControlPanel />, store, session);
    fireEvent.change(screen.getByRole('textbox', { name: 'Songs' }), { target: { value: '300' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Listeners' }), { target: { value: '50' } });
    const status = screen.getByText(/Restart needed to apply/).closest('[role="status"]') as HTMLElement;
    expect(status.textContent).toContain('Restart needed to apply: Songs, Listeners');
    expect(within(controlOf('songs')).getByText('restart to apply')).toBeTruthy();
    // The run goes on with the old world.
    expect(store.getState().params.songs).toBe(small.songs);
    expect(store.getState().t).toBe(2);
    fireEvent.click(within(status).getByRole('button', { name: 'Apply and restart' }));
    expect(store.getState().params).toMatchObject({ songs: 300, users: 50 });
    expect(store.getState().t).toBe(0);
    expect(screen.queryByText(/Restart needed/)).toBeNull();
  });

  it('does not re-render when steps arrive', () => {
    const store = createAppStore(defaultParams());
    let renders = 0;
    renderWith(
      <Profiler id="panel" onRender={() => renders++}>
        <ControlPanel />
      </Profiler>,
      store,
      stubActions(),
    );
    const before = renders;
    act(() => {
      for (let t = 1; t <= 5; t++) store.getState().receiveSteps([{ t } as StepMetrics], undefined, false);
      store.getState().setStatus('running');
    });
    expect(renders).toBe(before);
  });
});

/** The transport and the panel sharing one sheet state, as the app wires them. */
function SheetHarness({ enabled = true }: { enabled?: boolean }) {
  const { toggle, sheet } = useParameterSheet(enabled);
  return (
    <>
      <button type="button">elsewhere</button>
      <Transport settings={enabled ? toggle : undefined} />
      {enabled && <ControlPanel sheet={sheet} />}
    </>
  );
}

describe('ControlPanel as a sheet', () => {
  const panel = () => screen.getByRole('complementary', { name: 'Parameters' });
  const settings = () => screen.getByRole('button', { name: 'Settings' });
  const isOpen = () => panel().classList.contains('is-open');

  function openSheet() {
    const store = createAppStore(defaultParams());
    store.setState({ status: 'idle' });
    const view = renderWith(<SheetHarness />, store, stubActions());
    act(() => settings().focus());
    fireEvent.click(settings());
    return { ...view, store };
  }

  it('starts closed; Settings names the panel it controls and opens it, moving focus into it', () => {
    renderWith(<SheetHarness />, createAppStore(defaultParams()), stubActions());
    expect(isOpen()).toBe(false);
    expect(settings().getAttribute('aria-expanded')).toBe('false');
    expect(settings().getAttribute('aria-controls')).toBe(panel().id);
    expect(panel().id).not.toBe('');
    act(() => settings().focus());
    fireEvent.click(settings());
    expect(isOpen()).toBe(true);
    expect(settings().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(panel()).getByRole('heading', { name: 'Parameters' }));
  });

  it('Esc closes it and focus goes back to the Settings button', () => {
    openSheet();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(settings().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(settings());
  });

  it('Esc from a control inside the sheet closes it too', () => {
    openSheet();
    const field = screen.getByRole('textbox', { name: 'Seed' });
    act(() => field.focus());
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(settings());
  });

  it('the Close button closes it and returns focus; Settings toggles it', () => {
    openSheet();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Close' }));
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(settings());
    fireEvent.click(settings());
    expect(isOpen()).toBe(true);
    fireEvent.click(settings());
    expect(isOpen()).toBe(false);
  });

  it('leaves focus where the user put it outside the sheet', () => {
    openSheet();
    const elsewhere = screen.getByRole('button', { name: 'elsewhere' });
    act(() => elsewhere.focus());
    fireEvent.keyDown(elsewhere, { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('a key other than Esc, or Esc already handled, leaves it open', () => {
    openSheet();
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(isOpen()).toBe(true);
    // Something inside (a popup of its own) handles Esc first.
    const handle = (event: KeyboardEvent) => event.preventDefault();
    document.addEventListener('keydown', handle, true);
    try {
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    } finally {
      document.removeEventListener('keydown', handle, true);
    }
    expect(isOpen()).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(isOpen()).toBe(false);
  });

  it('hiding the controls closes it; showing them again does not reopen it', () => {
    const { rerender, store } = openSheet();
    expect(isOpen()).toBe(true);
    const wrap = (enabled: boolean) => (
      <StoreProvider store={store} actions={stubActions()}>
        <SheetHarness enabled={enabled} />
      </StoreProvider>
    );
    rerender(wrap(false));
    expect(screen.queryByRole('complementary', { name: 'Parameters' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    rerender(wrap(true));
    expect(isOpen()).toBe(false);
    expect(settings().getAttribute('aria-expanded')).toBe('false');
  });

  it('as a plain sidebar (no sheet) it has no Close button and ignores Esc', () => {
    renderWith(<ControlPanel />, createAppStore(defaultParams()), stubActions());
    expect(within(panel()).queryByRole('button', { name: 'Close' })).toBeNull();
    expect(within(panel()).getByRole('heading', { name: 'Parameters' }).getAttribute('tabindex')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(isOpen()).toBe(false);
  });
});
