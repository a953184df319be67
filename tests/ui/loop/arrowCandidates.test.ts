// The texts the loop is sized for: the widest numbers a run can show, and every waiting text.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { arrowCandidates } from '../../../src/ui/loop/arrowCandidates';
import { initial } from './fixtures';

describe('arrowCandidates', () => {
  it('includes the widest numbers the run can show and every waiting text, so the layout is sized once', () => {
    const c = arrowCandidates({ initial, params: defaultParams() });
    expect(c.listenersSlates.map((t) => t.main)).toEqual(
      expect.arrayContaining(['10,000 slots', 'no slates yet', 'building world…', 'first step…']),
    );
    expect(c.clicksLog.map((t) => t.main)).toEqual(
      expect.arrayContaining([
        'head gets >99.9% of clicks',
        'no clicks this step',
        'nothing logged yet',
      ]),
    );
    expect(c.logRanker.map((t) => t.main)).toEqual(
      expect.arrayContaining(['top 10% hold >99.9% of plays', 'counting prior plays…']),
    );
    expect(c.slatesClicks.map((t) => t.main)).toContain('10,000 clicks');
  });
});
