// A query string as a Map of every value per key, and the short, quoted form a notice shows a value in.

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
