// How a numeric parameter maps onto a range slider: linear, logarithmic for ranges over three
// decades (songs 10…200,000), or no slider at all when neither helps (a 32-bit seed).
import type { IntSpec, NumberSpec } from '../../engine';

export type NumericSpec = IntSpec | NumberSpec;

export interface SliderScale {
  readonly kind: 'linear' | 'log';
  /** Slider attributes. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  toSlider(value: number): number;
  fromSlider(position: number): number;
}

/** Positions of a logarithmic slider: about 10% per arrow-key step over four decades. */
const LOG_POSITIONS = 200;

function decimals(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The value snapped to the spec: an integer, or a multiple of its step without float noise, within range. */
export function snap(spec: NumericSpec, value: number): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.type === 'int') return Math.min(spec.max, Math.max(spec.min, Math.round(clamped)));
  const step = spec.step;
  const snapped = Math.round(clamped / step) * step;
  return Math.min(spec.max, Math.max(spec.min, Number(snapped.toFixed(decimals(step)))));
}

/** Two significant digits: 1234 → 1200, 0.0567 → 0.057. */
function roundNice(value: number): number {
  if (value <= 0) return value;
  return Number(value.toPrecision(2));
}

/** The slider for `spec`, or null when a text field alone is the better control. */
export function sliderScale(spec: NumericSpec): SliderScale | null {
  const { min, max } = spec;
  const step = spec.type === 'int' ? 1 : spec.step;
  if (min > 0 && max / min >= 1000) {
    const ratio = Math.log(max / min);
    return {
      kind: 'log',
      min: 0,
      max: LOG_POSITIONS,
      step: 1,
      toSlider: (value) => Math.round((LOG_POSITIONS * Math.log(Math.max(min, value) / min)) / ratio),
      fromSlider: (position) => {
        if (position <= 0) return min;
        if (position >= LOG_POSITIONS) return max;
        return snap(spec, roundNice(min * Math.exp((ratio * position) / LOG_POSITIONS)));
      },
    };
  }
  if ((max - min) / step > 10000) return null;
  return { kind: 'linear', min, max, step, toSlider: (value) => value, fromSlider: (position) => snap(spec, position) };
}

/** A number for people: 200000 → "200,000". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
