// Fixed, colour-blind-safe colours: one per popularity bucket, one per genre, and the chart neutrals.
import { interpolateRainbow, quantize, schemeTableau10 } from 'd3';
import type { Bucket } from '../../engine';

/** Okabe–Ito (2008): distinguishable under the common colour-vision deficiencies. */
const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#882255',
] as const;

/**
 * Bucket colours, used by every view that splits songs by popularity. Blue, green and vermillion
 * stay apart for all three common deficiencies; lines also differ by dash (see BUCKET_DASH).
 */
export const BUCKET_COLOR: Readonly<Record<Bucket, string>> = {
  low: '#0072B2',
  mid: '#009E73',
  high: '#D55E00',
};

/** Dash patterns so bucket lines differ without colour too. */
export const BUCKET_DASH: Readonly<Record<Bucket, string | undefined>> = {
  low: undefined,
  mid: '6 4',
  high: '2 3',
};

/** The single-series colour (the app's accent) and the neutrals of app.css. */
export const INK = '#1d2330';
export const MUTED = '#5a6375';
export const ACCENT = '#0b6e99';
/** A second series next to ACCENT (Okabe–Ito orange). */
export const ACCENT_2 = '#E69F00';
/** The hidden-gem zone of the exposure scatter: a warm highlight with a darker dashed edge. */
export const GEM_FILL = '#fff4d6';
export const GEM_EDGE = '#b07d00';
/** The colour of a song that was never shown on the song wall: a shade darker than the card. */
export const UNSEEN = '#e9ecf2';

/**
 * One colour per genre. Up to 8 genres (the default) get Okabe–Ito; up to 10 Tableau 10; beyond
 * that no palette stays colour-blind safe, so hues are spread evenly and the hover names the genre.
 */
export function genreColors(genres: number): string[] {
  const g = Math.max(1, Math.floor(genres));
  if (g <= OKABE_ITO.length) return OKABE_ITO.slice(0, g);
  if (g <= schemeTableau10.length) return schemeTableau10.slice(0, g);
  // The rainbow is a cycle (its ends are both purple): use 85% of it so the first and last genre differ.
  return quantize((t) => interpolateRainbow(0.85 * t), g);
}
