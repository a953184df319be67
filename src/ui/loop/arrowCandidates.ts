// Every text each arrow may show during a run, widest numbers included: what the loop layout is sized for.
import type { StepMetrics } from '../../engine';
import type { RunStatus } from '../../state/store';
import {
  ARROW_IDS,
  loopLabels,
  type ArrowId,
  type ArrowText,
  type LoopInput,
  type LoopLabels,
} from './loopLabels';

/**
 * Every text an arrow may show during this run, widest numbers included, so the layout can be
 * sized once per run and does not jump as the numbers change from step to step.
 */
export function arrowCandidates(
  input: Pick<LoopInput, 'initial' | 'params'>,
): Record<ArrowId, ArrowText[]> {
  const { params } = input;
  const slots = params.users * params.slateSize;
  const widest: StepMetrics = {
    ...WIDEST_ROW,
    t: params.steps,
    impressions: slots,
    clicks: slots,
    aggregateDiversity: Math.max(slots, params.songs),
  };
  const firstRow = { ...widest, t: 1 };
  // Before step 1 the texts depend on the run state and on whether the world is built yet.
  const waiting = WAITING_STATES.flatMap((status) => [
    loopLabels({ ...input, status, row: null, first: null }),
    loopLabels({ ...input, status, initial: null, row: null, first: null }),
  ]);
  const rows: LoopLabels[] = [
    ...waiting,
    loopLabels({ ...input, status: 'paused', row: widest, first: firstRow }),
    loopLabels({
      ...input,
      status: 'paused',
      row: { ...widest, headClickShare: null },
      first: firstRow,
    }),
  ];
  const out = {} as Record<ArrowId, ArrowText[]>;
  for (const id of ARROW_IDS) out[id] = rows.map((r) => r.arrows[id]);
  return out;
}

const WAITING_STATES: readonly RunStatus[] = ['starting', 'idle', 'running', 'error'];

/** A row whose shares all print at their widest (">99.9%", "99.9%"); counts are set per run. */
const WIDEST_ROW: StepMetrics = {
  t: 0,
  gini: 0.9996,
  top1Share: 0.9996,
  top10Share: 0.9996,
  exposureGini: 0.9996,
  aggregateDiversity: 0,
  coverage: 1,
  longTailShare: 0,
  longTailShareAtStart: 0,
  hitRate: { low: null, mid: null, high: null },
  hitRateN: { low: 0, mid: 0, high: 0 },
  hitRateAtStart: { low: null, mid: null, high: null },
  hitRateAtStartN: { low: 0, mid: 0, high: 0 },
  homogenization: 0,
  consumptionHomogenization: null,
  repeatRate: null,
  headClickShare: 0.9996,
  ctr: 0.9996,
  clicks: 0,
  impressions: 0,
  meanRelevance: null,
  popularityQualityCorrelation: null,
  newSongImpressionShare: null,
  newSongClickShare: null,
  calibrationKL: null,
  tasteKL: null,
  utilityRegret: 0,
  utilityRegretByTaste: { mainstream: null, niche: null },
  relevanceEstimateError: null,
};
