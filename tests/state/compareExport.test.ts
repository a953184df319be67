// The compare export: CSV with an `arm` column before the CLI's own lines, JSON with one CLI run block per arm.
import { describe, expect, it } from 'vitest';
import { defaultParams, formatCsv, formatJson, packageRun, runSimulation, SCHEMA_VERSION, SHARED_KEYS, type Params } from '../../src/engine';
import { armsCsv, armsJson, type ArmExport } from '../../src/state/compareExport';

const A: Params = { ...defaultParams(), users: 40, songs: 80, steps: 6, seed: 7 };
const B: Params = { ...A, exploration: 'epsilon', epsilon: 0.1 };

function exported(name: string, params: Params): ArmExport {
  const run = runSimulation(params);
  return { name, params, initial: run.initial, rows: run.steps };
}

/** What `npm run sim -- --format csv` prints for `params`: header, then one line per step. */
const cliCsv = (params: Params) => formatCsv(runSimulation(params)).trimEnd().split('\n');

describe('armsCsv', () => {
  it("has `arm,` and the CLI's columns as its header, then each arm's lines: its name, then the CLI's line", () => {
    const text = armsCsv([exported('A: Loop forms', A), exported('B: Epsilon exploration', B)]);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    const [headerA, ...linesA] = cliCsv(A);
    const [headerB, ...linesB] = cliCsv(B);
    expect(headerB).toBe(headerA);
    expect(lines).toHaveLength(1 + 6 + 6);
    expect(lines[0]).toBe(`arm,${headerA}`);
    expect(lines[0]!.startsWith('arm,t,')).toBe(true);
    expect(lines.slice(1, 7)).toEqual(linesA.map((line) => `A: Loop forms,${line}`));
    expect(lines.slice(7)).toEqual(linesB.map((line) => `B: Epsilon exploration,${line}`));
  });

  it('equals the CLI line of packageRun for the rows exported so far (a run cut at step 3)', () => {
    const run = runSimulation(A);
    const rows = run.steps.slice(0, 3);
    const text = armsCsv([{ name: 'A', params: A, initial: run.initial, rows }]);
    const cli = formatCsv(packageRun(A, run.initial, rows)).trimEnd().split('\n');
    expect(text.trimEnd().split('\n')).toEqual([`arm,${cli[0]}`, ...cli.slice(1).map((l) => `A,${l}`)]);
  });

  it('quotes a name with a comma or a quote, as CSV needs', () => {
    const text = armsCsv([exported('A: Loop, forms', A), exported('B: "ε" = 0.1', B)]);
    const lines = text.trimEnd().split('\n');
    expect(lines[1]!.startsWith('"A: Loop, forms",1,')).toBe(true);
    expect(lines[7]!.startsWith('"B: ""ε"" = 0.1",1,')).toBe(true);
  });

  it('is empty for no arms, and an arm without rows adds no lines', () => {
    expect(armsCsv([])).toBe('');
    const run = runSimulation(A);
    const text = armsCsv([{ name: 'empty', params: A, initial: run.initial, rows: [] }, exported('B', B)]);
    expect(text.trimEnd().split('\n')).toEqual([`arm,${cliCsv(B)[0]}`, ...cliCsv(B).slice(1).map((l) => `B,${l}`)]);
  });
});

describe('armsJson', () => {
  it('parses to {schemaVersion, shared, arms: [{arm, …the CLI run block}]}', () => {
    const text = armsJson([exported('A: Loop forms', A), exported('B: Epsilon exploration', B)]);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'shared', 'arms']);
    expect(parsed.schemaVersion).toBe(1);
    expect(SCHEMA_VERSION).toBe(1);
    // Exactly the shared keys, with the values every arm ran with.
    expect(parsed.shared).toEqual({ seed: 7, worldSeed: -1, users: 40, songs: 80, steps: 6, bucketThresholds: [100, 1000] });
    expect(Object.keys(parsed.shared as object).sort()).toEqual([...SHARED_KEYS].sort());
    const arms = parsed.arms as Record<string, unknown>[];
    expect(arms).toHaveLength(2);
    expect(arms.map((a) => a.arm)).toEqual(['A: Loop forms', 'B: Epsilon exploration']);
    // Each block is what `npm run sim` writes as JSON for that arm's parameters.
    expect(arms[0]).toEqual({ arm: 'A: Loop forms', ...JSON.parse(formatJson(runSimulation(A))) });
    expect(arms[1]).toEqual({ arm: 'B: Epsilon exploration', ...JSON.parse(formatJson(runSimulation(B))) });
    expect(Object.keys(arms[1]!)).toEqual(['arm', 'schemaVersion', 'config', 'initial', 'steps', 'summary']);
    expect((arms[1]!.config as Params).exploration).toBe('epsilon');
    expect((arms[1]!.steps as unknown[]).length).toBe(6);
  });

  it('with no arms: an empty shared block and no arms', () => {
    expect(JSON.parse(armsJson([]))).toEqual({ schemaVersion: 1, shared: {}, arms: [] });
  });
});
