// Benchmark report: the result row type, the markdown table and the memory-scaling summary.
import type { ScenarioMeasurement } from './scenario';

/** One row of the results: a scenario × recommender measurement with its throughput and goal. */
export interface Result extends ScenarioMeasurement {
  readonly scenario: string;
  /** The preset or recommender the row measures. */
  readonly recommender: string;
  readonly users: number;
  readonly songs: number;
  readonly stepsPerSecond: number;
  readonly impressionsPerSecond: number;
  /** e.g. "< 30 s, < 2 GB", or "—" for cases without a goal. */
  readonly goal: string;
  /** null for cases without a goal. */
  readonly met: boolean | null;
}

const HEADER = ['scenario', 'run', 'users', 'songs', 'steps', 'time s', 'steps/s'].concat([
  'impressions/s',
  'peak MB',
  'goal',
  'met?',
]);

/** `x` with thousands separators and exactly `digits` decimals. */
export function fmt(x: number, digits: number): string {
  return x.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** The markdown table's header and separator lines. */
export function tableHeader(): string {
  return `| ${HEADER.join(' | ')} |\n|${HEADER.map(() => '---').join('|')}|`;
}

/** One markdown table row of `r`. */
export function tableRow(r: Result): string {
  const met = r.met === null ? '—' : r.met ? 'yes' : '**NO**';
  const cells = [r.scenario, r.recommender, fmt(r.users, 0), fmt(r.songs, 0), String(r.steps)];
  cells.push(fmt(r.seconds, 3), fmt(r.stepsPerSecond, 1), fmt(r.impressionsPerSecond, 0));
  cells.push(fmt(r.peakMB, 0), r.goal, met);
  return `| ${cells.join(' | ')} |`;
}

/**
 * Lines comparing the memory-scaling runs (ids `base`, `users2`, `songs2`): growth of peak RSS
 * above the baseline, and the live typed-array memory, per recommender.
 */
export function memoryScaling(
  results: readonly Result[],
  ids: { base: string; users2: string; songs2: string },
): string[] {
  const lines: string[] = [];
  for (const rec of new Set(results.map((r) => r.recommender))) {
    const row = (id: string) => results.find((r) => r.scenario === id && r.recommender === rec);
    const [base, users2, songs2] = [ids.base, ids.users2, ids.songs2].map(row);
    if (!base || !users2 || !songs2) continue;
    const mb = (r: Result): number => r.peakMB - r.baselineMB;
    const cell = (r: Result): string => {
      const diff = Math.round((mb(r) - mb(base)) * 10) / 10 || 0; // `|| 0` turns -0 into 0
      const typed = `typed arrays ${fmt(r.arrayBuffersMB, 1)} MB`;
      return `${fmt(mb(r), 1)} MB (${diff >= 0 ? '+' : ''}${fmt(diff, 1)}; ${typed})`;
    };
    const typedBase = `typed arrays ${fmt(base.arrayBuffersMB, 1)} MB`;
    lines.push(
      `- ${rec}: ${base.scenario} ${fmt(mb(base), 1)} MB (${typedBase}); ` +
        `users ×2 ${cell(users2)}; songs ×2 ${cell(songs2)}`,
    );
  }
  if (lines.length === 0) return [];
  const first = results.find((r) => r.scenario === ids.base)!;
  const dense = (first.users * first.songs * 4) / 2 ** 20;
  return [
    '\nMemory scaling (peak − baseline RSS; baseline = Node + tsx + modules before the first world):',
    ...lines,
    `  For scale: one dense users × songs Float32 matrix at the base size would be ${fmt(dense, 0)} MB.`,
  ];
}
