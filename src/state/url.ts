// Parameters in the page URL: read with the schema's parser, so a shared link reproduces a run.
// Besides the parameters the URL may carry UI flags (e.g. `controls=hidden`); they are not
// simulation parameters, never enter the schema, and the parameter parser skips them silently.
import { applyOverrides, defaultParams, formatValue, PARAM_SCHEMA, type ParamIssue, type Params } from '../engine';
import type { AppStore } from './store';

/** Page settings that live in the URL next to the parameters. */
export interface UiFlags {
  controlsHidden: boolean;
}

/** URL keys that belong to the page, not to the simulation. */
export const UI_FLAG_KEYS: readonly string[] = ['controls'];

/** Parameters from a query string: defaults, overridden by every valid `key=value`; invalid ones are reported. */
export function paramsFromSearch(search: string): { params: Params; issues: ParamIssue[] } {
  const overrides: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) if (!UI_FLAG_KEYS.includes(key)) overrides[key] = value;
  return applyOverrides(defaultParams(), overrides, true);
}

/** UI flags from a query string; unknown values fall back to the default (controls shown). */
export function uiFlagsFromSearch(search: string): UiFlags {
  return { controlsHidden: new URLSearchParams(search).get('controls') === 'hidden' };
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
