// @vitest-environment jsdom
// The lesson rail: a landmark named Lesson, the chapter's run requested on entry, the guess before the answer, and the way on.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { createAppStore } from '../../../src/state/store';
import { LessonRail } from '../../../src/ui/lesson/LessonRail';
import { StoreProvider } from '../../../src/ui/storeContext';
import { stubActions } from '../helpers';
import { DiversityView } from '../../../src/ui/views';
import { LOOPS_LESSON } from '../../../src/ui/lesson/chapters';
import { initial, props, row } from '../views/fixtures';

function setup(chapter: number) {
  const store = createAppStore({ ...defaultParams(), users: 300, songs: 600 }, [], { lesson: { name: 'loops', chapter } });
  const actions = stubActions();
  render(
    <StoreProvider store={store} actions={actions}>
      <LessonRail />
    </StoreProvider>,
  );
  return { store, actions };
}

afterEach(cleanup);

interface ScriptArg {
  params: Record<string, unknown>;
  changes: unknown;
  play?: boolean;
  fresh?: boolean;
}

/** The n-th script the rail asked the session to run. */
function scriptCall(actions: ReturnType<typeof stubActions>, n: number): ScriptArg {
  return (actions.runScript as unknown as { mock: { calls: [ScriptArg][] } }).mock.calls[n]![0];
}

describe('LessonRail', () => {
  it('is the Lesson landmark, says where it is, and asks for its chapter\u2019s run in the run\u2019s world', () => {
    const { actions } = setup(6);
    expect(screen.getByRole('complementary', { name: 'Lesson' }).textContent).toContain('Chapter 6 of 8');
    expect(actions.runScript).toHaveBeenCalledTimes(1);
    const script = scriptCall(actions, 0);
    expect(script.params).toMatchObject({ users: 300, songs: 600, steps: 100, exploration: 'none' });
    expect(script.changes).toEqual([{ t: 40, key: 'exploration', value: 'epsilon' }]);
    // The chapter asks first: its run is set up from step 0 and waits.
    expect(script.play).toBe(false);
    expect(script.fresh).toBe(true);
    expect(screen.getByText('Make your guess: the run waits at step 0 and then plays to step 100.')).toBeTruthy();
  });

  it('plays the chapter\u2019s run once the guess is locked in (or skipped)', () => {
    const { actions } = setup(2);
    expect(screen.getByRole('button', { name: 'Lock in my guess and run' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Go down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess and run' }));
    expect(actions.runScript).toHaveBeenCalledTimes(2);
    expect(scriptCall(actions, 1)).toMatchObject({ play: true, params: { recommender: 'popularity', steps: 100 } });
    expect(scriptCall(actions, 1).fresh).toBeUndefined();
    cleanup();
    const skipped = setup(3);
    fireEvent.click(screen.getByRole('button', { name: 'Run without guessing' }));
    expect(scriptCall(skipped.actions, 1).play).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('No guess. The answer appears at step 100 (now step 0).');
  });

  it('reveals the answer only after a guess is locked in, and only once the run is at the checkpoint', () => {
    const { store } = setup(2);
    expect(screen.queryByText(/The Gini went from/)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Go up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess and run' }));
    expect(screen.getByRole('status').textContent).toBe('Your guess: Go up. The answer appears at step 100 (now step 0).');
    act(() => store.setState({ initial, t: 100, rows: Array.from({ length: 100 }, (_, i) => row(i + 1, { gini: 0.9, top1Share: 0.5 })) }));
    expect(screen.getByRole('status').textContent).toBe('Right: The Gini went from 0.78 to 0.90, and the top 1% of songs now hold 50.0% of all plays. The rich get richer.');
  });

  it('moves with Next, Back and PageDown/PageUp, and leaves', () => {
    const { store } = setup(1);
    expect((screen.getByRole('button', { name: '← Back' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(store.getState().lesson).toEqual({ name: 'loops', chapter: 2 });
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(store.getState().lesson).toEqual({ name: 'loops', chapter: 3 });
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(store.getState().lesson).toEqual({ name: 'loops', chapter: 2 });
    fireEvent.click(screen.getByRole('button', { name: 'Leave lesson' }));
    expect(store.getState().lesson).toBeNull();
  });

  it('keeps the run in the sandbox chapter', () => {
    const { actions } = setup(8);
    expect(actions.runScript).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('names in chapter 3 the diversity charts by the titles they carry on screen', () => {
    const text = LOOPS_LESSON[2]!.text({ params: defaultParams(), initial, rows: [] });
    const quoted = [...text.matchAll(/\u201c([^\u201d]+)\u201d/gu)].map((m) => m[1]!);
    expect(quoted).toEqual(['Distinct songs shown', 'Catalog ever shown', 'Long-tail share, tail as at step 0']);
    render(<DiversityView {...props()} />);
    for (const title of quoted) expect(screen.getByRole('heading', { name: title })).toBeTruthy();
  });

  it('in chapter 6, quotes only what its highlighted view shows: a chart of the diversity view by its title, its values, and the run\u2019s ε', () => {
    const chapter = LOOPS_LESSON[5]!;
    expect(chapter.focus).toBe('diversity');
    // Hand-made rows: 138 distinct songs a step before exploration starts at step 40, 845 after; the
    // mean relevance of a shown song falls from 0.53 to 0.50, a number no view charts.
    const rows = Array.from({ length: 100 }, (_, i) => row(i + 1, i + 1 < 40 ? { aggregateDiversity: 138, meanRelevance: 0.526 } : { aggregateDiversity: 845, meanRelevance: 0.497 }));
    const run = { params: { ...defaultParams(), exploration: 'epsilon' as const, epsilon: 0.1 }, initial, rows };
    const why = chapter.question!.answer(run, 100)!.why;
    // Every number is a step, the quoted chart's value at it, or the ε the chapter text quotes too.
    expect(why.match(/\d+(?:[,.]\d+)*%?/gu)).toEqual(['138', '39', '845', '100', '10%']);
    expect(chapter.text(run)).toContain('10% of slots');
    expect(why).not.toMatch(/relevance/iu);
    const quoted = [...why.matchAll(/\u201c([^\u201d]+)\u201d/gu)].map((m) => m[1]!);
    expect(quoted).toEqual(['Distinct songs shown']);
    render(<DiversityView {...props({ rows, steps: 100 })} />);
    const panel = screen.getByRole('heading', { name: 'Distinct songs shown' }).closest('.vw-panel')!;
    expect(panel.querySelector('.vw-panel-value')!.textContent).toBe('845 of 6');
  });

  it('on a phone, is one compact card: the question first, the chapter text a tap away, and a way back to the answer', () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      const { store } = setup(2);
      expect(screen.getAllByRole('complementary')).toHaveLength(1);
      const card = screen.getByRole('complementary', { name: 'Lesson' });
      expect(card.textContent).toContain('Chapter 2 of 8');
      expect(screen.getByRole('heading', { name: 'Switch on the ranker: the loop forms' })).toBeTruthy();
      expect(screen.getByText('Read the chapter')).toBeTruthy();
      expect(screen.queryByText('PageDown / PageUp also move between chapters.')).toBeNull();
      fireEvent.click(screen.getByRole('radio', { name: 'Go up' }));
      fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess and run' }));
      expect(screen.getByRole('button', { name: 'See the chart ↓' })).toBeTruthy();
      act(() => store.setState({ initial, t: 100, rows: Array.from({ length: 100 }, (_, i) => row(i + 1, { gini: 0.9 })) }));
      expect(screen.getByRole('status').textContent).toMatch(/^Right: The Gini went from 0\.78 to 0\.90/);
      expect(screen.getByRole('button', { name: 'Next →' })).toBeTruthy();
    } finally {
      window.matchMedia = matchMedia;
    }
  });
});
