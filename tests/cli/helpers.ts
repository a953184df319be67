// Shared helpers for the CLI tests: run the CLI in-process, capture its output, manage temp dirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/main';
import type { RunResult } from '../../src/engine';

/** A run small enough to keep each test in the milliseconds. */
export const SMALL = ['--users', '50', '--songs', '200', '--steps', '5'];

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with string-capturing stdout/stderr. */
export async function sim(argv: string[], extra: Partial<CliIO> = {}): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    ...extra,
  });
  return { code, stdout, stderr };
}

/** Runs the CLI expecting success and parses its JSON stdout. */
export async function simJson(argv: string[], extra: Partial<CliIO> = {}): Promise<RunResult> {
  const out = await sim(argv, extra);
  if (out.code !== 0) throw new Error(`exit ${out.code}: ${out.stderr}`);
  return JSON.parse(out.stdout) as RunResult;
}

/**
 * A fresh temporary directory, removed when the test ends. (Registered per test, not with a module-level
 * afterEach: the CLI test files share one module instance per process, see tests/vitest.projects.ts,
 * and a module-level hook would only be registered in the first file that imports this one.)
 */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
