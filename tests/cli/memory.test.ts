// A run too big for memory is refused before it starts: exit 2, one line naming what to lower.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_CHARS, runMemoryProblem, worldsBytes, worldsMemoryProblem } from '../../src/cli/memory';
import { defaultParams, estimateRunBytes, NODE_MEMORY_BUDGET, type Params } from '../../src/engine';
import { sim, tempDir } from './helpers';

/** Issue 10's run: valid, but it needs about 4 GB. */
const ISSUE_RUN = ['--users', '200000', '--songs', '200000', '--slateSize', '50', '--exploration', 'epsilon', '--epsilon', '1', '--excludeConsumed', 'true'];

async function refused(argv: string[]): Promise<string> {
  const dir = tempDir();
  const started = performance.now();
  const out = await sim([...argv, '--out', join(dir, 'out.json')]);
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(/^[^\n]+\n$/);
  expect(readdirSync(dir)).toEqual([]);
  // Refused from the parameters alone: no world is built.
  expect(performance.now() - started).toBeLessThan(2000);
  return out.stderr;
}

describe('the memory check', () => {
  it('refuses a single run above 2 GB, naming the flags to lower and their largest allowed values', async () => {
    const stderr = await refused(ISSUE_RUN);
    expect(stderr).toMatch(/^this run needs about 4\.\d GB of memory, \d\.\d GB for the excluded songs \(listeners × songs clicked per listener\); the limit here is 2 GB: lower --users \(largest allowed with the other values: [\d,]+\), --steps \(largest allowed with the other values: \d+\) or --slateSize \(largest allowed with the other values: \d+\)\n$/);
  });

  it('runs the largest allowed value it names', async () => {
    const message = (await refused(ISSUE_RUN)).trim();
    const users = /--users \(largest allowed with the other values: ([\d,]+)\)/.exec(message)![1]!.replace(/,/g, '');
    const params = { ...defaultParams(), users: Number(users), songs: 200000, slateSize: 50, exploration: 'epsilon', epsilon: 1, excludeConsumed: true } as Params;
    expect(runMemoryProblem(params)).toBeUndefined();
    expect(runMemoryProblem({ ...params, users: params.users + 1 })).toMatch(/^this run needs about 2 GB of memory, /);
  });

  it('is reported after the problems of the arguments, and only for valid parameters', async () => {
    const dir = tempDir();
    const out = await sim([...ISSUE_RUN, '--bogus', '1', '--out', join(dir, 'out.json')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('unknown option --bogus; see --help for options and --list-params for parameters\n');
  });

  it('multiplies a --worlds run by the threads that run at once, and adds what the main thread keeps', () => {
    const p: Params = { ...defaultParams(), users: 100000, songs: 100000, slateSize: 30 };
    const one = estimateRunBytes(p);
    const songs = p.songs;
    expect(worldsBytes(p, 8, 2)).toBe(2 * (one + 20e6) + 8 * (8 * songs + 2500 * p.steps) + 8 * songs);
    // Fits alone, not twice at once: the message says so and that one world at a time would fit.
    const budget = worldsBytes(p, 1, 1) + 1;
    expect(runMemoryProblem(p, budget)).toBeUndefined();
    const message = worldsMemoryProblem(p, 2, 2, budget)!;
    expect(message).toMatch(/^--worlds 2, 2 at a time, needs about 1\.\d GB of memory, each world \d+ MB for the click log .*; the limit here is \d+ MB: lower --users \(largest allowed with the other values: [\d,]+\)/);
    expect(message).toMatch(/ or --worlds \(largest allowed with the other values: 1\)$/);
    expect(worldsMemoryProblem(p, 2, 1, budget + 8 * songs + 2500 * p.steps)).toBeUndefined();
  });

  it('refuses --worlds whose output would not fit in one string', async () => {
    const stderr = await refused(['--users', '2', '--songs', '10', '--steps', '10000', '--worlds', '64']);
    expect(stderr).toBe(
      `--worlds: 64 worlds of 10000 steps would write up to 960 million characters of JSON, more than the ${MAX_OUTPUT_CHARS / 1e6} million one output can hold: lower --worlds (largest allowed with the other values: 33) or --steps (largest allowed with the other values: 5208)\n`,
    );
  });

  it('refuses --worlds above the budget', async () => {
    const stderr = await refused([...ISSUE_RUN, '--worlds', '4']);
    expect(stderr).toMatch(/^--worlds 4, \d at a time, needs about \d+(\.\d)? GB of memory, /);
    expect(NODE_MEMORY_BUDGET).toBe(2e9);
  });
});
