// The caption a saved chart carries: exact text for hand-made runs, and how a long one wraps.
import { describe, expect, it } from 'vitest';
import { captionText, changeCaption, wrapCaption } from '../../../src/ui/save/caption';

const eps = { t: 40, label: 'ε = 0.1 from here', parts: [{ text: 'ε = 0.1' }] };

describe('captionText', () => {
  it('names scenario, seed and step when nothing changed live', () => {
    expect(captionText({ scenario: 'The loop forms', seed: 42, step: 60, markers: [] })).toBe(
      'The loop forms · seed 42 · step 60',
    );
  });

  it('adds each live change with the step it took effect, in order', () => {
    const later = {
      t: 55,
      label: 'exploration = thompson, ε = 0.2 from here',
      parts: [{ text: 'exploration = thompson' }, { text: 'ε = 0.2' }],
    };
    expect(
      captionText({ scenario: 'The loop forms', seed: 42, step: 60, markers: [eps, later] }),
    ).toBe(
      'The loop forms · seed 42 · step 60 · ε = 0.1 from step 40 · exploration = thompson, ε = 0.2 from step 55',
    );
  });

  it('says custom settings as given', () => {
    expect(captionText({ scenario: 'Custom settings', seed: 7, step: 0, markers: [] })).toBe(
      'Custom settings · seed 7 · step 0',
    );
  });
});

describe('changeCaption', () => {
  it('falls back to the marker label without "from here" when a marker has no parts', () => {
    expect(changeCaption({ t: 12, label: 'recommender = random from here', parts: [] })).toBe(
      'recommender = random from step 12',
    );
  });
});

describe('wrapCaption', () => {
  // One pixel per character makes the widths easy to check by hand.
  const width = (s: string) => s.length;

  it('keeps a caption that fits on one line', () => {
    expect(wrapCaption('The loop forms · seed 42 · step 60', 34, width)).toEqual([
      'The loop forms · seed 42 · step 60',
    ]);
  });

  it('breaks between parts, never leaving a "·" at a line start', () => {
    // "The loop forms · seed 42" is 24 characters; adding " · step 60" would make 34 > 30.
    expect(wrapCaption('The loop forms · seed 42 · step 60', 30, width)).toEqual([
      'The loop forms · seed 42',
      'step 60',
    ]);
  });

  it('breaks a part wider than a line between its words', () => {
    expect(wrapCaption('seed 1 · exploration = thompson from step 5', 20, width)).toEqual([
      'seed 1',
      'exploration =',
      'thompson from step 5',
    ]);
  });
});
