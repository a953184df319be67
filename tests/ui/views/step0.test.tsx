// @vitest-environment jsdom
// Step 0 before Play: each view draws the world before any recommendation from the initial metrics and
// the step-0 songs; a time chart with no step-0 value keeps its axes and says when its line starts.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DiversityView,
  ExposureBiasView,
  HitRateView,
  RichGetRicherView,
  SongWallView,
} from '../../../src/ui/views';
import { step0Props } from './fixtures';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('step 0', () => {
  it('rich get richer: rank and Lorenz curves of the prior plays, and the step-0 point of Gini and top 1%', () => {
    const { container } = render(<RichGetRicherView {...step0Props()} />);
    // Plays [0, 5, 150, 2000, 40, 0]: Gini 0.80 (see RichGetRicherView.test), least played half 5 / 2195.
    expect(
      screen.getByRole('img', {
        name: 'Lorenz curve of plays at step 0: the least played half of the songs holds 0.2% of all plays. The Gini of plays is 0.80 at step 0.',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: /^Plays by rank on log scales at step 0: the most played of 6 songs has 2,000 plays/,
      }),
    ).toBeTruthy();
    const time = screen.getByRole('img', {
      name: 'Gini of plays is 0.78 at step 0. Top 1% share of plays is 28.0% at step 0.',
    });
    // One dot per series at step 0 (the line has a single point so far), and no "no value" note.
    expect(time.querySelectorAll('svg circle')).toHaveLength(2);
    expect(time.querySelector('.vw-chart-note')).toBeNull();
    expect(container.querySelectorAll('.vw-chart svg')).toHaveLength(3);
    expect(screen.queryByText('Waiting for song data…')).toBeNull();
  });

  it('exposure bias: every song in the never-shown band, no gems yet, the correlation with axes and a note', () => {
    const { container } = render(<ExposureBiasView {...step0Props()} />);
    expect(screen.getByTestId('gem-count').textContent).toBe(
      'No song has been recommended yet: every dot sits in the “never shown” band.',
    );
    expect(screen.getByTestId('gem-rule').textContent).toMatch(
      /Nothing has been shown yet, so there are no gems yet\.$/,
    );
    expect(container.querySelector('canvas')).toBeTruthy();
    // Buckets of the prior plays still colour the dots: 4 low, 1 mid, 1 high.
    expect(screen.getByText('< 100 plays (4)')).toBeTruthy();
    const corr = screen.getByRole('img', {
      name: /^Rank correlation of plays and quality: no value yet; the first comes with step 1\.$/,
    });
    expect(corr.querySelector('svg')).toBeTruthy();
    expect(within(corr).getByText('No value at step 0: this line starts at step 1.')).toBeTruthy();
  });

  it('hit rate: no slates yet, the bucket sizes of step 0, bars and history on their 0–100% axes', () => {
    render(<HitRateView {...step0Props()} />);
    expect(screen.getByTestId('hit-rate-step0').textContent).toBe(
      'No slates yet, so no hit rate: the first comes with step 1. Before step 1 the catalog has 4 songs with < 100 plays, 1 with 100–1,000 plays and 1 with > 1,000 plays.',
    );
    expect(screen.getAllByText(/no slates yet$/)).toHaveLength(3);
    expect(screen.getByTestId('bar-axis').textContent).toBe('0%25%50%75%100%');
    const history = screen.getByRole('img', {
      name: /^Hit rate of songs with < 100 plays: no value yet/,
    });
    expect(
      within(history).getByText('No slates at step 0: these lines start at step 1.'),
    ).toBeTruthy();
    expect([...history.querySelectorAll('.vw-tick')].map((t) => t.textContent)).toContain('100%');
  });

  it('diversity: seven empty charts with axes, each saying when its line starts', () => {
    const { container } = render(<DiversityView {...step0Props()} />);
    expect(container.querySelectorAll('.vw-chart svg')).toHaveLength(7);
    const notes = [...container.querySelectorAll('.vw-chart-note')].map((n) => n.textContent);
    expect(notes).toEqual([
      ...Array(6).fill('No value at step 0: this line starts at step 1.'),
      'No value at step 0: this line starts at step 2.',
    ]);
    // No value printed as if it were a zero: each value's line is held blank.
    expect([...container.querySelectorAll('.vw-panel-value')].map((v) => v.textContent)).toEqual(Array(7).fill('\u00a0'));
    // The distinct-songs axis spans what is possible: 0 to the 6 songs.
    const distinct = screen.getByRole('img', { name: /^Distinct songs shown: no value yet/ });
    expect([...distinct.querySelectorAll('.vw-tick')].map((t) => t.textContent)).toContain('6');
  });

  it('song wall: every song drawn grey, with the shade key saying none has been shown', () => {
    const { container } = render(<SongWallView {...step0Props()} />);
    expect(container.querySelector('canvas')).toBeTruthy();
    expect(
      screen.getByText(
        'Nothing has been recommended yet, so all 6 squares are grey. Press Play and watch where the blue goes.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('(no song has been shown yet)')).toBeTruthy();
    const shades = screen.getByRole('list', { name: 'Shades of the wall and the songs in each' });
    expect(
      within(shades)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['never shown6 songs']);
  });
});
