// The parallel-worlds page (MusicLab in the browser): N worlds of the current strategy and of a baseline on one world, and how far they agree.
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { findPreset, paramsEqual, type Params } from '../../engine';
import { createWorldsSession, type WorldsRun, type WorldsSession } from '../../state/worlds';
import type { BatchPool } from '../../worker/pool';
import { Legend } from '../views/Legend';
import { genreColors } from '../views/palette';
import { useElementWidth } from '../views/useElementWidth';
import { AcrossTable } from './AcrossTable';
import { WorldsControls } from './WorldsControls';
import { useInTurn } from './useInTurn';
import { WorldSide } from './WorldSide';
import { WORLDS_INTRO, WORLDS_TITLE } from './worldsText';
import '../views/views.css';
import './worlds.css';

export interface WorldsPageProps {
  /** The app's current scenario: its strategy is the "current" side, its world and seeds both sides'. */
  params: Params;
  /** Where the worlds run (the app's batch pool). */
  pool: BatchPool;
  /** The page's state and session; the app passes its own to keep `n` and `baseline` in the URL. Default: one of the page's own. */
  session?: WorldsSession;
}

/** Below this page width the scatters are shorter, so a phone shows a grid and a chart together. */
const NARROW = 640;

/** Why the results shown are not those of the settings shown, or null when they are. */
function staleNote(run: WorldsRun, params: Params, n: number, baseline: string): string | null {
  const changed = !paramsEqual(run.scenario, params);
  if (!changed && run.inputs.n === n && run.inputs.baseline === baseline) return null;
  return `These results are for ${run.inputs.n} worlds${changed ? ' of an earlier scenario' : ''} against ${findPreset(run.inputs.baseline)?.title ?? run.inputs.baseline}. Run to update them.`;
}

/**
 * The parts a finished run is shown in, one per frame (useInTurn): the numbers and the sides'
 * frames, then each side's grid, then each side's scatter.
 */
const PART = { numbers: 0, grid: { current: 1, baseline: 2 }, scatter: { current: 3, baseline: 4 } } as const;
const PARTS = 5;

export function WorldsPage({ params, pool, session: given }: WorldsPageProps) {
  const [own] = useState(() => (given ? null : createWorldsSession()));
  const session = given ?? own!;
  const { store } = session;
  const n = useStore(store, (s) => s.n);
  const baseline = useStore(store, (s) => s.baseline);
  const status = useStore(store, (s) => s.status);
  const done = useStore(store, (s) => s.done);
  const total = useStore(store, (s) => s.total);
  const error = useStore(store, (s) => s.error);
  const run = useStore(store, (s) => s.result);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [ref, width] = useElementWidth<HTMLElement>(1200);
  const titleId = useId();
  // The page's own session stops its jobs when the page goes; one the app passed in is the app's.
  useEffect(() => () => own?.dispose(), [own]);
  // A new result reaches the page a part at a time; until its turn a part shows the run before.
  const partOf = useInTurn(run, PARTS);
  const shown = partOf(PART.numbers);
  const colors = useMemo(() => genreColors(shown?.genres ?? 1), [shown]);
  const stale = shown ? staleNote(shown, params, n, baseline) : null;
  const revealing = shown !== run || partOf(PARTS - 1) !== run;
  return (
    <section ref={ref} className="wl-page" aria-labelledby={titleId}>
      <header className="wl-head">
        <h2 id={titleId} className="wl-title">
          {WORLDS_TITLE}
        </h2>
        <p className="wl-intro">{WORLDS_INTRO}</p>
      </header>
      <WorldsControls
        n={n}
        baseline={baseline}
        status={status}
        done={done}
        total={total}
        onN={(v) => store.getState().setN(v)}
        onBaseline={(v) => store.getState().setBaseline(v)}
        onRun={() => {
          setHighlight(null);
          void session.run(params, pool);
        }}
        onCancel={() => session.cancel()}
      />
      <div className="wl-status" role="status">
        {status === 'cancelled' && (
          <p className="wl-note">{run ? 'Cancelled: the results below are from the last finished run.' : 'Cancelled: no worlds were kept.'}</p>
        )}
        {stale && status !== 'running' && <p className="wl-note">{stale}</p>}
      </div>
      {status === 'error' && error && (
        <p className="wl-error" role="alert">
          {error}
        </p>
      )}
      {!shown ? (
        <div className="vw-empty wl-empty">
          <span className="vw-empty-title">{status === 'running' || run ? 'Running the worlds…' : `Press Run to simulate ${n} worlds of each strategy`}</span>
          <span className="vw-empty-sub">
            Every world has the same songs and listeners as the scenario; only the seed of each run differs.
          </span>
        </div>
      ) : (
        <>
          <section className="wl-card" aria-label="Across-world numbers">
            <h3 className="wl-card-title">How much the worlds agree</h3>
            <AcrossTable run={shown} />
          </section>
          <Legend items={colors.map((color, g) => ({ label: `Genre ${g + 1}`, color }))} label="Song colours: genres" />
          <div className={status === 'running' ? 'wl-sides is-busy' : 'wl-sides'} aria-busy={revealing || undefined}>
            {[shown.current, shown.baseline].map((side) => (
              <WorldSide
                key={side.id}
                side={side}
                grid={partOf(PART.grid[side.id])}
                scatter={partOf(PART.scatter[side.id])}
                colors={colors}
                highlight={highlight}
                onHighlight={setHighlight}
                chartHeight={width < NARROW ? 240 : 300}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
