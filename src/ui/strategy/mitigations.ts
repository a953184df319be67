// The strategy bar's choices: each one mitigation on top of the running recommender, switched live.
import { sameValue, type Params } from '../../engine';

/** One choice of the strategy bar: the live parameters it sets. */
export interface Mitigation {
  readonly id: string;
  /** Short chip text; may quote the run's parameters (ε). */
  label(params: Params): string;
  /** What a screen reader and the tooltip say it does. */
  readonly description: string;
  readonly values: Partial<Params>;
}

/** Every mitigation switched off: the plain loop. The chips set these keys and nothing else. */
const OFF = { exploration: 'none', positionDebias: 'none', rerank: 'none', popularityPenalty: 0 } as const satisfies Partial<Params>;

export const MITIGATIONS: readonly Mitigation[] = [
  { id: 'off', label: () => 'Off', description: 'No mitigation: the plain feedback loop.', values: OFF },
  {
    id: 'epsilon',
    label: (p) => `ε ${Math.round(p.epsilon * 100)}%`,
    description: 'ε-greedy exploration: some slots show a song picked at random.',
    values: { ...OFF, exploration: 'epsilon' },
  },
  { id: 'thompson', label: () => 'Thompson', description: 'Thompson sampling: rank by a guess drawn from what is known about each song.', values: { ...OFF, exploration: 'thompson' } },
  { id: 'ucb', label: () => 'UCB', description: 'Upper confidence bound: songs the system is unsure about get a bonus.', values: { ...OFF, exploration: 'ucb' } },
  {
    id: 'ips',
    label: () => 'IPS',
    description: 'Inverse propensity scoring with ε-greedy exploration: clicks in rarely seen slots count more.',
    values: { ...OFF, exploration: 'epsilon', positionDebias: 'ips' },
  },
  { id: 'penalty', label: () => 'Penalty', description: 'Popularity penalty γ = 0.5: scores are divided by (1 + plays)^γ.', values: { ...OFF, popularityPenalty: 0.5 } },
  { id: 'xquad', label: () => 'xQuAD', description: 'xQuAD re-ranking: each slate makes room for long-tail songs.', values: { ...OFF, rerank: 'xquad' } },
];

/** The mitigation the parameters are running now, or undefined when they match none (custom settings). */
export function activeMitigation(params: Params): Mitigation | undefined {
  return MITIGATIONS.find((m) =>
    (Object.keys(m.values) as (keyof Params)[]).every((key) => sameValue(key, params[key], m.values[key])),
  );
}

/** The parameter changes that switch `params` to `mitigation`, in a fixed order (only keys that differ). */
export function changesTo(mitigation: Mitigation, params: Params): [keyof Params, Params[keyof Params]][] {
  return (Object.keys(mitigation.values) as (keyof Params)[])
    .filter((key) => !sameValue(key, params[key], mitigation.values[key]))
    .map((key) => [key, mitigation.values[key] as Params[keyof Params]]);
}
