// The parallel-worlds page's words: the intro, each across-world number's help, the sentence reading the result, number formats.
import { format } from 'd3';
import type { AcrossWorlds } from '../../engine';
import type { WorldsRun, WorldsSide } from '../../state/worlds';
import { fmtIndex, fmtPct, orNA } from '../views/format';

export const WORLDS_TITLE = 'Parallel worlds: how much of a hit is luck?';

/** At most 60 words: the experiment this page repeats and what to look for. */
export const WORLDS_INTRO =
  'In MusicLab (Salganik, Dodds & Watts 2006) the same songs went to eight worlds of listeners, and each world crowned different hits. Here the same songs and listeners run again and again; only luck differs. Compare each world’s top 10, success against quality and how far the worlds agree: under the loop, which song becomes a hit is partly luck.';

/** A share of clicks with two significant digits, so a 0.12% song and a 4.1% song both read. */
export const fmtShare = format('.2~p');
/** Salganik's U is small (at most 2 / songs): three significant digits. */
export const fmtU = format('.3~r');
/** A spread over worlds can be far smaller than its mean: two significant digits, not two decimals. */
export const fmtSd = format('.2~r');

/** One across-world number: its label, what it measures and which way means more luck, and its value as text. */
export interface Measure {
  readonly id: 'unpredictability' | 'gini' | 'overlap' | 'spearman';
  readonly label: string;
  readonly help: string;
  value(across: AcrossWorlds): string;
}

export const MEASURES: readonly Measure[] = [
  {
    id: 'unpredictability',
    label: 'Unpredictability U',
    help: 'How far a song’s share of clicks differs between two worlds, averaged over songs (0 = every world agrees). Higher means more luck.',
    value: (a) => fmtU(a.unpredictability),
  },
  {
    id: 'gini',
    label: 'Gini of plays, mean ± sd',
    help: 'How unequal plays end up within a world (0 = equal, 1 = one song has all). A wider ± means luck decides more of it.',
    value: (a) => `${fmtIndex(a.gini.mean)} ± ${fmtSd(a.gini.sd)}`,
  },
  {
    id: 'overlap',
    label: 'Top-10 overlap',
    help: 'Share of their top 10 songs two worlds have in common, averaged over pairs. Lower means more luck.',
    value: (a) => fmtPct(a.top10Overlap),
  },
  {
    id: 'spearman',
    label: 'Success–quality Spearman ρ, mean',
    help: 'Rank correlation of a song’s clicks with its true quality, averaged over worlds (1 = quality decides). Lower means more luck.',
    value: (a) => orNA(a.successQualitySpearman.mean, fmtIndex),
  },
];

/**
 * The result in words: the top-10 overlap of both sides, and which side leaves the top 10 more to
 * luck. Only the top 10: U can point the other way (a random ranking shuffles the top 10 yet keeps
 * every share small), so the sentence claims no more than the overlap measures.
 */
export function readingSentence(run: WorldsRun): string {
  const cur = run.current.across.top10Overlap;
  const base = run.baseline.across.top10Overlap;
  const head = `Under the current strategy, two worlds share ${fmtPct(cur)} of their top 10 songs on average; under the baseline, ${fmtPct(base)}.`;
  if (run.sameStrategy) return `${head} The baseline runs the same strategy, so both sides are the same runs.`;
  // Compare the numbers as shown: two values that print the same are not called different.
  if (fmtPct(cur) === fmtPct(base)) return `${head} Luck decides the top 10 about as much under both.`;
  return cur < base
    ? `${head} Which songs make the top 10 is more a matter of luck under the current strategy.`
    : `${head} Which songs make the top 10 is more a matter of luck under the baseline.`;
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
