// Self-description generated from the parameter schema and presets: --help, --list-params, --list-presets.
import {
  DEFAULT_PRESET,
  describeAllowed,
  PARAM_SCHEMA,
  paramsByGroup,
  PRESETS,
  type ParamSpec,
} from '../engine';
import { metavar, OUTPUT_FORMATS } from './args';

const WIDTH = 100;

/** Greedy word wrap, each line prefixed by `indent`. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function paramMetavar(spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return 'INT';
    case 'number':
      return 'NUM';
    case 'boolean':
      return 'true|false';
    case 'enum':
      return 'NAME';
    case 'intList':
      return 'A,B';
  }
}

function showDefault(spec: ParamSpec): string {
  return Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
}

const OPTIONS: ReadonlyArray<readonly [string, string]> = [
  [
    `--preset ${metavar('preset')}`,
    `Start from a named preset (default ${DEFAULT_PRESET}); see --list-presets.`,
  ],
  [
    '--config FILE',
    'A JSON object of parameters, with JSON-typed values, applied over the preset. A regular file of at most 1 MB.',
  ],
  [`--set ${metavar('set')}`, 'Set one parameter from text, like its own flag. Repeatable.'],
  ['--out FILE', 'Write the result to FILE instead of stdout; - is stdout.'],
  [
    `--format ${metavar('format')}`,
    `Result format: ${OUTPUT_FORMATS.join(' or ')} (default json). Never inferred from --out.`,
  ],
  [
    '--events FILE',
    'Write one JSON line per impression: {"t","u","i","k","c","p"} (step, listener, song, 1-based slot, clicked, probability of that draw given the slots above; null for per-listener Thompson).',
  ],
  [
    '--world FILE',
    'Write the generated world as JSON; its relevance matrix only when users × songs ≤ 1,000,000.',
  ],
  [
    `--worlds ${metavar('worlds')}`,
    'Run N parallel worlds (1 to 64) instead of one run; see "Parallel worlds" below.',
  ],
  ['--list-params', 'Print the parameter schema as JSON and exit.'],
  ['--list-presets', 'Print the presets, one per line, and exit.'],
  ['-h, --help', 'Print this help and exit.'],
];

/** The --help text. */
export function usageText(): string {
  const out: string[] = [
    'Usage: npm run sim -- [options]',
    '',
    'Runs one seeded simulation of the recommender feedback loop headlessly and writes its metrics',
    '(JSON: {"schemaVersion","config","initial","steps","summary"}; CSV: one row per step).',
    '',
    'Options:',
  ];
  for (const [name, help] of OPTIONS) out.push(`  ${name.padEnd(22)}${help}`);
  out.push(
    '',
    wrap(
      'Every option also accepts --name=VALUE. Parameters are applied in this order, a later value replacing an earlier one: ' +
        'the preset, then --config, then parameter flags and --set in command-line order.',
      '',
    ),
    '',
    wrap(
      'Parallel worlds (Salganik, Dodds & Watts 2006): --worlds N runs seeds S … S+N−1 (S = seed), all on the world of ' +
        'worldSeed, or of S when worldSeed is −1: the same songs and listeners, a different history. The runs are spread ' +
        'over worker threads, one per core, and the output does not depend on how many there are. It is JSON ' +
        '{"schemaVersion","worlds","across"}: each run as a single run would print it, in seed order, then ' +
        'unpredictability, top10Overlap, the mean and sd of the final gini and of successQualitySpearman, seeds and ' +
        'worldSeed. Not with --events, --world or --format csv.',
      '',
    ),
    '',
    wrap(
      'Output files (--out, --events, --world) are whole or untouched: each is written to a hidden temporary beside ' +
        'the file it replaces, synced to disk and only then renamed over the target, once the whole run has succeeded. A ' +
        'failed write, an error or Ctrl-C removes the temporaries and leaves any previous file as it was. A symlink is ' +
        'written through: the file it points to is replaced and the link stays. A path that exists and is not a ' +
        'regular file (a directory, a device such as /dev/null, a FIFO, a socket) is refused before the run. - means ' +
        'standard output, for one output at a time (the result goes there when --out is not given); what reaches ' +
        'standard output cannot be taken back if the run then fails.',
      '',
    ),
    '',
    'Parameters (--KEY VALUE or --set KEY=VALUE):',
  );
  for (const { group, blurb, specs } of paramsByGroup()) {
    out.push('', `  ${group}: ${blurb}`);
    for (const spec of specs) {
      const unit = 'unit' in spec ? `, ${spec.unit}` : '';
      out.push(
        `    --${spec.key} ${paramMetavar(spec)}  ${describeAllowed(spec)}${unit} (default ${showDefault(spec)})`,
      );
      out.push(wrap(spec.help, '        '));
    }
  }
  out.push(
    '',
    wrap(
      'Exit status: 0 success; 2 bad input (one line on stderr; nothing run, nothing written), including a run ' +
        'whose memory, estimated from its parameters, is above 2 GB (the line names the parameters to lower and ' +
        'the largest value of each that fits); 1 a failed write ' +
        '(one line naming the file and the cause; the file it would have replaced is unchanged) or an internal ' +
        'error (one line asking you to report it with the command line); 130 interrupted by SIGINT (Ctrl-C), 143 by ' +
        'SIGTERM (temporaries removed).',
      '',
    ),
    '',
  );
  return out.join('\n');
}

/** The schema as JSON: each spec with its fields as present, plus the text of its allowed values. */
export function paramsJson(): string {
  const specs = PARAM_SCHEMA.map((spec: ParamSpec) => ({
    ...spec,
    allowed: describeAllowed(spec),
  }));
  return `${JSON.stringify(specs, null, 2)}\n`;
}

/** One line per preset: its name, padded so the descriptions line up, then the description. */
export function presetsText(): string {
  const width = Math.max(...PRESETS.map((p) => p.name.length)) + 2;
  return PRESETS.map((p) => `${p.name.padEnd(width)}${p.description}\n`).join('');
}
