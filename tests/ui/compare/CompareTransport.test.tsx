// @vitest-environment jsdom
// The compare transport: play, step and seek call the session; the spread over seeds shows its progress and offers Cancel.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, type Params } from '../../../src/engine';
import { createCompareStore, presetArm, type ArmRun, type CompareState, type SeedSpread } from '../../../src/state/compare';
import type { CompareSession } from '../../../src/state/compareSession';
import { CompareTransport } from '../../../src/ui/compare/CompareTransport';
import { CompareContext } from '../../../src/ui/compare/useCompare';

afterEach(cleanup);

const shared: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7 };

/** A run whose rows reach step n (only `t` matters to the transport). */
const reaching = (n: number): ArmRun => ({ initial: null, rows: Array.from({ length: n }, (_, i) => ({ t: i + 1 })) as unknown as ArmRun['rows'], status: n === 6 ? 'done' : 'running', error: null });

function show(patch: Partial<CompareState>) {
  const store = createCompareStore(shared, [presetArm('loop-forms')!, presetArm('epsilon-exploration')!]);
  store.setState(patch);
  const session = { togglePlay: vi.fn(), seek: vi.fn(), setSpeed: vi.fn(), setSeedCount: vi.fn(), runSeeds: vi.fn(), cancelSeeds: vi.fn(), clearSeeds: vi.fn() };
  render(
    <CompareContext.Provider value={{ store, session: session as unknown as CompareSession }}>
      <CompareTransport />
    </CompareContext.Provider>,
  );
  return session;
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

const spread = (finished: number, status: SeedSpread['status']): SeedSpread => ({ seeds: [7, 8, 9, 10, 11, 12, 13, 14, 15, 16], runs: [], finished, total: 20, status, error: null });

describe('CompareTransport', () => {
  it('nothing to play before every arm has a step', () => {
    show({ runs: [reaching(6), null] });
    expect(button('Play').disabled).toBe(true);
    expect(button('Step').disabled).toBe(true);
    expect(screen.getByTestId('compare-step').textContent).toBe('Step 0 / 6');
  });

  it('Step moves one step, up to what every arm reached; Step 0 and To the end seek', () => {
    const session = show({ runs: [reaching(6), reaching(4)], shown: 2 });
    fireEvent.click(button('Step'));
    expect(session.seek).toHaveBeenCalledWith(3);
    fireEvent.click(button('To the end'));
    expect(session.seek).toHaveBeenLastCalledWith(6);
    fireEvent.click(button('Back to the start'));
    expect(session.seek).toHaveBeenLastCalledWith(0);
    fireEvent.click(button('Play'));
    expect(session.togglePlay).toHaveBeenCalledTimes(1);
    cleanup();
    show({ runs: [reaching(6), reaching(4)], shown: 4 });
    expect(button('Step').disabled).toBe(true);
  });

  it('reads Pause while playing and Replay at the end', () => {
    show({ runs: [reaching(6), reaching(6)], shown: 3, playing: true });
    expect(button('Pause')).toBeTruthy();
    cleanup();
    show({ runs: [reaching(6), reaching(6)], shown: 6 });
    expect(button('Replay')).toBeTruthy();
  });

  it('offers a spread over the seed count, S … S+n−1', () => {
    const session = show({ seedCount: 10 });
    expect(screen.getByText(/Seeds 7–16/)).toBeTruthy();
    fireEvent.click(button('Spread over 10 seeds'));
    expect(session.runSeeds).toHaveBeenCalledTimes(1);
  });

  it('while the spread runs: progress of runs finished, and Cancel', () => {
    const session = show({ spread: spread(3, 'running') });
    const bar = screen.getByRole('progressbar', { name: 'Runs over seeds finished' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe('20');
    expect(screen.getByTestId('seeds-status').textContent).toBe('3 of 20 runs');
    expect((screen.getByRole('spinbutton', { name: 'Seeds' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(button('Cancel'));
    expect(session.cancelSeeds).toHaveBeenCalledTimes(1);
  });

  it('cancelled: says after how many runs, and offers to run again or go back to one seed', () => {
    const session = show({ spread: spread(3, 'cancelled') });
    expect(screen.getByTestId('seeds-status').textContent).toBe('Cancelled after 3 of 20 runs');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(button('Back to one seed'));
    expect(session.clearSeeds).toHaveBeenCalledTimes(1);
    fireEvent.click(button('Run the seeds again'));
    expect(session.runSeeds).toHaveBeenCalledTimes(1);
  });

  it('cancelled before any run finished: offers to run the seeds, not to run them again', () => {
    const session = show({ spread: spread(0, 'cancelled') });
    expect(screen.getByTestId('seeds-status').textContent).toBe('Cancelled after 0 of 20 runs');
    expect(screen.queryByRole('button', { name: 'Run the seeds again' })).toBeNull();
    fireEvent.click(button('Run the seeds'));
    expect(session.runSeeds).toHaveBeenCalledTimes(1);
  });

  it('done and failed spreads say so', () => {
    show({ spread: spread(20, 'done') });
    expect(screen.getByTestId('seeds-status').textContent).toBe('20 runs over 10 seeds');
    cleanup();
    show({ spread: { ...spread(4, 'failed'), error: 'seed 9: boom' } });
    expect(screen.getByTestId('seeds-status').textContent).toBe('Stopped: seed 9: boom');
  });

  it('a seed count typed in is passed on only when whole and within 2 … 30', () => {
    const session = show({});
    const input = screen.getByRole('spinbutton', { name: 'Seeds' });
    fireEvent.change(input, { target: { value: '12' } });
    expect(session.setSeedCount).toHaveBeenCalledWith(12);
    fireEvent.change(input, { target: { value: '31' } });
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.change(input, { target: { value: '2.5' } });
    expect(session.setSeedCount).toHaveBeenCalledTimes(1);
  });
});
