// The real program interrupted mid-run: SIGINT/SIGTERM remove every temporary and exit 130/143; stdout on a full disk exits 1 with one line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runYielding } from '../../src/cli/stepper';
import { defaultParams, presetParams, PRESETS, runSimulation } from '../../src/engine';
import { tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = ['--import', 'tsx', 'src/cli/main.ts'];

/** 2,000 listeners × 10,000 steps: minutes of work, so it is surely still running when signalled. */
const LONG = ['--users', '2000', '--songs', '2000', '--steps', '10000'];

/** Resolves when `ready()` holds; rejects if the child exits first or 50 s pass. */
async function until(child: ChildProcess, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 50_000;
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the CLI exited (${child.exitCode ?? child.signalCode}) before it was signalled`,
      );
    if (Date.now() > deadline) throw new Error('the CLI never reached the expected state');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The size of the first temporary in `dir` whose name starts with `prefix`, or -1. */
function tmpSize(dir: string, prefix: string): number {
  const name = readdirSync(dir).find((n) => n.startsWith(prefix) && n.endsWith('.tmp'));
  if (!name) return -1;
  try {
    return statSync(join(dir, name)).size;
  } catch {
    return -1;
  }
}

/**
 * Starts the CLI on `args`, waits until `started` holds, sends `signal`, and returns how it ended.
 * The child is killed outright if it has not ended 20 s after the signal, so a broken handler
 * fails the test instead of leaving a process behind.
 */
async function interrupt(args: string[], started: () => boolean, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [...ENTRY, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), 70_000);
  try {
    await until(child, started);
    child.kill(signal);
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const end = await ended;
    clearTimeout(watchdog);
    return { ...end, stdout, stderr };
  } finally {
    clearTimeout(killer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

describe('a signal during a run', () => {
  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} removes the temporaries, keeps the previous file and exits ${status}`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'o.json'), 'previous\n');
      // Started means mid-run: the event log's temporary has received its first chunk.
      const end = await interrupt(
        [...LONG, '--out', join(dir, 'o.json'), '--events', join(dir, 'e.jsonl')],
        () => tmpSize(dir, '.e.jsonl.') > 0,
        signal,
      );
      expect(end).toEqual({
        code: status,
        signal: null,
        stdout: '',
        stderr: `interrupted by ${signal}: unfinished output files were removed\n`,
      });
      expect(readdirSync(dir)).toEqual(['o.json']);
      expect(readFileSync(join(dir, 'o.json'), 'utf8')).toBe('previous\n');
    }, 90_000);
  }

  it('SIGTERM during --worlds removes the --out temporary and exits 143', async () => {
    const dir = tempDir();
    const end = await interrupt(
      [...LONG, '--worlds', '2', '--out', join(dir, 'w.json')],
      () => tmpSize(dir, '.w.json.') >= 0,
      'SIGTERM',
    );
    expect(end).toEqual({
      code: 143,
      signal: null,
      stdout: '',
      stderr: 'interrupted by SIGTERM: unfinished output files were removed\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);
});

describe('standard output on a full disk', () => {
  it('exits 1 with one line naming standard output and the cause, no stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawnSync(
        process.execPath,
        [...ENTRY, '--users', '20', '--songs', '50', '--steps', '2'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', full, 'pipe'],
        },
      );
      expect(child.stderr).toBe(
        'standard output: writing failed (ENOSPC: no space left on device)\n',
      );
      expect(child.status).toBe(1);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe('runYielding', () => {
  it("returns exactly the engine's runSimulation result", async () => {
    for (const params of [
      { ...defaultParams(), users: 50, songs: 200, steps: 5 },
      { ...presetParams(PRESETS[1]!), users: 60, songs: 150, steps: 4 },
    ]) {
      const expected = runSimulation(params);
      expect(JSON.stringify(await runYielding(params))).toBe(JSON.stringify(expected));
    }
  });
});
