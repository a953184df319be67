// A failure in the middle of writing outputs removes every temporary, including the streamed event log.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SMALL, sim, tempDir } from './helpers';

vi.mock('../../src/cli/world', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/cli/world')>()),
  writeWorld: () => {
    throw new Error('disk full');
  },
}));

describe('a failure after the run has started', () => {
  it('exits 1 with the internal-error line (no exception text) and leaves no output or temporary', async () => {
    const dir = tempDir();
    const out = await sim([
      ...SMALL,
      '--out',
      join(dir, 'o.json'),
      '--events',
      join(dir, 'e.jsonl'),
      '--world',
      join(dir, 'w.json'),
    ]);
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'internal error: the simulator failed unexpectedly; please report it with the command line you ran\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
