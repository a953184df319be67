// Names the kind of a file that is not a regular one, for messages refusing devices, FIFOs, sockets and directories.
import type { Stats } from 'node:fs';

/** "a directory", "a character device", …: what `stat` describes, for "X is …, not a regular file". */
export function fileKind(stat: Stats): string {
  if (stat.isFile()) return 'a regular file';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}
