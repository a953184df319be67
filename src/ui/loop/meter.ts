// What the loop layout needs of text measuring: a string's width in px, per font weight and size.

/** Anything that can tell a string's width in px (a TextMeter, or a fixed-width fake in tests). */
export interface Meter {
  width(text: string): number;
}
export type Weight = 400 | 600;
/** A meter for text of one weight and size (px); the layout asks for one per text role. */
export type MeterFactory = (weight: Weight, px: number) => Meter;
