// Parameters in the page URL: read with the schema's parser, so a shared link reproduces a run.
import { applyOverrides, defaultParams, formatValue, PARAM_SCHEMA, type ParamIssue, type Params } from '../engine';

/** Parameters from a query string: defaults, overridden by every valid `key=value`; invalid ones are reported. */
export function paramsFromSearch(search: string): { params: Params; issues: ParamIssue[] } {
  const overrides: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) overrides[key] = value;
  return applyOverrides(defaultParams(), overrides, true);
}

/** The query string of the parameters that differ from their defaults. */
export function searchFromParams(params: Params): string {
  const defaults = defaultParams();
  const query = new URLSearchParams();
  for (const spec of PARAM_SCHEMA) {
    const value = formatValue(params[spec.key]);
    if (value !== formatValue(defaults[spec.key])) query.set(spec.key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
