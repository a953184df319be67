// Checks and parses parameter values against the schema, with messages that name the field.
import { PARAM_SCHEMA, paramSpec, type ParamSpec, type Params } from './schema';

/** One rejected input: the parameter (or unknown key) and what is allowed. */
export interface ParamIssue {
  readonly key: string;
  readonly message: string;
}

type Checked = { ok: true; value: unknown } | { ok: false; message: string };

/** Human description of the allowed values of a parameter, e.g. "an integer from 1 to 50". */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.options.join(', ')}`;
    case 'intList':
      return `${spec.length} ascending integers from ${spec.min} to ${spec.max}, comma-separated`;
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The one number grammar of every numeric text input (parameter flags, list entries, the URL,
 * `--worlds`): plain decimal notation, optionally signed, with an optional exponent, surrounding
 * blanks ignored. NaN for anything else: Number() would also take '', '0x10', '0b1' or 'Infinity'.
 */
export function parseNumber(raw: string): number {
  const text = raw.trim();
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(spec: ParamSpec, got: unknown): Checked {
  return { ok: false, message: `${spec.key}: must be ${describeAllowed(spec)}, got ${show(got)}` };
}

function checkNumber(spec: ParamSpec & { min: number; max: number }, v: number, integer: boolean): boolean {
  return Number.isFinite(v) && (!integer || Number.isInteger(v)) && v >= spec.min && v <= spec.max;
}

/** Checks an already-typed value (from JSON or code) against its spec. */
export function checkValue(spec: ParamSpec, value: unknown): Checked {
  switch (spec.type) {
    case 'int':
    case 'number':
      return typeof value === 'number' && checkNumber(spec, value, spec.type === 'int')
        ? { ok: true, value }
        : fail(spec, value);
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail(spec, value);
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? { ok: true, value } : fail(spec, value);
    case 'intList': {
      if (!Array.isArray(value) || value.length !== spec.length) return fail(spec, value);
      for (let j = 0; j < value.length; j++) {
        const v: unknown = value[j];
        if (typeof v !== 'number' || !checkNumber(spec, v, true)) return fail(spec, value);
        if (j > 0 && v <= (value[j - 1] as number)) return fail(spec, value);
      }
      return { ok: true, value: [...(value as number[])] };
    }
  }
}

/** Parses the text form of a value (CLI flag, URL) and checks it. */
export function parseValue(spec: ParamSpec, raw: string): Checked {
  const text = raw.trim();
  switch (spec.type) {
    case 'int':
    case 'number': {
      const value = parseNumber(text);
      return checkValue(spec, value).ok ? { ok: true, value } : fail(spec, raw);
    }
    case 'boolean':
      if (text === 'true' || text === '1') return { ok: true, value: true };
      if (text === 'false' || text === '0') return { ok: true, value: false };
      return fail(spec, raw);
    case 'enum':
      return checkValue(spec, text).ok ? { ok: true, value: text } : fail(spec, raw);
    case 'intList': {
      // Brackets are optional but must come as a pair; each entry is read like any other number
      // (parseNumber), so "0x64" is refused here as it is for a single integer.
      const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
      const nums = inner.split(',').map(parseNumber);
      return checkValue(spec, nums).ok ? { ok: true, value: nums } : fail(spec, raw);
    }
  }
}

/** The text form of a value, as `parseValue` reads it back. */
export function formatValue(value: Params[keyof Params]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

function unknownKey(key: string): ParamIssue {
  return { key, message: `unknown parameter ${show(key)}; known parameters: ${PARAM_SCHEMA.map((s) => s.key).join(', ')}` };
}

/**
 * Applies `overrides` on top of `base`. Each override is checked on its own: a bad or unknown
 * one is reported and skipped, the rest still apply, so callers can keep running on the result.
 * `fromText` parses string values (CLI, URL); otherwise values must already have the right type.
 */
export function applyOverrides(
  base: Params,
  overrides: Readonly<Record<string, unknown>>,
  fromText = false,
): { params: Params; issues: ParamIssue[] } {
  // Copy list values too, so the result never shares an array with `base`.
  const params: Record<string, unknown> = Object.fromEntries(
    Object.entries(base).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]),
  );
  const issues: ParamIssue[] = [];
  for (const [key, raw] of Object.entries(overrides)) {
    const spec = paramSpec(key);
    if (!spec) {
      issues.push(unknownKey(key));
      continue;
    }
    const checked = fromText && typeof raw === 'string' ? parseValue(spec, raw) : checkValue(spec, raw);
    if (checked.ok) params[key] = checked.value;
    else issues.push({ key, message: checked.message });
  }
  return { params: params as Params, issues };
}

/** Checks a complete parameter set (e.g. one sent to a worker); returns its issues. */
export function validateParams(params: Readonly<Record<string, unknown>>): ParamIssue[] {
  const issues: ParamIssue[] = [];
  for (const spec of PARAM_SCHEMA) {
    const checked = checkValue(spec, params[spec.key]);
    if (!checked.ok) issues.push({ key: spec.key, message: checked.message });
  }
  for (const key of Object.keys(params)) if (!paramSpec(key)) issues.push(unknownKey(key));
  return issues;
}
