// Splits an on-screen text node into the lines the browser wrapped it into, with where each line sits.

/** A box in page pixels (DOMRect-like; a plain object in tests). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** One word as laid out: its text and its box. */
export interface PlacedWord {
  readonly text: string;
  readonly box: Box;
  /** True for a piece of a word the browser broke: no space before it. */
  readonly attached?: boolean;
}

/** One wrapped line: its words joined by single spaces, and the box around them. */
export interface TextLine {
  readonly text: string;
  readonly box: Box;
}

/**
 * Groups words, in reading order, into lines: a word starts a new line when it sits lower than the
 * current line's middle or to the left of where the line has reached (the browser wrapped).
 * Collapsed white space between words on one line renders as one space, as in HTML.
 */
export function groupLines(words: readonly PlacedWord[]): TextLine[] {
  const lines: { text: string; left: number; top: number; right: number; bottom: number }[] = [];
  for (const { text, box, attached } of words) {
    const line = lines.at(-1);
    const right = box.left + box.width;
    const bottom = box.top + box.height;
    const sameLine = line && box.top < (line.top + line.bottom) / 2 && box.left >= line.right - 1;
    if (line && sameLine) {
      line.text += attached ? text : ` ${text}`;
      line.right = Math.max(line.right, right);
      line.top = Math.min(line.top, box.top);
      line.bottom = Math.max(line.bottom, bottom);
    } else {
      lines.push({ text, left: box.left, top: box.top, right, bottom });
    }
  }
  return lines.map((l) => ({
    text: l.text,
    box: { left: l.left, top: l.top, width: l.right - l.left, height: l.bottom - l.top },
  }));
}

/**
 * The words of a text node with their boxes, measured with a Range per word. A word the browser
 * broke across lines (overflow-wrap) is measured letter by letter instead. Returns nothing where
 * Range has no layout (jsdom).
 */
export function placedWords(node: Text): PlacedWord[] {
  const range = node.ownerDocument.createRange();
  if (typeof range.getClientRects !== 'function') return [];
  const words: PlacedWord[] = [];
  const measure = (start: number, end: number): DOMRect[] => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  };
  for (const match of node.data.matchAll(/\S+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const rects = measure(start, end);
    if (rects.length === 1) words.push({ text: match[0], box: rects[0]! });
    else if (rects.length > 1) {
      let i = start;
      for (const letter of match[0]) {
        const box = measure(i, i + letter.length)[0];
        if (box) words.push({ text: letter, box, attached: i > start });
        i += letter.length;
      }
    }
  }
  range.detach();
  return words;
}
