// Playback of all arms in lockstep (play, a step slider, speed) and the spread over seeds with its progress and Cancel.
import { useId } from 'react';
import { MAX_SEEDS, reachedStep } from '../../state/compare';
import { useCompare, useCompareSession } from './useCompare';

function SeedControls() {
  const session = useCompareSession();
  const seedCount = useCompare((s) => s.seedCount);
  const spread = useCompare((s) => s.spread);
  const seed = useCompare((s) => s.shared.seed);
  const id = useId();
  const running = spread?.status === 'running';
  const progress = spread ? spread.finished / Math.max(1, spread.total) : 0;
  return (
    <div className="seeds" role="group" aria-label="Spread over seeds">
      <label htmlFor={id} className="seeds-label">
        Seeds
      </label>
      <input
        id={id}
        className="seeds-input"
        type="number"
        min={2}
        max={MAX_SEEDS}
        step={1}
        value={seedCount}
        disabled={running}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 2 && n <= MAX_SEEDS) session.setSeedCount(n);
        }}
        aria-describedby={`${id}-help`}
      />
      {running ? (
        <button type="button" className="btn" onClick={() => session.cancelSeeds()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => session.runSeeds()}>
          {/* "Again" only once some run finished: a spread cancelled before any has none to repeat. */}
          {spread ? (spread.finished > 0 ? 'Run the seeds again' : 'Run the seeds') : `Spread over ${seedCount} seeds`}
        </button>
      )}
      {spread && !running && (
        <button type="button" className="btn btn-quiet" onClick={() => session.clearSeeds()}>
          Back to one seed
        </button>
      )}
      <span id={`${id}-help`} className="seeds-help">
        Seeds {seed}–{seed + seedCount - 1}, each a new world and history: the bands show how much of a difference is luck.
      </span>
      {spread && (
        <div className="seeds-progress">
          <div
            className="progress"
            role="progressbar"
            aria-label="Runs over seeds finished"
            aria-valuemin={0}
            aria-valuemax={spread.total}
            aria-valuenow={spread.finished}
          >
            <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
          </div>
          <span className="seeds-status" role="status" data-testid="seeds-status">
            {spread.status === 'running'
              ? `${spread.finished} of ${spread.total} runs`
              : spread.status === 'done'
                ? `${spread.total} runs over ${spread.seeds.length} seeds`
                : spread.status === 'cancelled'
                  ? `Cancelled after ${spread.finished} of ${spread.total} runs`
                  : `Stopped: ${spread.error ?? 'a run failed'}`}
          </span>
        </div>
      )}
    </div>
  );
}

export function CompareTransport() {
  const session = useCompareSession();
  const playing = useCompare((s) => s.playing);
  const shown = useCompare((s) => s.shown);
  const steps = useCompare((s) => s.shared.steps);
  const reached = useCompare((s) => reachedStep(s.runs));
  const speed = useCompare((s) => s.speed);
  const id = useId();
  return (
    <section className="compare-transport" aria-label="Playback of all arms">
      <div className="transport-buttons">
        <button type="button" className="btn btn-primary btn-play" onClick={() => session.togglePlay()} disabled={reached === 0}>
          {playing ? 'Pause' : shown >= steps ? 'Replay' : 'Play'}
        </button>
        <button type="button" className="btn" onClick={() => session.seek(shown + 1)} disabled={shown >= reached}>
          Step
        </button>
        <button type="button" className="btn" onClick={() => session.seek(steps)} disabled={reached === 0}>
          To the end
        </button>
        <button type="button" className="btn" onClick={() => session.seek(0)}>
          Back to the start
        </button>
      </div>
      <label className="compare-scrub" htmlFor={id}>
        <span className="step-counter" data-testid="compare-step">
          Step {shown} / {steps}
        </span>
        <input
          id={id}
          type="range"
          min={0}
          max={steps}
          value={shown}
          onChange={(e) => session.seek(Number(e.target.value))}
          aria-valuetext={`step ${shown} of ${steps}`}
        />
      </label>
      <label className="speed">
        <span className="speed-label">Speed</span>
        <input type="range" min={1} max={60} value={speed} onChange={(e) => session.setSpeed(Number(e.target.value))} aria-label="Speed, steps per second" />
        <output className="speed-value">{speed}/s</output>
      </label>
      <SeedControls />
    </section>
  );
}
