// @vitest-environment jsdom
// The parallel-worlds page: its controls, progress and Cancel, the same song highlighted in every world and
// both scatters, keyboard moves between chips, and numbers on screen equal to the store's.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine';
import { createWorldsSession, type WorldsSession } from '../../../src/state/worlds';
import { WorldsPage } from '../../../src/ui/worlds/WorldsPage';
import { GLOSSARY } from '../../../src/ui/glossary';
import { MEASURES, readingSentence, uOnScale, WORLDS_INTRO } from '../../../src/ui/worlds/worldsText';
import { fakePool, Gate, tiny } from '../../state/worldsFakes';

afterEach(cleanup);

/**
 * How long a test waits for runs to finish or a result to be drawn: waitFor's default of 1 s is
 * too short on a busy machine (the result is drawn a part per frame). A wait, not a speed check.
 */
const PATIENCE = { timeout: 15_000 };

/** Waits until the page shows the whole of its result (it reveals a new one a part per frame). */
async function revealed(): Promise<void> {
  await waitFor(() => {
    expect(document.querySelector('.wl-sides')).not.toBeNull();
    expect(document.querySelector('.wl-sides[aria-busy]')).toBeNull();
  }, PATIENCE);
}

/** Renders the page with its session and a pool of in-thread workers, runs `n` worlds to the end and waits until all is shown. */
async function finished(n = 3): Promise<WorldsSession> {
  const session = createWorldsSession({ n });
  const { pool } = fakePool(2);
  render(<WorldsPage params={tiny} pool={pool} session={session} />);
  fireEvent.click(screen.getByRole('button', { name: `Run ${n} worlds` }));
  await waitFor(() => expect(session.store.getState().status).toBe('done'), PATIENCE);
  await revealed();
  return session;
}

const chipsOf = (song: number) => document.querySelectorAll<HTMLButtonElement>(`.wl-chip[data-song="${song}"]`);

describe('WorldsPage', () => {
  it('shows the intro and the controls: worlds 2–16, baselines in preset order by title, Run', () => {
    const { pool } = fakePool(1);
    render(<WorldsPage params={tiny} pool={pool} />);
    expect(screen.getByRole('region', { name: /Parallel worlds/ })).toBeTruthy();
    expect(screen.getByText(WORLDS_INTRO)).toBeTruthy();
    expect(WORLDS_INTRO.split(/\s+/).length).toBeLessThanOrEqual(60);
    const worlds = screen.getByRole('combobox', { name: 'Worlds' }) as HTMLSelectElement;
    expect(worlds.value).toBe('8');
    expect([...worlds.options].map((o) => o.value)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 2)));
    const baseline = screen.getByRole('combobox', { name: 'Baseline' }) as HTMLSelectElement;
    expect(baseline.value).toBe('random-baseline');
    expect([...baseline.options].map((o) => [o.value, o.text])).toEqual(PRESETS.map((p) => [p.name, p.title]));
    expect(screen.getByRole('button', { name: 'Run 8 worlds' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('the controls set the store', () => {
    const session = createWorldsSession();
    const { pool } = fakePool(1);
    render(<WorldsPage params={tiny} pool={pool} session={session} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Worlds' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Baseline' }), { target: { value: 'oracle-baseline' } });
    expect(session.store.getState()).toMatchObject({ n: 5, baseline: 'oracle-baseline' });
    expect(screen.getByRole('button', { name: 'Run 5 worlds' })).toBeTruthy();
  });

  it('shows progress while running, and Cancel stops the run', async () => {
    const gate = new Gate();
    gate.held = true;
    const { pool } = fakePool(1, gate);
    const session = createWorldsSession({ n: 2 });
    render(<WorldsPage params={tiny} pool={pool} session={session} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run 2 worlds' }));
    const bar = screen.getByRole('progressbar', { name: 'Worlds finished' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect((screen.getByRole('combobox', { name: 'Worlds' }) as HTMLSelectElement).disabled).toBe(true);
    await waitFor(() => expect(gate.size).toBe(1), PATIENCE);
    gate.release(1);
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1'), PATIENCE);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 of 4 worlds');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(session.store.getState().status).toBe('cancelled');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/Cancelled/)).toBeTruthy();
  });

  it('shows an error in words', () => {
    const session = createWorldsSession();
    const { pool } = fakePool(1);
    render(<WorldsPage params={tiny} pool={pool} session={session} />);
    act(() => session.store.setState({ status: 'error', error: "The baseline's world 2 (seed 4) failed: boom" }));
    expect(screen.getByRole('alert').textContent).toBe("The baseline's world 2 (seed 4) failed: boom");
  });

  it('draws one column per world and ten ranks for each side, both labelled', async () => {
    const session = await finished(3);
    const { result } = session.store.getState();
    for (const side of [result!.current, result!.baseline]) {
      const region = screen.getByRole('region', { name: new RegExp(`^${side.title}`) });
      const table = within(region).getByRole('table');
      expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Rank', 'World 1seed 3', 'World 2seed 4', 'World 3seed 5']);
      expect(within(table).getAllByRole('row')).toHaveLength(11);
      // Each column lists that world's top songs in order, with the engine's share.
      side.worlds.forEach((w, j) => {
        const ids = [...table.querySelectorAll<HTMLElement>(`[data-cell^="${j}:"]`)].map((c) => Number(c.dataset.song));
        expect(ids).toEqual([...w.top]);
      });
      expect(within(region).getByRole('img', { name: /Scatter of 80 songs in each of 3 worlds/ })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { name: 'Current strategy: The loop forms' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Baseline: Random baseline' })).toBeTruthy();
  });

  it('a baseline with the scenario\'s own strategy: progress counts N worlds, and both sides show the same runs', async () => {
    const gate = new Gate();
    gate.held = true;
    const { pool, requests } = fakePool(2, gate);
    const session = createWorldsSession({ n: 3, baseline: 'loop-forms' });
    render(<WorldsPage params={tiny} pool={pool} session={session} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run 3 worlds' }));
    expect(screen.getByRole('progressbar', { name: 'Worlds finished' }).getAttribute('aria-valuetext')).toBe('0 of 3 worlds');
    gate.held = false;
    gate.release();
    await waitFor(() => expect(session.store.getState().status).toBe('done'), PATIENCE);
    await revealed();
    expect(requests).toHaveLength(3);
    const { result } = session.store.getState();
    const current = within(screen.getByRole('region', { name: /^Current strategy: The loop forms/ })).getByRole('table');
    const baseline = within(screen.getByRole('region', { name: /^Baseline: The loop forms/ })).getByRole('table');
    result!.current.worlds.forEach((w, j) => {
      for (const table of [current, baseline]) {
        const ids = [...table.querySelectorAll<HTMLElement>(`[data-cell^="${j}:"]`)].map((c) => Number(c.dataset.song));
        expect(ids).toEqual([...w.top]);
      }
    });
    expect(screen.getByText(/The baseline runs the same strategy, so both sides are the same runs\./)).toBeTruthy();
  });

  it('hovering a song highlights it in every world of both sides and in both scatters; leaving clears it', async () => {
    const session = await finished(3);
    const song = session.store.getState().result!.current.worlds[0]!.top[0]!;
    const first = document.querySelector<HTMLButtonElement>('.wl-side-current [data-cell="0:0"]')!;
    fireEvent.mouseEnter(first);
    const hits = document.querySelectorAll('.wl-chip.is-hit');
    expect(hits.length).toBe(chipsOf(song).length);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    for (const chip of hits) expect(chip.getAttribute('data-song')).toBe(String(song));
    // Every world's point of the song, in each side's scatter.
    expect(document.querySelectorAll('.wl-side-current .wl-hit-points circle')).toHaveLength(3);
    expect(document.querySelectorAll('.wl-side-baseline .wl-hit-points circle')).toHaveLength(3);
    expect(screen.getAllByText(new RegExp(`^Song ${song} · genre`))).toHaveLength(2);
    fireEvent.mouseLeave(first.closest('table')!);
    expect(document.querySelectorAll('.wl-chip.is-hit')).toHaveLength(0);
    expect(document.querySelectorAll('.wl-hit-points')).toHaveLength(0);
  });

  it('chips take focus one at a time: arrows move across worlds and down ranks, focus highlights', async () => {
    await finished(3);
    const table = document.querySelector<HTMLTableElement>('.wl-side-current table')!;
    const tabbable = table.querySelectorAll('.wl-chip[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    const start = tabbable[0] as HTMLButtonElement;
    act(() => start.focus());
    expect(start.classList.contains('is-hit')).toBe(true);
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    const next = table.querySelector<HTMLButtonElement>('[data-cell="1:0"]')!;
    expect(document.activeElement).toBe(next);
    expect(next.getAttribute('tabindex')).toBe('0');
    expect(next.classList.contains('is-hit')).toBe(true);
    fireEvent.keyDown(next, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(table.querySelector('[data-cell="1:1"]'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(table.querySelector('[data-cell="1:9"]'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(table.querySelector('[data-cell="2:9"]'));
  });

  it('the numbers on screen are the store\'s, each with its help, and the reading sentence', async () => {
    const session = await finished(3);
    const run = session.store.getState().result!;
    const table = screen.getByRole('region', { name: 'Across-world numbers' });
    for (const m of MEASURES) {
      const rowEl = table.querySelector(`[data-measure="${m.id}"]`)!;
      expect(rowEl.querySelector('.wl-measure')!.textContent!.startsWith(m.label)).toBe(true);
      expect(rowEl.querySelector('.wl-measure-help')!.textContent).toBe(m.help);
      const { numbers, scale } = m.show([run.current.across, run.baseline.across]);
      const [current, baseline] = numbers.map((n) => (scale ? `${n} ${scale}` : n));
      expect(rowEl.querySelector('[data-side="current"]')!.textContent).toBe(current);
      expect(rowEl.querySelector('[data-side="baseline"]')!.textContent).toBe(baseline);
    }
    // U on one scale for both sides ("3.39 per 10,000" beside "0.92 per 10,000"), or plain decimals.
    const scales = [...table.querySelectorAll('[data-measure="unpredictability"] .wl-scale')].map((e) => e.textContent);
    const u = uOnScale([run.current.across.unpredictability, run.baseline.across.unpredictability]);
    expect(scales).toEqual(u.scale ? [u.scale, u.scale] : []);
    // Its label is the glossary word: a click shows what U means.
    fireEvent.click(within(table).getByRole('button', { name: 'Unpredictability U' }));
    expect(within(table).getByRole('dialog', { name: 'Unpredictability U' }).textContent).toContain(GLOSSARY.unpredictability.definition);
    // Spelled out for one: the overlap as a percentage of the engine's value.
    const overlap = table.querySelector('[data-measure="overlap"] [data-side="current"]')!.textContent!;
    expect(Number(overlap.replace('%', '')) / 100).toBeCloseTo(run.current.across.top10Overlap, 3);
    expect(screen.getByTestId('worlds-reading').textContent).toBe(readingSentence(run));
    expect(screen.getByTestId('worlds-reading').textContent).toMatch(/^Unpredictability U is .* Two worlds share \d+(\.\d)?% of their top 10 songs under the current strategy and \d+(\.\d)?% under the baseline\./);
  });

  it('shows a new result a part at a time: the numbers first, then each grid, then each scatter', async () => {
    const session = createWorldsSession({ n: 2 });
    const { pool } = fakePool(2);
    render(<WorldsPage params={tiny} pool={pool} session={session} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run 2 worlds' }));
    await waitFor(() => expect(session.store.getState().status).toBe('done'), PATIENCE);
    // The render that brings the result draws none of it.
    expect(screen.queryByText('How much the worlds agree')).toBeNull();
    expect(screen.getByText('Running the worlds…')).toBeTruthy();
    const parts = () => ({
      numbers: screen.queryByText('How much the worlds agree') !== null,
      grids: document.querySelectorAll('.wl-grid').length,
      waiting: document.querySelectorAll('.wl-grid-wait').length,
      scatters: document.querySelectorAll('.wl-scatter[role="img"]').length,
    });
    const seen = [parts()];
    await waitFor(() => {
      const now = parts();
      if (JSON.stringify(now) !== JSON.stringify(seen.at(-1))) seen.push(now);
      expect(now.scatters).toBe(2);
    }, PATIENCE);
    await revealed();
    expect(seen[0]).toEqual({ numbers: false, grids: 0, waiting: 0, scatters: 0 });
    expect(seen.at(-1)).toEqual({ numbers: true, grids: 2, waiting: 0, scatters: 2 });
    // In order, one part at a time: grids before scatters.
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.grids).toBeGreaterThanOrEqual(seen[i - 1]!.grids);
      expect(seen[i]!.scatters).toBeGreaterThanOrEqual(seen[i - 1]!.scatters);
      if (seen[i]!.scatters > 0) expect(seen[i]!.grids).toBe(2);
    }
    expect(seen.some((p) => p.numbers && p.grids === 0 && p.waiting === 2)).toBe(true);
  });

  it('a new run replaces the one shown without blanks: parts not yet reached keep the run before', async () => {
    const session = await finished(2);
    const before = session.store.getState().result!;
    const firstSong = () => document.querySelector<HTMLElement>('.wl-side-current [data-cell="0:0"]')?.dataset.song;
    expect(firstSong()).toBe(String(before.current.worlds[0]!.top[0]));
    // Never a placeholder in between: the grids show the old run until the new one reaches them.
    let blanks = 0;
    const watch = new MutationObserver(() => {
      blanks += document.querySelectorAll('.wl-grid-wait, .wl-scatter:not([role])').length;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    act(() => session.store.getState().setN(3));
    fireEvent.click(screen.getByRole('button', { name: 'Run 3 worlds' }));
    await waitFor(() => expect(session.store.getState().status).toBe('done'), PATIENCE);
    await waitFor(() => expect(document.querySelectorAll('.wl-side-current .wl-world-head')).toHaveLength(3), PATIENCE);
    await revealed();
    watch.disconnect();
    expect(blanks).toBe(0);
    expect(screen.getByRole('img', { name: /Scatter of 80 songs in each of 3 worlds, Current strategy/ })).toBeTruthy();
  });

  it('says when the results shown are of other settings', async () => {
    const session = await finished(2);
    expect(screen.queryByText(/Run to update them/)).toBeNull();
    act(() => session.store.getState().setN(4));
    expect(screen.getByText('These results are for 2 worlds against Random baseline. Run to update them.')).toBeTruthy();
  });
});
