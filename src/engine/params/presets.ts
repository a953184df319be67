// Named, complete parameter sets that a lesson, a workshop link or the CLI can open directly.
import { defaultParams, paramsEqual, type Params } from './schema';

export interface Preset {
  readonly name: string;
  readonly title: string;
  /** One line: what the preset shows. */
  readonly description: string;
  /** Differences from the defaults; the preset is these applied to defaultParams(). */
  readonly overrides: Partial<Params>;
}

/** Today's world before model v2: an old catalog whose ranking the past already fixed, ranked deterministically. */
const LOCKED_WORLD: Partial<Params> = {
  priorMedianPlays: 13,
  priorSpread: 1.15,
  priorMaxPlays: 10000,
  rankingTemperature: 0,
  idiosyncrasy: 0,
  onboardingPicks: 0,
};

/**
 * In teaching order. Every preset but `locked-catalog` starts from the default world and policy and
 * differs only in its strategy, so any two of them are a fair comparison; the two with catalog
 * growth (`catalog-growth`, `new-song-slots`) also release five songs a step, and `catalog-growth`
 * is the control for `new-song-slots`.
 */
export const PRESETS: readonly Preset[] = [
  {
    name: 'loop-forms',
    title: 'The loop forms',
    description: 'A young catalog and a popularity ranker fed by its own clicks: watch a few songs take over.',
    overrides: {},
  },
  {
    name: 'locked-catalog',
    title: 'A locked-in catalog',
    description: 'A catalog already locked in by its past: the loop ran before step 1, and everyone sees the same ten hits.',
    overrides: LOCKED_WORLD,
  },
  {
    name: 'personalized',
    title: 'Personalized, still looping',
    description: 'Genre affinity learned from each listener\'s history times popularity within the genre: varied slates, the same pull toward hits.',
    overrides: { recommender: 'personalized' },
  },
  {
    name: 'factorization',
    title: 'Collaborative filtering',
    description: 'A matrix factorization trained on the click log every step: the recommender of the research on feedback loops.',
    overrides: { recommender: 'factorization' },
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
    description: 'Five new songs a step arrive with no plays; a popularity ranking hardly ever shows them.',
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
    description: 'Each listener\'s slate ranks a fresh draw from every song\'s posterior click rate: unknown songs get their chance.',
    overrides: { exploration: 'thompson' },
  },
  {
    name: 'ucb-exploration',
    title: 'Upper confidence bound',
    description: 'Score by estimated click rate plus an uncertainty bonus: rarely shown songs get a lift.',
    overrides: { exploration: 'ucb' },
  },
  {
    name: 'new-song-slots',
    title: 'New-song slots with catalog growth',
    description: 'Five new songs a step; the bottom two slots of every slate go to songs from the last 10 steps.',
    overrides: { newSongsPerStep: 5, newSongSlots: 2 },
  },
  {
    name: 'raw-click-rate',
    title: 'Raw click rate (the control for IPS)',
    description: 'Rank by each song\'s raw click rate with 10% exploration: the same as IPS debiasing but without the position correction.',
    overrides: { exploration: 'epsilon', epsilon: 0.1, positionDebias: 'raw' },
  },
  {
    name: 'ips-debiasing',
    title: 'IPS debiasing',
    description: 'Rank by click rate corrected for position bias, with the curve estimated from 10% explored traffic.',
    overrides: { exploration: 'epsilon', epsilon: 0.1, positionDebias: 'ips' },
  },
  {
    name: 'positional-model',
    title: 'Positional click model',
    description: 'Learn click = seen(slot) × liked(song) from the log and rank by the song part alone.',
    overrides: { positionDebias: 'positional' },
  },
  {
    name: 'popularity-penalty',
    title: 'Popularity penalty',
    description: 'Divide every song\'s score by (1 + plays)^0.5: the head keeps its lead, but by less.',
    overrides: { popularityPenalty: 0.5 },
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
    description: 'Re-rank so that each slate gives the long tail the share the listener\'s own history asks for.',
    overrides: { rerank: 'xquad', rerankStrength: 0.5 },
  },
  {
    name: 'random-baseline',
    title: 'Random baseline',
    description: 'Uniformly random slates: no loop and no relevance. Concentration stays where it started.',
    overrides: { recommender: 'random' },
  },
  {
    name: 'oracle-baseline',
    title: 'Oracle baseline',
    description: 'Ranks by true relevance, which no real system can see: the upper bound on relevance.',
    overrides: { recommender: 'oracle' },
  },
];

export const DEFAULT_PRESET = 'loop-forms';

/** The preset called `name`, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The complete parameters of a preset. */
export function presetParams(preset: Preset): Params {
  return { ...defaultParams(), ...preset.overrides } as Params;
}

/**
 * The first preset (in PRESETS order) whose complete parameters equal `params` in every value
 * (the schema's sameValue), or undefined for custom settings. The one preset match of the header's
 * picker and of a saved view's caption.
 */
export function matchingPreset(params: Params): Preset | undefined {
  return PRESETS.find((preset) => paramsEqual(presetParams(preset), params));
}
