// Parameters in the page URL: read with the schema's parser, so a shared link reproduces a run.
// Besides the parameters the URL may carry UI flags (e.g. `controls=hidden`); they are not
// simulation parameters and never enter the schema.
// Every key is looked up in a Map (the query, the schema), never on a plain object, so no key
// (`__proto__`, `constructor`, `toString`) can reach a prototype.
import { defaultParams, describeAllowed, formatValue, PARAM_SCHEMA, paramSpec, parseValue, type ParamIssue, type Params } from '../engine';
import { quoted, readQuery } from './query';
import type { AppStore } from './store';

/** Page settings that live in the URL next to the parameters. */
export interface UiFlags {
  controlsHidden: boolean;
}

/** URL keys that belong to the page, not to the simulation. */
export const UI_FLAG_KEYS: readonly string[] = ['controls'];

/** What a link asks for: the parameters and UI flags to use, and every part of it that was not used. */
export interface LinkSettings {
  params: Params;
  flags: UiFlags;
  /** One per ignored key, in link order; each message says what was used instead. */
  issues: ParamIssue[];
}

/** Values of a repeated key a message lists before an ellipsis. */
const SHOWN_REPEATS = 3;

/** Up to SHOWN_REPEATS values of a repeated key, quoted and shortened. */
function listValues(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN_REPEATS).map(quoted);
  if (values.length > SHOWN_REPEATS) shown.push('…');
  return shown.join(', ');
}

/** Reads a query string: defaults, overridden by every valid `key=value`; everything else is reported. */
export function readLink(search: string): LinkSettings {
  const defaults = defaultParams();
  const params: Record<string, unknown> = defaultParams();
  const flags: UiFlags = { controlsHidden: false };
  const issues: ParamIssue[] = [];
  for (const [key, values] of readQuery(search)) {
    const spec = paramSpec(key);
    const isFlag = UI_FLAG_KEYS.includes(key);
    if (!spec && !isFlag) {
      const times = values.length > 1 ? ` given ${values.length} times` : '';
      issues.push({ key, message: `unknown parameter ${quoted(key)}${times}` });
      continue;
    }
    const fallback = spec ? `using the default, ${formatValue(defaults[spec.key as keyof Params])}` : 'using the default';
    if (values.length > 1) {
      // A repeated key is refused as a whole: taking the first or the last value would silently
      // drop one someone typed, and neither is obviously the one they meant.
      issues.push({ key, message: `${key} given ${values.length} times (${listValues(values)}): all refused (${fallback})` });
      continue;
    }
    const value = values[0] ?? '';
    if (!spec) {
      // Only `controls=hidden` changes anything; other values leave the controls shown.
      if (key === 'controls') flags.controlsHidden = value === 'hidden';
      continue;
    }
    const checked = parseValue(spec, value);
    if (checked.ok) params[spec.key] = checked.value;
    // The engine's message quotes the whole value; a link value is shortened for the notice.
    else issues.push({ key, message: `${spec.key}: must be ${describeAllowed(spec)}, got ${quoted(value)} (${fallback})` });
  }
  return { params: params as Params, flags, issues };
}

/** Parameters from a query string (see `readLink`). */
export function paramsFromSearch(search: string): { params: Params; issues: ParamIssue[] } {
  const { params, issues } = readLink(search);
  return { params, issues };
}

/** UI flags from a query string; unknown or repeated values fall back to the default (controls shown). */
export function uiFlagsFromSearch(search: string): UiFlags {
  return readLink(search).flags;
}

/** The query string of the parameters that differ from their defaults, then the UI flags that are set. */
export function searchFromParams(params: Params, flags?: UiFlags): string {
  const defaults = defaultParams();
  const query = new URLSearchParams();
  for (const spec of PARAM_SCHEMA) {
    const value = formatValue(params[spec.key]);
    if (value !== formatValue(defaults[spec.key])) query.set(spec.key, value);
  }
  if (flags?.controlsHidden) query.set('controls', 'hidden');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The full link of a parameter set, relative to the current page address. */
export function linkFor(href: string, params: Params, flags?: UiFlags): string {
  const url = new URL(href);
  url.search = searchFromParams(params, flags);
  return url.toString();
}

interface UrlHost {
  location: { href: string };
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
}

/**
 * Keeps the address bar in step with the running parameters and the UI flags (replaceState: no
 * history entry per change). Returns the unsubscribe function.
 */
export function syncUrl(store: AppStore, host: UrlHost): () => void {
  let last = '';
  const write = () => {
    const { params, controlsHidden } = store.getState();
    const next = linkFor(host.location.href, params, { controlsHidden });
    if (next === last) return;
    last = next;
    if (next !== host.location.href) host.history.replaceState(null, '', next);
  };
  write();
  return store.subscribe((state, prev) => {
    if (state.params !== prev.params || state.controlsHidden !== prev.controlsHidden) write();
  });
}
