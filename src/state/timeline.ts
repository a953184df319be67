// A run's timeline of live changes: what a link's `at=40:exploration=epsilon` entries mean, and how markers become them again.
import { describeAllowed, formatValue, paramSpec, parseValue, type Params } from '../engine';
import type { MarkerEntry } from './store';

/** One live change: `key` takes `value` from step `t` on (the first step that runs with it). */
export interface TimelineChange {
  readonly t: number;
  readonly key: keyof Params;
  readonly value: Params[keyof Params];
}

/** `at` entry text: "40:exploration=epsilon". */
export function formatChange(change: TimelineChange): string {
  return `${change.t}:${String(change.key)}=${formatValue(change.value)}`;
}

/**
 * Reads one `at` entry, "T:key=value": T a whole step from 2 to `steps` (a change from step 1 is
 * simply part of the scenario), key a parameter that can change mid-run, value as the schema allows.
 */
export function parseChange(text: string, steps: number): { ok: true; change: TimelineChange } | { ok: false; reason: string } {
  const match = /^(\d{1,6}):([A-Za-z]{1,40})=(.*)$/s.exec(text);
  if (!match) return { ok: false, reason: 'must look like STEP:parameter=value, e.g. 40:exploration=epsilon' };
  const t = Number(match[1]);
  const spec = paramSpec(match[2]!);
  if (!spec) return { ok: false, reason: `names no parameter` };
  if (spec.effect !== 'live') return { ok: false, reason: `${spec.key} cannot change mid-run (it needs a new world)` };
  if (spec.key === 'steps') return { ok: false, reason: 'the run length is set with steps=, not at=' };
  if (t < 2 || t > steps) return { ok: false, reason: `the step must be from 2 to ${steps} (the run's length)` };
  const parsed = parseValue(spec, match[3]!);
  if (!parsed.ok) return { ok: false, reason: `${spec.key} must be ${describeAllowed(spec)}` };
  return { ok: true, change: { t, key: spec.key as keyof Params, value: parsed.value as Params[keyof Params] } };
}

/** The changes the markers stand for, in step order; a change back to the value before it still counts. */
export function changesOfMarkers(markers: readonly MarkerEntry[]): TimelineChange[] {
  const changes: TimelineChange[] = [];
  for (const marker of markers)
    for (const part of marker.parts) {
      const spec = paramSpec(part.key);
      if (!spec) continue;
      const parsed = parseValue(spec, part.to);
      if (parsed.ok) changes.push({ t: marker.t, key: spec.key as keyof Params, value: parsed.value as Params[keyof Params] });
    }
  return changes;
}
