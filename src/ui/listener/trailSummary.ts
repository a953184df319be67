// What a listener's recent slates say about their filter bubble: how much of them their favourite genre fills, against their taste.
import type { ListenerProfile, TrailStep } from '../../engine';

export interface TrailSummary {
  /** Slots in the steps summarised. */
  readonly slots: number;
  /** Share of those slots that showed the listener's favourite genre. */
  readonly favouriteShare: number;
  /** The listener's true taste for that genre. */
  readonly favouriteTaste: number;
  /** Distinct genres among those slots. */
  readonly genresShown: number;
  /** Share of slots clicked. */
  readonly clickShare: number;
}

/** Summary of the last `steps` slates of `trail` (all of it if shorter); null without slots. */
export function summarizeTrail(trail: readonly TrailStep[], profile: ListenerProfile, steps: number): TrailSummary | null {
  const recent = trail.slice(-steps);
  let slots = 0;
  let favourite = 0;
  let clicks = 0;
  const shown = new Set<number>();
  for (const step of recent)
    step.genres.forEach((genre, j) => {
      slots++;
      shown.add(genre);
      if (genre === profile.favourite) favourite++;
      if (step.clicked[j]) clicks++;
    });
  if (slots === 0) return null;
  return {
    slots,
    favouriteShare: favourite / slots,
    favouriteTaste: profile.taste[profile.favourite] ?? 0,
    genresShown: shown.size,
    clickShare: clicks / slots,
  };
}
