// Output files that appear only when a run succeeds: buffered writes to a temporary beside the target, then rename.
import {
  closeSync,
  existsSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** Anything text can be written to: a pending file, process.stdout, a test buffer. */
export interface TextSink {
  write(text: string): unknown;
}

/** Buffered text is flushed to disk in chunks of about this many characters. */
export const CHUNK_CHARS = 1 << 20;

/**
 * A file being written under a temporary name in the target's directory (so the final rename
 * stays on one filesystem and is atomic). Writes are synchronous on purpose: the simulation loop
 * never yields to the event loop, so an async stream would hold the whole event log in memory.
 */
export class PendingFile implements TextSink {
  private buffer = '';
  private fd: number | null;

  private constructor(
    readonly path: string,
    readonly tmpPath: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates the temporary for `path`; throws (with the fs error) if the directory is not writable. */
  static open(path: string): PendingFile {
    const tmpPath = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    return new PendingFile(path, tmpPath, openSync(tmpPath, 'wx'));
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  /** Writes out the buffer and closes the temporary; the target is untouched until `publish`. */
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Moves the finished temporary onto the target path. */
  publish(): void {
    this.close();
    renameSync(this.tmpPath, this.path);
  }

  /** Closes and deletes the temporary; never throws, since it runs while handling another error. */
  discard(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // Already closed or gone: the unlink below is what matters.
    }
    this.fd = null;
    this.buffer = '';
    try {
      unlinkSync(this.tmpPath);
    } catch {
      // Nothing to remove.
    }
  }

  private flush(): void {
    if (this.buffer === '' || this.fd === null) return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** A set of pending files that are published together or discarded together. */
export class OutputSet {
  private readonly files: PendingFile[] = [];

  /** Opens a temporary for `path`; on failure the caller should `discardAll`. */
  open(path: string): PendingFile {
    const file = PendingFile.open(path);
    this.files.push(file);
    return file;
  }

  /** Finishes every file before renaming any, so a write error cannot leave a partial set. */
  publishAll(): void {
    for (const f of this.files) f.close();
    for (const f of this.files) f.publish();
  }

  discardAll(): void {
    for (const f of this.files) f.discard();
  }
}

/** An output option as given: its name, its path (if any) and its argv position. */
export interface OutputTarget {
  readonly option: string;
  readonly path: string | undefined;
  readonly at: number;
}

/**
 * Problems with the output paths that can be seen before running: a path naming a directory, or
 * two outputs naming the same file (one would silently replace the other).
 */
export function checkOutputPaths(
  targets: readonly OutputTarget[],
): Array<{ at: number; message: string }> {
  const problems: Array<{ at: number; message: string }> = [];
  const seen = new Map<string, string>();
  for (const { option, path, at } of targets) {
    if (path === undefined) continue;
    const full = resolve(path);
    const other = seen.get(full);
    if (other)
      problems.push({
        at,
        message: `${option}: ${JSON.stringify(path)} is the same file as ${other}; give each output its own file`,
      });
    seen.set(full, option);
    if (existsSync(full) && statSync(full).isDirectory()) {
      problems.push({
        at,
        message: `${option}: ${JSON.stringify(path)} is a directory; expected a file path`,
      });
    }
  }
  return problems;
}

/** The short form of an fs error for a one-line message, e.g. "ENOENT: no such file or directory". */
export function fsReason(err: unknown): string {
  if (err instanceof Error)
    return err.message.replace(/,\s*\w+\s+'.*'$/, '').replace(/\s*\n\s*/g, ' ');
  return String(err);
}
