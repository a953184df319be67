// @vitest-environment jsdom
// The arm cards: choosing a preset or the Explore page's settings replaces that arm, Remove only above two arms,
// "+ Add an arm" only below four, and each arm's progress or failure.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, findPreset, presetParams, PRESETS, type Params } from '../../../src/engine';
import { createCompareStore, presetArm, type ArmRun, type CompareStore } from '../../../src/state/compare';
import type { CompareSession } from '../../../src/state/compareSession';
import { createAppStore } from '../../../src/state/store';
import { ArmEditor } from '../../../src/ui/compare/ArmEditor';
import { CompareContext } from '../../../src/ui/compare/useCompare';
import { StoreProvider } from '../../../src/ui/storeContext';

afterEach(cleanup);

const explore: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7, popularityPenalty: 0.25 };

function show(names: string[], runs?: (ArmRun | null)[]) {
  const store: CompareStore = createCompareStore(explore, names.map((n) => presetArm(n)!));
  if (runs) store.setState({ runs });
  const session = { setArm: vi.fn(), removeArm: vi.fn() };
  render(
    <StoreProvider store={createAppStore(explore)}>
      <CompareContext.Provider value={{ store, session: session as unknown as CompareSession }}>
        <ArmEditor />
      </CompareContext.Provider>
    </StoreProvider>,
  );
  return session;
}

const selectOf = (i: number) => document.querySelector(`li[data-arm="${i}"] select`) as HTMLSelectElement;

describe('ArmEditor', () => {
  it("shows one card per arm, its select on the arm's preset, every preset offered", () => {
    show(['loop-forms', 'epsilon-exploration', 'thompson-sampling']);
    expect(document.querySelectorAll('li.arm-card')).toHaveLength(3);
    expect([0, 1, 2].map((i) => selectOf(i).value)).toEqual(['loop-forms', 'epsilon-exploration', 'thompson-sampling']);
    const options = [...selectOf(0).options].map((o) => o.value);
    expect(options).toEqual(['', ...PRESETS.map((p) => p.name)]);
    expect(screen.getByText('Arm 2')).toBeTruthy();
  });

  it('choosing a preset calls setArm for that arm with the preset', () => {
    const session = show(['loop-forms', 'epsilon-exploration']);
    fireEvent.change(selectOf(1), { target: { value: 'ucb-exploration' } });
    expect(session.setArm).toHaveBeenCalledTimes(1);
    expect(session.setArm).toHaveBeenCalledWith(1, { preset: 'ucb-exploration', params: presetParams(findPreset('ucb-exploration')!) });
  });

  it("choosing the Explore page's settings calls setArm with them, as a custom arm", () => {
    const session = show(['loop-forms', 'epsilon-exploration']);
    fireEvent.change(selectOf(0), { target: { value: '' } });
    expect(session.setArm).toHaveBeenCalledWith(0, { preset: null, params: explore });
  });

  it('Remove is hidden at two arms', () => {
    show(['loop-forms', 'epsilon-exploration']);
    expect(screen.queryAllByRole('button', { name: /^Remove arm/ })).toHaveLength(0);
  });

  it('Remove shows on every card above two arms and removes that arm', () => {
    const session = show(['loop-forms', 'epsilon-exploration', 'thompson-sampling']);
    expect(screen.getAllByRole('button', { name: /^Remove arm/ })).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Remove arm 2' }));
    expect(session.removeArm).toHaveBeenCalledWith(1);
  });

  it('"+ Add an arm" adds the first preset not yet used, at the end', () => {
    const session = show(['loop-forms', 'epsilon-exploration', 'thompson-sampling']);
    fireEvent.click(screen.getByRole('button', { name: '+ Add an arm' }));
    // PRESETS order: loop-forms is used, locked-catalog is next.
    expect(session.setArm).toHaveBeenCalledWith(3, presetArm('locked-catalog'));
  });

  it('"+ Add an arm" is hidden at four arms', () => {
    show(['loop-forms', 'epsilon-exploration', 'thompson-sampling', 'ucb-exploration']);
    expect(screen.queryByRole('button', { name: '+ Add an arm' })).toBeNull();
  });

  it('says how far a running arm has got, and why an arm failed', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ t: i + 1 })) as unknown as ArmRun['rows'];
    show(
      ['loop-forms', 'epsilon-exploration'],
      [
        { initial: null, rows: rows(3), status: 'running', error: null },
        { initial: null, rows: rows(1), status: 'failed', error: 'out of memory' },
      ],
    );
    const statuses = screen.getAllByRole('status').map((s) => s.textContent);
    expect(statuses).toEqual(['computing, step 3', 'failed: out of memory']);
  });
});

describe('ArmEditor: arms refused for memory', () => {
  it('shows why the arms were not started as an alert, and nothing when they were', () => {
    const message = 'The comparison was not started: running 3 arms, 3 at a time, needs about 1.1 GB of memory; the limit in the browser is 1 GB: lower Listeners (largest allowed with the other values: 50,000)';
    const store: CompareStore = createCompareStore(explore, ['loop-forms', 'epsilon-exploration', 'thompson-sampling'].map((n) => presetArm(n)!));
    store.setState({ refused: message });
    render(
      <StoreProvider store={createAppStore(explore)}>
        <CompareContext.Provider value={{ store, session: {} as unknown as CompareSession }}>
          <ArmEditor />
        </CompareContext.Provider>
      </StoreProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe(message);
    cleanup();
    show(['loop-forms', 'epsilon-exploration']);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
