// The one declarative parameter schema: validation, controls, URL, CLI flags and docs all read it.

/**
 * The groups of parameters in the one order the panel, `--help` and docs/parameters.md show them,
 * each with the line shown under its title: the set-up of the world, then the strategies, then the
 * run itself.
 */
export const PARAM_GROUPS = [
  { name: 'World', blurb: 'The catalog and its history of plays.' },
  { name: 'Listeners', blurb: 'Who listens, and how they choose.' },
  { name: 'Recommender', blurb: 'How each slate is ranked.' },
  { name: 'Exploration', blurb: 'Slots spent on songs the system knows little about.' },
  { name: 'Debiasing', blurb: 'Corrections for position and popularity bias.' },
  { name: 'Metrics', blurb: 'How the charts bucket songs.' },
  { name: 'Run', blurb: 'Randomness and run length.' },
] as const;

/** Where a parameter sits in the controls and the docs. */
export type ParamGroup = (typeof PARAM_GROUPS)[number]['name'];

/**
 * `restart`: the world or the run must be rebuilt for a change to apply.
 * `live`: a running simulation picks the new value up from its next step.
 */
export type ParamEffect = 'restart' | 'live';

interface SpecBase {
  readonly key: string;
  readonly label: string;
  readonly group: ParamGroup;
  readonly effect: ParamEffect;
  readonly help: string;
  readonly unit?: string;
}
export interface IntSpec extends SpecBase {
  readonly type: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}
export interface NumberSpec extends SpecBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Suggested control step. */
  readonly step: number;
}
export interface BooleanSpec extends SpecBase {
  readonly type: 'boolean';
  readonly default: boolean;
}
export interface EnumSpec extends SpecBase {
  readonly type: 'enum';
  readonly default: string;
  readonly options: readonly string[];
  /** One line per option, shown next to it. */
  readonly optionHelp: Readonly<Record<string, string>>;
}
/** An ascending list of integers of a fixed length, e.g. bucket thresholds. */
export interface IntListSpec extends SpecBase {
  readonly type: 'intList';
  readonly default: readonly number[];
  readonly length: number;
  readonly min: number;
  readonly max: number;
}
export type ParamSpec = IntSpec | NumberSpec | BooleanSpec | EnumSpec | IntListSpec;

export const PARAM_SCHEMA = [
  {
    key: 'seed', label: 'Seed', group: 'Run', effect: 'restart', type: 'int', default: 42, min: 0, max: 4294967295,
    help: 'Seeds every random stream. The same seed and parameters give the same run, in the browser and in the CLI.',
  },
  {
    key: 'worldSeed', label: 'World seed', group: 'Run', effect: 'restart', type: 'int', default: -1, min: -1, max: 4294967295,
    help: 'Seeds the world alone (songs, listeners, tastes, sign-up picks); −1 uses the seed. Runs that share a world seed but not the seed are parallel worlds: the same songs and listeners, a different history.',
  },
  {
    key: 'steps', label: 'Steps', group: 'Run', effect: 'live', type: 'int', default: 100, min: 1, max: 10000, unit: 'steps',
    help: 'How many time steps the run lasts. In each step every listener gets one slate.',
  },
  {
    key: 'songs', label: 'Songs', group: 'World', effect: 'restart', type: 'int', default: 2000, min: 10, max: 200000, unit: 'songs',
    help: 'Songs in the catalog at the start.',
  },
  {
    key: 'genres', label: 'Genres', group: 'World', effect: 'restart', type: 'int', default: 8, min: 1, max: 32, unit: 'genres',
    help: 'Number of genres. Genre sizes are unequal: a few big genres and a tail of niche ones.',
  },
  {
    key: 'genreSkew', label: 'Genre size skew', group: 'World', effect: 'restart', type: 'number', default: 1, min: 0, max: 3, step: 0.1,
    help: 'Zipf exponent of genre sizes: genre g holds a share proportional to 1/g^s. 0 makes all genres equal.',
  },
  {
    key: 'priorMedianPlays', label: 'Median prior plays', group: 'World', effect: 'restart', type: 'number', default: 3, min: 1, max: 10000, step: 1, unit: 'plays',
    help: 'Median of the play counts songs bring from before the simulation (log-normal).',
  },
  {
    key: 'priorSpread', label: 'Prior spread', group: 'World', effect: 'restart', type: 'number', default: 0.3, min: 0, max: 3, step: 0.05, unit: 'decades',
    help: 'Standard deviation of log10(prior plays): how long the long tail is before the run. The default young catalog (median 3, spread 0.3) starts nearly flat, so the run builds the ranking; the locked catalog (median 13, spread 1.15) starts with 5% of songs above 1,000 plays.',
  },
  {
    key: 'priorMaxPlays', label: 'Most prior plays', group: 'World', effect: 'restart', type: 'int', default: 1000, min: 1, max: 100000000, unit: 'plays',
    help: 'Ceiling on prior plays. It keeps the biggest hits within reach of what the listeners click during a run, so the loop can move them.',
  },
  {
    key: 'priorQualityCorrelation', label: 'Prior reflects quality', group: 'World', effect: 'restart', type: 'number', default: 0.5, min: 0, max: 1, step: 0.05,
    help: 'How much past popularity reflects quality: the correlation between log prior plays and the normal score behind quality. 0: pure luck; 1: plays rank songs exactly by quality.',
  },
  {
    key: 'newSongsPerStep', label: 'New songs per step', group: 'World', effect: 'restart', type: 'int', default: 0, min: 0, max: 1000, unit: 'songs/step',
    help: 'Catalog growth: songs released at each step, with no plays. A song released at step r is eligible from step r on.',
  },
  {
    key: 'users', label: 'Listeners', group: 'Listeners', effect: 'restart', type: 'int', default: 1000, min: 2, max: 200000, unit: 'listeners',
    help: 'Number of listeners. Each gets one slate per step.',
  },
  {
    key: 'tasteConcentration', label: 'Taste concentration', group: 'Listeners', effect: 'restart', type: 'number', default: 5, min: 0.05, max: 100, step: 0.05,
    help: 'Dirichlet concentration of listener tastes around the genre shares. Small values give listeners devoted to one or two genres; large values give everyone the average taste.',
  },
  {
    key: 'maxClickProb', label: 'Click ceiling', group: 'Listeners', effect: 'restart', type: 'number', default: 0.8, min: 0.01, max: 1, step: 0.01,
    help: 'Chance that a listener clicks a song they examined when it is of top quality and from their favourite genre.',
  },
  {
    key: 'tasteWeight', label: 'Taste weight β', group: 'Listeners', effect: 'restart', type: 'number', default: 0.5, min: 0, max: 3, step: 0.05,
    help: 'How much genre taste matters: relevance ∝ (taste for the genre / favourite genre)^β × ((1 − w) × quality + w × personal liking). 0: genre taste drops out.',
  },
  {
    key: 'idiosyncrasy', label: 'Personal taste', group: 'Listeners', effect: 'restart', type: 'number', default: 0.3, min: 0, max: 1, step: 0.05,
    help: 'Weight w of a personal liking for each song: relevance uses (1 − w) × quality + w × a per-listener, per-song value in [0, 1). 0: everyone agrees on which songs are good.',
  },
  {
    key: 'onboardingPicks', label: 'Sign-up picks', group: 'Listeners', effect: 'restart', type: 'int', default: 3, min: 0, max: 50, unit: 'songs',
    help: 'Songs each listener picks at sign-up, from genres drawn by their taste: the only taste signal a recommender has before step 1. They add to the listener\'s history, not to song plays.',
  },
  {
    key: 'positionBias', label: 'Position bias η', group: 'Listeners', effect: 'live', type: 'number', default: 1, min: 0, max: 3, step: 0.1,
    help: 'A listener examines slot k with probability (1/k)^η. 0: every slot is seen; larger: lower slots are ignored.',
  },
  {
    key: 'tasteDrift', label: 'Taste drift', group: 'Listeners', effect: 'live', type: 'number', default: 0, min: 0, max: 0.5, step: 0.01,
    help: 'Each click moves the listener\'s taste this fraction of the way toward the clicked genre: the filter bubble on the listener\'s side.',
  },
  {
    key: 'recommender', label: 'Recommender', group: 'Recommender', effect: 'live', type: 'enum', default: 'popularity',
    options: ['popularity', 'personalized', 'factorization', 'random', 'oracle'],
    optionHelp: {
      popularity: 'Draws each slate from a Plackett–Luce policy over 1 + logged plays (prior plays + clicks).',
      personalized: 'Genre affinity learned from each listener\'s clicks × how popular a song is within its genre.',
      factorization: 'Matrix factorization (implicit ALS) trained on the click log every step: a collaborative filter.',
      random: 'A uniformly random slate for each listener: no loop, no relevance.',
      oracle: 'Ranks by true relevance, which no real system sees: the upper bound.',
    },
    help: 'How slates are ranked. Every recommender but the oracle learns only from the click log.',
  },
  {
    key: 'rankingTemperature', label: 'Ranking temperature τ', group: 'Recommender', effect: 'live', type: 'number', default: 0.5, min: 0, max: 5, step: 0.05,
    help: 'Each slate is drawn from a Plackett–Luce policy: songs are picked one by one with probability ∝ score^(1/τ). 0: always the top-scored songs (a deterministic ranking); larger: more varied slates.',
  },
  {
    key: 'slateSize', label: 'Slate size', group: 'Recommender', effect: 'restart', type: 'int', default: 10, min: 1, max: 50, unit: 'songs',
    help: 'Songs per slate. Fewer are shown only when fewer are eligible.',
  },
  {
    key: 'excludeConsumed', label: 'Exclude clicked songs', group: 'Recommender', effect: 'live', type: 'boolean', default: false,
    help: 'Never recommend a song the listener has already clicked.',
  },
  {
    key: 'exploration', label: 'Exploration', group: 'Exploration', effect: 'live', type: 'enum', default: 'none',
    options: ['none', 'epsilon', 'thompson', 'ucb'],
    optionHelp: {
      none: 'Show only what the ranking puts on top.',
      epsilon: 'Each slot, with probability ε, shows a song drawn uniformly from the catalog.',
      thompson: 'Rank by a draw from each song\'s Beta posterior of its click rate (Thompson sampling).',
      ucb: 'Rank by estimated click rate plus an uncertainty bonus; never-shown songs first (UCB).',
    },
    help: 'How the system spends some of its slates learning about songs it knows little about.',
  },
  {
    key: 'epsilon', label: 'Exploration rate ε', group: 'Exploration', effect: 'live', type: 'number', default: 0.1, min: 0, max: 1, step: 0.01,
    help: 'With exploration = epsilon: the chance that a slot shows a uniformly drawn song instead of the ranked one.',
  },
  {
    key: 'thompsonDraws', label: 'Thompson draws', group: 'Exploration', effect: 'live', type: 'enum', default: 'per-step',
    options: ['per-step', 'per-listener'],
    optionHelp: {
      'per-step': 'One posterior draw per song per step, shared; each listener\'s slate is drawn from it by the ranking policy. Fast.',
      'per-listener': 'A fresh draw per song for every listener, as in the literature (popularity ranking only). Faithful, and 2–3 times as slow as the plain loop.',
    },
    help: 'With exploration = thompson: whether the posterior draws are shared within a step or drawn afresh for each listener.',
  },
  {
    key: 'ucbScale', label: 'UCB bonus scale', group: 'Exploration', effect: 'live', type: 'number', default: 0.5, min: 0, max: 5, step: 0.05,
    help: 'With exploration = ucb: multiplies the uncertainty bonus √(2 ln E / e), e the song\'s effective impressions.',
  },
  {
    key: 'newSongSlots', label: 'New-song slots', group: 'Exploration', effect: 'live', type: 'int', default: 0, min: 0, max: 50, unit: 'slots',
    help: 'Bottom slots of every slate reserved for songs released recently, drawn uniformly: an initial traffic pool. Needs catalog growth.',
  },
  {
    key: 'newSongMaxAge', label: 'New for', group: 'Exploration', effect: 'live', type: 'int', default: 10, min: 1, max: 10000, unit: 'steps',
    help: 'A song counts as new for the new-song slots while fewer than this many steps have passed since its release.',
  },
  {
    key: 'positionDebias', label: 'Position debiasing', group: 'Debiasing', effect: 'live', type: 'enum', default: 'none',
    options: ['none', 'raw', 'ips', 'positional'],
    optionHelp: {
      none: 'Rank by logged plays; clicks are taken at face value.',
      raw: 'Rank by each song\'s raw click rate, clicks / impressions: no position correction (the control for IPS).',
      ips: 'Rank by relevance estimated with inverse propensity weights: a click in a rarely seen slot counts more.',
      positional: 'Learn click = P(seen | slot) × P(click | song, seen) and rank by the song factor alone.',
    },
    help: 'Correct for position bias: listeners click top slots because they see them, not only because they like them.',
  },
  {
    key: 'examinationModel', label: 'Examination curve', group: 'Debiasing', effect: 'live', type: 'enum', default: 'estimated',
    options: ['estimated', 'known'],
    optionHelp: {
      estimated: 'Estimated from uniformly explored slots: honest, and flat (no correction) until there is explored traffic.',
      known: 'The true curve (1/k)^η, which a real system never knows.',
    },
    help: 'The examination probability per slot that IPS and the effective impressions of Thompson sampling and UCB use.',
  },
  {
    key: 'ipsWeightCap', label: 'IPS weight cap', group: 'Debiasing', effect: 'live', type: 'number', default: 10, min: 1, max: 1000, step: 1,
    help: 'Largest inverse propensity weight 1/θ(k). Clipping bounds the variance that rarely examined slots add.',
  },
  {
    key: 'popularityPenalty', label: 'Popularity penalty γ', group: 'Debiasing', effect: 'live', type: 'number', default: 0, min: 0, max: 3, step: 0.05,
    help: 'Divides each song\'s score by (1 + plays)^γ. On pure play counts γ < 1 keeps the order; it bites on estimates and personalized scores.',
  },
  {
    key: 'rerank', label: 'Re-ranking', group: 'Debiasing', effect: 'live', type: 'enum', default: 'none',
    options: ['none', 'xquad', 'calibrated'],
    optionHelp: {
      none: 'Keep the recommender\'s order.',
      xquad: 'xQuAD over head and long tail: give long-tail songs a place in each slate.',
      calibrated: 'Match each slate\'s genre mix to the listener\'s history (minimise KL divergence).',
    },
    help: 'A greedy re-ranking of each listener\'s top candidates.',
  },
  {
    key: 'rerankStrength', label: 'Re-ranking strength λ', group: 'Debiasing', effect: 'live', type: 'number', default: 0.5, min: 0, max: 1, step: 0.05,
    help: 'Weight of diversity or calibration against the recommender\'s score: 0 keeps its order, 1 ignores the score.',
  },
  {
    key: 'bucketThresholds', label: 'Popularity buckets', group: 'Metrics', effect: 'live', type: 'intList', default: [100, 1000], length: 2, min: 1, max: 100000000, unit: 'plays',
    help: 'Bucket edges for hit rate by popularity: low < a ≤ mid ≤ b < high (plays at the start of the step).',
  },
] as const satisfies readonly ParamSpec[];

type Schema = (typeof PARAM_SCHEMA)[number];
type ValueOf<S> = S extends { type: 'int' | 'number' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'enum'; options: readonly (infer O)[] }
      ? O
      : S extends { type: 'intList' }
        ? number[]
        : never;

/** A complete, validated parameter set. */
export type Params = { [S in Schema as S['key']]: ValueOf<S> };
export type ParamKey = keyof Params;
export type RecommenderName = Params['recommender'];

const BY_KEY = new Map<string, ParamSpec>(PARAM_SCHEMA.map((s) => [s.key, s]));

/** The spec of `key`, or undefined for an unknown key. */
export function paramSpec(key: string): ParamSpec | undefined {
  return BY_KEY.get(key);
}

/** The schema's parameters by group: groups in PARAM_GROUPS order (those with no parameter left out), parameters in schema order. */
export function paramsByGroup(schema: readonly ParamSpec[] = PARAM_SCHEMA): { group: ParamGroup; blurb: string; specs: ParamSpec[] }[] {
  return PARAM_GROUPS.map(({ name, blurb }) => ({ group: name, blurb, specs: schema.filter((s) => s.group === name) })).filter((g) => g.specs.length > 0);
}

/**
 * Whether two values of the parameter `spec` (or the key of one) are the same value: lists
 * entry by entry, everything else by ===. The one definition of parameter equality; a value and
 * its text form (formatValue) compare alike, e.g. 0 and −0, as the text did.
 */
export function sameValue(spec: ParamSpec | string, a: unknown, b: unknown): boolean {
  const type = typeof spec === 'string' ? BY_KEY.get(spec)?.type : spec.type;
  if (type === 'intList' || Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, j) => v === b[j]);
  return a === b;
}

/** Keys whose values differ between `a` and `b`, in schema order. */
export function changedKeys(a: Params, b: Params): ParamKey[] {
  return PARAM_SCHEMA.filter((s) => !sameValue(s, a[s.key], b[s.key])).map((s) => s.key);
}

/** Whether `a` and `b` hold the same value for every parameter. */
export function paramsEqual(a: Params, b: Params): boolean {
  return PARAM_SCHEMA.every((s) => sameValue(s, a[s.key], b[s.key]));
}

/** Every parameter at its default. */
export function defaultParams(): Params {
  const out: Record<string, unknown> = {};
  for (const s of PARAM_SCHEMA) out[s.key] = Array.isArray(s.default) ? [...s.default] : s.default;
  return out as Params;
}

/** The seed of the world's streams: `worldSeed`, or `seed` when it is −1. */
export function worldSeedOf(params: Pick<Params, 'seed' | 'worldSeed'>): number {
  return params.worldSeed >= 0 ? params.worldSeed : params.seed;
}
