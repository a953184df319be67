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
 * The result in words, in two sentences. First Salganik's U, the MusicLab measure: which side makes a
 * song's share depend more on its world's own history. Then the top 10, which can point the other
 * way: a loop may crown the same few songs in most worlds while the size of every share is luck, and
 * a random ranking has no real hits, so its top 10 is a shuffle of near-equal songs. Values that
 * print the same are not called different.
 */
export function readingSentence(run: WorldsRun): string {
  const cur = run.current.across;
  const base = run.baseline.across;
  if (run.sameStrategy)
    return `Unpredictability U is ${fmtU(cur.unpredictability)} and two worlds share ${fmtPct(cur.top10Overlap)} of their top 10 songs. The baseline runs the same strategy, so both sides are the same runs.`;
  const u =
    fmtU(cur.unpredictability) === fmtU(base.unpredictability)
      ? `Unpredictability U is about the same under both (${fmtU(cur.unpredictability)}): luck shapes the shares as much either way.`
      : cur.unpredictability > base.unpredictability
        ? `Unpredictability U is ${fmtU(cur.unpredictability)} under the current strategy against ${fmtU(base.unpredictability)} under the baseline: how big a song gets depends more on its world's own history.`
        : `Unpredictability U is ${fmtU(cur.unpredictability)} under the current strategy against ${fmtU(base.unpredictability)} under the baseline: under the baseline, how big a song gets depends more on its world's own history.`;
  const top = `Two worlds share ${fmtPct(cur.top10Overlap)} of their top 10 songs under the current strategy and ${fmtPct(base.top10Overlap)} under the baseline.`;
  const curMoreLuckByU = cur.unpredictability > base.unpredictability && fmtU(cur.unpredictability) !== fmtU(base.unpredictability);
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
