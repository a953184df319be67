// A query string as a Map of every value per key, the short, quoted form a notice shows a value in, and whole numbers read as the CLI reads them.
import { parseNumber } from '../engine';

/**
 * Every value given for each key, keys in order of first appearance. A Map rather than a plain
 * object: a key such as `__proto__` or `constructor` is just a key, never a prototype property, and
 * a repeated key keeps all its values so the caller can say what it did with them.
 */
export function readQuery(search: string): Map<string, string[]> {
  const query = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(search)) {
    const values = query.get(key);
    if (values) values.push(value);
    else query.set(key, [value]);
  }
  return query;
}

/** Longest text (in UTF-16 units) a notice shows of one key or value before an ellipsis. */
export const SHOWN_CHARS = 80;

/** `text` cut to SHOWN_CHARS with an ellipsis, never splitting a surrogate pair. */
export function shorten(text: string, max: number = SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // A lone high surrogate at the end would render as a replacement character.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A key or value as a notice shows it: shortened, then quoted and escaped like JSON. */
export function quoted(text: string): string {
  return JSON.stringify(shorten(text));
}

/**
 * `text` as a whole number from `min` to `max`, read with the one number grammar of every numeric
 * input (the engine's parseNumber, as the CLI reads flags: `60`, `+60`, `6e1`, `60.0`, blanks
 * around it ignored); null for anything else (`0x3c`, `1.5`, out of range).
 */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const n = parseNumber(text);
  if (!Number.isInteger(n) || n < min || n > max) return null;
  // "-0" is 0: a step or a listener number never carries a sign.
  return n === 0 ? 0 : n;
}
