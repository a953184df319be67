// The page's controls: how many worlds, which baseline, Run, and while running a progress bar and Cancel.
import { useId } from 'react';
import { PRESETS } from '../../engine';
import { WORLDS_MAX, WORLDS_MIN, type WorldsStatus } from '../../state/worlds';

export interface WorldsControlsProps {
  n: number;
  baseline: string;
  status: WorldsStatus;
  done: number;
  total: number;
  onN(n: number): void;
  onBaseline(name: string): void;
  onRun(): void;
  onCancel(): void;
}

const COUNTS = Array.from({ length: WORLDS_MAX - WORLDS_MIN + 1 }, (_, i) => WORLDS_MIN + i);

export function WorldsControls({ n, baseline, status, done, total, onN, onBaseline, onRun, onCancel }: WorldsControlsProps) {
  const nId = useId();
  const baseId = useId();
  const running = status === 'running';
  return (
    <div className="wl-controls" role="group" aria-label="Parallel worlds settings">
      <label className="wl-field" htmlFor={nId}>
        <span className="wl-field-label">Worlds</span>
        <select id={nId} className="select" value={n} disabled={running} onChange={(e) => onN(Number(e.target.value))}>
          {COUNTS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="wl-field wl-field-wide" htmlFor={baseId}>
        <span className="wl-field-label">Baseline</span>
        <select id={baseId} className="select" value={baseline} disabled={running} onChange={(e) => onBaseline(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <div className="wl-actions">
        {running ? (
          <>
            <div
              className="wl-progress"
              role="progressbar"
              aria-label="Worlds finished"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={done}
              aria-valuetext={`${done} of ${total} worlds`}
            >
              <div className="wl-progress-fill" style={{ transform: `scaleX(${total > 0 ? done / total : 0})` }} />
            </div>
            <span className="wl-progress-text" aria-hidden="true">
              {done} / {total}
            </span>
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onRun}>
            Run {n} worlds
          </button>
        )}
      </div>
    </div>
  );
}
