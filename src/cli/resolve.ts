// Resolves CLI options to one validated parameter set: preset, then config file, then flags in order.
import {
  applyOverrides,
  DEFAULT_PRESET,
  defaultParams,
  describeAllowed,
  findPreset,
  paramSpec,
  presetParams,
  PRESETS,
  type Params,
} from '../engine';
import type { CliOptions, Problem, TextOverride } from './args';
import { ConfigRefused, MAX_VALUE_DEPTH, nestedDeeperThan } from './configFile';
import { quote, shortenEchoes } from './echo';
import { fsReason } from './files';

/** Reads a text file; injected so that resolution stays testable without touching disk. */
export type ReadText = (path: string) => string;

export interface ResolveInput {
  readonly preset?: string;
  readonly config?: string;
  readonly overrides: readonly TextOverride[];
  readonly at?: CliOptions['at'];
}

/**
 * The parameters the options describe, and every problem found on the way. Resolution goes on
 * past a problem (skipping the bad value) so the caller can report how many there are.
 */
export function resolveParams(
  input: ResolveInput,
  readText: ReadText,
): { params: Params; problems: Problem[] } {
  const problems: Problem[] = [];
  const presetAt = input.at?.preset ?? -1;
  const configAt = input.at?.config ?? -1;
  const preset = basePreset(input.preset);
  if (typeof preset === 'string') problems.push({ at: presetAt, message: preset });
  let params = typeof preset === 'string' ? defaultParams() : preset;
  if (input.config !== undefined) {
    const values = readConfig(input.config, readText);
    if (typeof values === 'string') problems.push({ at: configAt, message: values });
    else {
      const where = `(in --config ${quote(input.config)})`;
      for (const [key, value] of Object.entries(values)) {
        const message = configValueProblem(key, value);
        if (message) {
          problems.push({ at: configAt, message: `${message} ${where}` });
          continue;
        }
        const applied = applyOverrides(params, { [key]: value }, false);
        params = applied.params;
        for (const issue of applied.issues)
          problems.push({
            at: configAt,
            message: `${shortenEchoes(issue.message, [key, value])} ${where}`,
          });
      }
    }
  }
  // One at a time, so that a bad value overridden by a later flag is still reported.
  for (const o of input.overrides) {
    const applied = applyOverrides(params, { [o.key]: o.raw }, true);
    params = applied.params;
    for (const issue of applied.issues) {
      const message = shortenEchoes(issue.message, [o.raw, o.key]);
      problems.push({ at: o.at, message: o.option === '--set' ? `--set: ${message}` : message });
    }
  }
  return { params, problems };
}

/** The preset's parameters, or a message saying which presets exist. */
function basePreset(name: string | undefined): Params | string {
  const preset = findPreset(name ?? DEFAULT_PRESET);
  if (preset) return presetParams(preset);
  return `--preset: unknown preset ${quote(name ?? '')}; known presets: ${PRESETS.map((p) => p.name).join(', ')}`;
}

/**
 * Why a config value cannot even be shown to the schema check, or undefined. A value nested
 * deeper than any parameter takes is refused here, naming the key: echoing it in a message
 * (JSON.stringify, String) would recurse once per level and overflow the stack.
 */
function configValueProblem(key: string, value: unknown): string | undefined {
  const spec = paramSpec(key);
  if (!spec || !nestedDeeperThan(value, MAX_VALUE_DEPTH)) return undefined;
  const what = Array.isArray(value) ? 'an array' : 'an object';
  return `${key}: must be ${describeAllowed(spec)}, got ${what} nested more than ${MAX_VALUE_DEPTH} levels deep`;
}

/** The config file as a plain object, or a message saying why it cannot be used. */
function readConfig(path: string, readText: ReadText): Record<string, unknown> | string {
  const where = `--config ${quote(path)}`;
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    if (err instanceof ConfigRefused) return `${where}: ${err.message}`;
    return `${where}: cannot read file (${fsReason(err)})`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8 parses nesting iteratively today; should a parser recurse, its RangeError still ends here.
    const reason = err instanceof RangeError ? 'nested too deeply' : fsReason(err);
    return `${where}: not valid JSON (${reason})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return `${where}: must be a JSON object of parameters, got ${got}`;
  }
  return value as Record<string, unknown>;
}
