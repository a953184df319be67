// The lesson rail: one chapter at a time beside the charts (a compact card above them on a phone), with its run, its question and the way on.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { findPreset, PARAM_SCHEMA, presetParams, type Params } from '../../engine';
import { useActions, useAppStore, useAppStoreApi } from '../storeContext';
import { forget, recall, remember } from './chapterMemory';
import { chapterAt, type Chapter, type LessonRun } from './chapters';
import { focusTarget, scrollToFocus, scrollToTop, useWideScreen, wideScreen } from './placement';
import { answerReady, NO_PICK, Question, type Guess } from './Question';
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

/** Whether focus is in a field where PageUp/PageDown already mean something. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Whether at least part of an element is on screen (true where the browser cannot tell). */
function useInView(element: RefObject<HTMLElement | null>, active: boolean): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = element.current;
    if (!active || !el || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true), { threshold: 0.2 });
    observer.observe(el);
    return () => observer.disconnect();
  }, [element, active]);
  return !active || inView;
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
  const wide = useWideScreen();
  const at = chapterAt(lesson);
  const chapters = at?.chapters;
  const index = at?.index ?? -1;
  const chapter = at?.chapter;
  const titleId = useId();
  const rail = useRef<HTMLElement>(null);
  // The guess belongs to the chapter, and outlives a switch between the desktop rail and the phone
  // card, and a visit to present mode (which unmounts the rail: it is remembered by chapterMemory).
  const key = `${lesson?.name ?? ''}-${index}`;
  const [guessOf, setGuessOf] = useState<{ key: string; guess: Guess }>(() => ({ key, guess: recall(store, key)?.guess ?? NO_PICK }));
  const guess = guessOf.key === key ? guessOf.guess : NO_PICK;
  const setGuess = (next: Guess) => {
    remember(store, key, next);
    setGuessOf({ key, guess: next });
  };

  // Entering a chapter sets up its run. A chapter that asks a question holds its run at step 0 until
  // the student has guessed (else the answer would already be on the charts); one without a question
  // plays, keeping a run that already matches its script. Back from present mode the chapter is
  // already set up: its run, played on or not, stays as the student left it.
  useEffect(() => {
    if (!chapter?.script || recall(store, key)) return;
    remember(store, key, NO_PICK);
    const next = chapterParams(chapter, store.getState().params);
    const ask = chapter.question !== null;
    if (next) runScript({ params: next, changes: chapter.script.changes, play: !ask, fresh: ask });
  }, [chapter, key, runScript, store]);

  // The rail unmounts both for present mode and on leaving the lesson: only leaving forgets the chapter.
  useEffect(
    () => () => {
      if (!store.getState().lesson) forget(store);
    },
    [store],
  );

  // Arriving at a chapter, the rail shows it from its top. On a desktop the chapter's view comes into
  // sight beside the rail (the rail itself for the sandbox, which points at no view). On a phone the
  // card comes into sight on a change of chapter (a first visit starts at the top of the page), and
  // the view once the guess is in and the run plays.
  const focus = chapter?.focus ?? null;
  const firstVisit = useRef(true);
  useEffect(() => {
    if (!chapter) return;
    if (rail.current) rail.current.scrollTop = 0;
    const first = firstVisit.current;
    firstVisit.current = false;
    if (!wideScreen()) {
      if (!first) scrollToTop(rail.current);
      return;
    }
    if (!focus) scrollToTop(rail.current);
    return scrollToFocus(focus);
  }, [chapter, focus]);

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

  const run: LessonRun = { params, initial, rows };
  const checkpoint = chapter?.script?.checkpoint ?? 0;
  const ready = chapter !== undefined && answerReady(chapter, run, checkpoint, guess);
  // On a phone the card is above the charts: once the answer is in, a button at the foot of the screen leads back up to it.
  const cardInView = useInView(rail, !wide && ready);
  // On a desktop the views above the chapter's grew as the run played: its view is brought back to the top to be read with the answer.
  useEffect(() => (ready && wide ? scrollToFocus(focus) : undefined), [ready, wide, focus]);
  if (!lesson || !chapters || !chapter) return null;
  // After the guess: play the chapter's run (set up again if the settings were changed meanwhile;
  // a run already at its checkpoint stays there rather than playing on).
  const playChapter = () => {
    const next = chapterParams(chapter, store.getState().params);
    if (next && chapter.script) runScript({ params: next, changes: chapter.script.changes, play: true });
    if (!wideScreen()) scrollToFocus(focus);
  };
  const go = (n: number) => setLesson({ name: lesson.name, chapter: n });
  const text = <p className="lesson-text">{chapter.text(run)}</p>;
  const asks = chapter.question !== null;
  return (
    <aside ref={rail} className={wide ? 'lesson' : 'lesson lesson-card'} aria-label="Lesson">
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
      {wide || !asks ? (
        text
      ) : (
        // On a phone the card stays short: the question first, the chapter's text a tap away.
        <details className="lesson-more">
          <summary>Read the chapter</summary>
          {text}
        </details>
      )}
      {chapter.script && (
        <p className="lesson-progress" aria-live="polite">
          {progressText(checkpoint, t, asks && t === 0 && status !== 'running')}
        </p>
      )}
      {asks && (
        <Question
          chapter={chapter}
          run={run}
          checkpoint={checkpoint}
          t={t}
          guess={guess}
          onGuess={setGuess}
          onRun={playChapter}
          scrollAnswer={wide}
        />
      )}
      {!wide && focus && guess.committed !== null && (
        <button type="button" className="btn btn-quiet lesson-see" onClick={() => scrollToTop(focusTarget(focus))}>
          See the chart ↓
        </button>
      )}
      <nav className="lesson-nav" aria-label="Chapters">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(index)}>
          ← Back
        </button>
        <button type="button" className="btn btn-primary" disabled={index === chapters.length - 1} onClick={() => go(index + 2)}>
          Next →
        </button>
      </nav>
      {wide && <p className="lesson-hint">PageDown / PageUp also move between chapters.</p>}
      {!cardInView && (
        <button type="button" className="btn btn-primary lesson-jump" onClick={() => scrollToTop(rail.current)}>
          See the answer ↑
        </button>
      )}
    </aside>
  );
}
