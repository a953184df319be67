// Query strings become a Map of every value per key; keys and values shown in a notice are shortened.
import { describe, expect, it } from 'vitest';
import { quoted, readQuery, shorten } from '../../src/state/query';

describe('query map', () => {
  it('keeps every value of a key, keys in order of first appearance, prototype names as plain keys', () => {
    const query = readQuery('?__proto__=1&a=1&constructor=&a=2&toString=x');
    expect(query).toBeInstanceOf(Map);
    expect([...query]).toEqual([
      ['__proto__', ['1']],
      ['a', ['1', '2']],
      ['constructor', ['']],
      ['toString', ['x']],
    ]);
    // A name the query does not hold is absent, however Object.prototype spells it.
    expect(readQuery('?a=1').get('constructor')).toBeUndefined();
    expect(readQuery('').size).toBe(0);
  });

  it('decodes like URLSearchParams (plus and percent escapes)', () => {
    expect([...readQuery('?a%20b=c+d&e=%E2%9C%93')]).toEqual([
      ['a b', ['c d']],
      ['e', ['✓']],
    ]);
  });
});

describe('shortened text', () => {
  it('keeps text up to 80 characters and cuts longer text to 80 plus an ellipsis', () => {
    expect(shorten('y'.repeat(80))).toBe('y'.repeat(80));
    expect(shorten('y'.repeat(81))).toBe(`${'y'.repeat(80)}…`);
    expect(shorten('y'.repeat(100_000))).toHaveLength(81);
    expect(shorten('abcdef', 3)).toBe('abc…');
  });

  it('never splits a surrogate pair', () => {
    // 79 letters, then an emoji (2 UTF-16 units) across the cut at 80: the emoji goes whole.
    expect(shorten(`${'a'.repeat(79)}😀tail`)).toBe(`${'a'.repeat(79)}…`);
    expect(shorten(`${'a'.repeat(78)}😀tail`)).toBe(`${'a'.repeat(78)}😀…`);
  });

  it('quotes like JSON, so control characters and quotes are visible', () => {
    expect(quoted('a"b\n')).toBe('"a\\"b\\n"');
    expect(quoted('z'.repeat(90))).toBe(`"${'z'.repeat(80)}…"`);
  });
});
