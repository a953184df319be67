// Strategy cost benchmark: each mitigation on S1 and S2, timed against the plain loop (the default preset).
import type { Params } from '../src/engine/index';
import type { ScenarioMeasurement } from './scenario';
import { fmt } from './report';

/** A strategy at its default strength, and the run it is compared with. */
export interface Strategy {
  readonly name: string;
  readonly overrides: Partial<Params>;
  /** The baseline differs only where the strategy needs something to act on (catalog growth). */
  readonly baseline: Partial<Params>;
  /** Largest allowed time relative to the baseline (default MAX_COST_RATIO). */
  readonly maxRatio?: number;
}

export const STRATEGIES: readonly Strategy[] = [
  { name: 'epsilon ε=0.1', overrides: { exploration: 'epsilon', epsilon: 0.1 }, baseline: {} },
  { name: 'thompson', overrides: { exploration: 'thompson' }, baseline: {}, maxRatio: 5 },
  { name: 'thompson per-listener', overrides: { exploration: 'thompson', thompsonDraws: 'per-listener' }, baseline: {}, maxRatio: 5 },
  { name: 'ucb', overrides: { exploration: 'ucb' }, baseline: {} },
  { name: 'raw click rate (+ε=0.1)', overrides: { positionDebias: 'raw', exploration: 'epsilon', epsilon: 0.1 }, baseline: {} },
  { name: 'ips (+ε=0.1)', overrides: { positionDebias: 'ips', exploration: 'epsilon', epsilon: 0.1 }, baseline: {} },
  { name: 'positional', overrides: { positionDebias: 'positional' }, baseline: {} },
  { name: 'popularity penalty γ=0.5', overrides: { popularityPenalty: 0.5 }, baseline: {} },
  { name: 'xquad λ=0.5', overrides: { rerank: 'xquad' }, baseline: {} },
  { name: 'calibrated λ=0.5', overrides: { rerank: 'calibrated' }, baseline: {} },
  { name: 'new-song slots b=2', overrides: { newSongsPerStep: 5, newSongSlots: 2 }, baseline: { newSongsPerStep: 5 } },
];

/** The cost goal: any strategy within this factor of the plain loop (Thompson sampling: its own maxRatio). */
export const MAX_COST_RATIO = 3;

export interface StrategyResult {
  readonly scenario: string;
  readonly strategy: string;
  readonly seconds: number;
  readonly baselineSeconds: number;
  readonly ratio: number;
  readonly maxRatio: number;
  readonly met: boolean;
}

/** Pairs a strategy's measurement with its baseline's. */
export function strategyResult(scenario: string, s: Strategy, m: ScenarioMeasurement, base: ScenarioMeasurement): StrategyResult {
  const ratio = m.seconds / base.seconds;
  const maxRatio = s.maxRatio ?? MAX_COST_RATIO;
  return { scenario, strategy: s.name, seconds: m.seconds, baselineSeconds: base.seconds, ratio, maxRatio, met: ratio <= maxRatio };
}

/** Markdown table of strategy costs. */
export function strategyTable(rows: readonly StrategyResult[]): string[] {
  const lines = ['| scenario | strategy (on loop-forms) | time s | plain loop s | ratio | goal | met? |', '|---|---|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.scenario} | ${r.strategy} | ${fmt(r.seconds, 3)} | ${fmt(r.baselineSeconds, 3)} | ${fmt(r.ratio, 2)}× | ≤ ${r.maxRatio}× | ${r.met ? 'yes' : '**NO**'} |`);
  return lines;
}
