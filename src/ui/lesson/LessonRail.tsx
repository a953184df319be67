// The lesson rail: one chapter at a time beside the charts, with its run, its question and the way on.
import { useEffect, useId, useRef, useState } from 'react';
import { findPreset, PARAM_SCHEMA, presetParams, type Params } from '../../engine';
import { useActions, useAppStore, useAppStoreApi } from '../storeContext';
import { LESSONS, type Chapter, type LessonFocus, type LessonRun } from './chapters';
import './lesson.css';

/**
 * The parameters a chapter runs: its preset's strategy in the run's world (the world and its size,
 * e.g. a smaller one for slow laptops, are kept unless the preset sets them), stopping at the checkpoint.
 */
export function chapterParams(chapter: Chapter, running: Params): Params | null {
  const preset = chapter.script && findPreset(chapter.script.preset);
  if (!chapter.script || !preset) return null;
  const params: Record<string, unknown> = { ...presetParams(preset) };
  for (const spec of PARAM_SCHEMA) if (spec.effect === 'restart' && !(spec.key in preset.overrides)) params[spec.key] = running[spec.key];
  return { ...(params as Params), steps: chapter.script.checkpoint };
}

/** Whether the rail sits beside the charts (else below them, on a phone). */
function wideScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 900px)').matches;
}

/** Scrolls the view a chapter points at to the top of the window. */
function scrollToView(focus: LessonFocus | null): void {
  if (!focus || typeof window.matchMedia !== 'function') return;
  const view = focus === 'numbers' ? document.querySelector('.numbers') : document.getElementById(`view-${focus}`);
  if (!view) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  view.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}

/** Whether focus is in a field where PageUp/PageDown already mean something. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A guess the student skipped: the run plays and the answer is shown without a verdict. */
const NO_GUESS = '';

function Question({ chapter, run, checkpoint, t, onRun }: { chapter: Chapter; run: LessonRun; checkpoint: number; t: number; onRun(): void }) {
  const question = chapter.question!;
  const id = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [committed, setCommitted] = useState<string | null>(null);
  const lockIn = useRef<HTMLButtonElement>(null);
  // On a short screen the rail scrolls and the button may sit below its fold: a guess brings it up.
  const choose = (option: string) => {
    setChoice(option);
    lockIn.current?.scrollIntoView?.({ block: 'nearest' });
  };
  const answer = committed !== null ? question.answer(run, checkpoint) : null;
  const labelOf = (option: string) => question.options.find((o) => o.id === option)?.label ?? option;
  const commit = (guess: string) => {
    setCommitted(guess);
    onRun();
  };
  return (
    <div className="lesson-question">
      <fieldset disabled={committed !== null}>
        <legend id={`${id}-q`}>Predict: {question.prompt}</legend>
        {question.options.map((option) => (
          <label key={option.id} className="lesson-option">
            <input type="radio" name={`${id}-choice`} value={option.id} checked={choice === option.id} onChange={() => choose(option.id)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      {committed === null ? (
        <div className="lesson-commit">
          <button ref={lockIn} type="button" className="btn btn-primary" disabled={choice === null} onClick={() => choice !== null && commit(choice)}>
            Lock in my guess and run
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => commit(NO_GUESS)}>
            Run without guessing
          </button>
        </div>
      ) : (
        <div className="lesson-answer" role="status">
          {answer === null ? (
            <p>
              {committed === NO_GUESS ? 'No guess.' : <>Your guess: <strong>{labelOf(committed)}</strong>.</>} The answer appears at step {checkpoint} (now step {t}).
            </p>
          ) : (
            <p className={committed === NO_GUESS ? undefined : answer.correct === committed ? 'lesson-right' : 'lesson-wrong'}>
              {committed === NO_GUESS ? `The answer: “${labelOf(answer.correct)}”. ` : answer.correct === committed ? 'Right: ' : `Not quite: the answer is “${labelOf(answer.correct)}”. `}
              {answer.why}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Where the chapter's run is, in words: waiting for the guess, on its way, or at its checkpoint. */
export function progressText(checkpoint: number, t: number, waiting: boolean): string {
  if (waiting) return `Make your guess: the run waits at step 0 and then plays to step ${checkpoint}.`;
  return t >= checkpoint ? `Run complete: step ${checkpoint}.` : `Running to step ${checkpoint}: now at step ${t}.`;
}

export function LessonRail() {
  const lesson = useAppStore((s) => s.lesson);
  const setLesson = useAppStore((s) => s.setLesson);
  const params = useAppStore((s) => s.params);
  const initial = useAppStore((s) => s.initial);
  const rows = useAppStore((s) => s.rows);
  const t = useAppStore((s) => s.t);
  const store = useAppStoreApi();
  const status = useAppStore((s) => s.status);
  const { runScript } = useActions();
  const chapters = lesson ? LESSONS[lesson.name] : undefined;
  const index = lesson && chapters ? Math.min(Math.max(lesson.chapter, 1), chapters.length) - 1 : -1;
  const chapter = chapters?.[index];
  const titleId = useId();

  // Entering a chapter sets up its run. A chapter that asks a question holds its run at step 0 until
  // the student has guessed (else the answer would already be on the charts); one without a question
  // plays, keeping a run that already matches its script.
  useEffect(() => {
    if (!chapter?.script) return;
    const next = chapterParams(chapter, store.getState().params);
    const ask = chapter.question !== null;
    if (next) runScript({ params: next, changes: chapter.script.changes, play: !ask, fresh: ask });
  }, [chapter, runScript, store]);

  // The chapter's view comes into sight beside the rail (on a desktop, where the rail stays put; on a
  // phone the rail follows the charts, and scrolling away from the text would lose the reader: there
  // the view comes into sight once the guess is in and the run plays).
  const focus = chapter?.focus ?? null;
  useEffect(() => {
    if (wideScreen()) scrollToView(focus);
  }, [focus]);

  useEffect(() => {
    if (!lesson || !chapters) return;
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'PageDown' && index < chapters.length - 1) setLesson({ name: lesson.name, chapter: index + 2 });
      else if (event.key === 'PageUp' && index > 0) setLesson({ name: lesson.name, chapter: index });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson, chapters, index, setLesson]);

  if (!lesson || !chapters || !chapter) return null;
  const run: LessonRun = { params, initial, rows };
  // After the guess: play the chapter's run (set up again if the settings were changed meanwhile;
  // a run already at its checkpoint stays there rather than playing on).
  const playChapter = () => {
    const next = chapterParams(chapter, store.getState().params);
    if (next && chapter.script) runScript({ params: next, changes: chapter.script.changes, play: true });
    if (!wideScreen()) scrollToView(focus);
  };
  const checkpoint = chapter.script?.checkpoint ?? 0;
  const go = (n: number) => setLesson({ name: lesson.name, chapter: n });
  return (
    <aside className="lesson" aria-label="Lesson">
      <div className="lesson-head">
        <p className="lesson-count">
          Chapter {index + 1} of {chapters.length}
        </p>
        <button type="button" className="btn btn-quiet lesson-close" onClick={() => setLesson(null)}>
          Leave lesson
        </button>
      </div>
      <h2 id={titleId} className="lesson-title">
        {chapter.title}
      </h2>
      <p className="lesson-text">{chapter.text(run)}</p>
      {chapter.script && (
        <p className="lesson-progress" aria-live="polite">
          {progressText(checkpoint, t, chapter.question !== null && t === 0 && status !== 'running')}
        </p>
      )}
      {chapter.question && <Question key={`${lesson.name}-${index}`} chapter={chapter} run={run} checkpoint={checkpoint} t={t} onRun={playChapter} />}
      <nav className="lesson-nav" aria-label="Chapters">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(index)}>
          ← Back
        </button>
        <button type="button" className="btn btn-primary" disabled={index === chapters.length - 1} onClick={() => go(index + 2)}>
          Next →
        </button>
      </nav>
      <p className="lesson-hint">PageDown / PageUp also move between chapters.</p>
    </aside>
  );
}
