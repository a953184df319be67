// Echoes user input in messages, JSON-quoted and cut short, so a 100 KB value cannot flood a one-line message.

/** Longest echo of a value in a message, in characters, ellipsis included. */
export const ECHO_CHARS = 80;

/** `text` as a JSON string, its content cut to about ECHO_CHARS characters with "…". */
export function quote(text: string): string {
  if (text.length <= ECHO_CHARS - 2) return JSON.stringify(text);
  // Cut by code point, so a surrogate pair is never split into an escaped half.
  const kept = Array.from(text.slice(0, 2 * ECHO_CHARS))
    .slice(0, ECHO_CHARS - 3)
    .join('');
  return JSON.stringify(`${kept}…`);
}

/** Text already shown (e.g. a JSON value) cut to ECHO_CHARS characters with "…". */
export function shorten(shown: string): string {
  return shown.length <= ECHO_CHARS
    ? shown
    : `${Array.from(shown.slice(0, 2 * ECHO_CHARS))
        .slice(0, ECHO_CHARS - 1)
        .join('')}…`;
}

/**
 * `message` with every long echo of the given values replaced by a short one. The engine's
 * messages quote a rejected value in full (JSON.stringify); the CLI knows which values it passed
 * in, so it can find those echoes without depending on the rest of the wording.
 */
export function shortenEchoes(message: string, values: readonly unknown[]): string {
  let result = message;
  for (const value of values) {
    const full = echoOf(value);
    if (full === undefined || full.length <= ECHO_CHARS) continue;
    const short = typeof value === 'string' ? quote(value) : shorten(full);
    result = result.split(full).join(short);
  }
  return result;
}

/** JSON.stringify of `value`, or undefined when it has none or is nested too deep to stringify. */
function echoOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    // RangeError on deep nesting: such a value is refused before any message could echo it.
    return undefined;
  }
}
