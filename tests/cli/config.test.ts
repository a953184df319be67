// Bounded input: --config must be a regular file of at most 1 MB, any nesting depth is refused by key, and echoed values are cut to ~80 characters.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, nestedDeeperThan } from '../../src/cli/configFile';
import { quote, shorten } from '../../src/cli/echo';
import { describeAllowed, PARAM_SCHEMA, paramSpec } from '../../src/engine';
import { SMALL, sim, simJson, tempDir } from './helpers';

const USERS = describeAllowed(paramSpec('users')!);

function configFile(text: string, name = 'c.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** Runs SMALL with --out into an empty directory and `argv`; expects exit 2 with exactly `stderr`, nothing written. */
async function expectRefused(argv: string[], stderr: string) {
  const dir = tempDir();
  const out = await sim([...SMALL, '--out', join(dir, 'o.json'), ...argv]);
  expect(out).toEqual({ code: 2, stdout: '', stderr });
  expect(readdirSync(dir)).toEqual([]);
}

/** `depth` levels of `open` … `close` around `inner`, built without recursion. */
function nested(open: string, close: string, depth: number, inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

describe('--config file kinds and size', () => {
  it('refuses devices such as /dev/zero and /dev/urandom at once, naming --config', async () => {
    for (const device of ['/dev/zero', '/dev/urandom'])
      await expectRefused(
        ['--config', device],
        `--config ${JSON.stringify(device)}: is a character device, not a regular file\n`,
      );
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(tempDir(), 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expectRefused(
      ['--config', fifo],
      `--config ${JSON.stringify(fifo)}: is a FIFO (named pipe), not a regular file\n`,
    );
  });

  it('reads a file of exactly 1 MB and refuses one byte more', async () => {
    expect(MAX_CONFIG_BYTES).toBe(1_048_576);
    const json = '{"seed": 60}';
    const exact = configFile(json + ' '.repeat(MAX_CONFIG_BYTES - json.length), 'exact.json');
    expect((await simJson([...SMALL, '--config', exact])).config.seed).toBe(60);
    const over = configFile(json + ' '.repeat(MAX_CONFIG_BYTES + 1 - json.length), 'over.json');
    await expectRefused(
      ['--config', over],
      `--config ${JSON.stringify(over)}: is 1048577 bytes; the largest config file read is 1048576 bytes (1 MB)\n`,
    );
  });
});

describe('--config nesting', () => {
  it('refuses a value 100,000 levels deep under a known key, naming the key', async () => {
    const arrays = configFile(`{"users": ${nested('[', ']', 100_000)}}`);
    await expectRefused(
      ['--config', arrays],
      `users: must be ${USERS}, got an array nested more than 8 levels deep (in --config ${JSON.stringify(arrays)})\n`,
    );
    const objects = configFile(`{"bucketThresholds": ${nested('{"a":', '}', 100_000)}}`);
    await expectRefused(
      ['--config', objects],
      `bucketThresholds: must be ${describeAllowed(paramSpec('bucketThresholds')!)}, got an object nested more than 8 levels deep (in --config ${JSON.stringify(objects)})\n`,
    );
  });

  it('leaves a value 8 levels deep to the schema check, which echoes it', async () => {
    const path = configFile(`{"users": ${nested('[', ']', 8)}}`);
    await expectRefused(
      ['--config', path],
      `users: must be ${USERS}, got [[[[[[[[1]]]]]]]] (in --config ${JSON.stringify(path)})\n`,
    );
  });

  it('reports a deep value under an unknown key as the unknown key', async () => {
    const path = configFile(`{"bogus": ${nested('[', ']', 100_000)}}`);
    await expectRefused(
      ['--config', path],
      `unknown parameter "bogus"; known parameters: ${PARAM_SCHEMA.map((s) => s.key).join(', ')} (in --config ${JSON.stringify(path)})\n`,
    );
  });

  it('refuses a deep top-level array as not an object', async () => {
    const path = configFile(nested('[', ']', 100_000));
    await expectRefused(
      ['--config', path],
      `--config ${JSON.stringify(path)}: must be a JSON object of parameters, got an array\n`,
    );
  });
});

describe('echoed values', () => {
  const x77 = 'x'.repeat(77);

  it('are cut to 80 characters with an ellipsis in config values', async () => {
    const long = configFile(JSON.stringify({ users: 'x'.repeat(1000) }));
    await expectRefused(
      ['--config', long],
      `users: must be ${USERS}, got "${x77}…" (in --config ${JSON.stringify(long)})\n`,
    );
    const list = Array.from({ length: 1000 }, (_, n) => n + 1);
    const longList = configFile(JSON.stringify({ bucketThresholds: list }));
    await expectRefused(
      ['--config', longList],
      `bucketThresholds: must be ${describeAllowed(paramSpec('bucketThresholds')!)}, got ${JSON.stringify(list).slice(0, 79)}… (in --config ${JSON.stringify(longList)})\n`,
    );
  });

  it('are cut in flag values, keys, stray arguments, unknown options and paths', async () => {
    await expectRefused(
      ['--users', 'y'.repeat(5000)],
      `users: must be ${USERS}, got "${'y'.repeat(77)}…"\n`,
    );
    await expectRefused(
      ['--set', `${'k'.repeat(5000)}=1`],
      `--set: unknown parameter "${'k'.repeat(77)}…"; known parameters: ${PARAM_SCHEMA.map((s) => s.key).join(', ')}\n`,
    );
    await expectRefused(
      [x77 + x77],
      `unexpected argument "${x77}…"; options start with --, see --help\n`,
    );
    await expectRefused(
      [`--${'q'.repeat(500)}`],
      `unknown option --${'q'.repeat(77)}…; see --help for options and --list-params for parameters\n`,
    );
    await expectRefused(
      ['--config', 'p'.repeat(200)],
      `--config "${'p'.repeat(77)}…": cannot read file (ENOENT: no such file or directory)\n`,
    );
  });

  it('quote and shorten keep short text as it is and cut long text to exactly 80 characters', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('a'.repeat(78))).toBe(`"${'a'.repeat(78)}"`);
    expect(quote('a'.repeat(79))).toBe(`"${'a'.repeat(77)}…"`);
    expect(quote('a'.repeat(79))).toHaveLength(80);
    // Cut by code point: 77 whole emoji, never half a surrogate pair.
    expect(quote('😀'.repeat(100))).toBe(`"${'😀'.repeat(77)}…"`);
    expect(shorten('z'.repeat(80))).toBe('z'.repeat(80));
    expect(shorten('z'.repeat(81))).toBe(`${'z'.repeat(79)}…`);
  });
});

describe('nestedDeeperThan', () => {
  it('counts levels of arrays and objects, iteratively', () => {
    expect(nestedDeeperThan(1, 0)).toBe(false);
    expect(nestedDeeperThan([1, 2], 0)).toBe(true);
    expect(nestedDeeperThan([1, 2], 1)).toBe(false);
    expect(nestedDeeperThan([1, [2]], 1)).toBe(true);
    expect(nestedDeeperThan({ a: { b: 1 } }, 2)).toBe(false);
    expect(nestedDeeperThan({ a: { b: 1 } }, 1)).toBe(true);
    let deep: unknown = 1;
    for (let n = 0; n < 100_000; n++) deep = [deep];
    expect(nestedDeeperThan(deep, 8)).toBe(true);
    expect(nestedDeeperThan(deep, 100_000)).toBe(false);
  });
});
