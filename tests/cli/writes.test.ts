// Output files are whole or untouched: short writes are completed, and a failed write, sync or rename exits 1 with one line, the old file intact, no temporary left.
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFs, writeAll, type WriteFs } from '../../src/cli/files';
import { SMALL, sim, tempDir } from './helpers';

/** 300 listeners × 10 slots × 10 steps = 30,000 event lines ≈ 1.3 M characters: one flush mid-run. */
const BIG_EVENTS = ['--users', '300', '--songs', '200', '--steps', '10'];

// A real ENOSPC from the kernel, exactly as Node reports it, rather than a hand-made look-alike.
const fullFd = openSync('/dev/full', 'w');
afterAll(() => closeSync(fullFd));
function enospc(): Error {
  try {
    writeSync(fullFd, 'x');
  } catch (err) {
    return err as Error;
  }
  throw new Error('/dev/full accepted a write');
}

/** An errno error shaped as Node makes them: "CODE: description, syscall". */
function errnoError(code: string, description: string, syscall: string): Error {
  return Object.assign(new Error(`${code}: ${description}, ${syscall}`), { code, syscall });
}

/** node:fs with call counters, whose writeSync writes at most `maxBytes` and fails on call `failAt`. */
function fakeFs(opts: {
  maxBytes?: number;
  failAt?: number;
  failWith?: () => Error;
  writeReturns?: number;
  override?: Partial<WriteFs>;
}) {
  const counts = { writes: 0, fsyncs: 0, renames: 0 };
  /** fsync and rename calls in order, to see that each file is synced before any is renamed. */
  const order: string[] = [];
  const fs: WriteFs = {
    ...nodeFs,
    writeSync(fd, buffer, offset, length) {
      counts.writes++;
      if (counts.writes === opts.failAt) throw (opts.failWith ?? enospc)();
      if (opts.writeReturns !== undefined) return opts.writeReturns;
      return nodeFs.writeSync(fd, buffer, offset, Math.min(length, opts.maxBytes ?? length));
    },
    fsyncSync(fd) {
      counts.fsyncs++;
      order.push('fsync');
      nodeFs.fsyncSync(fd);
    },
    renameSync(from, to) {
      counts.renames++;
      order.push(`rename ${basename(to)}`);
      nodeFs.renameSync(from, to);
    },
    ...opts.override,
  };
  return { fs, counts, order };
}

/** A directory holding the previous version of every output; returns their paths. */
function previousOutputs() {
  const dir = tempDir();
  const paths = {
    out: join(dir, 'o.json'),
    events: join(dir, 'e.jsonl'),
    world: join(dir, 'w.json'),
  };
  for (const [name, path] of Object.entries(paths)) writeFileSync(path, `previous ${name}\n`);
  return {
    dir,
    paths,
    argv: ['--out', paths.out, '--events', paths.events, '--world', paths.world],
  };
}

function expectPreviousIntact(prev: ReturnType<typeof previousOutputs>) {
  expect(readdirSync(prev.dir).sort()).toEqual(['e.jsonl', 'o.json', 'w.json']);
  for (const [name, path] of Object.entries(prev.paths))
    expect(readFileSync(path, 'utf8')).toBe(`previous ${name}\n`);
}

describe('writeAll', () => {
  it('loops until every byte is written when writeSync writes 3 bytes at a time', () => {
    const text = Buffer.from('héllo, wörld: 17 bytes+', 'utf8');
    const got: number[] = [];
    let calls = 0;
    const fs: WriteFs = {
      ...nodeFs,
      writeSync(_fd, buffer, offset, length) {
        calls++;
        const n = Math.min(3, length);
        got.push(...buffer.subarray(offset, offset + n));
        return n;
      },
    };
    writeAll(fs, -1, text);
    expect(text.length).toBe(25);
    expect(Buffer.from(got).toString('utf8')).toBe('héllo, wörld: 17 bytes+');
    expect(calls).toBe(9); // ⌈25 / 3⌉
  });

  it('throws instead of spinning when writeSync makes no progress', () => {
    const fs: WriteFs = { ...nodeFs, writeSync: () => 0 };
    expect(() => writeAll(fs, -1, Buffer.from('x'))).toThrow('no bytes were written');
  });
});

describe('short writes', () => {
  it('still produce byte-identical files, each synced before any is renamed, when writeSync takes at most 1,000 bytes a call', async () => {
    const whole = tempDir();
    const short = tempDir();
    const files = (dir: string) => [
      '--out',
      join(dir, 'o.json'),
      '--events',
      join(dir, 'e.jsonl'),
      '--world',
      join(dir, 'w.json'),
    ];
    expect((await sim([...SMALL, ...files(whole)])).code).toBe(0);
    const { fs, counts, order } = fakeFs({ maxBytes: 1000 });
    expect(await sim([...SMALL, ...files(short)], { fs })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    let bytes = 0;
    for (const name of ['o.json', 'e.jsonl', 'w.json']) {
      const expected = readFileSync(join(whole, name));
      expect(readFileSync(join(short, name)).equals(expected)).toBe(true);
      bytes += expected.length;
    }
    // Each file went out in ⌈size / 1000⌉ calls or more: the short counts were really looped over.
    expect(counts.writes).toBeGreaterThanOrEqual(Math.ceil(bytes / 1000));
    expect(readdirSync(short).sort()).toEqual(['e.jsonl', 'o.json', 'w.json']);
    // Every file is synced to disk before the first one replaces its target.
    expect(order).toEqual([
      'fsync',
      'fsync',
      'fsync',
      'rename o.json',
      'rename e.jsonl',
      'rename w.json',
    ]);
  });
});

describe('a failed write', () => {
  it('of the event log mid-run (ENOSPC) exits 1 naming the file, keeps every previous file, leaves no temporary', async () => {
    const prev = previousOutputs();
    const { fs, counts } = fakeFs({ failAt: 1 });
    const out = await sim([...BIG_EVENTS, ...prev.argv], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--events: writing ${JSON.stringify(prev.paths.events)} failed (ENOSPC: no space left on device)\n`,
    });
    // The first write was the event log's mid-run chunk: nothing had been synced or renamed yet.
    expect(counts).toEqual({ writes: 1, fsyncs: 0, renames: 0 });
    expectPreviousIntact(prev);
  });

  it('after a short write (the rest fails with ENOSPC) exits 1 naming --out', async () => {
    const prev = previousOutputs();
    const { fs, counts } = fakeFs({ maxBytes: 10, failAt: 2 });
    const out = await sim([...SMALL, '--out', prev.paths.out], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--out: writing ${JSON.stringify(prev.paths.out)} failed (ENOSPC: no space left on device)\n`,
    });
    expect(counts.writes).toBe(2);
    expectPreviousIntact(prev);
  });

  it('that writes nothing at all exits 1 instead of looping forever', async () => {
    const prev = previousOutputs();
    const { fs } = fakeFs({ writeReturns: 0 });
    const out = await sim([...SMALL, '--world', prev.paths.world], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--world: writing ${JSON.stringify(prev.paths.world)} failed (no bytes were written)\n`,
    });
    expectPreviousIntact(prev);
  });

  it('of fsync (EIO) exits 1 before any file is replaced', async () => {
    const prev = previousOutputs();
    const { fs, counts } = fakeFs({
      override: {
        fsyncSync: () => {
          throw errnoError('EIO', 'i/o error', 'fsync');
        },
      },
    });
    const out = await sim([...SMALL, ...prev.argv], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--out: writing ${JSON.stringify(prev.paths.out)} failed (EIO: i/o error)\n`,
    });
    expect(counts.renames).toBe(0);
    expectPreviousIntact(prev);
  });

  it('of the rename exits 1 with the previous file intact and no temporary', async () => {
    const prev = previousOutputs();
    const { fs } = fakeFs({
      override: {
        renameSync: () => {
          throw errnoError('EACCES', 'permission denied', 'rename');
        },
      },
    });
    const out = await sim([...SMALL, '--out', prev.paths.out], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--out: writing ${JSON.stringify(prev.paths.out)} failed (EACCES: permission denied)\n`,
    });
    expectPreviousIntact(prev);
  });

  it('of a listing written with --out exits 1 the same way', async () => {
    const prev = previousOutputs();
    const { fs } = fakeFs({ failAt: 1 });
    const out = await sim(['--list-presets', '--out', prev.paths.out], { fs });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `--out: writing ${JSON.stringify(prev.paths.out)} failed (ENOSPC: no space left on device)\n`,
    });
    expectPreviousIntact(prev);
  });
});
