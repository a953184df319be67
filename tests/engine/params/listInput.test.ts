// Text input of the intList parameter bucketThresholds: separators, brackets, whitespace, and messages naming the key.
import { describe, expect, it } from 'vitest';
import { paramSpec, type ParamSpec } from '../../../src/engine/params/schema';
import { parseValue } from '../../../src/engine/params/validate';

function bucketSpec(): ParamSpec {
  const s = paramSpec('bucketThresholds');
  if (!s) throw new Error('no spec bucketThresholds');
  return s;
}
const parse = (raw: string) => parseValue(bucketSpec(), raw);

// The full message for a rejected input: "<key>: must be <describeAllowed>, got <JSON of the raw text>".
const message = (raw: string) =>
  `bucketThresholds: must be 2 ascending integers from 1 to 100000000, comma-separated, got ${JSON.stringify(raw)}`;

describe('parseValue: bucketThresholds (intList, length 2, 1..1e8, strictly ascending)', () => {
  it('has the spec the cases below assume', () => {
    const s = bucketSpec();
    expect(s.type).toBe('intList');
    expect(s).toMatchObject({ length: 2, min: 1, max: 100000000 });
  });

  it.each([
    ['100,1000'],
    ['[100,1000]'],
    // The whole string is trimmed, a surrounding pair of brackets removed, and each part trimmed.
    [' [ 100 , 1000 ] '],
    ['[100, 1000]'],
    ['100 , 1000'],
  ])('accepts %j as [100, 1000]', (raw) => {
    expect(parse(raw)).toEqual({ ok: true, value: [100, 1000] });
  });

  it('accepts the range bounds', () => {
    expect(parse('1,100000000')).toEqual({ ok: true, value: [1, 100000000] });
  });

  it.each([
    ['1000,100'], // descending
    ['100,100'], // not strictly ascending
    ['100'], // one value
    ['100,1000,5000'], // three values
    ['100,,1000'], // empty part → three parts
    ['100,1000,'], // trailing comma → three parts, the last empty
    [','], // two empty parts
    ['a,b'], // not numbers
    ['100,abc'],
    ['0,1000'], // below min 1
    ['-5,10'],
    ['100,100000001'], // above max 1e8
    ['100.5,1000'], // not an integer
    ['Infinity,1e9'],
    [''],
    ['[]'],
    ['[[100,1000]]'], // only one bracket is stripped at each end
    ['100 1000'], // space is not a separator
    ['100;1000'],
    ['(100,1000)'],
    ['[100,1000'], // brackets come as a pair or not at all
    ['100,1000]'],
    ['0x64,1000'], // one number grammar: plain decimals, as for a single integer ("0x10" is refused)
    ['0b11,1000'],
    ['Infinity,1000'],
  ])('rejects %j with a message naming bucketThresholds', (raw) => {
    expect(parse(raw)).toEqual({ ok: false, message: message(raw) });
  });

  it('quotes the raw text (not the trimmed one) in the message', () => {
    const r = parse('  1000,100 ');
    expect(r).toEqual({
      ok: false,
      message:
        'bucketThresholds: must be 2 ascending integers from 1 to 100000000, comma-separated, got "  1000,100 "',
    });
  });

  it('reads each entry like a single number: exponents are decimal notation too', () => {
    expect(parse('1e2,1e3')).toEqual({ ok: true, value: [100, 1000] });
  });
});
