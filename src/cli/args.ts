// Turns argv into typed CLI options plus one message per usage problem; pure, no I/O.
import { describeAllowed, paramSpec, parseNumber } from '../engine';
import { quote, shorten } from './echo';

/** What the invocation asks for. */
export type CliMode = 'run' | 'help' | 'list-params' | 'list-presets';
export type OutputFormat = 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv'];

/** One parameter value from the command line, still text; applied in command-line order. */
export interface TextOverride {
  readonly key: string;
  readonly raw: string;
  /** The option it came from, e.g. "--users" or "--set". */
  readonly option: string;
  /** Its position in argv. */
  readonly at: number;
}

/** A usage problem and its argv position, so that the one reported first is the leftmost. */
export interface Problem {
  readonly at: number;
  readonly message: string;
}

export interface CliOptions {
  mode: CliMode;
  preset?: string;
  config?: string;
  overrides: TextOverride[];
  out?: string;
  format: OutputFormat;
  events?: string;
  world?: string;
  /** --worlds N: run N parallel worlds (seeds S … S+N−1 over one world) instead of one run. */
  worlds?: number;
  /** Argv position of the (last) occurrence of each value option, for ordering problems. */
  at: Partial<Record<ValueOption, number>>;
}

/** Options that take a value, other than the parameter flags; each holds its last value. */
export const VALUE_OPTIONS = [
  'preset',
  'config',
  'set',
  'out',
  'format',
  'events',
  'world',
  'worlds',
] as const;
/** Most parallel worlds one invocation may run. */
export const MAX_WORLDS = 64;
/** Options that take no value. */
export const FLAG_OPTIONS = ['help', 'list-params', 'list-presets'] as const;

type ValueOption = (typeof VALUE_OPTIONS)[number];
type FlagOption = (typeof FLAG_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}
function isFlagOption(name: string): name is FlagOption {
  return (FLAG_OPTIONS as readonly string[]).includes(name);
}

/**
 * Parses argv (without the node and script paths). Never throws: every problem becomes a
 * one-line message naming the option, and parsing goes on so that all of them can be counted.
 * Parameter values are only split off here; resolve.ts checks them against the schema.
 */
export function parseArgs(argv: readonly string[]): { options: CliOptions; problems: Problem[] } {
  const options: CliOptions = { mode: 'run', overrides: [], format: 'json', at: {} };
  const problems: Problem[] = [];
  const fail = (at: number, message: string) => problems.push({ at, message });
  const modes = new Set<CliMode>();
  for (let n = 0; n < argv.length; n++) {
    const arg = argv[n]!;
    if (arg === '-h') {
      modes.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      fail(n, `unexpected argument ${quote(arg)}; options start with --, see --help`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (isFlagOption(name)) {
      if (inline !== undefined) fail(n, `--${name}: takes no value, got ${quote(inline)}`);
      else modes.add(name);
      continue;
    }
    const spec = paramSpec(name);
    if (!isValueOption(name) && !spec) {
      fail(
        n,
        `unknown option ${shorten(`--${name}`)}; see --help for options and --list-params for parameters`,
      );
      // Nearly every option takes a value, so the next word most likely belongs to this one.
      if (inline === undefined && n + 1 < argv.length && !argv[n + 1]!.startsWith('-')) n++;
      continue;
    }
    // A following "--x" is the next option, not a value: no valid value starts with "--".
    const at = n;
    let value = inline;
    if (value === undefined && n + 1 < argv.length && !argv[n + 1]!.startsWith('--'))
      value = argv[++n];
    if (value === undefined) {
      fail(
        at,
        `--${name}: missing value; expected ${spec ? describeAllowed(spec) : metavar(name)}`,
      );
      continue;
    }
    if (spec) options.overrides.push({ key: name, raw: value, option: `--${name}`, at });
    else {
      const message = applyValueOption(options, name as ValueOption, value, at);
      if (message) fail(at, message);
    }
  }
  if (modes.has('help')) options.mode = 'help';
  else if (modes.has('list-params') && modes.has('list-presets'))
    fail(
      argv.indexOf('--list-presets'),
      '--list-params and --list-presets cannot be combined; give one',
    );
  else if (modes.size === 1) options.mode = [...modes][0]!;
  if (options.mode === 'run' && options.worlds !== undefined) {
    // The event log and the world export describe one run; CSV has no place for N runs.
    for (const other of ['events', 'world'] as const)
      if (options[other] !== undefined)
        fail(options.at[other]!, `--${other} cannot be combined with --worlds; give one`);
    if (options.format === 'csv')
      fail(options.at.format!, '--format csv cannot be combined with --worlds, which writes JSON');
  }
  return { options, problems };
}

/** The placeholder shown for an option's value in messages and in the help. */
export function metavar(name: ValueOption | string): string {
  switch (name) {
    case 'preset':
      return 'NAME';
    case 'set':
      return 'KEY=VALUE';
    case 'format':
      return OUTPUT_FORMATS.join('|');
    case 'worlds':
      return 'N';
    default:
      return 'FILE';
  }
}

/** Stores one value option; returns a message if the value is unusable. */
function applyValueOption(
  options: CliOptions,
  name: ValueOption,
  value: string,
  at: number,
): string | undefined {
  if (value === '') return `--${name}: missing value; expected ${metavar(name)}`;
  options.at[name] = at;
  switch (name) {
    case 'set': {
      const eq = value.indexOf('=');
      if (eq <= 0) return `--set: expected KEY=VALUE, got ${quote(value)}`;
      options.overrides.push({
        key: value.slice(0, eq).trim(),
        raw: value.slice(eq + 1),
        option: '--set',
        at,
      });
      return undefined;
    }
    case 'format':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        return `--format: must be one of ${OUTPUT_FORMATS.join(', ')}, got ${quote(value)}`;
      }
      options.format = value as OutputFormat;
      return undefined;
    case 'worlds': {
      // The number grammar of every parameter (parseNumber): "1e1" is 10 here as for --users, "0x10" is refused.
      const n = parseNumber(value);
      if (!(Number.isInteger(n) && n >= 1 && n <= MAX_WORLDS))
        return `--worlds: must be an integer from 1 to ${MAX_WORLDS}, got ${quote(value)}`;
      options.worlds = n;
      return undefined;
    }
    default:
      options[name] = value;
      return undefined;
  }
}
