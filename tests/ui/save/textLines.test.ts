// Grouping measured words into the lines the browser wrapped them into.
import { describe, expect, it } from 'vitest';
import { groupLines } from '../../../src/ui/save/textLines';

const word = (text: string, left: number, top: number, attached = false) => ({
  text,
  box: { left, top, width: text.length * 8, height: 16 },
  attached,
});

describe('groupLines', () => {
  it('joins words on one line with single spaces and starts a line when the text wraps', () => {
    const lines = groupLines([
      word('Plays', 0, 100),
      word('pile', 48, 100),
      word('up', 0, 120),
      word('here', 24, 120),
    ]);
    expect(lines).toEqual([
      { text: 'Plays pile', box: { left: 0, top: 100, width: 80, height: 16 } },
      { text: 'up here', box: { left: 0, top: 120, width: 56, height: 16 } },
    ]);
  });

  it('glues the pieces of a word broken letter by letter', () => {
    const lines = groupLines([word('a', 0, 0), word('b', 8, 0, true), word('c', 24, 0)]);
    expect(lines.map((l) => l.text)).toEqual(['ab c']);
  });
});
