// The transport bar: play/pause, step, step ×10, reset, speed, and where the run is; on narrow
// screens also the Settings button that opens the parameter sheet. Two compact rows on a phone.
// Keyboard: Space plays or pauses, → steps, R resets, unless focus is in a field that needs the key
// (or on a control the keyboard reached: see spaceKey.ts).
import { useEffect, useRef } from 'react';
import { SPEED_MAX, SPEED_MIN, type SimulationActions } from '../state/session';
import type { RunStatus } from '../state/store';
import type { SheetToggle } from './ControlPanel';
import { spaceBelongsTo } from './spaceKey';
import { useActions, useAppStore } from './storeContext';

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password', 'date', 'time']);

/** Which shortcut `event` is, or null when it belongs to the focused element (typing, a select, a slider's arrows). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented'>): 'toggle' | 'step' | 'reset' | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName ?? '';
  const inputType = tag === 'INPUT' ? ((target as HTMLInputElement).type || 'text') : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable || TEXT_INPUTS.has(inputType)) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return spaceBelongsTo(target) ? null : 'toggle';
    case 'ArrowRight':
      return inputType === 'range' ? null : 'step';
    case 'r':
    case 'R':
      return 'reset';
    default:
      return null;
  }
}

function useShortcuts(actions: SimulationActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === 'toggle') actions.togglePlay();
      else if (shortcut === 'step') actions.step(1);
      else actions.reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}

const STATUS_TEXT: Record<RunStatus, string> = {
  starting: 'Building the world…',
  idle: 'Ready',
  running: 'Playing',
  paused: 'Paused',
  done: 'Finished',
  error: 'Stopped',
};

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="icon">
      {playing ? <path d="M3.5 2h3v12h-3zM9.5 2h3v12h-3z" /> : <path d="M4 2.2v11.6L13.5 8z" />}
    </svg>
  );
}

function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="icon">
      <path d="M6 1.8h4l-.6 4.4 2.6 2.3v1.3H4v-1.3l2.6-2.3zM8 10v5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

function SettingsIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="icon">
      <path d="M2 4h6.5M12.5 4H14M2 12h1.5M7.5 12H14" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10.5" cy="4" r="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="5.5" cy="12" r="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** Publishes the bar's height as --transport-h, so the sticky sidebar sits just below it. */
function useHeightVariable() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.setProperty('--transport-h', `${Math.round(element.getBoundingClientRect().height)}px`);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** `settings`: the parameter sheet's toggle (narrow screens only; hidden by CSS where the panel is a sidebar). */
export function Transport({ settings }: { settings?: SheetToggle }) {
  const actions = useActions();
  useShortcuts(actions);
  const ref = useHeightVariable();
  const status = useAppStore((s) => s.status);
  const t = useAppStore((s) => s.t);
  const steps = useAppStore((s) => s.params.steps);
  const speed = useAppStore((s) => s.speed);
  const pinned = useAppStore((s) => s.pinned !== null);
  const playing = status === 'running';
  const canRun = status === 'idle' || status === 'paused' || status === 'running';
  // At the end, Play extends the run (the session adds steps) instead of greying out.
  const canPlay = canRun || status === 'done';
  const progress = Math.min(1, steps > 0 ? t / steps : 0);
  return (
    <section className="transport" aria-label="Playback" ref={ref}>
      <div className="transport-buttons">
        <button
          type="button"
          className="btn btn-primary btn-play"
          onClick={actions.togglePlay}
          disabled={!canPlay}
          aria-keyshortcuts="Space"
          title={status === 'done' ? 'Run 100 more steps' : undefined}
        >
          <PlayIcon playing={playing} />
          <span>{playing ? 'Pause' : status === 'done' ? 'Play on' : 'Play'}</span>
        </button>
        <button type="button" className="btn" onClick={() => actions.step(1)} disabled={!canRun} aria-keyshortcuts="ArrowRight" title="One step (→)">
          Step
        </button>
        <button type="button" className="btn" onClick={() => actions.step(10)} disabled={!canRun} aria-label="Step ×10" title="Ten steps">
          <span className="wide-only">Step </span>×10
        </button>
        <button type="button" className="btn" onClick={actions.reset} disabled={status === 'starting'} aria-keyshortcuts="R" title="Back to step 0 (R)">
          Reset
        </button>
        <button
          type="button"
          className={`btn${pinned ? ' is-active' : ''}`}
          onClick={pinned ? actions.unpin : actions.pin}
          disabled={!pinned && (status === 'starting' || status === 'error')}
          aria-pressed={pinned}
          aria-label={pinned ? 'Unpin A' : 'Pin as A'}
          title={pinned ? 'Forget the pinned run A' : 'Keep this run as A, drawn grey and dashed; then change a setting to start B on the same world and seed'}
        >
          <PinIcon />
          <span className="wide-only">{pinned ? 'Unpin A' : 'Pin as A'}</span>
          {/* On a phone the pin and "A": its name ("Pin as A") starts with what it shows, and the title explains. */}
          <span className="narrow-only">A</span>
        </button>
        {settings && (
          <button
            type="button"
            id={settings.buttonId}
            className={`btn transport-settings${settings.open ? ' is-active' : ''}`}
            aria-expanded={settings.open}
            aria-controls={settings.controls}
            onClick={settings.onToggle}
          >
            <SettingsIcon />
            Settings
          </button>
        )}
      </div>
      <label className="speed">
        <span className="speed-label">Speed</span>
        <input
          type="range"
          min={SPEED_MIN}
          max={SPEED_MAX}
          step={1}
          value={speed}
          aria-label="Speed, steps per second"
          aria-valuetext={`${speed} steps per second`}
          onChange={(e) => actions.setSpeed(Number(e.target.value))}
        />
        <output className="speed-value">
          {speed}
          <span className="wide-only"> steps</span>/s
        </output>
      </label>
      <div className="progress-block">
        <span className="step-counter" data-testid="step-counter">
          Step {t} / {steps}
        </span>
        <span className={`run-status status-${status}`} data-testid="run-status" role="status">
          {STATUS_TEXT[status]}
        </span>
        <div className="progress" aria-hidden="true">
          <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
        </div>
      </div>
      <p className="shortcuts" aria-hidden="true">
        <kbd>Space</kbd> play/pause · <kbd>→</kbd> step · <kbd>R</kbd> reset
      </p>
    </section>
  );
}
