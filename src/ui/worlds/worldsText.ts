// The parallel-worlds page's words: the intro, each across-world number's help, the sentence reading the result, number formats.
import { format } from 'd3';
import type { AcrossWorlds } from '../../engine';
import type { WorldsRun, WorldsSide } from '../../state/worlds';
import type { GlossaryKey } from '../glossary';
import { fmtIndex, fmtInt, fmtPct, orNA } from '../views/format';

export const WORLDS_TITLE = 'Parallel worlds: how much of a hit is luck?';

/** At most 60 words: the experiment this page repeats and what to look for. */
export const WORLDS_INTRO =
  'In MusicLab (Salganik, Dodds & Watts 2006) the same songs went to eight worlds of listeners, and each world crowned different hits. Here the same songs and listeners run again and again; only luck differs. Compare each world’s top 10, success against quality and how far the worlds agree: under the loop, which song becomes a hit is partly luck.';

/** A share of clicks with two significant digits, so a 0.12% song and a 4.1% song both read. */
export const fmtShare = format('.2~p');
/** A spread over worlds can be far smaller than its mean: two significant digits, not two decimals. */
export const fmtSd = format('.2~r');

/** A row of numbers as shown: each value's digits, and the scale they all are read on. */
export interface ShownNumbers {
  readonly numbers: readonly string[];
  /** "per 10,000" ('' when the numbers are plain decimals). */
  readonly scale: string;
}

/**
 * Salganik's U of several sides, on one scale so they compare digit for digit. U is small (at most
 * 2 / songs): below 0.01 it reads per the power of ten that puts the largest value between 1 and 10,
 * two decimals each (3.39 and 0.92 per 10,000, not 0.000339 beside 0.000092); from 0.01 up, plain
 * decimals. Either way the largest has three significant digits.
 */
export function uOnScale(values: readonly number[]): ShownNumbers {
  const top = Math.max(0, ...values.filter(Number.isFinite));
  if (top === 0) return { numbers: values.map((v) => (Number.isFinite(v) ? '0' : 'n/a')), scale: '' };
  let exp = Math.floor(Math.log10(top));
  // 0.0009996 would print "10.00 per 10,000": one power of ten up instead.
  if (Math.round(top * 10 ** (2 - exp)) >= 1000) exp += 1;
  const plain = exp >= -2;
  const one = (v: number) => {
    if (!Number.isFinite(v)) return 'n/a';
    return plain ? v.toFixed(Math.max(0, 2 - exp)) : (v * 10 ** -exp).toFixed(2);
  };
  // "per 10,000" never breaks in two: a narrow cell wraps it whole under the number.
  return { numbers: values.map(one), scale: plain ? '' : `per\u00a0${fmtInt(10 ** -exp)}` };
}

/** U of several sides as text on one scale: "3.39 per 10,000" beside "0.92 per 10,000". */
export function fmtUs(values: readonly number[]): string[] {
  const { numbers, scale } = uOnScale(values);
  return numbers.map((n) => (hasScale(n, scale) ? `${n} ${scale}` : n));
}

/** Whether `number` is followed by its row's `scale` (a missing value is on no scale). */
export function hasScale(number: string, scale: string): boolean {
  return scale !== '' && number !== 'n/a';
}

/**
 * One across-world number: its label (a glossary word when it has an entry), what it measures and
 * which way means more luck, and its values, one per side, formatted together.
 */
export interface Measure {
  readonly id: 'unpredictability' | 'gini' | 'overlap' | 'spearman';
  readonly label: string;
  /** The label is this glossary entry's word: a click shows its definition. */
  readonly glossary?: GlossaryKey;
  readonly help: string;
  /** The sides' numbers in their order, and the scale after each ('' for none). */
  show(sides: readonly AcrossWorlds[]): ShownNumbers;
}

/** A measure whose value reads the same whatever the other side's is. */
const each =
  (value: (a: AcrossWorlds) => string) =>
  (sides: readonly AcrossWorlds[]): ShownNumbers => ({ numbers: sides.map(value), scale: '' });

export const MEASURES: readonly Measure[] = [
  {
    id: 'unpredictability',
    label: 'Unpredictability U',
    glossary: 'unpredictability',
    help: 'How far a song’s share of clicks differs between two worlds, averaged over songs (0 = every world agrees). Higher means more luck.',
    // One scale for both sides, so the larger U is the one with the larger number.
    show: (sides) => uOnScale(sides.map((a) => a.unpredictability)),
  },
  {
    id: 'gini',
    label: 'Gini of plays, mean ± sd',
    help: 'How unequal plays end up within a world (0 = equal, 1 = one song has all). A wider ± means luck decides more of it.',
    show: each((a) => `${fmtIndex(a.gini.mean)} ± ${fmtSd(a.gini.sd)}`),
  },
  {
    id: 'overlap',
    label: 'Top-10 overlap',
    help: 'Share of their top 10 songs two worlds have in common, averaged over pairs. Lower means more luck.',
    show: each((a) => fmtPct(a.top10Overlap)),
  },
  {
    id: 'spearman',
    label: 'Success–quality Spearman ρ, mean',
    help: 'Rank correlation of a song’s clicks with its true quality, averaged over worlds (1 = quality decides). Lower means more luck.',
    show: each((a) => orNA(a.successQualitySpearman.mean, fmtIndex)),
  },
];

/**
 * The result in words, in two sentences. First Salganik's U, the MusicLab measure: which side makes a
 * song's share depend more on its world's own history. Then the top 10, which can point the other
 * way: a loop may crown the same few songs in most worlds while the size of every share is luck, and
 * a random ranking has no real hits, so its top 10 is a shuffle of near-equal songs. Values that
 * print the same are not called different.
 */
export function readingSentence(run: WorldsRun): string {
  const cur = run.current.across;
  const base = run.baseline.across;
  // As the table prints them: both on one scale.
  const [uCur, uBase] = fmtUs([cur.unpredictability, base.unpredictability]) as [string, string];
  if (run.sameStrategy)
    return `Unpredictability U is ${uCur} and two worlds share ${fmtPct(cur.top10Overlap)} of their top 10 songs. The baseline runs the same strategy, so both sides are the same runs.`;
  const u =
    uCur === uBase
      ? `Unpredictability U is about the same under both (${uCur}): luck shapes the shares as much either way.`
      : cur.unpredictability > base.unpredictability
        ? `Unpredictability U is ${uCur} under the current strategy against ${uBase} under the baseline: how big a song gets depends more on its world's own history.`
        : `Unpredictability U is ${uCur} under the current strategy against ${uBase} under the baseline: under the baseline, how big a song gets depends more on its world's own history.`;
  const top = `Two worlds share ${fmtPct(cur.top10Overlap)} of their top 10 songs under the current strategy and ${fmtPct(base.top10Overlap)} under the baseline.`;
  const curMoreLuckByU = cur.unpredictability > base.unpredictability && uCur !== uBase;
  const curMoreAgreedTop = cur.top10Overlap > base.top10Overlap && fmtPct(cur.top10Overlap) !== fmtPct(base.top10Overlap);
  // The two measures disagree: say why, from the Gini of each side.
  const why =
    curMoreLuckByU && curMoreAgreedTop
      ? ` The same few songs tend to win, but how far each one wins is up to luck (Gini ${fmtIndex(cur.gini.mean)} against ${fmtIndex(base.gini.mean)}: the baseline has hardly any hits to agree on).`
      : '';
  return `${u} ${top}${why}`;
}

/** A song as the chips' labels and captions name it. */
export function songName(song: number): string {
  return `Song ${song}`;
}

/** "World 3" for index 2: worlds count from 1 on the page, as the CLI's output lists them in order. */
export function worldName(index: number): string {
  return `World ${index + 1}`;
}

/** The text alternative of a side's scatter. */
export function scatterSummary(run: WorldsRun, side: WorldsSide): string {
  const songs = run.quality.length;
  const rho = side.across.successQualitySpearman.mean;
  return `Scatter of ${songs} songs in each of ${side.worlds.length} worlds, ${side.title}: true quality from left to right, share of the run's clicks from bottom to top. Success–quality Spearman ρ averages ${orNA(rho, fmtIndex)}.`;
}
