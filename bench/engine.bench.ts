// Engine benchmark: runs each scenario × recommender in its own child process and reports time, throughput and peak memory.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPreset, type Params } from '../src/engine/index';
import { memoryScaling, tableHeader, tableRow, type Result } from './report';
import { STRATEGIES, strategyResult, strategyTable, type StrategyResult } from './strategies';
import type { ScenarioMeasurement, ScenarioRequest } from './scenario';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** The runs of each case: the default preset and the old world; S1 also times the other learned recommenders. */
const VARIANTS: readonly { label: string; overrides: Partial<Params>; only?: Case['id'] }[] = [
  { label: 'loop-forms', overrides: {} },
  { label: 'locked-catalog', overrides: findPreset('locked-catalog')!.overrides },
  { label: 'personalized', overrides: { recommender: 'personalized' }, only: 'S1' },
  { label: 'factorization', overrides: { recommender: 'factorization' }, only: 'S1' },
];

/** One benchmark case: a size, an optional time goal, and the group `--only` selects it by. */
interface Case {
  readonly id: string;
  readonly group: 'S1' | 'S2' | 'S3' | 'mem' | 'strategies';
  readonly users: number;
  readonly songs: number;
  readonly steps: number;
  /** Measured runs per child; the median time is reported (damps noise on short runs). */
  readonly repeats: number;
  readonly goalSeconds?: number;
  readonly goalPeakMB?: number;
}

const CASES: readonly Case[] = [
  { id: 'S1', group: 'S1', users: 1_000, songs: 1_000, steps: 100, repeats: 5, goalSeconds: 0.3 },
  { id: 'S2', group: 'S2', users: 10_000, songs: 5_000, steps: 100, repeats: 3, goalSeconds: 3 },
  {
    id: 'S3',
    group: 'S3',
    users: 100_000,
    songs: 50_000,
    steps: 50,
    repeats: 1,
    goalSeconds: 30,
    goalPeakMB: 2048,
  },
  // Memory scaling (MEM_IDS): S2 as the base, then doubled listeners, then doubled songs.
  { id: 'M u10k s5k', group: 'mem', users: 10_000, songs: 5_000, steps: 100, repeats: 1 },
  { id: 'M u20k s5k', group: 'mem', users: 20_000, songs: 5_000, steps: 100, repeats: 1 },
  { id: 'M u10k s10k', group: 'mem', users: 10_000, songs: 10_000, steps: 100, repeats: 1 },
];

const MEM_IDS = { base: 'M u10k s5k', users2: 'M u20k s5k', songs2: 'M u10k s10k' };

/** Short sha256 of every file under src/engine, to tell which engine version a result belongs to. */
function engineHash(): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(ROOT, 'src/engine'), {
    recursive: true,
    withFileTypes: true,
  }).filter((e) => e.isFile());
  for (const f of files.map((e) => join(e.parentPath, e.name)).sort())
    hash.update(f.slice(ROOT.length)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

/** Run options: `--only S1,S3`, `--quick` (S1, S2), default all; `--json PATH` for the results file. */
function parseArgs(argv: readonly string[]): { groups: Set<Case['group']>; jsonPath?: string } {
  const all: Case['group'][] = ['S1', 'S2', 'S3', 'mem', 'strategies'];
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? '') : undefined;
  };
  const only = value('--only');
  let groups = new Set<Case['group']>(argv.includes('--quick') ? ['S1', 'S2'] : all);
  if (only !== undefined) {
    const wanted = only.split(',').map((s) => s.trim());
    if (wanted.some((w) => !all.includes(w as Case['group'])))
      throw new Error(`--only takes a comma-separated list of ${all.join(', ')}`);
    groups = new Set(wanted as Case['group'][]);
  }
  // A partial run must not overwrite the full results, so it writes JSON only when asked to.
  const full = groups.size === all.length;
  return { groups, jsonPath: value('--json') ?? (full ? join(HERE, 'results.json') : undefined) };
}

/**
 * Bundles the scenario runner once, as the browser gets the engine: run through tsx, every call
 * across modules goes through an interop getter, which alone costs about a quarter of S1's time.
 */
function bundleScenario(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'flab-bench-')), 'scenario.mjs');
  buildSync({ entryPoints: [join(HERE, 'scenario.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

let scenarioBundle: string | undefined;

/** Runs one case in a fresh Node child on the bundled bench/scenario.ts and parses its JSON line. */
function runChild(c: Case, label: string, extra: Partial<Params> = {}): ScenarioMeasurement {
  scenarioBundle ??= bundleScenario();
  const overrides = { ...extra, users: c.users, songs: c.songs, steps: c.steps };
  const req: ScenarioRequest = { overrides, repeats: c.repeats };
  // --expose-gc lets the child count only live typed arrays (see ScenarioMeasurement).
  const args = ['--expose-gc', scenarioBundle, JSON.stringify(req)];
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0)
    throw new Error(`${c.id} ${label}: child exited with ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ScenarioMeasurement;
}

/** The goal text of a case and whether `m` meets it (null when the case has no goal). */
function judge(c: Case, m: ScenarioMeasurement): { goal: string; met: boolean | null } {
  const goals: string[] = [];
  let met = true;
  if (c.goalSeconds !== undefined) {
    goals.push(`< ${c.goalSeconds} s`);
    met &&= m.seconds < c.goalSeconds;
  }
  if (c.goalPeakMB !== undefined) {
    goals.push(`< ${c.goalPeakMB / 1024} GB`);
    met &&= m.peakMB < c.goalPeakMB;
  }
  return goals.length === 0 ? { goal: '—', met: null } : { goal: goals.join(', '), met };
}

function main(): void {
  const { groups, jsonPath } = parseArgs(process.argv.slice(2));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const engine = engineHash();
  const load = loadavg()[0]!;
  // Other work on the machine inflates the times; the 1-minute load average tells the reader.
  console.log(
    `Node ${process.version} · ${cpu} · ${cpus().length} CPUs · load ${load.toFixed(2)} · engine ${engine}\n`,
  );
  console.log(tableHeader());
  const results: Result[] = [];
  for (const c of CASES.filter((x) => groups.has(x.group))) {
    for (const variant of VARIANTS.filter((v) => v.only === undefined || v.only === c.id)) {
      const m = runChild(c, variant.label, variant.overrides);
      const r: Result = {
        scenario: c.id,
        recommender: variant.label,
        users: c.users,
        songs: c.songs,
        ...m,
        stepsPerSecond: m.steps / m.seconds,
        impressionsPerSecond: m.impressions / m.seconds,
        ...judge(c, m),
      };
      results.push(r);
      console.log(tableRow(r));
    }
  }
  for (const line of memoryScaling(results, MEM_IDS)) console.log(line);
  const strategies: StrategyResult[] = [];
  if (groups.has('strategies')) {
    console.log('\nStrategy cost at default strengths (on loop-forms; goal: ≤ 3× the plain loop, Thompson ≤ 5×):\n');
    for (const c of CASES.filter((x) => x.id === 'S1' || x.id === 'S2')) {
      // The plain loop is timed again right before each strategy: this machine's speed drifts by up
      // to 2× within minutes, and a baseline timed once per case put that drift into every ratio.
      for (const s of STRATEGIES) strategies.push(strategyResult(c.id, s, runChild(c, s.name, s.overrides), runChild(c, 'loop-forms', s.baseline)));
    }
    for (const line of strategyTable(strategies)) console.log(line);
  }
  if (jsonPath !== undefined) {
    const date = new Date().toISOString();
    const json = {
      date,
      node: process.version,
      cpu,
      cpuCount: cpus().length,
      loadAverage1m: load,
      engine,
      results,
      strategies,
    };
    writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  }
  console.log(
    `\n${jsonPath ? `Wrote ${jsonPath}` : 'Partial run: no JSON written (use --json PATH)'}. ` +
      "Time (median of the repeats) includes world generation; peak MB is the child's VmHWM (warm-up included).",
  );
}

main();
