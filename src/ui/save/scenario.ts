// Which scenario (preset) a run started from, even after live changes moved its parameters away from it.
import { paramSpec, parseValue, type Params } from '../../engine';
import { scenarioMatch, scenarioName } from '../../state/scenario';

/** What the caption says when no preset matches the run's starting parameters. */
export const CUSTOM_SCENARIO = 'Custom settings';

/** A live change's key and its value before the change, as text (a MarkerPart). */
type ChangedPart = { readonly key: string; readonly from: string };

/**
 * The running parameters with every key changed live put back to its value before its first
 * change: the parameters the run started with. The markers hold the old values as text
 * (formatValue), read back with the schema's parser; undefined if one cannot be read.
 */
export function startingParams(
  params: Params,
  markers: readonly { readonly parts: readonly ChangedPart[] }[],
): Params | undefined {
  const start: Record<string, unknown> = { ...params };
  const restored = new Set<string>();
  for (const marker of markers)
    for (const part of marker.parts) {
      if (restored.has(part.key)) continue;
      restored.add(part.key);
      const spec = paramSpec(part.key);
      const parsed = spec ? parseValue(spec, part.from) : undefined;
      if (!parsed?.ok) return undefined;
      start[part.key] = parsed.value;
    }
  return start as Params;
}

/**
 * The title of the preset the run started from ("The loop forms"), or {@link CUSTOM_SCENARIO}.
 * Matching the starting values, not the current ones, keeps "The loop forms" for a run where ε
 * was switched on at step 40; the caption lists that change separately. The match is the header's
 * preset picker's (state/scenario): a run played past its end is "The loop forms (extended to 200 steps)".
 */
export function scenarioTitle(
  params: Params,
  markers: readonly { readonly parts: readonly ChangedPart[] }[],
): string {
  const start = startingParams(params, markers);
  const match = start && scenarioMatch(start);
  return match ? scenarioName(match) : CUSTOM_SCENARIO;
}
