// Word wrapping by hand-countable widths: word ends, ellipses, balanced lines, and mitigation phrases.
import { describe, expect, it } from 'vitest';
import type { Meter } from '../../../src/ui/loop/meter';
import { wrap, wrapBalanced, wrapParts } from '../../../src/ui/loop/textWrap';

/** Every character 10 px wide: line breaks that can be counted by hand. */
const mono: Meter = { width: (text) => [...text].length * 10 };

describe('text wrapping', () => {
  it('wraps at word ends and ends an overlong last line in an ellipsis', () => {
    expect(wrap('top 10% hold 84% of plays', mono, 120, 3)).toEqual([
      'top 10% hold',
      '84% of plays',
    ]);
    expect(wrap('top 10% hold 84% of plays', mono, 120, 1)).toEqual(['top 10% hol…']);
    expect(wrap('', mono, 100, 2)).toEqual([]);
  });

  it('ellipsizes a word wider than the box without leaving a gap in the lines', () => {
    // "listeners" (90 px) in 60 px, up to 3 lines: one line, cut to "liste…" (60 px); no empty slots.
    const lines = wrap('listeners', mono, 60, 3);
    expect(lines).toEqual(['liste…']);
    expect(lines.length).toBe(1);
    // Two words, each too wide, 3 lines allowed: both cut, still two lines.
    expect(wrap('listeners clicked', mono, 60, 3)).toEqual(['liste…', 'click…']);
  });

  it('balances two lines instead of leaving one word on the second', () => {
    expect(wrap('head gets 71% of clicks', mono, 170, 2)).toEqual(['head gets 71% of', 'clicks']);
    expect(wrapBalanced('head gets 71% of clicks', mono, 170, 2)).toEqual([
      'head gets 71%',
      'of clicks',
    ]);
  });

  it('breaks the mitigation list between phrases, and counts the phrases that do not fit', () => {
    const parts = ['+ Thompson sampling', '+ IPS debiasing', '+ xQuAD re-ranking λ 0.5'];
    expect(wrapParts(parts.slice(0, 2), mono, 400, 1)).toEqual([
      '+ Thompson sampling + IPS debiasing',
    ]);
    expect(wrapParts(parts.slice(0, 2), mono, 200, 2)).toEqual([
      '+ Thompson sampling',
      '+ IPS debiasing',
    ]);
    expect(wrapParts(parts, mono, 300, 1)).toEqual(['+ Thompson sampling + 2 more']);
    expect(wrapParts(parts, mono, 150, 1)).toEqual(['+ 3 mitigations']);
  });
});
