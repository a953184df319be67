// package.json's scripts as the shell runs them: `npm run fuzz` runs 10,000 cases unless FUZZ_RUNS says otherwise.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };

/**
 * Runs a script's command line with `sh -c`, as npm does, with a stand-in `vitest` first on the
 * PATH that prints the FUZZ_RUNS it sees and its arguments instead of running the tests.
 */
function runWithStub(script: string, env: Record<string, string | undefined>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scripts-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const stub = join(dir, 'vitest');
  writeFileSync(stub, '#!/bin/sh\necho "FUZZ_RUNS=$FUZZ_RUNS args=$*"\n');
  chmodSync(stub, 0o755);
  const base = { ...process.env };
  delete base.FUZZ_RUNS;
  const out = spawnSync('sh', ['-c', script], { env: { ...base, ...env, PATH: `${dir}:${process.env.PATH ?? ''}` }, encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout.trim();
}

describe('npm run fuzz', () => {
  const fuzz = pkg.scripts.fuzz!;

  it('runs the property test with 10,000 cases by default', () => {
    expect(runWithStub(fuzz, {})).toBe('FUZZ_RUNS=10000 args=run tests/engine/property');
    // Set but empty counts as not set.
    expect(runWithStub(fuzz, { FUZZ_RUNS: '' })).toBe('FUZZ_RUNS=10000 args=run tests/engine/property');
  });

  it('takes FUZZ_RUNS from the environment when given', () => {
    expect(runWithStub(fuzz, { FUZZ_RUNS: '50000' })).toBe('FUZZ_RUNS=50000 args=run tests/engine/property');
    expect(runWithStub(fuzz, { FUZZ_RUNS: '25' })).toBe('FUZZ_RUNS=25 args=run tests/engine/property');
  });
});
