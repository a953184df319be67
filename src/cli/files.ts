// Output files that appear only when a run succeeds: every byte written and synced to a temporary beside the target, then rename.
import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { quote } from './echo';
import { writeThrough } from './targets';

/** Anything text can be written to: a pending file, process.stdout, a test buffer. */
export interface TextSink {
  write(text: string): unknown;
}

/** Buffered text is flushed to disk in chunks of about this many characters. */
export const CHUNK_CHARS = 1 << 20;

/** The file-system calls a pending file makes: node:fs, or a fake in tests (short writes, ENOSPC). */
export interface WriteFs {
  openSync(path: string, flags: string, mode: number): number;
  /** Returns how many bytes it wrote, which may be fewer than asked. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export const nodeFs: WriteFs = {
  openSync: (path, flags, mode) => openSync(path, flags, mode),
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync,
  closeSync,
  renameSync,
  unlinkSync,
};

/** A write, sync, close or rename of an output that failed mid-run (ENOSPC, EIO, …): exit 1. */
export class OutputWriteError extends Error {
  constructor(option: string, path: string, reason: string) {
    super(`${option}: writing ${quote(path)} failed (${reason})`);
  }
}

/** Writes all of `bytes`: writeSync may write fewer bytes than asked, and the rest must follow. */
export function writeAll(fs: WriteFs, fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    const n = fs.writeSync(fd, bytes, done, bytes.length - done);
    // A write that makes no progress would loop forever; the disk is not taking the data.
    if (!(n > 0)) throw new Error('no bytes were written');
    done += n;
  }
}

/** Temporaries not yet published or discarded, so a signal handler can remove them. */
const pending = new Set<PendingFile>();

/** Discards every temporary still open (on SIGINT/SIGTERM); never throws. */
export function discardPendingFiles(): void {
  for (const file of [...pending]) file.discard();
}

/**
 * A file being written under a temporary name in the target's directory (so the final rename
 * stays on one filesystem and is atomic). Writes are synchronous on purpose: the simulation loop
 * runs steps back to back, so an async stream would hold the whole event log in memory.
 */
export class PendingFile implements TextSink {
  private buffer = '';
  private fd: number | null;

  private constructor(
    /** The path as given, for messages. */
    readonly path: string,
    /** The file the rename replaces: `path`, or the file a symlink at `path` points to. */
    readonly target: string,
    readonly tmpPath: string,
    private readonly option: string,
    private readonly fs: WriteFs,
    fd: number,
  ) {
    this.fd = fd;
    pending.add(this);
  }

  /**
   * Creates the temporary for `path` (written through a symlink to its target, keeping an
   * existing target's permission bits); throws the fs error if it cannot be created. `option`
   * names the output in messages, e.g. "--out".
   */
  static open(path: string, option = 'output', fs: WriteFs = nodeFs): PendingFile {
    const target = writeThrough(path);
    const tmpPath = join(
      dirname(target),
      `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    let mode = 0o666;
    try {
      mode = statSync(target).mode & 0o777;
    } catch {
      // A new file: the default mode, less the umask.
    }
    return new PendingFile(path, target, tmpPath, option, fs, fs.openSync(tmpPath, 'wx', mode));
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  /** Writes out the buffer, syncs it to disk and closes the temporary; the target is untouched. */
  close(): void {
    this.flush();
    if (this.fd === null) return;
    const fd = this.fd;
    this.attempt(() => this.fs.fsyncSync(fd));
    this.fd = null;
    this.attempt(() => this.fs.closeSync(fd));
  }

  /** Moves the finished temporary onto the target. */
  publish(): void {
    this.close();
    this.attempt(() => this.fs.renameSync(this.tmpPath, this.target));
    pending.delete(this);
  }

  /** Closes and deletes the temporary; never throws, since it runs while handling another error. */
  discard(): void {
    pending.delete(this);
    try {
      if (this.fd !== null) this.fs.closeSync(this.fd);
    } catch {
      // Already closed or gone: the unlink below is what matters.
    }
    this.fd = null;
    this.buffer = '';
    try {
      this.fs.unlinkSync(this.tmpPath);
    } catch {
      // Nothing to remove.
    }
  }

  private flush(): void {
    if (this.buffer === '' || this.fd === null) return;
    const fd = this.fd;
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.attempt(() => writeAll(this.fs, fd, bytes));
  }

  /** Runs one fs step, turning its failure into a one-line OutputWriteError naming this file. */
  private attempt(step: () => void): void {
    try {
      step();
    } catch (err) {
      throw new OutputWriteError(this.option, this.path, fsReason(err));
    }
  }
}

/** A set of pending files that are published together or discarded together. */
export class OutputSet {
  private readonly files: PendingFile[] = [];

  constructor(private readonly fs: WriteFs = nodeFs) {}

  /** Opens a temporary for `path`; on failure the caller should `discardAll`. */
  open(path: string, option?: string): PendingFile {
    const file = PendingFile.open(path, option, this.fs);
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

/**
 * The short form of an fs error for a one-line message, e.g. "ENOSPC: no space left on device":
 * Node appends the system call and path (", write", ", open '/x'"), which the message names already.
 */
export function fsReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const { syscall } = err as NodeJS.ErrnoException;
  const cut = syscall ? err.message.indexOf(`, ${syscall}`) : -1;
  const message = cut > 0 ? err.message.slice(0, cut) : err.message;
  return message.replace(/,\s*\w+\s+'.*'$/, '').replace(/\s*\n\s*/g, ' ');
}
