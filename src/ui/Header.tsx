// The page header: what this is, the scenario (preset) picker, the shareable link, and the
// instructor's switch that hides the controls.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { PRESETS } from '../engine';
import type { MarkerEntry, PageName } from '../state/store';
import { scenarioMatch, scenarioName } from '../state/scenario';
import { linkForState } from '../state/url';
import { presentViewFor } from './lesson/presentView';
import { useActions, useAppStore, useAppStoreApi } from './storeContext';
import { StrategyBar } from './strategy/StrategyBar';

const CUSTOM = '';

/** "The loop forms + ε 10% from step 40": the scenario and the live changes made in this run. */
export function scenarioLabel(title: string, markers: readonly MarkerEntry[]): string {
  const changes = markers.flatMap((m) => m.parts.map((p) => `${p.text} from step ${m.t}`));
  return changes.length > 0 ? `${title} + ${changes.join(', ')}` : title;
}

function PresetPicker() {
  const { choosePreset } = useActions();
  // The scenario is what the run started from; live changes since are named beside it. A run
  // played past its end (a longer `steps`) is still its preset, named with its length.
  const base = useAppStore((s) => (s.pendingRestart.length > 0 ? undefined : s.base));
  const match = useMemo(() => (base ? scenarioMatch(base) : undefined), [base]);
  const current = match?.preset.name ?? CUSTOM;
  const markers = useAppStore((s) => s.markers);
  const title = match ? scenarioName(match) : 'Custom settings';
  const id = useId();
  const description = match?.preset.description ?? 'Your own settings: no preset matches them.';
  const label = markers.length > 0 || match?.steps !== undefined ? scenarioLabel(title, markers) : '';
  return (
    <div className="preset">
      <label htmlFor={`${id}-select`} className="preset-label">
        Scenario
      </label>
      <select
        id={`${id}-select`}
        className="select preset-select"
        value={current}
        aria-describedby={`${id}-desc`}
        onChange={(e) => e.target.value !== CUSTOM && choosePreset(e.target.value)}
      >
        {current === CUSTOM && (
          <option value={CUSTOM} disabled>
            Custom settings
          </option>
        )}
        {PRESETS.map((preset) => (
          <option key={preset.name} value={preset.name}>
            {preset.title}
          </option>
        ))}
      </select>
      {/* One line: the live changes take the description's place (kept for screen readers), so the
          first change mid-run neither adds a line nor pushes the charts below the fold. */}
      <p className="scenario-line">
        <span className="scenario-label" aria-live="polite">
          {label}
        </span>
        <span id={`${id}-desc`} className={label ? 'preset-desc visually-hidden' : 'preset-desc'}>
          {description}
        </span>
      </p>
    </div>
  );
}

type CopyState = 'idle' | 'copied' | 'manual';

function CopyLink() {
  const store = useAppStoreApi();
  const [state, setState] = useState<CopyState>('idle');
  const [link, setLink] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);

  const copy = async () => {
    const url = linkForState(window.location.href, store.getState());
    setLink(url);
    if (timer.current) clearTimeout(timer.current);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), 2000);
    } catch {
      // No clipboard (plain http, old browser, denied): show the link selected, ready for Ctrl+C.
      setState('manual');
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="btn" onClick={() => void copy()} data-url={link || undefined}>
        <span className="copy-text">{state === 'copied' ? 'Copied ✓' : 'Copy link'}</span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Link copied to the clipboard' : ''}
      </span>
      {state === 'manual' && (
        <div className="copy-manual" role="dialog" aria-label="Link to this run">
          <label>
            <span>Copy this link (Ctrl+C or ⌘C):</span>
            <input ref={field} className="field field-wide" readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="btn btn-quiet" onClick={() => setState('idle')}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

function ModeButtons() {
  const setPresent = useAppStore((s) => s.setPresent);
  const lesson = useAppStore((s) => s.lesson);
  const setLesson = useAppStore((s) => s.setLesson);
  return (
    <>
      {!lesson && (
        <button type="button" className="btn" onClick={() => setLesson({ name: 'loops', chapter: 1 })}>
          Start the lesson
        </button>
      )}
      <button type="button" className="btn" onClick={() => setPresent(presentViewFor(lesson))} aria-keyshortcuts="P">
        Present
      </button>
    </>
  );
}

function ControlsToggle() {
  const hidden = useAppStore((s) => s.controlsHidden);
  const setHidden = useAppStore((s) => s.setControlsHidden);
  return (
    <button type="button" className="btn btn-quiet" onClick={() => setHidden(!hidden)}>
      {hidden ? 'Show controls' : 'Hide controls'}
    </button>
  );
}

const PAGE_TABS: readonly { page: PageName; label: string }[] = [
  { page: 'explore', label: 'Explore' },
  { page: 'compare', label: 'Compare' },
  { page: 'worlds', label: 'Parallel worlds' },
];

/** The app's three pages as tabs: one run, strategies side by side, and many histories of one world. */
function PageTabs() {
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  return (
    <nav className="page-tabs" aria-label="Pages">
      {PAGE_TABS.map((tab) => (
        <button
          key={tab.page}
          type="button"
          className={`page-tab${tab.page === page ? ' is-current' : ''}`}
          aria-current={tab.page === page ? 'page' : undefined}
          onClick={() => setPage(tab.page)}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

function BrandName() {
  return (
    <h1 className="brand-name">
      <span className="brand-mark" aria-hidden="true" />
      Feedback Loop Lab
    </h1>
  );
}

export function Header() {
  const page = useAppStore((s) => s.page);
  if (page !== 'explore')
    return (
      <header className="app-header">
        <div className="brand">
          <BrandName />
          <PageTabs />
        </div>
        <div className="header-tools">
          <div className="header-buttons">
            <CopyLink />
          </div>
        </div>
      </header>
    );
  return (
    <header className="app-header">
      <div className="brand">
        <BrandName />
        <p className="tagline">
          A music recommender that learns from the clicks it caused, and how that loop narrows what everyone gets to
          hear.
        </p>
      </div>
      <div className="header-tools">
        <PresetPicker />
        <div className="header-buttons">
          <ModeButtons />
          <CopyLink />
          <ControlsToggle />
        </div>
      </div>
      <div className="header-strategy">
        <PageTabs />
        <StrategyBar />
      </div>
    </header>
  );
}
