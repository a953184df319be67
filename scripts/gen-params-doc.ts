// Generates docs/parameters.md from the parameter schema; `--check` only verifies the file is current.
//
//   npx tsx scripts/gen-params-doc.ts          write docs/parameters.md
//   npx tsx scripts/gen-params-doc.ts --check  exit 1 if docs/parameters.md differs from the schema
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAllowed, PARAM_SCHEMA, paramsByGroup, type ParamSpec } from '../src/engine';

export const PARAMETERS_DOC_PATH = fileURLToPath(new URL('../docs/parameters.md', import.meta.url));
export const REGENERATE_COMMAND = 'npx tsx scripts/gen-params-doc.ts';

const COLUMNS = ['Key', 'Label', 'Type', 'Default', 'Allowed', 'Effect', 'Help'] as const;

/** Display width of a cell, counted in code points (the schema text has no wide characters). */
function width(text: string): number {
  return [...text].length;
}

/** Text safe inside a table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text}\``;
}

/** A default as the CLI reads it back (lists comma-separated, like formatValue). */
function defaultText(spec: ParamSpec): string {
  const value = spec.default;
  return Array.isArray(value) ? value.join(',') : String(value);
}

function typeName(spec: ParamSpec): string {
  return spec.type === 'intList' ? `int list (${spec.length})` : spec.type;
}

function allowed(spec: ParamSpec): string {
  const unit = spec.unit === undefined ? '' : ` (${spec.unit})`;
  return `${describeAllowed(spec)}${unit}`;
}

function row(spec: ParamSpec): string[] {
  return [
    code(spec.key),
    spec.label,
    typeName(spec),
    code(defaultText(spec)),
    allowed(spec),
    spec.effect === 'live' ? 'live' : 'needs restart',
    spec.help,
  ].map(cell);
}

/**
 * A Markdown table with its columns padded to equal width, the layout Prettier gives tables,
 * so that formatting the docs never makes the file differ from what this script writes.
 */
function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, c) => Math.max(3, width(h), ...rows.map((r) => width(r[c]!))));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((text, c) => text + ' '.repeat(widths[c]! - width(text))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
}

/** The full text of docs/parameters.md. */
export function renderParametersDoc(): string {
  const out: string[] = [
    '# Parameters',
    '',
    `This file is generated from the parameter schema (\`src/engine/params/schema.ts\`) by \`${REGENERATE_COMMAND}\`; ` +
      'do not edit it by hand. After changing the schema, run that command again; ' +
      `\`${REGENERATE_COMMAND} --check\` exits with status 1 when this file is out of date.`,
    '',
    'Effect: a **live** parameter can be changed while a run is going and applies from the next step; ' +
      'a parameter that **needs restart** rebuilds the world (or the buffers) and starts the run again. ' +
      'Default values are written the way the CLI reads them (`--KEY VALUE` or `--set KEY=VALUE`). ' +
      'What each parameter does inside the model is explained in [model.md](model.md).',
  ];
  // Groups in the schema's order (PARAM_GROUPS), the order of the panel and of --help.
  for (const { group, blurb, specs } of paramsByGroup()) {
    out.push('', `## ${group}`, '', blurb, '', ...table(COLUMNS, specs.map(row)));
    for (const spec of specs) {
      if (spec.type !== 'enum') continue;
      out.push('', `Options of ${code(spec.key)}:`, '');
      for (const option of spec.options) {
        const help = spec.optionHelp[option];
        out.push(`- ${code(option)}${help === undefined ? '' : `: ${help}`}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

function main(args: readonly string[]): number {
  const text = renderParametersDoc();
  if (args.includes('--check')) {
    const onDisk = readOrNull(PARAMETERS_DOC_PATH);
    if (onDisk?.replace(/\r\n/g, '\n') === text) return 0;
    console.error(
      `docs/parameters.md is out of date with the parameter schema; regenerate it with \`${REGENERATE_COMMAND}\`.`,
    );
    return 1;
  }
  mkdirSync(dirname(PARAMETERS_DOC_PATH), { recursive: true });
  writeFileSync(PARAMETERS_DOC_PATH, text);
  console.log(`wrote docs/parameters.md (${PARAM_SCHEMA.length} parameters)`);
  return 0;
}

if (isMain()) process.exitCode = main(process.argv.slice(2));
