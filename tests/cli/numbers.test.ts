// One number grammar for every numeric input: parameter flags, --set, list entries and --worlds.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { parseNumber } from '../../src/engine';
import { SMALL, sim, simJson, tempDir } from './helpers';

const TINY = ['--users', '20', '--songs', '40', '--steps', '2'];

async function refused(argv: string[], pattern: RegExp) {
  const dir = tempDir();
  const out = await sim([...SMALL, '--out', join(dir, 'out.json'), ...argv]);
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(/^[^\n]+\n$/);
  expect(out.stderr).toMatch(pattern);
  expect(readdirSync(dir)).toEqual([]);
}

describe('parseNumber', () => {
  it('reads plain decimal notation, signed, with an exponent, blanks around ignored', () => {
    expect(['16', ' 16 ', '+16', '16.0', '1.6e1', '160E-1', '.5', '5.', '-3'].map(parseNumber)).toEqual([16, 16, 16, 16, 16, 16, 0.5, 5, -3]);
  });

  it('refuses every other form Number() would take', () => {
    for (const text of ['', ' ', '0x10', '0X10', '0b11', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '1,000', '1e', 'e1', '--1'])
      expect(parseNumber(text), JSON.stringify(text)).toBeNaN();
  });
});

describe('numeric inputs share the grammar', () => {
  it('refuses hexadecimal in a parameter flag, --set, a list entry and --worlds, naming the flag', async () => {
    await refused(['--users', '0x10'], /^users: must be an integer from 2 to 200000, got "0x10"\n$/);
    await refused(['--worlds', '0x10'], /^--worlds: must be an integer from 1 to 64, got "0x10"\n$/);
    await refused(['--bucketThresholds', '0x64,1000'], /^bucketThresholds: must be 2 ascending integers .*, got "0x64,1000"\n$/);
    await refused(['--bucketThresholds', '100,0x3E8'], /^bucketThresholds: must be .*, got "100,0x3E8"\n$/);
    await refused(['--set', 'bucketThresholds=0x64,1000'], /^--set: bucketThresholds: must be .*, got "0x64,1000"\n$/);
  });

  it('refuses Infinity and binary the same way everywhere', async () => {
    await refused(['--steps', 'Infinity'], /^steps: must be an integer from 1 to 10000, got "Infinity"\n$/);
    await refused(['--worlds', 'Infinity'], /^--worlds: must be an integer from 1 to 64, got "Infinity"\n$/);
    await refused(['--worlds', '0b11'], /^--worlds: must be an integer from 1 to 64, got "0b11"\n$/);
    await refused(['--bucketThresholds', 'Infinity,1000'], /^bucketThresholds: must be .*, got "Infinity,1000"\n$/);
  });

  it('accepts the same decimal forms everywhere', async () => {
    expect(parseArgs(['--worlds', '2e0']).options.worlds).toBe(2);
    expect(parseArgs(['--worlds', ' +3 ']).options.worlds).toBe(3);
    expect(parseArgs(['--worlds', '1e1']).options.worlds).toBe(10);
    const result = await simJson([...TINY, '--users', '2e1', '--bucketThresholds', '1e2, 1E3']);
    expect(result.config.users).toBe(20);
    expect(result.config.bucketThresholds).toEqual([100, 1000]);
  });
});
