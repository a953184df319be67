// --worlds N: parallel worlds on worker threads, each run identical to its single run, measures recomputed independently.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import {
  executeWorlds,
  formatWorlds,
  inProcess,
  runWorlds,
  workerPool,
  type WorldsResult,
} from '../../src/cli/worlds';
import { defaultParams, Simulation, type Params } from '../../src/engine';
import { sim, tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = ['--users', '50', '--songs', '100', '--steps', '5'];
const TINY_PARAMS: Params = { ...defaultParams(), users: 50, songs: 100, steps: 5 };

async function worldsJson(argv: string[]): Promise<{ text: string; result: WorldsResult }> {
  const out = await sim(argv);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return { text: out.stdout, result: JSON.parse(out.stdout) as WorldsResult };
}

/** Per-song clicks during a run (plays − prior) and the songs' quality, from the engine directly. */
function clicksAndQuality(params: Params): { clicks: number[]; quality: number[] } {
  const s = new Simulation(params);
  while (!s.done) s.step();
  const clicks = Array.from(s.log.plays, (p, i) => p - s.world.songPrior[i]!);
  return { clicks, quality: Array.from(s.world.songQuality) };
}

// Independent reference implementations, written for the test from the definitions.

/** Average 1-based ranks: 1 + (values below) + (ties other than itself) / 2. O(n²), obviously right. */
function ranks(x: number[]): number[] {
  return x.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of x) {
      if (w < v) below++;
      else if (w === v) equal++;
    }
    return 1 + below + (equal - 1) / 2;
  });
}

function correlation(x: number[], y: number[]): number | null {
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(x);
  const my = mean(y);
  const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0);
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const syy = y.reduce((s, v) => s + (v - my) ** 2, 0);
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

function stats(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0 };
}

function top10(clicks: number[]): Set<number> {
  const ids = clicks.map((_, i) => i);
  ids.sort((a, b) => clicks[b]! - clicks[a]! || a - b);
  return new Set(ids.slice(0, 10));
}

describe('--worlds', () => {
  it('runs seeds S … S+N−1 on one world, each exactly its single run, measures recomputed by hand', async () => {
    const { text, result } = await worldsJson([...TINY, '--seed', '7', '--worlds', '3']);
    expect(Object.keys(result)).toEqual(['schemaVersion', 'worlds', 'across']);
    expect(result.schemaVersion).toBe(1);
    expect(result.worlds).toHaveLength(3);
    expect(result.worlds.map((w) => w.config.seed)).toEqual([7, 8, 9]);
    expect(result.worlds.map((w) => w.config.worldSeed)).toEqual([7, 7, 7]);
    // The same world: the same catalog before step 1, a different history after it.
    expect(result.worlds[1]!.initial).toEqual(result.worlds[0]!.initial);
    expect(result.worlds[2]!.initial).toEqual(result.worlds[0]!.initial);
    expect(result.worlds[1]!.steps).not.toEqual(result.worlds[0]!.steps);
    expect(Object.keys(result.across)).toEqual([
      'unpredictability',
      'gini',
      'top10Overlap',
      'successQualitySpearman',
      'seeds',
      'worldSeed',
    ]);
    expect(result.across.seeds).toEqual([7, 8, 9]);
    expect(result.across.worldSeed).toBe(7);

    // World j is character for character the single run --seed 7+j --worldSeed 7.
    const singles: string[] = [];
    for (const seed of [7, 8, 9]) {
      const one = await sim([...TINY, '--seed', String(seed), '--worldSeed', '7']);
      expect(one.code).toBe(0);
      singles.push(one.stdout.trimEnd());
    }
    expect(text.startsWith(`{"schemaVersion":1,"worlds":[${singles.join(',')}],"across":{`)).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);

    // The measures, recomputed from the runs' per-song clicks with the test's own code.
    const runs = [7, 8, 9].map((seed) => clicksAndQuality({ ...TINY_PARAMS, seed, worldSeed: 7 }));
    runs.forEach((r, j) =>
      expect(r.clicks.reduce((s, c) => s + c, 0)).toBe(result.worlds[j]!.summary.clicks),
    );
    const songs = runs[0]!.clicks.length;
    const shares = runs.map((r) => {
      const total = r.clicks.reduce((s, c) => s + c, 0);
      return r.clicks.map((c) => (total > 0 ? c / total : 0));
    });
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const;
    let u = 0;
    for (let i = 0; i < songs; i++) {
      let perSong = 0;
      for (const [a, b] of pairs) perSong += Math.abs(shares[a]![i]! - shares[b]![i]!);
      u += perSong / pairs.length;
    }
    u /= songs;
    expect(u).toBeGreaterThan(0);
    expect(result.across.unpredictability).toBeCloseTo(u, 12);

    const tops = runs.map((r) => top10(r.clicks));
    const overlap =
      pairs.reduce((s, [a, b]) => s + [...tops[a]!].filter((i) => tops[b]!.has(i)).length / 10, 0) /
      pairs.length;
    expect(result.across.top10Overlap).toBeCloseTo(overlap, 12);

    const gini = stats(result.worlds.map((w) => w.summary.final!.gini));
    expect(result.across.gini.mean).toBeCloseTo(gini.mean, 12);
    expect(result.across.gini.sd).toBeCloseTo(gini.sd, 12);

    const rho = runs.map((r) => correlation(ranks(r.clicks), ranks(r.quality)));
    expect(rho.every((r) => r !== null)).toBe(true);
    const spearman = stats(rho as number[]);
    expect(result.across.successQualitySpearman.mean).toBeCloseTo(spearman.mean, 12);
    expect(result.across.successQualitySpearman.sd).toBeCloseTo(spearman.sd, 12);
  });

  it('keeps an explicit worldSeed in every run', async () => {
    const { result } = await worldsJson([
      ...TINY,
      '--seed',
      '100',
      '--worldSeed',
      '5',
      '--worlds',
      '2',
    ]);
    expect(result.worlds.map((w) => [w.config.seed, w.config.worldSeed])).toEqual([
      [100, 5],
      [101, 5],
    ]);
    expect(result.across).toMatchObject({ seeds: [100, 101], worldSeed: 5 });
    const single = await sim([...TINY, '--seed', '101', '--worldSeed', '5']);
    expect(JSON.stringify(result.worlds[1])).toBe(single.stdout.trimEnd());
  });

  it('gives one world unpredictability 0, overlap 1 and sds 0', async () => {
    const { result } = await worldsJson([...TINY, '--worlds', '1']);
    expect(result.worlds).toHaveLength(1);
    expect(result.across).toMatchObject({
      unpredictability: 0,
      top10Overlap: 1,
      gini: { mean: result.worlds[0]!.summary.final!.gini, sd: 0 },
      successQualitySpearman: { sd: 0 },
      seeds: [42],
      worldSeed: 42,
    });
  });

  it('does not depend on the number of threads', async () => {
    const texts = [
      formatWorlds(await runWorlds(TINY_PARAMS, 4, workerPool(1))),
      formatWorlds(await runWorlds(TINY_PARAMS, 4, workerPool(3))),
      formatWorlds(await runWorlds(TINY_PARAMS, 4, inProcess)),
    ];
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });

  it('writes --out atomically and nothing to stdout', async () => {
    const dir = tempDir();
    const path = join(dir, 'worlds.json');
    const out = await sim([...TINY, '--worlds', '2', '--out', path]);
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir)).toEqual(['worlds.json']);
    expect(readFileSync(path, 'utf8')).toBe(
      formatWorlds(await runWorlds(TINY_PARAMS, 2, inProcess)),
    );
  });

  it('leaves no output or temporary when a world fails', async () => {
    const dir = tempDir();
    const failing = () => Promise.reject(new Error('world 1: boom'));
    await expect(
      executeWorlds(TINY_PARAMS, 2, join(dir, 'w.json'), { write: () => undefined }, failing),
    ).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects with the failing world when a worker thread throws', async () => {
    // Validation never lets steps be 0; bypassing it makes runWorld throw on the worker thread.
    const broken = { ...TINY_PARAMS, steps: 0 };
    await expect(runWorlds(broken, 2, workerPool(2))).rejects.toThrow(
      /^world [01]: Error: the run had no steps$/,
    );
  });
});

describe('--worlds bad input', () => {
  async function rejected(argv: string[], pattern: RegExp) {
    const dir = tempDir();
    const out = await sim([...TINY, '--out', join(dir, 'w.json'), ...argv]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^[^\n]+\n$/);
    expect(out.stderr).toMatch(pattern);
    expect(readdirSync(dir)).toEqual([]);
  }

  it('requires an integer from 1 to 64', async () => {
    for (const value of ['0', '65', '2.5', 'three', '-1', '0x10', '1e9'])
      await rejected(
        ['--worlds', value],
        new RegExp(`^--worlds: must be an integer from 1 to 64, got "${value}"\\n$`),
      );
    await rejected(['--worlds'], /^--worlds: missing value; expected N\n$/);
    await rejected(['--worlds='], /^--worlds: missing value; expected N\n$/);
  });

  it('cannot be combined with --events, --world or --format csv', async () => {
    const dir = tempDir();
    await rejected(
      ['--worlds', '2', '--events', join(dir, 'e.jsonl')],
      /^--events cannot be combined with --worlds/,
    );
    await rejected(
      ['--world', join(dir, 'w.json'), '--worlds', '2'],
      /^--world cannot be combined with --worlds/,
    );
    await rejected(
      ['--worlds', '2', '--format', 'csv'],
      /^--format csv cannot be combined with --worlds/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects seeds past the largest seed', async () => {
    await rejected(
      ['--seed', '4294967294', '--worlds', '3'],
      /^--worlds: seeds 4294967294 … 4294967296 go past the largest seed 4294967295; /,
    );
  });

  it('is accepted with --format json, and ignored by the listings', () => {
    expect(parseArgs(['--worlds', '2', '--format', 'json']).problems).toEqual([]);
    expect(parseArgs(['--list-presets', '--worlds', '2', '--format', 'csv']).problems).toEqual([]);
  });
});

describe('--worlds from the real entry point', () => {
  it('runs under tsx as a child process, its worker threads included', async () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...TINY, '--worlds', '2'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(formatWorlds(await runWorlds(TINY_PARAMS, 2, inProcess)));
  }, 60_000);
});
