// A chapter's prediction: the options, "Lock in", and the answer only once the guess is in and the run is at its checkpoint.
import { useEffect, useId, useRef } from 'react';
import type { Chapter, LessonRun } from './chapters';

/** A guess the student skipped: the run plays and the answer is shown without a verdict. */
export const NO_GUESS = '';

/** The student's pick so far and what they locked in (null: not yet); the rail keeps it per chapter. */
export interface Guess {
  readonly choice: string | null;
  readonly committed: string | null;
}

export const NO_PICK: Guess = { choice: null, committed: null };

interface QuestionProps {
  chapter: Chapter;
  run: LessonRun;
  checkpoint: number;
  t: number;
  guess: Guess;
  onGuess(guess: Guess): void;
  /** Called once the guess is locked in (or skipped): the chapter's run plays. */
  onRun(): void;
  /** Whether the answer, once in, is scrolled into sight (in the desktop rail). */
  scrollAnswer: boolean;
}

export function Question({ chapter, run, checkpoint, t, guess, onGuess, onRun, scrollAnswer }: QuestionProps) {
  const question = chapter.question!;
  const id = useId();
  const { choice, committed } = guess;
  const lockIn = useRef<HTMLButtonElement>(null);
  // On a short screen the rail scrolls and the button may sit below its fold: a guess brings it up.
  const choose = (option: string) => {
    onGuess({ choice: option, committed: null });
    lockIn.current?.scrollIntoView?.({ block: 'nearest' });
  };
  const answer = committed !== null ? question.answer(run, checkpoint) : null;
  // The answer arrives at the foot of the rail, which may be scrolled: it comes into the rail's sight
  // (on a phone the card is a page's length away, and a button leads back to it instead).
  const shown = useRef<HTMLDivElement>(null);
  const arrived = answer !== null;
  useEffect(() => {
    const answerBox = shown.current;
    const railBox = answerBox?.closest('.lesson');
    if (!arrived || !scrollAnswer || !answerBox || !railBox) return;
    // The rail alone scrolls: the page stays on the chart the chapter points at.
    const below = answerBox.getBoundingClientRect().bottom - railBox.getBoundingClientRect().bottom;
    if (below > 0) railBox.scrollTop += below + 16;
  }, [arrived, scrollAnswer]);
  const labelOf = (option: string) => question.options.find((o) => o.id === option)?.label ?? option;
  const commit = (pick: string) => {
    onGuess({ choice, committed: pick });
    onRun();
  };
  return (
    <div className="lesson-question">
      <fieldset disabled={committed !== null}>
        <legend>Predict: {question.prompt}</legend>
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
        <div ref={shown} className="lesson-answer" role="status">
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

/** Whether the chapter's answer is on screen: a guess is in and the run has reached the checkpoint. */
export function answerReady(chapter: Chapter, run: LessonRun, checkpoint: number, guess: Guess): boolean {
  return chapter.question !== null && guess.committed !== null && chapter.question.answer(run, checkpoint) !== null;
}
