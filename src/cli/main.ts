// CLI entry: `npm run sim -- [options]`; runCli is exported so tests can run it in-process.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type Problem } from './args';
import { paramsJson, presetsText, usageText } from './describe';
import { deliverText, executeRun, OutputPathError } from './execute';
import { checkOutputPaths, type TextSink } from './files';
import { resolveParams, type ReadText } from './resolve';
import { executeWorlds, worldsProblem } from './worlds';

/** Where the CLI writes, and how it reads the --config file (injectable for tests). */
export interface CliIO {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly readText?: ReadText;
}

/** Exit statuses of the CLI contract. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** One stderr line for any number of problems: the first, and how many more there are. */
export function problemLine(problems: readonly string[]): string {
  const first = (problems[0] ?? 'unknown problem').replace(/\s*[\r\n]+\s*/g, ' ');
  const more = problems.length - 1;
  return more > 0 ? `${first} (and ${more} more problem${more === 1 ? '' : 's'})\n` : `${first}\n`;
}

/**
 * Runs the CLI on `argv` (arguments after the script path) and returns the exit status:
 * 0 success, 2 bad input (one line on stderr, no file written), 1 unexpected error (one line).
 * Everything is validated before the simulation starts.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const readText = io.readText ?? ((path: string) => readFileSync(path, 'utf8'));
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
    all.push(
      ...checkOutputPaths([
        { option: '--out', path: options.out, at: options.at.out ?? -1 },
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
    if (options.mode === 'list-params') deliverText(paramsJson(), options.out, io.stdout);
    else if (options.mode === 'list-presets') deliverText(presetsText(), options.out, io.stdout);
    else if (options.worlds !== undefined)
      await executeWorlds(resolved!.params, options.worlds, options.out, io.stdout);
    else executeRun(resolved!.params, options, io.stdout);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof OutputPathError) {
      io.stderr.write(problemLine([err.message]));
      return EXIT_USAGE;
    }
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    io.stderr.write(problemLine([`internal error: ${reason}`]));
    return EXIT_INTERNAL;
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
  // A reader that closes the pipe early (`| head`) is not an error of the run.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw err;
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
