// What the lesson rail keeps of its chapter while present mode takes the page (the rail is unmounted meanwhile): the guess, and that the chapter's run is set up.
import type { Guess } from './Question';

/** The chapter (`lesson-index`) whose run the rail set up, and the student's guess in it. */
export interface ChapterMemory {
  readonly key: string;
  readonly guess: Guess;
}

// Kept per store, i.e. per app on the page: one app's lesson never leaks into another's (the tests render many).
const memories = new WeakMap<object, ChapterMemory>();

/** What the rail of `store` remembers of chapter `key`, if it set that chapter up and has not left the lesson since. */
export function recall(store: object, key: string): ChapterMemory | undefined {
  const memory = memories.get(store);
  return memory?.key === key ? memory : undefined;
}

/** Remembers chapter `key` as set up, with the guess so far (replacing any other chapter's). */
export function remember(store: object, key: string, guess: Guess): void {
  memories.set(store, { key, guess });
}

/** Forgets the chapter: leaving the lesson, a later visit to the same chapter starts it afresh. */
export function forget(store: object): void {
  memories.delete(store);
}
