// Bad input: exit 2, exactly one stderr line naming the culprit, and no output file or temporary left.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAM_SCHEMA } from '../../src/engine';
import { SMALL, sim, tempDir } from './helpers';

/** Writes config files into their own directory, so the output directory can be checked for emptiness. */
function configFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** Runs `argv` with every output requested into an empty directory; expects exit 2 and nothing written. */
async function expectRejected(argv: string[], pattern: RegExp) {
  const dir = tempDir();
  const outputs = [
    '--out',
    join(dir, 'out.json'),
    '--events',
    join(dir, 'events.jsonl'),
    '--world',
    join(dir, 'world.json'),
  ];
  const out = await sim([...SMALL, ...outputs, ...argv]);
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(/^[^\n]+\n$/);
  expect(out.stderr).toMatch(pattern);
  expect(readdirSync(dir)).toEqual([]);
  return out.stderr;
}

describe('bad input', () => {
  it('rejects an unknown option', async () => {
    await expectRejected(['--bogus', '1'], /^unknown option --bogus; /);
  });

  it('rejects an unknown parameter key, listing the known ones', async () => {
    const stderr = await expectRejected(
      ['--set', 'bogus=1'],
      /^--set: unknown parameter "bogus"; known parameters: seed, worldSeed, steps, /,
    );
    // Every parameter, in schema order, new ones included.
    expect(stderr).toBe(`--set: unknown parameter "bogus"; known parameters: ${PARAM_SCHEMA.map((s) => s.key).join(', ')}\n`);
    for (const key of ['idiosyncrasy', 'onboardingPicks', 'rankingTemperature']) expect(stderr).toContain(key);
  });

  it('rejects values of the wrong type', async () => {
    await expectRejected(
      ['--users', 'many'],
      /^users: must be an integer from 2 to \d+, got "many"\n$/,
    );
    await expectRejected(
      ['--excludeConsumed', 'maybe'],
      /^excludeConsumed: must be true or false, got "maybe"/,
    );
    await expectRejected(
      ['--recommender', 'magic'],
      /^recommender: must be one of popularity, personalized, factorization, random, oracle, got "magic"/,
    );
    await expectRejected(
      ['--positionDebias', 'cooked'],
      /^positionDebias: must be one of none, raw, ips, positional, got "cooked"/,
    );
    await expectRejected(['--onboardingPicks', '1.5'], /^onboardingPicks: must be an integer/);
    await expectRejected(
      ['--bucketThresholds', 'a,b'],
      /^bucketThresholds: must be 2 ascending integers/,
    );
    await expectRejected(['--steps', '2.5'], /^steps: must be an integer/);
  });

  it('rejects out-of-range values', async () => {
    await expectRejected(['--users', '0'], /^users: must be an integer from 2 to \d+, got "0"\n$/);
    await expectRejected(
      ['--set', 'positionBias=5'],
      /^--set: positionBias: must be a number from 0 to 3, got "5"/,
    );
    await expectRejected(
      ['--bucketThresholds=500,50'],
      /^bucketThresholds: must be 2 ascending integers/,
    );
    await expectRejected(['--rankingTemperature', '-0.1'], /^rankingTemperature: must be a number from 0 to 5, got "-0.1"\n$/);
    await expectRejected(['--idiosyncrasy', '1.5'], /^idiosyncrasy: must be a number from 0 to 1, got "1.5"\n$/);
    await expectRejected(['--worldSeed', '-2'], /^worldSeed: must be an integer from -1 to \d+, got "-2"\n$/);
  });

  it('rejects an unreadable, non-JSON or non-object config file', async () => {
    await expectRejected(
      ['--config', join(tempDir(), 'missing.json')],
      /^--config ".*missing\.json": cannot read file \(ENOENT/,
    );
    await expectRejected(['--config', tempDir()], /^--config ".*": is a directory, not a regular file\n$/);
    await expectRejected(
      ['--config', configFile('bad.json', '{"users": 5,')],
      /^--config ".*bad\.json": not valid JSON \(/,
    );
    await expectRejected(
      ['--config', configFile('list.json', '[1, 2]')],
      /^--config ".*list\.json": must be a JSON object of parameters, got an array/,
    );
    await expectRejected(['--config', configFile('null.json', 'null')], /got null/);
    await expectRejected(['--config', configFile('num.json', '7')], /got a number/);
  });

  it('rejects bad values and unknown keys inside the config file', async () => {
    await expectRejected(
      ['--config', configFile('c.json', '{"users": "50"}')],
      /^users: must be an integer .*, got "50" \(in --config ".*c\.json"\)\n$/,
    );
    await expectRejected(
      ['--config', configFile('k.json', '{"bogus": 1}')],
      /^unknown parameter "bogus"; known parameters: /,
    );
  });

  it('rejects an unknown preset, listing the known ones', async () => {
    await expectRejected(
      ['--preset', 'nope'],
      /^--preset: unknown preset "nope"; known presets: loop-forms, locked-catalog, personalized, factorization, /,
    );
    await expectRejected(['--preset', 'popularity-loop'], /^--preset: unknown preset "popularity-loop"; /);
  });

  it('rejects a bad --format', async () => {
    await expectRejected(['--format', 'xml'], /^--format: must be one of json, csv, got "xml"\n$/);
  });

  it('rejects a missing option value', async () => {
    await expectRejected(['--users'], /^--users: missing value; expected an integer from 2 to/);
    await expectRejected(['--preset', '--users', '5'], /^--preset: missing value; expected NAME/);
    await expectRejected(['--set'], /^--set: missing value; expected KEY=VALUE/);
    await expectRejected(['--set', 'users'], /^--set: expected KEY=VALUE, got "users"/);
  });

  it('rejects a stray argument', async () => {
    await expectRejected(['run'], /^unexpected argument "run"/);
  });

  it('reports the leftmost of several problems and counts the rest', async () => {
    await expectRejected(['--users', '0', '--steps', '0'], /^users: .* \(and 1 more problem\)\n$/);
    await expectRejected(
      ['--format', 'xml', '--bogus', '--users', '0'],
      /^--format: .* \(and 2 more problems\)\n$/,
    );
  });

  it('rejects output paths that cannot be written, before running', async () => {
    const dir = tempDir();
    await expectRejected(
      ['--out', join(dir, 'no', 'such', 'dir.json')],
      /^--out: cannot write ".*dir\.json" \(ENOENT: no such file or directory\)\n$/,
    );
    mkdirSync(join(dir, 'sub'));
    await expectRejected(['--events', join(dir, 'sub')], /^--events: ".*sub" is a directory/);
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });

  it('rejects the same file for two outputs', async () => {
    const dir = tempDir();
    const out = await sim([...SMALL, '--out', join(dir, 'x'), '--events', join(dir, 'x')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^--events: ".*x" is the same file as --out/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 with one line and no exception text on an unexpected error', async () => {
    const out = await sim(SMALL, {
      stdout: {
        write: () => {
          throw new Error('stdout closed');
        },
      },
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      'internal error: the simulator failed unexpectedly; please report it with the command line you ran\n',
    );
  });
});
