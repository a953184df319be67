// @vitest-environment jsdom
// "Follow one listener" on the page, wired to the real worker controller: a listener picked after the
// run shows their recent slates at once, the same rows as following them from step 1.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TRAIL_LENGTH } from '../../../src/state/store';
import { ListenerStrip } from '../../../src/ui/listener/ListenerStrip';
import { renderWith, small, wiredSession } from '../helpers';

afterEach(cleanup);

const long = { ...small, steps: 20 };

/** The strip's rows: each row's step number and its chips' text alternative. */
function rows(): { t: string; chips: string }[] {
  const list = screen.getByRole('list', { name: 'Recent slates, oldest first' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => ({ t: item.querySelector('.ls-t')!.textContent!, chips: within(item).getByRole('img').getAttribute('aria-label')! }));
}

describe('ListenerStrip', () => {
  it('shows a listener picked after the run with their slates of the last steps, as if followed from step 1', () => {
    const followed = wiredSession(long);
    act(() => followed.session.followListener(12));
    act(() => followed.session.step(20));
    renderWith(<ListenerStrip />, followed.store, followed.session);
    const expected = rows();
    expect(expected).toHaveLength(TRAIL_LENGTH);
    cleanup();

    const { store, session } = wiredSession(long);
    act(() => session.step(20));
    expect(store.getState().status).toBe('done');
    renderWith(<ListenerStrip />, store, session);
    expect(screen.getByRole('heading', { name: /no\. 1,/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Listener no.'), { target: { value: '13' } });
    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('heading', { name: /no\. 13,/ })).toBeTruthy();
    expect(rows()).toEqual(expected);
    expect(rows().map((r) => r.t)).toEqual(Array.from({ length: TRAIL_LENGTH }, (_, i) => String(20 - TRAIL_LENGTH + 1 + i)));
    expect(screen.getByText(new RegExp(`In the last ${TRAIL_LENGTH} slates`))).toBeTruthy();
    // Memory was enough for every row: no note about a shorter history.
    expect(screen.queryByText(/history is kept/)).toBeNull();
  });

  it('reads the listener number as every numeric input is read (1.3e1 is 13); anything else is named with what is allowed', () => {
    const { store, session } = wiredSession(long);
    act(() => session.step(3));
    renderWith(<ListenerStrip />, store, session);
    const input = screen.getByLabelText('Listener no.');
    const follow = screen.getByRole('button', { name: 'Follow' });
    fireEvent.change(input, { target: { value: ' 1.3e1 ' } });
    fireEvent.click(follow);
    expect(screen.getByRole('heading', { name: /no\. 13,/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    for (const bad of ['0x10', '2.5', '0', String(long.users + 1)]) {
      fireEvent.change(input, { target: { value: bad } });
      fireEvent.click(follow);
      expect(screen.getByRole('alert').textContent).toBe(`Listener number: a whole number from 1 to ${long.users.toLocaleString('en-US')}.`);
      expect(screen.getByRole('heading', { name: /no\. 13,/ })).toBeTruthy();
    }
  });

  it('switches to a niche listener with their own history, not the previous listener\u2019s', () => {
    const { store, session } = wiredSession(long);
    act(() => session.step(15));
    renderWith(<ListenerStrip />, store, session);
    fireEvent.click(screen.getByRole('button', { name: 'A niche listener' }));
    const niche = store.getState().listener!;
    expect(niche.kind).toBe('niche');
    expect(screen.getByRole('heading', { name: new RegExp(`no\\. ${niche.listener + 1}, niche`) })).toBeTruthy();
    expect(rows().map((r) => r.t)).toEqual(Array.from({ length: TRAIL_LENGTH }, (_, i) => String(15 - TRAIL_LENGTH + 1 + i)));
    expect(store.getState().trail.every((step) => step.listener === niche.listener)).toBe(true);
  });

  it('says so when memory keeps fewer steps than the strip shows', () => {
    const { store, session } = wiredSession(long);
    act(() => store.setState({ historySteps: 3 }));
    renderWith(<ListenerStrip />, store, session);
    expect(screen.getByText(/history is kept for the last 3 steps only/)).toBeTruthy();
  });
});
