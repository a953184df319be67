// The loop diagram's rendering sizes: font sizes and spacing per size and screen width.
import type { Weight } from './meter';

export type LoopSize = 'compact' | 'present';
export type TextRole = 'title' | 'sub' | 'main' | 'detail' | 'caption';

/** Font sizes (px) and spacing of one rendering size. */
export interface LoopStyle {
  readonly name: 'desktop' | 'tablet' | 'phone' | 'present';
  readonly font: Readonly<Record<TextRole, number>>;
  /** Padding inside a node box. */
  readonly padX: number;
  readonly padY: number;
  /** Between an arrow and the text beside it. */
  readonly gap: number;
  /** Room at each end of a horizontal arrow, outside its label. */
  readonly arrowPad: number;
  /** The shortest an arrow may be. */
  readonly minArrow: number;
  /** Least height of the band between the two rows of nodes. */
  readonly minBand: number;
  /** Widest text line inside a node. */
  readonly nodeMax: number;
  /** Widest drawing; wider containers centre it. */
  readonly maxWidth: number;
  /** Outer padding of the drawing. */
  readonly pad: number;
  /** Least space between two labels side by side. */
  readonly gutter: number;
  readonly head: number;
  readonly radius: number;
}

export const WEIGHT: Readonly<Record<TextRole, Weight>> = {
  title: 600,
  sub: 400,
  main: 600,
  detail: 400,
  caption: 600,
};

/** Below these widths the compact size switches to smaller type and spacing. */
export const PHONE_BELOW = 560;
export const TABLET_BELOW = 1000;

export const STYLES: Readonly<Record<LoopStyle['name'], LoopStyle>> = {
  desktop: {
    name: 'desktop',
    font: { title: 15, sub: 13, main: 14, detail: 13, caption: 13 },
    padX: 12,
    padY: 6,
    gap: 5,
    arrowPad: 12,
    minArrow: 44,
    minBand: 30,
    nodeMax: 200,
    maxWidth: 1080,
    pad: 4,
    gutter: 28,
    head: 7,
    radius: 9,
  },
  tablet: {
    name: 'tablet',
    font: { title: 14, sub: 12, main: 13, detail: 12, caption: 12 },
    padX: 10,
    padY: 5,
    gap: 4,
    arrowPad: 8,
    minArrow: 36,
    minBand: 26,
    nodeMax: 180,
    maxWidth: 10000,
    pad: 3,
    gutter: 20,
    head: 6,
    radius: 8,
  },
  phone: {
    name: 'phone',
    font: { title: 14, sub: 12, main: 13, detail: 12, caption: 12 },
    padX: 8,
    padY: 4,
    gap: 4,
    arrowPad: 8,
    minArrow: 26,
    minBand: 22,
    nodeMax: 150,
    maxWidth: 10000,
    pad: 2,
    gutter: 16,
    head: 6,
    radius: 8,
  },
  present: {
    name: 'present',
    font: { title: 34, sub: 26, main: 32, detail: 24, caption: 26 },
    padX: 26,
    padY: 14,
    gap: 12,
    arrowPad: 26,
    minArrow: 90,
    minBand: 200,
    nodeMax: 420,
    maxWidth: 1800,
    pad: 8,
    gutter: 56,
    head: 18,
    radius: 18,
  },
};

/** `present` always presents; `compact` is phone below PHONE_BELOW, tablet below TABLET_BELOW, else desktop. */
export function styleFor(size: LoopSize, width: number): LoopStyle {
  if (size === 'present') return STYLES.present;
  return width < PHONE_BELOW ? STYLES.phone : width < TABLET_BELOW ? STYLES.tablet : STYLES.desktop;
}

/** A line of text at `px` takes round(1.25 · px) px. */
export const lineHeight = (px: number) => Math.round(px * 1.25);
