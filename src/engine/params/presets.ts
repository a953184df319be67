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
