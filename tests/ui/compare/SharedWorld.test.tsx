// @vitest-environment jsdom
// The compare page's shared world: said in a sentence, changed in place, each field checked by the schema before anything runs.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { createAppStore } from '../../../src/state/store';
import { readShared, SharedWorld } from '../../../src/ui/compare/SharedWorld';
import { StoreProvider } from '../../../src/ui/storeContext';
import { stubActions } from '../helpers';

const base = { ...defaultParams(), seed: 42, users: 300, songs: 600 };

function setup() {
  const actions = stubActions();
  render(
    <StoreProvider store={createAppStore(base)} actions={actions}>
      <SharedWorld />
    </StoreProvider>,
  );
  return actions;
}

afterEach(cleanup);

describe('SharedWorld', () => {
  it('says which world every arm runs on, and opens a form filled with it', () => {
    setup();
    expect(screen.getByText(/All arms: seed 42, 300 listeners, 600 songs, 100 steps\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change the world' }));
    expect((screen.getByRole('textbox', { name: 'Seed' }) as HTMLInputElement).value).toBe('42');
    expect((screen.getByRole('textbox', { name: 'Listeners' }) as HTMLInputElement).value).toBe('300');
    expect((screen.getByRole('textbox', { name: 'Songs' }) as HTMLInputElement).value).toBe('600');
    expect((screen.getByRole('textbox', { name: 'Steps' }) as HTMLInputElement).value).toBe('100');
  });

  it('runs the new world for the whole app', () => {
    const actions = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Change the world' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Seed' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Steps' }), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run every arm on it' }));
    expect(actions.runScript).toHaveBeenCalledWith({ params: { ...base, seed: 7, steps: 50 }, changes: [] });
    // The form closes; the sentence stays.
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('names each bad field and what it allows, and runs nothing', () => {
    const actions = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Change the world' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Songs' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Listeners' }), { target: { value: '0x10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run every arm on it' }));
    expect(actions.runScript).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Listeners must be an integer from 2 to 200000.',
      'Songs must be an integer from 10 to 200000.',
    ]);
    expect(screen.getByRole('textbox', { name: 'Songs' }).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('readShared', () => {
  it('reads the four fields with the one number grammar', () => {
    expect(readShared({ seed: ' 1e3 ', users: '10', songs: '20', steps: '5' })).toEqual({ values: { seed: 1000, users: 10, songs: 20, steps: 5 } });
    expect(readShared({ seed: '-1', users: '10', songs: '20', steps: '5' })).toEqual({ errors: { seed: 'Seed must be an integer from 0 to 4294967295.' } });
  });
});
