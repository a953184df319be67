// @vitest-environment jsdom
// The mitigation chips as one single-choice group: a chip replaces the one before it, a mix set in the
// panel presses none and is named, and the group says "one at a time" to eyes and screen readers alike.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findPreset, presetParams, type Params } from '../../../src/engine';
import { STRATEGY_GROUP_NAME, StrategyBar } from '../../../src/ui/strategy/StrategyBar';
import { renderWith, small, wiredSession } from '../helpers';

afterEach(cleanup);

function setup(over: Partial<Params> = {}) {
  const { store, session } = wiredSession({ ...small, ...over });
  renderWith(<StrategyBar />, store, session);
  const group = screen.getByRole('group', { name: STRATEGY_GROUP_NAME });
  const pressed = () => within(group).queryAllByRole('button', { pressed: true }).map((b) => b.textContent);
  return { store, session, group, pressed };
}

describe('StrategyBar', () => {
  it('is one labelled group that says the chips replace one another, with exactly one chip pressed', () => {
    const { group, pressed } = setup();
    expect(STRATEGY_GROUP_NAME).toBe('Mitigation (one at a time)');
    expect(within(group).getByText('one at a time')).toBeTruthy();
    const chips = within(group).getAllByRole('button');
    expect(chips.map((c) => c.textContent)).toEqual(['Off', 'ε 10%', 'Thompson', 'UCB', 'IPS + ε', 'Penalty', 'xQuAD']);
    // Plain buttons in the tab order: Tab reaches each, Space and Enter press it.
    expect(chips.every((c) => c.tagName === 'BUTTON' && c.tabIndex === 0)).toBe(true);
    expect(pressed()).toEqual(['Off']);
  });

  it('switches ε off when Thompson is chosen, and Thompson off when IPS is', () => {
    const { store, pressed } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'ε 10%' }));
    expect(pressed()).toEqual(['ε 10%']);
    fireEvent.click(screen.getByRole('button', { name: 'Thompson' }));
    expect(pressed()).toEqual(['Thompson']);
    expect(store.getState().params.exploration).toBe('thompson');
    fireEvent.click(screen.getByRole('button', { name: 'xQuAD' }));
    expect(store.getState().params).toMatchObject({ exploration: 'none', rerank: 'xquad' });
    fireEvent.click(screen.getByRole('button', { name: 'IPS + ε' }));
    expect(pressed()).toEqual(['IPS + ε']);
    expect(store.getState().params).toMatchObject({ exploration: 'epsilon', positionDebias: 'ips', rerank: 'none' });
  });

  it('shows ε with IPS as the IPS chip (what it sets), not as a mix', () => {
    const { group, pressed } = setup({ exploration: 'epsilon', positionDebias: 'ips' });
    expect(pressed()).toEqual(['IPS + ε']);
    expect(group.getAttribute('aria-describedby')).toBeNull();
    expect(within(group).queryByText(/Custom/)).toBeNull();
  });

  it('presses no chip for a mix set in the panel, names it, and a chip replaces it', () => {
    const { store, group, pressed } = setup({ exploration: 'thompson', positionDebias: 'ips', rerank: 'xquad' });
    expect(pressed()).toEqual([]);
    const text = 'Custom mix: Thompson + IPS + xQuAD. A chip replaces it.';
    expect(within(group).getByText(text)).toBeTruthy();
    // Screen readers hear it with the group.
    expect(document.getElementById(group.getAttribute('aria-describedby')!)!.textContent).toBe(text);
    fireEvent.click(screen.getByRole('button', { name: 'Off' }));
    expect(pressed()).toEqual(['Off']);
    expect(store.getState().params).toMatchObject({ exploration: 'none', positionDebias: 'none', rerank: 'none' });
    expect(within(group).queryByText(/Custom/)).toBeNull();
  });

  it('names a single setting no chip stands for (new-song slots, another γ), and Off switches it off too', () => {
    const { store, group, pressed } = setup({ ...presetParams(findPreset('new-song-slots')!), users: small.users, songs: small.songs, steps: small.steps });
    expect(pressed()).toEqual([]);
    expect(within(group).getByText('Custom: 2 new-song slots. A chip replaces it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Off' }));
    expect(store.getState().params.newSongSlots).toBe(0);
    expect(pressed()).toEqual(['Off']);
    act(() => store.getState().setDraftValue('popularityPenalty', 0.3, true));
    expect(within(group).getByText('Custom: penalty γ = 0.3. A chip replaces it.')).toBeTruthy();
  });
});
