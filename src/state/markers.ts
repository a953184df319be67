// Marker text for a live parameter change, e.g. "ε = 0.1" or "recommender = random".
import { formatValue, type ParamSpec, type Params } from '../engine';

/** The short name of a parameter: its symbol when the label ends in one (Greek letter), else its key. */
export function shortName(spec: ParamSpec): string {
  const last = spec.label.trim().split(/\s+/).at(-1) ?? '';
  return [...last].length === 1 && /\p{Script=Greek}/u.test(last) ? last : spec.key;
}

/** "ε = 0.1", "recommender = random", "bucketThresholds = 50,500". */
export function changeText(spec: ParamSpec, value: Params[keyof Params]): string {
  return `${shortName(spec)} = ${formatValue(value)}`;
}
