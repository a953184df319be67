// "Follow one listener": their recent slates as genre chips, clicks marked, beside their true taste; where a filter bubble closes.
import { useId, useState } from 'react';
import { wholeNumber } from '../../state/query';
import { TRAIL_LENGTH } from '../../state/store';
import { useActions, useAppStore } from '../storeContext';
import { genreColors } from '../views/palette';
import { fmtPctTick } from '../views/format';
import { summarizeTrail } from './trailSummary';
import './listener.css';

/** Steps the strip draws: all the store keeps (the worker keeps as many for everyone, memory allowing). */
const SHOWN_STEPS = TRAIL_LENGTH;

function TasteBar({ taste, colors }: { taste: readonly number[]; colors: readonly string[] }) {
  return (
    <div className="ls-taste" role="img" aria-label={`True taste: ${taste.map((v, g) => `genre ${g + 1} ${fmtPctTick(v)}`).join(', ')}`}>
      {taste.map((v, g) => (
        <span key={g} className="ls-taste-part" style={{ flexGrow: v, background: colors[g] }} title={`Genre ${g + 1}: ${fmtPctTick(v)}`} />
      ))}
    </div>
  );
}

function FollowPicker() {
  const { followListener } = useActions();
  const users = useAppStore((s) => s.params.users);
  const follow = useAppStore((s) => s.follow);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const go = () => {
    // The common number grammar, as the CLI and the link read numbers: 17, +17, 1.7e1.
    const n = wholeNumber(text, 1, users);
    if (n === null) {
      setError(`Listener number: a whole number from 1 to ${users.toLocaleString('en-US')}.`);
      return;
    }
    setError(null);
    followListener(n - 1);
  };
  return (
    <div className="ls-picker">
      <button type="button" className="btn" onClick={() => followListener('mainstream')}>
        A mainstream listener
      </button>
      <button type="button" className="btn" onClick={() => followListener('niche')}>
        A niche listener
      </button>
      <form
        className="ls-number"
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <label htmlFor={`${id}-n`}>Listener no.</label>
        <input
          id={`${id}-n`}
          inputMode="numeric"
          value={text}
          placeholder={String(follow + 1)}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          Follow
        </button>
      </form>
      {error && (
        <p id={`${id}-err`} className="ls-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ListenerStrip() {
  const listener = useAppStore((s) => s.listener);
  const trail = useAppStore((s) => s.trail);
  const genres = useAppStore((s) => s.params.genres);
  const historySteps = useAppStore((s) => s.historySteps);
  const colors = genreColors(genres);
  const titleId = useId();
  const shown = trail.slice(-SHOWN_STEPS);
  const summary = listener ? summarizeTrail(trail, listener, SHOWN_STEPS) : null;
  return (
    <section className="ls" aria-labelledby={titleId}>
      <div className="ls-head">
        <h2 id={titleId} className="ls-title">
          Follow one listener{listener ? `: no. ${(listener.listener + 1).toLocaleString('en-US')}, ${listener.kind}` : ''}
        </h2>
        <FollowPicker />
      </div>
      {listener && (
        <div className="ls-body">
          <div className="ls-side">
            <p className="ls-label">
              True taste (favourite: <span style={{ color: colors[listener.favourite] }}>■</span> genre {listener.favourite + 1})
            </p>
            <TasteBar taste={listener.taste} colors={colors} />
            {summary ? (
              <p className="ls-summary">
                In the last {Math.min(SHOWN_STEPS, trail.length)} slates, genre {listener.favourite + 1} filled {fmtPctTick(summary.favouriteShare)} of the slots; their taste gives it{' '}
                {fmtPctTick(summary.favouriteTaste)}. {summary.genresShown} of {genres} genres were shown; they clicked {fmtPctTick(summary.clickShare)} of the songs.
              </p>
            ) : (
              <p className="ls-summary">Their slates appear here from the first step.</p>
            )}
          </div>
          <ol className="ls-steps" aria-label="Recent slates, oldest first">
            {shown.map((step) => (
              <li key={step.t} className="ls-step">
                <span className="ls-t">{step.t}</span>
                <span className="ls-chips" aria-label={`Step ${step.t}: ${step.genres.map((g, j) => `genre ${g + 1}${step.clicked[j] ? ' (clicked)' : ''}`).join(', ')}`} role="img">
                  {step.genres.map((g, j) => (
                    <span key={j} className={step.clicked[j] ? 'ls-chip is-clicked' : 'ls-chip'} style={{ background: colors[g] }} title={`Song ${step.songs[j]! + 1}, genre ${g + 1}${step.clicked[j] ? ', clicked' : ''}`} />
                  ))}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="ls-key">
        Each row is one step&rsquo;s slate, top slot first; the colour is the song&rsquo;s genre; a ring and dot mark a click.
        {historySteps < SHOWN_STEPS &&
          ` With this many listeners, history is kept for the last ${historySteps === 1 ? 'step' : `${historySteps} steps`} only: a listener you pick now starts with ${historySteps === 1 ? 'one row' : `${historySteps} rows`} and gains one each step.`}
      </p>
    </section>
  );
}
