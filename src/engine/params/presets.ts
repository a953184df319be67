// Named, complete parameter sets that a lesson, a workshop link or the CLI can open directly.
import { defaultParams, type Params } from './schema';

export interface Preset {
  readonly name: string;
  readonly title: string;
  /** One line: what the preset shows. */
  readonly description: string;
  /** Differences from the defaults; the preset is these applied to defaultParams(). */
  readonly overrides: Partial<Params>;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'popularity-loop',
    title: 'The popularity loop',
    description: 'Everyone is shown the most-played songs; clicks make them more played. Watch the rich get richer.',
    overrides: {},
  },
  {
    name: 'personalized',
    title: 'Personalized, still looping',
    description: 'Genre affinity learned from clicks times popularity: more varied slates, the same pull toward hits.',
    overrides: { recommender: 'personalized' },
  },
  {
    name: 'taste-drift',
    title: 'Taste drift: the listeners\' filter bubble',
    description: 'Personalized ranking while each click pulls a listener\'s taste toward what they clicked.',
    overrides: { recommender: 'personalized', tasteDrift: 0.05 },
  },
  {
    name: 'catalog-growth',
    title: 'New songs under popularity ranking',
    description: 'Five new songs a step arrive with no plays; a popularity ranking never shows them.',
    overrides: { newSongsPerStep: 5 },
  },
  {
    name: 'epsilon-exploration',
    title: 'Popularity + 10% exploration',
    description: 'One slot in ten shows a random song: the loop loosens, and relevance pays a little for it.',
    overrides: { exploration: 'epsilon', epsilon: 0.1 },
  },
  {
    name: 'thompson-sampling',
    title: 'Thompson sampling',
    description: 'Rank by a draw from each song\'s posterior click rate: unknown songs get their chance.',
    overrides: { exploration: 'thompson' },
  },
  {
    name: 'ucb-exploration',
    title: 'Upper confidence bound',
    description: 'Rank by estimated click rate plus an uncertainty bonus: never-shown songs go first.',
    overrides: { exploration: 'ucb' },
  },
  {
    name: 'ips-debiasing',
    title: 'IPS debiasing',
    description: 'Correct clicks for position bias, with the curve estimated from 10% explored traffic.',
    overrides: { positionDebias: 'ips', exploration: 'epsilon', epsilon: 0.1 },
  },
  {
    name: 'positional-model',
    title: 'Positional click model',
    description: 'Learn click = seen(slot) × liked(song) from the log and rank by the song part alone.',
    overrides: { positionDebias: 'positional' },
  },
  {
    name: 'new-song-slots',
    title: 'New-song slots with catalog growth',
    description: 'Five new songs a step; the bottom two slots of every slate go to songs from the last 10 steps.',
    overrides: { newSongsPerStep: 5, newSongSlots: 2 },
  },
  {
    name: 'calibrated',
    title: 'Calibrated re-ranking',
    description: 'Re-rank each slate to match the genre mix of the listener\'s own history.',
    overrides: { rerank: 'calibrated', rerankStrength: 0.5 },
  },
  {
    name: 'long-tail-xquad',
    title: 'Long-tail re-ranking (xQuAD)',
    description: 'Re-rank so that each slate covers the long tail as well as the head.',
    overrides: { rerank: 'xquad', rerankStrength: 0.5 },
  },
  {
    name: 'random-baseline',
    title: 'Random baseline',
    description: 'Uniformly random slates: no loop and no relevance. Concentration falls back.',
    overrides: { recommender: 'random' },
  },
  {
    name: 'oracle-baseline',
    title: 'Oracle baseline',
    description: 'Ranks by true relevance, which no real system can see: the upper bound on relevance.',
    overrides: { recommender: 'oracle' },
  },
];

export const DEFAULT_PRESET = 'popularity-loop';

/** The preset called `name`, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The complete parameters of a preset. */
export function presetParams(preset: Preset): Params {
  return { ...defaultParams(), ...preset.overrides } as Params;
}
