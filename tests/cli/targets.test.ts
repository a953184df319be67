// Output targets: devices, FIFOs, sockets refused before the run (exit 2); symlinks written through; `-` is standard output.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramsJson } from '../../src/cli/describe';
import { nodeFs } from '../../src/cli/files';
import { SMALL, sim, tempDir } from './helpers';

const OPTIONS = ['--out', '--events', '--world'] as const;

/** Runs SMALL with `option` at `path` and the other outputs into an empty directory: exit 2, one line, nothing written. */
async function expectRefused(option: string, path: string, kind: string) {
  const dir = tempDir();
  const others = OPTIONS.filter((o) => o !== option).flatMap((o) => [o, join(dir, o.slice(2))]);
  const out = await sim([...SMALL, ...others, option, path]);
  expect(out).toEqual({
    code: 2,
    stdout: '',
    stderr: `${option}: ${JSON.stringify(path)} is ${kind}, not a regular file; give a file path, or - for standard output\n`,
  });
  expect(readdirSync(dir)).toEqual([]);
}

describe('a target that is not a regular file', () => {
  it('is refused with exit 2 before the run when it is a character device', async () => {
    for (const option of OPTIONS) {
      await expectRefused(option, '/dev/null', 'a character device');
      await expectRefused(option, '/dev/full', 'a character device');
    }
    // Still devices: nothing replaced them.
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('is refused when it is a FIFO (which opening for writing would block on)', async () => {
    const fifo = join(tempDir(), 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expectRefused('--events', fifo, 'a FIFO (named pipe)');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('is refused when it is a socket', async () => {
    const path = join(tempDir(), 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      await expectRefused('--out', path, 'a socket');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('is refused when a symlink points to a device', async () => {
    const link = join(tempDir(), 'link');
    symlinkSync('/dev/full', link);
    await expectRefused('--out', link, 'a character device');
    expect(readlinkSync(link)).toBe('/dev/full');
  });
});

describe('a symlink target', () => {
  it('is written through: the link stays, the file it points to gets the result', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, 'previous\n');
    symlinkSync('real.json', link);
    expect(await sim([...SMALL, '--out', link])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.json');
    expect(readFileSync(real, 'utf8')).toBe((await sim(SMALL)).stdout);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('writes the temporary beside the real file, in the directory the link points into', async () => {
    // realpath: the temporary is placed by the resolved path (e.g. /private/tmp for /tmp on macOS).
    const base = realpathSync(tempDir());
    mkdirSync(join(base, 'links'));
    mkdirSync(join(base, 'data'));
    const link = join(base, 'links', 'events.jsonl');
    symlinkSync('../data/events.jsonl', link);
    const seen: string[] = [];
    const out = await sim([...SMALL, '--events', link], {
      fs: {
        ...nodeFs,
        renameSync: (from, to) => {
          seen.push(from, to);
          nodeFs.renameSync(from, to);
        },
      },
    });
    expect(out.code).toBe(0);
    // Renamed within data/: the same filesystem as the real file, and the link is never replaced.
    expect(seen[0]).toMatch(
      new RegExp(`^${join(base, 'data')}/\\.events\\.jsonl\\.\\d+\\.[0-9a-f]{8}\\.tmp$`),
    );
    expect(seen[1]).toBe(join(base, 'data', 'events.jsonl'));
    expect(readdirSync(join(base, 'links'))).toEqual(['events.jsonl']);
    expect(readdirSync(join(base, 'data'))).toEqual(['events.jsonl']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(link, 'utf8').split('\n')).toHaveLength(50 * 10 * 5 + 1);
  });

  it('that dangles creates the file it points to', async () => {
    const dir = tempDir();
    const link = join(dir, 'link.json');
    symlinkSync('new.json', link);
    expect((await sim([...SMALL, '--out', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe((await sim(SMALL)).stdout);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'new.json']);
  });

  it('counts as the same file as its target when two outputs name both', async () => {
    const dir = tempDir();
    symlinkSync('a.json', join(dir, 'b.json'));
    const out = await sim([...SMALL, '--out', join(dir, 'a.json'), '--world', join(dir, 'b.json')]);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: `--world: ${JSON.stringify(join(dir, 'b.json'))} is the same file as --out; give each output its own file\n`,
    });
    expect(readdirSync(dir)).toEqual(['b.json']);
  });
});

describe('a replaced file', () => {
  it('keeps its permission bits', async () => {
    const path = join(tempDir(), 'private.json');
    writeFileSync(path, 'previous\n');
    chmodSync(path, 0o600);
    expect((await sim([...SMALL, '--out', path])).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toBe('previous\n');
  });
});

describe('- as a target', () => {
  it('--out - writes the result to standard output, creating no file named -', async () => {
    const plain = await sim(SMALL);
    expect(await sim([...SMALL, '--out', '-'])).toEqual({
      code: 0,
      stdout: plain.stdout,
      stderr: '',
    });
    expect(await sim(['--list-params', '--out', '-'])).toEqual({
      code: 0,
      stdout: paramsJson(),
      stderr: '',
    });
    expect(existsSync('-')).toBe(false);
  });

  it('--events - streams the event log to standard output while --out takes the result', async () => {
    const dir = tempDir();
    expect(
      (await sim([...SMALL, '--out', join(dir, 'a.json'), '--events', join(dir, 'e.jsonl')])).code,
    ).toBe(0);
    const out = await sim([...SMALL, '--out', join(dir, 'b.json'), '--events', '-']);
    expect(out).toEqual({
      code: 0,
      stdout: readFileSync(join(dir, 'e.jsonl'), 'utf8'),
      stderr: '',
    });
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'a.json'), 'utf8'),
    );
  });

  it('cannot be given to two outputs, nor to one while the result goes to standard output', async () => {
    expect(await sim([...SMALL, '--events', '-'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--events: standard output (-) already takes the result (no --out given); give one of them a file path\n',
    });
    expect(await sim([...SMALL, '--out', '-', '--world', '-'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--world: standard output (-) already takes --out; give one of them a file path\n',
    });
  });
});
