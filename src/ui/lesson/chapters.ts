// The "loops" lesson: eight chapters that follow the source material, each a run script, a view to watch and a question.
import { BUCKETS, type InitialMetrics, type Params, type StepMetrics } from '../../engine';
import type { LessonPosition } from '../../state/store';
import type { TimelineChange } from '../../state/timeline';
import { fmtShare } from '../loop/loopLabels';
import { fmtIndex, fmtInt, fmtPct, fmtPctTick } from '../views/format';

/** What a chapter's text and answer are computed from: the run on screen. */
export interface LessonRun {
  readonly params: Params;
  readonly initial: InitialMetrics | null;
  readonly rows: readonly StepMetrics[];
}

/** The run a chapter sets up: a preset, live changes at their steps, and the step it stops at. */
export interface ChapterScript {
  readonly preset: string;
  /** Live changes mid-run, each in effect from its step. */
  readonly changes: readonly TimelineChange[];
  readonly checkpoint: number;
}

/** Which part of the page a chapter points at (a view, or the estimate-error chart inside the hit-rate view); the others are dimmed. */
export type LessonFocus = 'loop' | 'numbers' | 'rich-get-richer' | 'exposure-bias' | 'hit-rate' | 'diversity' | 'song-wall' | 'estimate-error';

export interface ChapterQuestion {
  readonly prompt: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  /** The right option and why, from the run at the checkpoint; null until the run gets there. */
  answer(run: LessonRun, checkpoint: number): { readonly correct: string; readonly why: string } | null;
}

export interface Chapter {
  readonly title: string;
  /** At most ~80 words; every number in it comes from the run's parameters or results. */
  text(run: LessonRun): string;
  /** Null: keep whatever run is on screen (the sandbox). */
  readonly script: ChapterScript | null;
  readonly focus: LessonFocus | null;
  readonly question: ChapterQuestion | null;
}

/** Step t's row, if the run has reached it. */
export function rowAt(run: LessonRun, t: number): StepMetrics | undefined {
  const row = run.rows[t - 1];
  return row?.t === t ? row : run.rows.find((r) => r.t === t);
}

/** The row at the checkpoint and the step-1 row, or null before the checkpoint. */
function endpoints(run: LessonRun, checkpoint: number): { first: StepMetrics; last: StepMetrics } | null {
  const first = rowAt(run, 1);
  const last = rowAt(run, checkpoint);
  return first && last ? { first, last } : null;
}

const upDown = [
  { id: 'up', label: 'Go up' },
  { id: 'down', label: 'Go down' },
  { id: 'flat', label: 'Stay about the same' },
] as const;

/** 'up', 'down' or 'flat' for a change from `from` to `to`, flat within ±`tolerance`. */
export function direction(from: number, to: number, tolerance: number): 'up' | 'down' | 'flat' {
  if (to - from > tolerance) return 'up';
  if (from - to > tolerance) return 'down';
  return 'flat';
}

const LOOP: ChapterScript = { preset: 'loop-forms', changes: [], checkpoint: 100 };

/** The three popularity buckets in words, from the run's thresholds. */
export function bucketLabels(params: Params): [string, string, string] {
  const [low, high] = params.bucketThresholds.map((v) => fmtInt(v)) as [string, string];
  return [`rare songs (under ${low} plays)`, `middling songs (${low} to ${high})`, `popular songs (over ${high})`];
}

/** "1,000 listeners and 2,000 songs." from the run (the parameters before the world exists). */
function listenersAndSongs(run: LessonRun): string {
  const songs = run.initial?.songs ?? run.params.songs;
  return `${fmtInt(run.params.users)} listeners, ${fmtInt(songs)} songs.`;
}

/**
 * What exploring costs, in the run's own terms. No view charts how relevant the shown songs are (the
 * mean relevance), so the price is told by the rule the run explores with (its ε, as the chapter text
 * gives it) rather than as a number the student could not find on the highlighted chart.
 */
function explorationPrice(params: Params): string {
  if (params.exploration === 'epsilon')
    return ` The price: ${fmtPctTick(params.epsilon)} of slots now go to songs drawn at random, blind to the listener\u2019s taste, instead of the songs the ranker rates best.`;
  if (params.exploration === 'none') return '';
  return ' The price: some slots go to songs the ranker is still unsure about instead of the songs it rates best.';
}

export const LOOPS_LESSON: readonly Chapter[] = [
  {
    title: 'A world before recommendations',
    text: (run) =>
      `${listenersAndSongs(run)} Each song starts with a few plays from before the app existed. ` +
      'For now every listener gets a slate of songs picked at random, and clicks the ones they like. ' +
      'The Lorenz curve shows how unequal plays are: the more it sags, the more plays sit on a few songs; the Gini number sums that up (0 equal, 1 all on one song).',
    script: { preset: 'random-baseline', changes: [], checkpoint: 100 },
    focus: 'rich-get-richer',
    question: {
      prompt: 'With random slates, will plays pile up on a few songs over 100 steps (the Gini climbing)?',
      options: [
        { id: 'up', label: 'Yes: the Gini climbs' },
        { id: 'level', label: 'No: it stays level or falls' },
      ],
      answer(run, checkpoint) {
        const last = rowAt(run, checkpoint);
        if (!last || !run.initial) return null;
        const from = run.initial.gini;
        const clearly = direction(from, last.gini, 0.05);
        const slightly = direction(from, last.gini, 0.01);
        const verb = clearly === 'up' ? 'climbed' : clearly === 'down' ? 'fell' : slightly === 'up' ? 'rose a little' : slightly === 'down' ? 'fell a little' : 'stayed level';
        return {
          correct: clearly === 'up' ? 'up' : 'level',
          why:
            `The Gini ${verb}: ${fmtIndex(from)} at step 0, ${fmtIndex(last.gini)} at step ${checkpoint}. ` +
            (clearly === 'up'
              ? 'With random slates, plays follow only how much listeners like each song: no loop is needed for that.'
              : 'Random slates spread new plays evenly, so nothing pushes them onto a few songs; the songs that started ahead do not pull away.'),
        };
      },
    },
  },
  {
    title: 'Switch on the ranker: the loop forms',
    text: () =>
      'Now a popularity ranker fills each slate, favouring the songs played most so far (with some randomness). ' +
      'Listeners click what they are shown, those clicks become plays, and the plays decide the next slates. ' +
      'Nobody chose to favour a few songs; the system learns from clicks it caused itself. Watch the Lorenz curve sag as plays pile up.',
    script: LOOP,
    focus: 'rich-get-richer',
    question: {
      prompt: 'With the ranker on, what will the Gini of plays do over 100 steps?',
      options: upDown,
      answer(run, checkpoint) {
        const last = rowAt(run, checkpoint);
        if (!last || !run.initial) return null;
        const from = run.initial.gini;
        return {
          correct: direction(from, last.gini, 0.05),
          why: `The Gini went from ${fmtIndex(from)} to ${fmtIndex(last.gini)}, and the top 1% of songs now hold ${fmtPct(last.top1Share)} of all plays. The rich get richer.`,
        };
      },
    },
  },
  {
    title: 'Detecting it offline: popularity diversity',
    text: () =>
      'Before a ranker meets real listeners you can already check whether it leans on popular songs. ' +
      '“Distinct songs shown” counts the different songs in a step’s slates; “Catalog ever shown”, the share of songs recommended at least once. ' +
      '“Long-tail share, tail as at step 0” asks how much of each slate comes from the songs that were unpopular before the loop began. ' +
      'Low numbers mean everyone is shown much the same.',
    script: LOOP,
    focus: 'diversity',
    question: {
      prompt: 'How many distinct songs will the slates hold per step by step 100, compared with step 1?',
      options: [
        { id: 'up', label: 'More' },
        { id: 'down', label: 'Fewer' },
        { id: 'flat', label: 'About as many' },
      ],
      answer(run, checkpoint) {
        const ends = endpoints(run, checkpoint);
        if (!ends) return null;
        const { first, last } = ends;
        return {
          correct: direction(first.aggregateDiversity, last.aggregateDiversity, 0.1 * first.aggregateDiversity),
          why: `Step 1 showed ${fmtInt(first.aggregateDiversity)} distinct songs; step ${checkpoint} showed ${fmtInt(last.aggregateDiversity)}, across ${fmtInt(last.impressions)} slots.`,
        };
      },
    },
  },
  {
    title: 'Hit rate by popularity bucket: the warning sign',
    text: (run) =>
      `Split the songs into buckets by plays: ${bucketLabels(run.params).join('; ')}. ` +
      'For each bucket, ask how often the slates contain the songs listeners would like most. ' +
      'A fair recommender finds good songs in every bucket. One that only hits popular songs is a warning sign of a degenerate loop.',
    script: LOOP,
    focus: 'hit-rate',
    question: {
      prompt: 'By step 100, in which bucket will the slates find listeners\u2019 best songs most often?',
      options: [
        { id: 'low', label: 'Rare songs' },
        { id: 'mid', label: 'Middling songs' },
        { id: 'high', label: 'Popular songs' },
      ],
      answer(run, checkpoint) {
        const last = rowAt(run, checkpoint);
        if (!last) return null;
        const buckets = (['low', 'mid', 'high'] as const).filter((b) => last.hitRate[b] !== null);
        if (buckets.length === 0) return null;
        const best = buckets.reduce((a, b) => (last.hitRate[b]! > last.hitRate[a]! ? b : a));
        const labels = bucketLabels(run.params);
        const parts = buckets.map((b) => `${labels[BUCKETS.indexOf(b)]} ${fmtPct(last.hitRate[b]!)}`);
        return { correct: best, why: `Hit rates at step ${checkpoint}: ${parts.join(', ')}.` };
      },
    },
  },
  {
    title: 'Detecting it online: homogenization',
    text: () =>
      'Once real listeners use the system, watch three things over time: whether what people play grows alike, ' +
      'whether the same songs come back in each slate, and whether clicks go to the top songs. ' +
      'Listening alike is the average overlap between two listeners\u2019 played songs (a Jaccard index: shared songs over all songs of the two).',
    script: LOOP,
    focus: 'diversity',
    question: {
      prompt: 'Will two listeners\u2019 listening grow more alike or less alike?',
      options: [
        { id: 'up', label: 'More alike' },
        { id: 'down', label: 'Less alike' },
        { id: 'flat', label: 'No change' },
      ],
      answer(run, checkpoint) {
        const ends = endpoints(run, checkpoint);
        const from = ends?.first.consumptionHomogenization;
        const to = ends?.last.consumptionHomogenization;
        if (!ends || from === null || from === undefined || to === null || to === undefined) return null;
        const { last } = ends;
        const repeats = last.repeatRate === null ? '' : ` ${fmtPct(last.repeatRate)} of each slate repeats the step before,`;
        const head = last.headClickShare === null ? '' : ` and the head songs get ${fmtShare(last.headClickShare)} of clicks`;
        return {
          correct: direction(from, to, 0.02),
          why: `Listening alike went from ${fmtIndex(from)} at step 1 to ${fmtIndex(to)} at step ${checkpoint};${repeats}${head}.`,
        };
      },
    },
  },
  {
    title: 'Mitigating by exploration',
    text: (run) =>
      `The loop starts as before. At step 40 the recommender starts exploring: ε-greedy gives ${fmtPctTick(run.params.epsilon)} of slots to songs picked at random, ` +
      'so songs the loop never showed get a chance to earn clicks. The marker on each chart shows the switch. ' +
      'Afterwards, try Thompson sampling from the mitigation bar: it explores songs it is still unsure about.',
    script: { preset: 'loop-forms', changes: [{ t: 40, key: 'exploration', value: 'epsilon' }], checkpoint: 100 },
    focus: 'diversity',
    question: {
      prompt: 'After exploration starts at step 40, what will distinct songs per step do?',
      options: upDown,
      answer(run, checkpoint) {
        const before = rowAt(run, 39);
        const last = rowAt(run, checkpoint);
        if (!before || !last) return null;
        return {
          correct: direction(before.aggregateDiversity, last.aggregateDiversity, 0.1 * before.aggregateDiversity),
          why:
            `\u201cDistinct songs shown\u201d went from ${fmtInt(before.aggregateDiversity)} at step 39 to ${fmtInt(last.aggregateDiversity)} at step ${checkpoint}.` +
            explorationPrice(run.params),
        };
      },
    },
  },
  {
    title: 'Mitigating position bias: raw click rate vs IPS',
    text: () =>
      'Listeners click the top of a slate more, good song or not. A ranker that trusts raw click rates mistakes position for quality. ' +
      'Inverse propensity scoring (IPS) weighs each click by how likely its position was to be looked at. ' +
      'This run ranks by raw click rate with a little exploration; at step 50 it switches to IPS. Watch the ranker\u2019s relevance estimate error.',
    script: { preset: 'raw-click-rate', changes: [{ t: 50, key: 'positionDebias', value: 'ips' }], checkpoint: 100 },
    focus: 'estimate-error',
    question: {
      prompt: 'After IPS starts at step 50, what will the error of the ranker\u2019s relevance estimates do?',
      options: upDown,
      answer(run, checkpoint) {
        const before = rowAt(run, 49)?.relevanceEstimateError;
        const after = rowAt(run, checkpoint)?.relevanceEstimateError;
        if (before === null || before === undefined || after === null || after === undefined) return null;
        return {
          correct: direction(before, after, 0.2 * before),
          why: `The ranker\u2019s relevance estimate error (the chart under the hit rates) was ${fmtIndex(before)} at step 49, just before the switch, and ${fmtIndex(after)} at step ${checkpoint}.`,
        };
      },
    },
  },
  {
    title: 'Your turn',
    text: () =>
      'The run stays as it is. Open the settings and change anything: the ranker, exploration, debiasing, re-ranking. ' +
      'Changes made during a run take effect from the next step and leave a marker on the charts. ' +
      'Copy link shares exactly what you see, switches included. Ideas: does a personalized recommender escape the loop? Does xQuAD keep the long tail alive?',
    script: null,
    focus: null,
    question: null,
  },
];

/** Lessons by the name `?lesson=` takes. */
export const LESSONS: Readonly<Record<string, readonly Chapter[]>> = { loops: LOOPS_LESSON };

/** The chapter a lesson position shows (a number out of range shows the nearest chapter), or null for an unknown lesson. */
export function chapterAt(lesson: LessonPosition | null): { readonly chapters: readonly Chapter[]; readonly index: number; readonly chapter: Chapter } | null {
  const chapters = lesson ? LESSONS[lesson.name] : undefined;
  if (!lesson || !chapters || chapters.length === 0) return null;
  const index = Math.min(Math.max(lesson.chapter, 1), chapters.length) - 1;
  return { chapters, index, chapter: chapters[index]! };
}
