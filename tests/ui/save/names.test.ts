// Button names and file names of saved charts.
import { describe, expect, it } from 'vitest';
import { saveFileName, shortTitle, slug } from '../../../src/ui/save/names';

describe('names', () => {
  it('shortens a view title to the words before its colon', () => {
    expect(shortTitle('Rich get richer: plays pile up on a few songs')).toBe('Rich get richer');
    expect(shortTitle('Song wall')).toBe('Song wall');
  });

  it('slugs to lower-case ASCII words joined by hyphens', () => {
    expect(slug('Hit rate by popularity: accurate only on hits?')).toBe(
      'hit-rate-by-popularity-accurate-only-on-hits',
    );
    expect(slug('Exposure – Café ε')).toBe('exposure-cafe');
  });

  it('names the file after the app, the view, the seed and the step', () => {
    expect(saveFileName('rich-get-richer', 42, 60, 'png')).toBe(
      'feedback-loop-lab_rich-get-richer_seed42_step60.png',
    );
    expect(saveFileName('Song wall', 7, 0, 'svg')).toBe(
      'feedback-loop-lab_song-wall_seed7_step0.svg',
    );
  });
});
