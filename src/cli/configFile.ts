// The --config file within bounds: a regular file of at most 1 MB, and no value nested deeper than any parameter needs.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileKind } from './fileKind';

/** Largest --config file read, in bytes (1 MB); a parameter set is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1 << 20;

/** Deepest nesting of a config value passed on to the schema check; a list parameter needs 1. */
export const MAX_VALUE_DEPTH = 8;

/** A config file refused for what it is rather than for an fs error; the message is the reason. */
export class ConfigRefused extends Error {}

/**
 * Reads the config file as UTF-8 text, refusing anything but a regular file of at most
 * MAX_CONFIG_BYTES (so /dev/zero cannot fill memory, /dev/urandom or a FIFO cannot hang the run).
 * Throws ConfigRefused for those, or the fs error.
 */
export function readConfigText(path: string): string {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, before fstat can refuse it.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ConfigRefused(`is ${fileKind(stat)}, not a regular file`);
    if (stat.size > MAX_CONFIG_BYTES) throw new ConfigRefused(tooLarge(`is ${stat.size} bytes`));
    // One byte more than allowed, to notice a file that grew after fstat (or a /proc file, whose size reads as 0).
    const bytes = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    let n: number;
    while (
      length < bytes.length &&
      (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0
    )
      length += n;
    if (length > MAX_CONFIG_BYTES) throw new ConfigRefused(tooLarge('grew while being read'));
    return bytes.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(what: string): string {
  return `${what}; the largest config file read is ${MAX_CONFIG_BYTES} bytes (1 MB)`;
}

/**
 * Whether `value` nests arrays or objects deeper than `limit` levels (a number is 0 deep, [1, 2]
 * is 1). Iterative, so a value 100,000 levels deep is measured without exhausting the stack.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
