// The first minute: one line on what to do, and behind "What am I looking at?" a few sentences on what
// the page shows. Compact by default, so a chart is in view on a projector; the choice is remembered.
import { useId, useState } from 'react';
import { useAppStore } from './storeContext';

/** Where the expander's state is kept between visits. */
export const INTRO_STORAGE_KEY = 'feedback-loop-lab:intro-open';

/** Whether the explanation was left open last time; storage can be switched off, then it starts closed. */
function readOpen(): boolean {
  try {
    return window.localStorage.getItem(INTRO_STORAGE_KEY) === 'open';
  } catch {
    return false;
  }
}

function writeOpen(open: boolean): void {
  try {
    window.localStorage.setItem(INTRO_STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // Storage off, full or denied: the page still works, it just forgets.
  }
}

export function Intro() {
  const [open, setOpen] = useState(readOpen);
  // "Press Play" is for a run that has not started: gone once it plays or has stepped (back after Reset).
  const started = useAppStore((s) => s.status === 'running' || s.t > 0);
  const bodyId = useId();
  const toggle = () => {
    setOpen(!open);
    writeOpen(!open);
  };
  return (
    <section className={`intro${open ? ' is-open' : ''}`} aria-label="About this page">
      <div className="intro-head">
        {!started && (
          <p className="intro-line">
            Press <strong>Play</strong> and watch plays pile up on a few songs; then switch the recommender or add
            exploration mid-run and see whether the loop lets go.
          </p>
        )}
        <button type="button" className="btn btn-quiet intro-toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" className="icon intro-chevron">
            <path d="M5 2.5 10.5 8 5 13.5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          What am I looking at?
        </button>
      </div>
      <div className="intro-body" id={bodyId} hidden={!open}>
        <p>
          Listeners click what the recommender shows them, and the recommender learns only from those clicks, so what it
          shows today is what it believes in tomorrow. That is a feedback loop: songs that were shown get played, and
          songs that get played are shown again.
        </p>
        <p>
          The numbers are the latest step&apos;s; each chart below shows one symptom of the loop, with what to look for in
          its title. Keys: <kbd>Space</kbd> play or pause, <kbd>→</kbd> one step, <kbd>R</kbd> back to step 0.
        </p>
      </div>
    </section>
  );
}
