// The five chart views and the list the app shell lays out.
import type { ComponentType } from 'react';
import './views.css';
import { DIVERSITY_TITLE, DiversityView } from './DiversityView';
import { EXPOSURE_TITLE, ExposureBiasView } from './ExposureBiasView';
import { HIT_RATE_TITLE, HitRateView } from './HitRateView';
import { RICH_TITLE, RichGetRicherView } from './RichGetRicherView';
import { SongWallView, WALL_TITLE } from './SongWallView';
import type { ViewProps } from './types';

export { DiversityView, ExposureBiasView, HitRateView, RichGetRicherView, SongWallView };
export { ViewCard, EmptyState } from './ViewCard';
export type { Marker, SongSnapshot, ViewProps } from './types';

/** One entry of {@link VIEWS}. */
export interface ViewEntry {
  /** Stable id, usable as a DOM id or URL fragment. */
  readonly id: string;
  readonly title: string;
  readonly Component: ComponentType<ViewProps>;
}

/** The views in reading order: the loop's cause, its victims, its symptom in accuracy, in diversity, the whole picture. */
export const VIEWS: readonly ViewEntry[] = [
  { id: 'rich-get-richer', title: RICH_TITLE, Component: RichGetRicherView },
  { id: 'exposure-bias', title: EXPOSURE_TITLE, Component: ExposureBiasView },
  { id: 'hit-rate', title: HIT_RATE_TITLE, Component: HitRateView },
  { id: 'diversity', title: DIVERSITY_TITLE, Component: DiversityView },
  { id: 'song-wall', title: WALL_TITLE, Component: SongWallView },
];
