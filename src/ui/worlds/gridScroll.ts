// Which worlds of a top-songs grid are scrolled out of its box, and the caption that says where they are.

/** A horizontal span in pixels, as getBoundingClientRect gives it. */
export interface Span {
  readonly left: number;
  readonly right: number;
}

/** The worlds (0-based, first and last) cut off on each side of the box; null where none is. */
export interface OutOfView {
  readonly before: readonly [number, number] | null;
  readonly after: readonly [number, number] | null;
}

/** Half a pixel either way is rounding, not a cut-off column. */
const SLACK = 1;

/**
 * The world columns not wholly inside `view` (the box less the sticky rank column): a column cut
 * in half counts as out of view, since half a world's name and chips is not a readable world.
 */
export function worldsOutOfView(columns: readonly Span[], view: Span): OutOfView {
  const before: number[] = [];
  const after: number[] = [];
  columns.forEach((c, i) => {
    if (c.left < view.left - SLACK) before.push(i);
    else if (c.right > view.right + SLACK) after.push(i);
  });
  const range = (ids: number[]) => (ids.length ? ([ids[0]!, ids.at(-1)!] as const) : null);
  return { before: range(before), after: range(after) };
}

/** "8", "6–8": counted from 1, as the column heads name the worlds. */
const numbers = ([first, last]: readonly [number, number]) =>
  first === last ? `${first + 1}` : `${first + 1}–${last + 1}`;

/** "world 8", "worlds 6–8". */
const named = (range: readonly [number, number]) =>
  `${range[0] === range[1] ? 'world' : 'worlds'} ${numbers(range)}`;

/**
 * The caption over the grid: where the hidden worlds are (the grid draws ← and → beside it); null
 * when every world shows. Short, so it stays on one line as it changes while the grid scrolls.
 */
export function scrollHint({ before, after }: OutOfView): string | null {
  if (before && after) return `Scroll for worlds ${numbers(before)} and ${numbers(after)}`;
  if (after) return `Scroll right for ${named(after)}`;
  if (before) return `Scroll left for ${named(before)}`;
  return null;
}
