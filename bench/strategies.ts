// Strategy cost benchmark: each mitigation on S1 and S2, timed against the pure popularity loop.
import type { Params } from '../src/engine/index';
import type { ScenarioMeasurement } from './scenario';
import { fmt } from './report';

/** A strategy at its default strength, and the run it is compared with. */
export interface Strategy {
  readonly name: string;
  readonly overrides: Partial<Params>;
  /** The baseline differs only where the strategy needs something to act on (catalog growth). */
  readonly baseline: Partial<Params>;
}

export const STRATEGIES: readonly Strategy[] = [
  { name: 'epsilon ε=0.1', overrides: { exploration: 'epsilon', epsilon: 0.1 }, baseline: {} },
  { name: 'thompson', overrides: { exploration: 'thompson' }, baseline: {} },
  { name: 'ucb', overrides: { exploration: 'ucb' }, baseline: {} },
  { name: 'ips (+ε=0.1)', overrides: { positionDebias: 'ips', exploration: 'epsilon', epsilon: 0.1 }, baseline: {} },
  { name: 'positional', overrides: { positionDebias: 'positional' }, baseline: {} },
  { name: 'popularity penalty γ=0.5', overrides: { popularityPenalty: 0.5 }, baseline: {} },
  { name: 'xquad λ=0.5', overrides: { rerank: 'xquad' }, baseline: {} },
  { name: 'calibrated λ=0.5', overrides: { rerank: 'calibrated' }, baseline: {} },
  { name: 'new-song slots b=2', overrides: { newSongsPerStep: 5, newSongSlots: 2 }, baseline: { newSongsPerStep: 5 } },
];

/** The cost goal: any strategy within this factor of the pure popularity loop. */
export const MAX_COST_RATIO = 3;

export interface StrategyResult {
  readonly scenario: string;
  readonly strategy: string;
  readonly seconds: number;
  readonly baselineSeconds: number;
  readonly ratio: number;
  readonly met: boolean;
}

/** Pairs a strategy's measurement with its baseline's. */
export function strategyResult(scenario: string, s: Strategy, m: ScenarioMeasurement, base: ScenarioMeasurement): StrategyResult {
  const ratio = m.seconds / base.seconds;
  return { scenario, strategy: s.name, seconds: m.seconds, baselineSeconds: base.seconds, ratio, met: ratio <= MAX_COST_RATIO };
}

/** Markdown table of strategy costs. */
export function strategyTable(rows: readonly StrategyResult[]): string[] {
  const lines = ['| scenario | strategy (on popularity) | time s | popularity s | ratio | ≤ 3× |', '|---|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.scenario} | ${r.strategy} | ${fmt(r.seconds, 3)} | ${fmt(r.baselineSeconds, 3)} | ${fmt(r.ratio, 2)}× | ${r.met ? 'yes' : '**NO**'} |`);
  return lines;
}
