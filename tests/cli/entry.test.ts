// The real entry point, spawned as `node --import tsx src/cli/main.ts`: exit statuses and streams.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeAllowed, paramSpec } from '../../src/engine';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function spawnCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('src/cli/main.ts as a program', () => {
  it('exits 2 with one stderr line for --users 0, and 0 for a tiny run to stdout', () => {
    const bad = spawnCli(['--users', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`users: must be ${describeAllowed(paramSpec('users')!)}, got "0"\n`);

    const ok = spawnCli(['--users', '20', '--songs', '50', '--steps', '2']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout) as {
      schemaVersion: number;
      steps: unknown[];
      config: { users: number };
    };
    expect(result).toMatchObject({ schemaVersion: 1, config: { users: 20 } });
    expect(result.steps).toHaveLength(2);
  }, 60_000);
});
