// Runs validated parameters and delivers every requested output, all-or-nothing.
import type { Params, World } from '../engine';
import type { OutputFormat } from './args';
import { quote } from './echo';
import { EventWriter } from './events';
import { CHUNK_CHARS, fsReason, nodeFs, OutputSet, type TextSink, type WriteFs } from './files';
import { formatResult } from './format';
import { runYielding } from './stepper';
import { STDOUT_PATH } from './targets';
import { writeWorld } from './world';

/** Where each output goes; `out` undefined means stdout, and so does `-` for any of them. */
export interface OutputTargets {
  readonly out?: string;
  readonly events?: string;
  readonly world?: string;
  readonly format: OutputFormat;
}

/** An output path that could not be opened: bad input (exit 2), unlike a failure mid-run. */
export class OutputPathError extends Error {}

/** Text for standard output, passed on in chunks like a file's (an event log can be gigabytes). */
class StdoutSink implements TextSink {
  private buffer = '';

  constructor(private readonly stdout: TextSink) {}

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    this.stdout.write(this.buffer);
    this.buffer = '';
  }
}

/** The opened outputs: temporaries for paths, one stdout sink for `-` (checkOutputPaths allows one). */
interface Outputs {
  readonly set: OutputSet;
  readonly sinks: Map<string, TextSink>;
  readonly stdout: StdoutSink | null;
}

/** Opens temporaries for every target path, or throws OutputPathError leaving none behind. */
export function openAll(
  targets: ReadonlyArray<readonly [option: string, path: string | undefined]>,
  stdout: TextSink,
  fs: WriteFs = nodeFs,
): Outputs {
  const set = new OutputSet(fs);
  const sinks = new Map<string, TextSink>();
  let toStdout: StdoutSink | null = null;
  for (const [option, path] of targets) {
    if (path === undefined) continue;
    if (path === STDOUT_PATH) {
      toStdout = new StdoutSink(stdout);
      sinks.set(option, toStdout);
      continue;
    }
    try {
      sinks.set(option, set.open(path, option));
    } catch (err) {
      set.discardAll();
      throw new OutputPathError(`${option}: cannot write ${quote(path)} (${fsReason(err)})`);
    }
  }
  return { set, sinks, stdout: toStdout };
}

/**
 * Writes `text` to the file `out` (atomically) or else to `stdout`. Used for the listings,
 * which have no run to wait for.
 */
export function deliverText(
  text: string,
  out: string | undefined,
  stdout: TextSink,
  fs: WriteFs = nodeFs,
): void {
  if (out === undefined || out === STDOUT_PATH) {
    stdout.write(text);
    return;
  }
  const { set, sinks } = openAll([['--out', out]], stdout, fs);
  try {
    sinks.get('--out')!.write(text);
    set.publishAll();
  } catch (err) {
    set.discardAll();
    throw err;
  }
}

/**
 * Runs `params`, streaming events to disk as steps complete, then writes the world and the
 * result. Files are published only once everything has been written and synced; on any error
 * all temporaries are removed and the error rethrown. Stdout gets the result last, after the files.
 */
export async function executeRun(
  params: Params,
  targets: OutputTargets,
  stdout: TextSink,
  fs: WriteFs = nodeFs,
): Promise<void> {
  const out = targets.out ?? STDOUT_PATH;
  const outputs = openAll(
    [
      ['--out', out === STDOUT_PATH ? undefined : out],
      ['--events', targets.events],
      ['--world', targets.world],
    ],
    stdout,
    fs,
  );
  const { set, sinks } = outputs;
  let text: string;
  try {
    const eventSink = sinks.get('--events');
    const events = eventSink ? new EventWriter(eventSink) : null;
    // Declared wide: TS does not see the assignment inside the callback.
    let world = null as World | null;
    const result = await runYielding(params, (row, arrays, sim) => {
      world ??= sim.world;
      events?.writeStep(row.t, arrays);
    });
    const worldSink = sinks.get('--world');
    // The world is fixed before step 1, so capturing it from the run avoids generating it twice.
    if (worldSink && world) writeWorld(world, params.maxClickProb, worldSink);
    text = formatResult(result, targets.format);
    sinks.get('--out')?.write(text);
    outputs.stdout?.flush();
    set.publishAll();
  } catch (err) {
    set.discardAll();
    throw err;
  }
  if (out === STDOUT_PATH) stdout.write(text);
}
