// Word wrapping against a Meter: greedy, balanced, by phrase, and the narrowest width for n lines.
import type { Meter } from './meter';

/** Greedy word wrap into at most `maxLines` lines; an overlong last line ends in "…". */
export function wrap(text: string, meter: Meter, maxWidth: number, maxLines: number): string[] {
  if (text === '' || maxLines <= 0) return [];
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current === '' || meter.width(next) <= maxWidth) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  if (lines.length <= maxLines && lines.every((l) => meter.width(l) <= maxWidth)) return lines;
  const kept = lines.slice(0, maxLines);
  // Lines past the last allowed one join it, ellipsized. (With no more lines than allowed there is
  // nothing to join: writing kept[maxLines − 1] then left a hole in the array, which crashed the drawing.)
  if (lines.length > maxLines) kept[maxLines - 1] = ellipsize(lines.slice(maxLines - 1).join(' '), meter, maxWidth);
  // A single word wider than the box ends in an ellipsis too.
  return kept.map((l) => (meter.width(l) <= maxWidth ? l : ellipsize(l, meter, maxWidth)));
}

/** `text` if it fits in `maxWidth`, else its longest prefix (trailing spaces trimmed) that fits with "…". */
export function ellipsize(text: string, meter: Meter, maxWidth: number): string {
  if (meter.width(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && meter.width(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Like `wrap`, but with lines of even length: "top 10% hold / 84% of plays", not "… of / plays". */
export function wrapBalanced(
  text: string,
  meter: Meter,
  maxWidth: number,
  maxLines: number,
): string[] {
  const greedy = wrap(text, meter, maxWidth, maxLines);
  if (greedy.length <= 1 || greedy.some((l) => l.endsWith('…'))) return greedy;
  const even = wrap(
    text,
    meter,
    Math.min(maxWidth, Math.ceil(minWidth(text, meter, greedy.length))),
    maxLines,
  );
  return even.length === greedy.length && !even.some((l) => l.endsWith('…')) ? even : greedy;
}

/**
 * Wraps the ranker's mitigations ("+ ε-greedy 10%", "+ IPS debiasing"), breaking between phrases where
 * it can; when they need more than `maxLines`, the last ones are counted instead ("+ 2 more", or
 * "+ 3 mitigations" when none fits).
 */
export function wrapParts(
  parts: readonly string[],
  meter: Meter,
  maxWidth: number,
  maxLines: number,
): string[] {
  if (parts.length === 0 || maxLines <= 0) return [];
  for (let shown = parts.length; shown >= 0; shown--) {
    const hidden = parts.length - shown;
    const units =
      hidden > 0
        ? [...parts.slice(0, shown), shown > 0 ? `+ ${hidden} more` : `+ ${hidden} mitigations`]
        : [...parts];
    const lines = packUnits(units, meter, maxWidth);
    if (lines.length <= maxLines && lines.every((l) => meter.width(l) <= maxWidth)) return lines;
  }
  return wrap(`+ ${parts.length} mitigations`, meter, maxWidth, maxLines);
}

/** Greedy packing of phrases into lines; a phrase wider than a line is word-wrapped on its own lines. */
function packUnits(units: readonly string[], meter: Meter, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const joined = current === '' ? unit : `${current} ${unit}`;
    if (meter.width(joined) <= maxWidth) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    if (meter.width(unit) <= maxWidth) current = unit;
    else {
      const pieces = wrap(unit, meter, maxWidth, Infinity);
      current = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** The narrowest width at which `text` wraps into `lines` lines without an ellipsis. */
export function minWidth(text: string, meter: Meter, lines: number): number {
  if (text === '') return 0;
  const full = meter.width(text);
  if (lines <= 1) return full;
  const widestWord = Math.max(...text.split(' ').map((w) => meter.width(w)));
  let lo = widestWord;
  let hi = full;
  // Bisection to a pixel: the greedy wrap's line count only falls as the width grows.
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (fitsIn(text, meter, mid, lines)) hi = mid;
    else lo = mid;
  }
  return fitsIn(text, meter, lo, lines) ? lo : hi;
}

/** Whether greedy wrapping at `width` takes at most `lines` lines (overlong words count as one line each). */
function fitsIn(text: string, meter: Meter, width: number, lines: number): boolean {
  let count = 1;
  let current = '';
  for (const word of text.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current === '' || meter.width(next) <= width) current = next;
    else {
      count++;
      current = word;
    }
  }
  return count <= lines;
}
