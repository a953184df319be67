// CLI entry: `npm run sim -- [options]`; runCli is exported so tests can run it in-process.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type Problem } from './args';
import { readConfigText } from './configFile';
import { paramsJson, presetsText, usageText } from './describe';
import { deliverText, executeRun, OutputPathError } from './execute';
import {
  discardPendingFiles,
  fsReason,
  nodeFs,
  OutputWriteError,
  type TextSink,
  type WriteFs,
} from './files';
import { runMemoryProblem, worldsMemoryProblem } from './memory';
import { resolveParams, type ReadText } from './resolve';
import { cleanUpOnSignals } from './signals';
import { checkOutputPaths, STDOUT_PATH } from './targets';
import { executeWorlds, worldsProblem } from './worlds';

/** Where the CLI writes, how it reads the --config file and writes output files (injectable for tests). */
export interface CliIO {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly readText?: ReadText;
  readonly fs?: WriteFs;
}

/** Exit statuses of the CLI contract (and 130/143 after SIGINT/SIGTERM, see signals.ts). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * What the user sees of an unexpected error: no exception text or stack, which would mean nothing
 * to them. A run is seeded, so the command line is all it takes to reproduce it.
 */
export const INTERNAL_ERROR_LINE =
  'internal error: the simulator failed unexpectedly; please report it with the command line you ran\n';

/** One stderr line for any number of problems: the first, and how many more there are. */
export function problemLine(problems: readonly string[]): string {
  const first = (problems[0] ?? 'unknown problem').replace(/\s*[\r\n]+\s*/g, ' ');
  const more = problems.length - 1;
  return more > 0 ? `${first} (and ${more} more problem${more === 1 ? '' : 's'})\n` : `${first}\n`;
}

/**
 * Runs the CLI on `argv` (arguments after the script path) and returns the exit status:
 * 0 success, 2 bad input (one line on stderr, no file written), 1 a failed write or an
 * unexpected error (one line; previous output files untouched). Everything is validated before
 * the simulation starts.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const readText = io.readText ?? readConfigText;
  const fs = io.fs ?? nodeFs;
  try {
    const { options, problems } = parseArgs(argv);
    if (options.mode === 'help') {
      io.stdout.write(usageText());
      return EXIT_OK;
    }
    const running = options.mode === 'run';
    const resolved = running ? resolveParams(options, readText) : null;
    const all: Problem[] = [...problems, ...(resolved?.problems ?? [])];
    // Checked on valid parameters only: a rejected --seed would give a misleading seed range.
    if (resolved && resolved.problems.length === 0 && options.worlds !== undefined) {
      const message = worldsProblem(resolved.params, options.worlds);
      if (message) all.push({ at: options.at.worlds ?? -1, message });
    }
    // Whether the run fits in memory (and --worlds's output in a string), before anything starts;
    // on valid parameters only, and reported after the problems of the arguments themselves.
    if (resolved && all.length === 0) {
      const message =
        options.worlds !== undefined
          ? worldsMemoryProblem(resolved.params, options.worlds)
          : runMemoryProblem(resolved.params);
      if (message) all.push({ at: argv.length, message });
    }
    all.push(
      ...checkOutputPaths([
        // Without --out the result goes to standard output, which `-` elsewhere would then share.
        options.out === undefined && running
          ? { option: 'the result (no --out given)', path: STDOUT_PATH, at: -1 }
          : { option: '--out', path: options.out, at: options.at.out ?? -1 },
        {
          option: '--events',
          path: running ? options.events : undefined,
          at: options.at.events ?? -1,
        },
        {
          option: '--world',
          path: running ? options.world : undefined,
          at: options.at.world ?? -1,
        },
      ]),
    );
    if (all.length > 0) {
      // Array.prototype.sort is stable, so problems from one option keep their order.
      io.stderr.write(problemLine(all.sort((a, b) => a.at - b.at).map((p) => p.message)));
      return EXIT_USAGE;
    }
    if (options.mode === 'list-params') deliverText(paramsJson(), options.out, io.stdout, fs);
    else if (options.mode === 'list-presets')
      deliverText(presetsText(), options.out, io.stdout, fs);
    else if (options.worlds !== undefined)
      await executeWorlds(resolved!.params, options.worlds, options.out, io.stdout, undefined, fs);
    else await executeRun(resolved!.params, options, io.stdout, fs);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof OutputPathError) {
      io.stderr.write(problemLine([err.message]));
      return EXIT_USAGE;
    }
    if (err instanceof OutputWriteError) {
      io.stderr.write(problemLine([err.message]));
      return EXIT_FAILED;
    }
    io.stderr.write(INTERNAL_ERROR_LINE);
    return EXIT_FAILED;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Installed before any temporary exists, so none can outlive a Ctrl-C.
  cleanUpOnSignals(process.stderr, (code) => process.exit(code));
  // A safety net for errors thrown outside runCli's try (an event callback): the same one line.
  process.on('uncaughtException', () => {
    discardPendingFiles();
    process.stderr.write(INTERNAL_ERROR_LINE);
    process.exit(EXIT_FAILED);
  });
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A reader that closes the pipe early (`| head`) is not an error of the run.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Anything else (e.g. `> /dev/full`: ENOSPC) is one line, not a stack trace.
    process.stderr.write(problemLine([`standard output: writing failed (${fsReason(err)})`]));
    process.exit(EXIT_FAILED);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
