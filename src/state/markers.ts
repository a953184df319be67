// Marker text for a live parameter change, e.g. "ε = 0.1" or "position debiasing = ips".
import { formatValue, type ParamSpec, type Params } from '../engine';

/**
 * The short name of a parameter: its symbol when the label ends in one (Greek letter), else its label
 * as words in a sentence ("Position debiasing" → "position debiasing"; "UCB bonus scale" keeps its
 * capitals). The label, not the key: a marker is read by a class, and "positionDebias" is code.
 */
export function shortName(spec: ParamSpec): string {
  const label = spec.label.trim();
  const last = label.split(/\s+/).at(-1) ?? '';
  if ([...last].length === 1 && /\p{Script=Greek}/u.test(last)) return last;
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "ε = 0.1", "recommender = random", "popularity buckets = 50,500". */
export function changeText(spec: ParamSpec, value: Params[keyof Params]): string {
  return `${shortName(spec)} = ${formatValue(value)}`;
}
