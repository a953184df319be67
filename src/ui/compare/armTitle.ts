// The name of a comparison arm: its preset's title (or "Custom settings") and the live changes on its timeline.
import { armParams, paramsEqual, paramSpec, presetParams, PRESETS, type Params } from '../../engine';
import { changeText } from '../../state/markers';
import type { TimelineChange } from '../../state/timeline';

/**
 * The preset whose settings `params` has, seeds and sizes aside (they are the world every arm
 * shares, so a smaller world is still "The loop forms").
 */
export function presetOfArm(params: Params) {
  return PRESETS.find((preset) => {
    return paramsEqual(armParams(presetParams(preset), params), params);
  });
}

/** "Loop forms", "Loop forms + ε = 0.1 from step 40", "Custom settings". */
export function armTitle(params: Params, changes: readonly TimelineChange[] = []): string {
  const title = presetOfArm(params)?.title ?? 'Custom settings';
  let running = params;
  const parts = changes.flatMap((c) => {
    const spec = paramSpec(String(c.key));
    if (!spec) return [];
    running = { ...running, [c.key]: c.value } as Params;
    return [`${changeText(spec, c.value, running)} from step ${c.t}`];
  });
  return parts.length > 0 ? `${title} + ${parts.join(', ')}` : title;
}
