// A followed listener's recent slates summed up: the favourite genre's share of slots against their taste.
import { describe, expect, it } from 'vitest';
import type { ListenerProfile, TrailStep } from '../../../src/engine';
import { summarizeTrail } from '../../../src/ui/listener/trailSummary';

const profile: ListenerProfile = { listener: 4, kind: 'niche', favourite: 2, taste: [0.1, 0.3, 0.6] };
const step = (t: number, genres: number[], clicked: boolean[]): TrailStep => ({ t, listener: 4, songs: genres.map((_, j) => 10 * t + j), genres, clicked });

describe('summarizeTrail', () => {
  it('counts the favourite genre\u2019s slots, the genres shown and the clicks over the last steps', () => {
    const trail = [step(1, [0, 0, 1, 1], [false, false, false, false]), step(2, [2, 0, 1, 2], [true, false, false, false]), step(3, [2, 2, 2, 1], [true, true, false, false])];
    // Last two steps: 8 slots, genre 2 in 5 of them, genres {0, 1, 2}, 3 clicks.
    expect(summarizeTrail(trail, profile, 2)).toEqual({ slots: 8, favouriteShare: 5 / 8, favouriteTaste: 0.6, genresShown: 3, clickShare: 3 / 8 });
    // All three steps: 12 slots, 5 of genre 2.
    expect(summarizeTrail(trail, profile, 12)?.favouriteShare).toBe(5 / 12);
  });

  it('has nothing to say before the first slate', () => {
    expect(summarizeTrail([], profile, 12)).toBeNull();
  });
});
