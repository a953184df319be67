// Turns the store's latest metrics row (or the world before step 1) into the loop diagram's words and numbers.
import { format } from 'd3';
import type { InitialMetrics, Params, StepMetrics } from '../../engine';
import type { RunStatus } from '../../state/store';

export const NODE_IDS = ['listeners', 'slates', 'clicks', 'log', 'ranker'] as const;
export type NodeId = (typeof NODE_IDS)[number];

/** The five arrows, named by the nodes they join; the last four close the loop. */
export const ARROW_IDS = [
  'listenersSlates',
  'slatesClicks',
  'clicksLog',
  'logRanker',
  'rankerSlates',
] as const;
export type ArrowId = (typeof ARROW_IDS)[number];

export interface NodeText {
  readonly title: string;
  readonly sub: string;
  /** One line for narrow screens, where there is no room for the second. */
  readonly short?: string;
  /** The second line as phrases, so a narrow node breaks between them, not inside one. */
  readonly parts?: readonly string[];
}

/** An arrow's number in words, and an optional quieter line that qualifies it. */
export interface ArrowText {
  readonly main: string;
  readonly detail: string;
}

export interface LoopLabels {
  /** The step the numbers describe; 0 before step 1. */
  readonly t: number;
  /** "Step 37 of 100", or "Before step 1". */
  readonly caption: string;
  readonly nodes: Readonly<Record<NodeId, NodeText>>;
  readonly arrows: Readonly<Record<ArrowId, ArrowText>>;
  /** The text alternative: every number on the diagram, in one reading order. */
  readonly summary: string;
}

export interface LoopInput {
  /** The latest step's metrics; null before step 1. */
  readonly row: StepMetrics | null;
  /** Step 1's metrics, so the text can say where a trend started; null before step 1. */
  readonly first: StepMetrics | null;
  readonly initial: InitialMetrics | null;
  readonly params: Params;
  readonly status: RunStatus;
}

const fmtInt = format(',');
const fmtPct1 = format('.1%');
/** Rates the user typed (ε): as given, without trailing zeros: 10%, 12.5%. */
const fmtRate = format('.1~%');

/**
 * A share in whole percent (71%), except where rounding would claim all or nothing: 0.9994 of the
 * clicks is "99.9%", not "100%", and a share too close to 1 (or 0) for one decimal says so.
 */
export function fmtShare(x: number): string {
  if (x >= 1) return '100%';
  if (x <= 0) return '0%';
  const whole = Math.round(x * 100);
  if (whole >= 100) return x >= 0.9995 ? '>99.9%' : fmtPct1(x);
  if (whole <= 0) return x < 0.0005 ? '<0.1%' : fmtPct1(x);
  return `${whole}%`;
}

function count(n: number, one: string, many: string): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

const RECOMMENDER_NAMES: Readonly<Record<Params['recommender'], string>> = {
  popularity: 'Popularity ranker',
  personalized: 'Personalized ranker',
  factorization: 'Matrix factorization',
  random: 'Random ranker',
  oracle: 'Oracle ranker',
};

/** The recommender in plain words, e.g. "Popularity ranker". */
export function recommenderName(params: Pick<Params, 'recommender'>): string {
  return RECOMMENDER_NAMES[params.recommender];
}

type MitigationKeys =
  | 'exploration'
  | 'epsilon'
  | 'positionDebias'
  | 'popularityPenalty'
  | 'rerank'
  | 'rerankStrength'
  | 'newSongSlots'
  | 'newSongsPerStep'
  | 'excludeConsumed';

/**
 * Each mitigation in force, in plain words ("ε-greedy 10%", "IPS debiasing"), in the order the
 * pipeline applies them. New-song slots count only with catalog growth: without new songs they
 * reserve nothing.
 */
export function mitigationParts(params: Pick<Params, MitigationKeys>): string[] {
  const parts: string[] = [];
  if (params.exploration === 'epsilon') parts.push(`ε-greedy ${fmtRate(params.epsilon)}`);
  else if (params.exploration === 'thompson') parts.push('Thompson sampling');
  else if (params.exploration === 'ucb') parts.push('UCB exploration');
  if (params.positionDebias === 'raw') parts.push('raw click rate');
  else if (params.positionDebias === 'ips') parts.push('IPS debiasing');
  else if (params.positionDebias === 'positional') parts.push('position-bias model');
  if (params.popularityPenalty > 0) parts.push(`popularity penalty γ ${params.popularityPenalty}`);
  if (params.rerank === 'xquad') parts.push(`xQuAD re-ranking λ ${params.rerankStrength}`);
  else if (params.rerank === 'calibrated')
    parts.push(`calibrated re-ranking λ ${params.rerankStrength}`);
  if (params.newSongSlots > 0 && params.newSongsPerStep > 0)
    parts.push(count(params.newSongSlots, 'new-song slot', 'new-song slots'));
  if (params.excludeConsumed) parts.push('skips clicked songs');
  return parts;
}

/** The ranker node's second line: its mitigations ("+ ε-greedy 10%"), or what it does without any. */
export function mitigationText(params: Pick<Params, MitigationKeys | 'recommender'>): string {
  const parts = mitigationParts(params);
  if (parts.length > 0) return parts.map((p) => `+ ${p}`).join(' ');
  // Random and oracle slates never read the log: "no mitigation" would suggest there is a loop to mitigate.
  if (params.recommender === 'random' || params.recommender === 'oracle') return 'ignores the log';
  return 'no mitigation';
}

/** Ends a sentence with a full stop, unless it already trails off ("building world…"). */
function sentenceEnd(text: string): string {
  return text.endsWith('…') ? text : `${text}.`;
}

/** What the first arrow says while there are no slates yet, by run state. */
function waitingText(status: RunStatus): ArrowText {
  switch (status) {
    case 'starting':
      return { main: 'building world…', detail: '' };
    case 'running':
      return { main: 'first step…', detail: '' };
    case 'error':
      return { main: 'no slates yet', detail: '' };
    default:
      return { main: 'no slates yet', detail: 'press Play' };
  }
}

/** The diagram's labels for the latest step (or the world before step 1). */
export function loopLabels({ row, first, initial, params, status }: LoopInput): LoopLabels {
  const songs = initial?.songs ?? params.songs;
  const ranker = recommenderName(params);
  const mitigation = mitigationText(params);
  const nodes: Record<NodeId, NodeText> = {
    listeners: {
      title: 'Listeners',
      sub: fmtInt(params.users),
      short: count(params.users, 'listener', 'listeners'),
    },
    slates: {
      title: 'Slates',
      sub: count(params.slateSize, 'song each', 'songs each'),
      short: 'Slates',
    },
    clicks: { title: 'Clicks', sub: 'count as plays', short: 'Clicks' },
    log: { title: 'Play log', sub: 'all plays so far', short: 'Play log' },
    ranker: {
      title: ranker,
      sub: mitigation,
      parts: mitigation.startsWith('+') ? mitigationParts(params).map((p) => `+ ${p}`) : undefined,
    },
  };
  // Mid-sentence the name is an ordinary noun phrase: "the popularity ranker + ε-greedy 10%".
  const rankerPhrase = `${ranker.charAt(0).toLowerCase()}${ranker.slice(1)} ${mitigation.startsWith('+') ? mitigation : `(${mitigation})`}`;
  const readsLog = params.recommender !== 'random' && params.recommender !== 'oracle';

  if (!row) {
    const top10 = initial ? fmtShare(initial.top10Share) : null;
    const top1 = initial ? fmtShare(initial.top1Share) : null;
    const waiting = waitingText(status);
    const arrows: Record<ArrowId, ArrowText> = {
      listenersSlates: waiting,
      slatesClicks: { main: 'no clicks yet', detail: '' },
      clicksLog: { main: 'nothing logged yet', detail: '' },
      logRanker: top10
        ? { main: `top 10% hold ${top10} of plays`, detail: `top 1% hold ${top1}` }
        : { main: 'counting prior plays…', detail: '' },
      rankerSlates: { main: `ranks ${count(songs, 'song', 'songs')}`, detail: '' },
    };
    const plays = top10
      ? ` The top 10% of songs hold ${top10} of the plays they bring from before.`
      : '';
    return {
      t: 0,
      caption: 'Before step 1',
      nodes,
      arrows,
      summary:
        `The feedback loop before step 1: ${count(params.users, 'listener', 'listeners')} and ${count(songs, 'song', 'songs')}; ${sentenceEnd(waiting.detail ? `${waiting.main} — ${waiting.detail}` : waiting.main)}` +
        `${plays} The ${rankerPhrase} will pick the first slates.`,
    };
  }

  const head = row.headClickShare === null ? null : fmtShare(row.headClickShare);
  const distinct = count(row.aggregateDiversity, 'distinct song', 'distinct songs');
  const since =
    first && first.t < row.t ? `${fmtInt(first.aggregateDiversity)} at step ${first.t}` : '';
  const arrows: Record<ArrowId, ArrowText> = {
    listenersSlates: { main: count(row.impressions, 'slot', 'slots'), detail: '' },
    slatesClicks: {
      main: count(row.clicks, 'click', 'clicks'),
      detail: row.ctr === null ? '' : `${fmtPct1(row.ctr)} of slots`,
    },
    clicksLog:
      head === null
        ? { main: 'no clicks this step', detail: '' }
        : { main: `head gets ${head} of clicks`, detail: 'head: 10% most-played songs' },
    logRanker: {
      main: `top 10% hold ${fmtShare(row.top10Share)} of plays`,
      detail: `top 1% hold ${fmtShare(row.top1Share)}`,
    },
    rankerSlates: { main: distinct, detail: since },
  };
  const caption = `Step ${fmtInt(row.t)} of ${fmtInt(Math.max(params.steps, row.t))}`;
  const ctr = row.ctr === null ? '' : ` (${fmtPct1(row.ctr)} of slots)`;
  const headText =
    head === null
      ? 'no clicks reached the log'
      : `the head (the 10% most-played songs) got ${head} of the clicks`;
  return {
    t: row.t,
    caption,
    nodes,
    arrows,
    summary:
      `The feedback loop at step ${fmtInt(row.t)}: ${count(params.users, 'listener', 'listeners')} got ${count(row.impressions, 'slot', 'slots')} ` +
      `showing ${distinct}${since ? ` (${since})` : ''}; they made ${count(row.clicks, 'click', 'clicks')}${ctr}; ${headText}; ` +
      `the top 10% of songs now hold ${fmtShare(row.top10Share)} of all plays; the ${rankerPhrase} ${readsLog ? 'learns from this log to pick' : 'picks'} the next slates.`,
  };
}
