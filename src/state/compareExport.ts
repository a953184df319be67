// The compared arms as files: JSON with one CLI run block per arm, CSV with the CLI's columns after an `arm` column.
import { formatCsv, packageRun, SCHEMA_VERSION, SHARED_KEYS, type InitialMetrics, type Params, type StepMetrics } from '../engine';

/** One arm to export: its name, the parameters it ran with and its rows. */
export interface ArmExport {
  readonly name: string;
  readonly params: Params;
  readonly initial: InitialMetrics;
  readonly rows: readonly StepMetrics[];
}

/**
 * `{schemaVersion, shared, arms: [{arm, schemaVersion, config, initial, steps, summary}, …]}`: each
 * arm's block is what `npm run sim` writes for its config; `shared` names the keys every arm shares.
 */
export function armsJson(arms: readonly ArmExport[]): string {
  const shared = arms[0] ? Object.fromEntries(SHARED_KEYS.map((k) => [k, arms[0]!.params[k]])) : {};
  const blocks = arms.map((arm) => ({ arm: arm.name, ...packageRun(arm.params, arm.initial, arm.rows) }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, shared, arms: blocks })}\n`;
}

/** A CSV cell holding `text`, quoted when it has to be. */
function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One header (`arm`, then the CLI's columns), then each arm's rows as a block in arm order: after
 * the arm's name, each line is byte for byte the CLI's CSV line for that step.
 */
export function armsCsv(arms: readonly ArmExport[]): string {
  const lines: string[] = [];
  for (const arm of arms) {
    const text = formatCsv(packageRun(arm.params, arm.initial, arm.rows));
    if (!text) continue;
    const [header, ...rows] = text.trimEnd().split('\n');
    if (lines.length === 0) lines.push(`arm,${header}`);
    for (const row of rows) lines.push(`${cell(arm.name)},${row}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
