// Runs validated parameters and delivers every requested output, all-or-nothing.
import { runSimulation, type Params, type World } from '../engine';
import type { OutputFormat } from './args';
import { EventWriter } from './events';
import { fsReason, OutputSet, type PendingFile, type TextSink } from './files';
import { formatResult } from './format';
import { writeWorld } from './world';

/** Where each output goes; `out` undefined means stdout. */
export interface OutputTargets {
  readonly out?: string;
  readonly events?: string;
  readonly world?: string;
  readonly format: OutputFormat;
}

/** An output path that could not be opened: bad input (exit 2), unlike a failure mid-run. */
export class OutputPathError extends Error {}

/** Opens temporaries for every target path, or throws OutputPathError leaving none behind. */
function openAll(targets: ReadonlyArray<readonly [option: string, path: string | undefined]>): {
  set: OutputSet;
  files: Map<string, PendingFile>;
} {
  const set = new OutputSet();
  const files = new Map<string, PendingFile>();
  for (const [option, path] of targets) {
    if (path === undefined) continue;
    try {
      files.set(option, set.open(path));
    } catch (err) {
      set.discardAll();
      throw new OutputPathError(
        `${option}: cannot write ${JSON.stringify(path)} (${fsReason(err)})`,
      );
    }
  }
  return { set, files };
}

/**
 * Writes `text` to the file `out` (atomically) or else to `stdout`. Used for the listings,
 * which have no run to wait for.
 */
export function deliverText(text: string, out: string | undefined, stdout: TextSink): void {
  if (out === undefined) {
    stdout.write(text);
    return;
  }
  const { set, files } = openAll([['--out', out]]);
  try {
    files.get('--out')!.write(text);
    set.publishAll();
  } catch (err) {
    set.discardAll();
    throw err;
  }
}

/**
 * Runs `params`, streaming events to disk as steps complete, then writes the world and the
 * result. Files are published only once everything has been written; on any error all
 * temporaries are removed and the error rethrown. Stdout gets the result last, after the files.
 */
export function executeRun(params: Params, targets: OutputTargets, stdout: TextSink): void {
  const { set, files } = openAll([
    ['--out', targets.out],
    ['--events', targets.events],
    ['--world', targets.world],
  ]);
  let text: string;
  try {
    const eventFile = files.get('--events');
    const events = eventFile ? new EventWriter(eventFile) : null;
    // Declared wide: TS does not see the assignment inside the callback.
    let world = null as World | null;
    const result = runSimulation(params, (row, arrays, sim) => {
      world ??= sim.world;
      events?.writeStep(row.t, arrays);
    });
    const worldFile = files.get('--world');
    // The world is fixed before step 1, so capturing it from the run avoids generating it twice.
    if (worldFile && world) writeWorld(world, params.maxClickProb, worldFile);
    text = formatResult(result, targets.format);
    files.get('--out')?.write(text);
    set.publishAll();
  } catch (err) {
    set.discardAll();
    throw err;
  }
  if (targets.out === undefined) stdout.write(text);
}
