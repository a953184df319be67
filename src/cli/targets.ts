// Output paths checked before a run: `-` is stdout, symlinks are written through, anything but a regular file is refused.
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { quote } from './echo';
import { fileKind } from './fileKind';

/** The path that means standard output. */
export const STDOUT_PATH = '-';

/** Symlinks followed before giving up, as the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;

/**
 * The file that writing to `path` replaces: `path` itself, or for a symlink the file it points to
 * (followed through every link, even one whose target does not exist yet), so that the temporary
 * is written beside the real file and the rename replaces that file, never the link.
 * Throws the fs error (e.g. ELOOP) if the path cannot be resolved.
 */
export function writeThrough(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return realpathSync(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    // Missing somewhere: either a new file (use the path as given) or a dangling link to follow.
    if (!isDanglingLink(current)) return current;
    const link = readlinkSync(current);
    current = isAbsolute(link) ? link : join(realpathSync(dirname(current)), link);
  }
  throw Object.assign(new Error('ELOOP: too many symbolic links encountered'), { code: 'ELOOP' });
}

/** Whether `path` is a symlink (one realpath could not follow); false when nothing is there. */
function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An output option as given: its name, its path (if any) and its argv position. */
export interface OutputTarget {
  readonly option: string;
  readonly path: string | undefined;
  readonly at: number;
}

/**
 * Problems with the output paths that can be seen before running: a path that exists and is not
 * a regular file (a directory, a device such as /dev/full, a FIFO, a socket: replacing it with a
 * file would be wrong, and as root possible), two outputs naming the same file (one would replace
 * the other), and two outputs on standard output (they would interleave).
 */
export function checkOutputPaths(
  targets: readonly OutputTarget[],
): Array<{ at: number; message: string }> {
  const problems: Array<{ at: number; message: string }> = [];
  const seen = new Map<string, string>();
  for (const { option, path, at } of targets) {
    if (path === undefined) continue;
    if (path === STDOUT_PATH) {
      const other = seen.get(STDOUT_PATH);
      if (other)
        problems.push({
          at,
          message: `${option}: standard output (-) already takes ${other}; give one of them a file path`,
        });
      seen.set(STDOUT_PATH, option);
      continue;
    }
    const kind = existingKind(path);
    if (kind !== undefined) {
      problems.push({
        at,
        message: `${option}: ${quote(path)} is ${kind}, not a regular file; give a file path, or - for standard output`,
      });
      continue;
    }
    let full: string;
    try {
      full = writeThrough(path);
    } catch {
      // Unresolvable (ELOOP, EACCES, …): opening the temporary reports it, before the run.
      full = resolve(path);
    }
    const other = seen.get(full);
    if (other)
      problems.push({
        at,
        message: `${option}: ${quote(path)} is the same file as ${other}; give each output its own file`,
      });
    seen.set(full, option);
  }
  return problems;
}

/** What `path` is if it exists (following symlinks) and is not a regular file; else undefined. */
function existingKind(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? undefined : fileKind(stat);
  } catch {
    // Missing (a new file) or unreadable: opening the temporary reports the latter.
    return undefined;
  }
}
