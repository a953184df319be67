// Which preset a run is, when its length alone differs: Play at the end lengthens the run (steps
// 100 → 200), which is not a change of scenario.
import { matchingPreset, paramsEqual, presetParams, PRESETS, type Params, type Preset } from '../engine';

/** The preset `params` equals, its run length aside, and the run length when it is not the preset's. */
export interface ScenarioMatch {
  readonly preset: Preset;
  /** The run's own length, when it differs from the preset's (a run played past its end). */
  readonly steps?: number;
}

/**
 * The preset whose parameters `params` has (the engine's matchingPreset), or else the first whose
 * parameters it has but for `steps`, with that run length; undefined when none matches.
 */
export function scenarioMatch(params: Params): ScenarioMatch | undefined {
  const exact = matchingPreset(params);
  if (exact) return { preset: exact };
  const other = PRESETS.find((preset) => paramsEqual({ ...presetParams(preset), steps: params.steps }, params));
  return other ? { preset: other, steps: params.steps } : undefined;
}

/** "The loop forms", "The loop forms (extended to 200 steps)", "The loop forms (50 steps)". */
export function scenarioName(match: ScenarioMatch): string {
  const { preset, steps } = match;
  if (steps === undefined) return preset.title;
  const own = presetParams(preset).steps;
  return steps > own ? `${preset.title} (extended to ${steps} steps)` : `${preset.title} (${steps} steps)`;
}
