// Which scenario (preset) a run started from, even after live changes moved its parameters away from it.
import { PRESETS, formatValue, presetParams, type Params } from '../../engine';

/** What the caption says when no preset matches the run's starting parameters. */
export const CUSTOM_SCENARIO = 'Custom settings';

/** A live change's key and its value before the change, as text (a MarkerPart). */
type ChangedPart = { readonly key: string; readonly from: string };

/**
 * The running parameters as text, with every key changed live put back to its value before its
 * first change: the parameters the run started with. Compared as text (formatValue) because the
 * markers hold the old values as text, and the header's preset match compares the same way.
 */
export function startingValues(
  params: Params,
  markers: readonly { readonly parts: readonly ChangedPart[] }[],
): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(params) as [string, Params[keyof Params]][])
    values.set(key, formatValue(value));
  const restored = new Set<string>();
  for (const marker of markers)
    for (const part of marker.parts) {
      if (restored.has(part.key)) continue;
      restored.add(part.key);
      values.set(part.key, part.from);
    }
  return values;
}

/**
 * The title of the preset the run started from ("The loop forms"), or {@link CUSTOM_SCENARIO}.
 * Matching the starting values, not the current ones, keeps "The loop forms" for a run where ε
 * was switched on at step 40; the caption lists that change separately.
 */
export function scenarioTitle(
  params: Params,
  markers: readonly { readonly parts: readonly ChangedPart[] }[],
): string {
  const start = startingValues(params, markers);
  const preset = PRESETS.find((p) => {
    const full = presetParams(p);
    return (Object.keys(full) as (keyof Params)[]).every(
      (key) => formatValue(full[key]) === start.get(key),
    );
  });
  return preset?.title ?? CUSTOM_SCENARIO;
}
