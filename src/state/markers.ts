// Marker text for a live parameter change, in the words of the strategy bar's chips where it has
// them ("ε 10%", "Thompson", "IPS", "xQuAD"), else "ε = 0.2" or "recommender = random".
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

/** The settings the strategy bar's chips switch. */
export type StrategyKey = 'exploration' | 'positionDebias' | 'rerank' | 'popularityPenalty' | 'newSongSlots';

/** "ε 10%": the ε-greedy chip's name, quoting the rate (the running one, or the schema default). */
function epsilonName(params: Pick<Params, 'epsilon'> | undefined): string {
  return params ? `ε ${Math.round(params.epsilon * 100)}%` : 'ε-greedy';
}

/**
 * The one source of the names the chips give to the settings they switch ("ε 10%", "Thompson",
 * "IPS", "xQuAD", "penalty γ = 0.3"); `off` names a setting switched back off ("exploration off").
 * Undefined for a value without a short name (a new option): it is then named as "key = value".
 */
const STRATEGY_NAMES: {
  readonly [K in StrategyKey]: (value: Params[K], params: Params | undefined) => string | undefined;
} = {
  exploration: (v, p) =>
    ({ none: 'exploration off', epsilon: epsilonName(p), thompson: 'Thompson', ucb: 'UCB' })[v],
  positionDebias: (v) =>
    ({ none: 'debiasing off', ips: 'IPS', raw: 'raw click rate', positional: 'position model' })[v],
  rerank: (v) => ({ none: 're-ranking off', xquad: 'xQuAD', calibrated: 'calibrated re-ranking' })[v],
  popularityPenalty: (v) => (v === 0 ? 'penalty off' : `penalty γ = ${formatValue(v)}`),
  newSongSlots: (v) => (v === 0 ? 'new-song slots off' : `${v} new-song ${v === 1 ? 'slot' : 'slots'}`),
};

/** Is `key` one of the settings the chips switch? */
export function isStrategyKey(key: string): key is StrategyKey {
  return Object.hasOwn(STRATEGY_NAMES, key);
}

/**
 * A chip setting's name for `value` ("Thompson", "ε 10%" with `params`' rate), or undefined when
 * the key is not a chip setting or the value has no short name.
 */
export function strategyName(key: string, value: unknown, params?: Params): string | undefined {
  if (!isStrategyKey(key)) return undefined;
  return (STRATEGY_NAMES[key] as (value: unknown, params: Params | undefined) => string | undefined)(
    value,
    params,
  );
}

/**
 * "Thompson", "ε 10%", "IPS" for the chips' settings (the chips' own words; `params`, the settings
 * in force with the change, give ε its rate); "ε = 0.1", "recommender = random" for the others.
 */
export function changeText(spec: ParamSpec, value: Params[keyof Params], params?: Params): string {
  return strategyName(spec.key, value, params) ?? `${shortName(spec)} = ${formatValue(value)}`;
}
