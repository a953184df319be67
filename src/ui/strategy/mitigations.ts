// The strategy bar's choices: each one mitigation on top of the running recommender, switched live; choosing one switches the others off.
import { paramSpec, sameValue, type Params } from '../../engine';
import { changeText, strategyName, type StrategyKey } from '../../state/markers';

/** One choice of the strategy bar: the live parameters it sets. */
export interface Mitigation {
  readonly id: string;
  /** Short chip text; may quote the run's parameters (ε). */
  label(params: Params): string;
  /** What a screen reader and the tooltip say it does. */
  readonly description: string;
  readonly values: Partial<Params>;
}

/**
 * Every mitigation switched off: the plain loop. The chips set these keys and nothing else, each chip
 * all of them, so a chip replaces whatever was on (new-song slots too, though no chip turns them on).
 */
const OFF = { exploration: 'none', positionDebias: 'none', rerank: 'none', popularityPenalty: 0, newSongSlots: 0 } as const satisfies Partial<Params>;

/** A chip's text: the name markers and labels give its setting (state/markers, the one source). */
function named(key: StrategyKey, value: string, params?: Params): string {
  return strategyName(key, value, params) ?? value;
}

export const MITIGATIONS: readonly Mitigation[] = [
  { id: 'off', label: () => 'Off', description: 'No mitigation: the plain feedback loop.', values: OFF },
  {
    id: 'epsilon',
    label: (p) => named('exploration', 'epsilon', p),
    description: 'ε-greedy exploration: some slots show a song picked at random.',
    values: { ...OFF, exploration: 'epsilon' },
  },
  { id: 'thompson', label: () => named('exploration', 'thompson'), description: 'Thompson sampling: rank by a guess drawn from what is known about each song.', values: { ...OFF, exploration: 'thompson' } },
  { id: 'ucb', label: () => named('exploration', 'ucb'), description: 'Upper confidence bound: songs the system is unsure about get a bonus.', values: { ...OFF, exploration: 'ucb' } },
  {
    id: 'ips',
    // IPS learns from clicks in slots the ranker did not choose, so it comes with ε-greedy exploration: the label says so.
    label: () => 'IPS + ε',
    description: 'Inverse propensity scoring with ε-greedy exploration: clicks in rarely seen slots count more.',
    values: { ...OFF, exploration: 'epsilon', positionDebias: 'ips' },
  },
  { id: 'penalty', label: () => 'Penalty', description: 'Popularity penalty γ = 0.5: scores are divided by (1 + plays)^γ.', values: { ...OFF, popularityPenalty: 0.5 } },
  { id: 'xquad', label: () => named('rerank', 'xquad'), description: 'xQuAD re-ranking: each slate makes room for long-tail songs.', values: { ...OFF, rerank: 'xquad' } },
];

/** The mitigation the parameters are running now, or undefined when they match none (custom settings). */
export function activeMitigation(params: Params): Mitigation | undefined {
  return MITIGATIONS.find((m) =>
    (Object.keys(m.values) as (keyof Params)[]).every((key) => sameValue(key, params[key], m.values[key])),
  );
}

/**
 * What is on when no chip matches, in the chips' words ("Thompson", "xQuAD", "penalty γ = 0.3"): the
 * chips' settings that differ from the plain loop, in a fixed order.
 */
export function customMix(params: Params): string[] {
  return (Object.keys(OFF) as (keyof typeof OFF)[])
    .filter((key) => !sameValue(key, params[key], OFF[key]))
    .map((key) => {
      // The chips' names (one source, state/markers); a value without one as "key = value".
      const spec = paramSpec(key);
      return spec ? changeText(spec, params[key], params) : (strategyName(key, params[key], params) ?? key);
    });
}

/** The parameter changes that switch `params` to `mitigation`, in a fixed order (only keys that differ). */
export function changesTo(mitigation: Mitigation, params: Params): [keyof Params, Params[keyof Params]][] {
  return (Object.keys(mitigation.values) as (keyof Params)[])
    .filter((key) => !sameValue(key, params[key], mitigation.values[key]))
    .map((key) => [key, mitigation.values[key] as Params[keyof Params]]);
}
