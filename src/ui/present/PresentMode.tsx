// Present mode: one view fills the screen for a projector, with what changed since the start and the strategy bar.
import { useEffect, useRef, type ComponentType } from 'react';
import { StrategyBar } from '../strategy/StrategyBar';
import { useActions, useAppStore } from '../storeContext';
import { shortcutFor } from '../Transport';
import { VIEWS, type ViewEntry } from '../views';
import type { ViewProps } from '../views/types';
import { ViewGrid } from '../ViewGrid';
import { FitToStage } from './FitToStage';
import { LoopStage, LoopView } from './LoopStage';
import { changeNumbers } from './presentNumbers';
import './present.css';

/** The views present mode steps through, in reading order: the loop itself first. */
export const PRESENT_VIEWS: readonly ViewEntry[] = [
  // The loop diagram reads the store itself, so it takes none of the views' props.
  { id: 'loop', title: 'The feedback loop, step by step', Component: LoopView as ComponentType<ViewProps> },
  ...VIEWS,
];

/** Whether `id` names a view present mode can show. */
export function isPresentView(id: string): boolean {
  return PRESENT_VIEWS.some((v) => v.id === id);
}

function PresentControls() {
  const status = useAppStore((s) => s.status);
  const t = useAppStore((s) => s.t);
  const steps = useAppStore((s) => s.params.steps);
  const actions = useActions();
  const playing = status === 'running';
  return (
    <div className="present-controls" role="group" aria-label="Run">
      <button type="button" className="btn btn-primary present-play" onClick={actions.togglePlay} disabled={status === 'starting' || status === 'error'}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="btn" onClick={() => actions.step(1)} disabled={playing || status === 'starting' || status === 'error'}>
        Step
      </button>
      <button type="button" className="btn" onClick={actions.reset} disabled={status === 'starting'}>
        Reset
      </button>
      {/* As wide as the last step's label from the first, so the row does not wrap as the count gains a digit. */}
      <span className="present-step" aria-live="off">
        <span className="present-step-now">
          Step {t} / {steps}
        </span>
        <span className="present-step-sizer" aria-hidden="true">
          Step {steps} / {steps}
        </span>
      </span>
    </div>
  );
}

export function PresentMode() {
  const present = useAppStore((s) => s.present);
  const setPresent = useAppStore((s) => s.setPresent);
  const initial = useAppStore((s) => s.initial);
  const rows = useAppStore((s) => s.rows);
  const actions = useActions();
  const index = Math.max(0, PRESENT_VIEWS.findIndex((v) => v.id === present));
  const view = PRESENT_VIEWS[index]!;
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Space is play/pause by the page's one rule (Transport's shortcutFor): a radio button clicked in
      // the view leaves Space to play, as on the page.
      if (shortcutFor(event) === 'toggle') {
        actions.togglePlay();
        event.preventDefault();
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      const n = PRESENT_VIEWS.length;
      if (event.key === 'ArrowRight') setPresent(PRESENT_VIEWS[(index + 1) % n]!.id);
      else if (event.key === 'ArrowLeft') setPresent(PRESENT_VIEWS[(index + n - 1) % n]!.id);
      else if (event.key === 'Escape' || event.key === 'p' || event.key === 'P') setPresent(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, setPresent, actions]);

  const numbers = changeNumbers(view.id, initial, rows);
  const n = PRESENT_VIEWS.length;
  const grid = <ViewGrid views={[view]} />;
  // One row above the view (its title and what changed), one below (the run, the mitigation, the
  // views): the view gets every pixel between them.
  return (
    <div className="present" ref={root} tabIndex={-1} role="region" aria-label={`Present mode: ${view.title}`}>
      <div className="present-top">
        <h2 className="present-title">{view.title}</h2>
        <dl className="present-numbers">
          {numbers.map((num) => (
            <div key={num.label} className="present-number">
              <dt>{num.label}</dt>
              <dd>
                {num.from === null || num.to === null ? (
                  '—'
                ) : (
                  <>
                    <span className="present-from">{num.from}</span>
                    <span aria-label={` at step ${num.fromStep}, now `}> → </span>
                    <span className="present-to">{num.to}</span>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {view.id === 'loop' ? <LoopStage key={view.id}>{grid}</LoopStage> : <FitToStage key={view.id}>{grid}</FitToStage>}
      <div className="present-bottom">
        <PresentControls />
        <StrategyBar large />
        <div className="present-nav" role="group" aria-label="Views">
          <button type="button" className="btn" onClick={() => setPresent(PRESENT_VIEWS[(index + n - 1) % n]!.id)} aria-label="Previous view">
            ←
          </button>
          <span className="present-count">
            {index + 1} / {n}
          </span>
          <button type="button" className="btn" onClick={() => setPresent(PRESENT_VIEWS[(index + 1) % n]!.id)} aria-label="Next view">
            →
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => setPresent(null)}>
            Leave <span className="present-key">(Esc)</span>
          </button>
        </div>
      </div>
    </div>
  );
}
