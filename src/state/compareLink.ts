// The compare page in a link: `page=compare&arms=loop-forms,epsilon-exploration` and each arm's own values (`arm2.epsilon=0.2`).
import { defaultParams, describeAllowed, findPreset, formatValue, changedKeys, paramSpec, parseValue, PRESETS, SHARED_KEYS, type ParamIssue, type Params } from '../engine';
import { DEFAULT_ARMS, MAX_ARMS, MIN_ARMS, presetArm, type ArmChoice } from './compare';
import { quoted } from './query';

/** The list of arms, and the word for an arm that is no preset (its values are all in `armN.` keys). */
export const ARMS_KEY = 'arms';
export const CUSTOM_ARM = 'custom';
const ARM_KEY = /^arm([1-9])\.(.+)$/u;

/** Whether a query key belongs to the compare page's arms. */
export function isArmKey(key: string): boolean {
  return key === ARMS_KEY || ARM_KEY.test(key);
}

/** The parameters an arm starts from: its preset's, or the defaults for a custom arm. */
function startOf(name: string): Params | undefined {
  if (name === CUSTOM_ARM) return defaultParams();
  return presetArm(name)?.params;
}

/**
 * The arms a link asks for: `arms` lists 2–4 preset names (or `custom`), `armN.KEY=VALUE` sets arm
 * N's own values over its preset's (N from 1). Shared keys (seed, sizes) are the page's, so an
 * `armN.seed` is refused. Anything unusable is named in an issue; with no usable list, the default
 * arms are used.
 */
export function readArms(query: ReadonlyMap<string, readonly string[]>): { arms: ArmChoice[]; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const fallback = () => DEFAULT_ARMS.map((name) => presetArm(name)!);
  const list = query.get(ARMS_KEY);
  let names: string[] = [];
  if (list !== undefined) {
    if (list.length !== 1) issues.push({ key: ARMS_KEY, message: `arms given ${list.length} times: all refused (using the default arms)` });
    else {
      names = list[0]!.split(',');
      const bad = names.filter((n) => startOf(n) === undefined);
      if (names.length < MIN_ARMS || names.length > MAX_ARMS || bad.length > 0) {
        const why = bad.length > 0 ? `${bad.map(quoted).join(', ')} names no preset` : `there must be ${MIN_ARMS} to ${MAX_ARMS}`;
        issues.push({ key: ARMS_KEY, message: `arms must list ${MIN_ARMS} to ${MAX_ARMS} of: ${PRESETS.map((p) => p.name).join(', ')}, ${CUSTOM_ARM}; ${why} (using the default arms)` });
        names = [];
      }
    }
  }
  const arms = names.length > 0 ? names.map((name) => ({ preset: name === CUSTOM_ARM ? null : name, params: startOf(name)! })) : fallback();
  for (const [key, values] of query) {
    const match = ARM_KEY.exec(key);
    if (!match) continue;
    const index = Number(match[1]) - 1;
    const spec = paramSpec(match[2]!);
    const arm = arms[index];
    if (!arm) {
      issues.push({ key, message: `${quoted(key)}: there is no arm ${index + 1} (ignored)` });
      continue;
    }
    if (!spec) {
      issues.push({ key, message: `unknown parameter ${quoted(key)}` });
      continue;
    }
    if ((SHARED_KEYS as readonly string[]).includes(spec.key)) {
      issues.push({ key, message: `${key}: every arm shares the page's ${spec.key} (ignored)` });
      continue;
    }
    if (values.length !== 1) {
      issues.push({ key, message: `${key} given ${values.length} times: all refused` });
      continue;
    }
    const checked = parseValue(spec, values[0]!);
    if (!checked.ok) {
      issues.push({ key, message: `${key}: must be ${describeAllowed(spec)}, got ${quoted(values[0]!)} (ignored)` });
      continue;
    }
    const params = { ...arm.params, [spec.key]: checked.value } as Params;
    // An arm whose values no longer equal its preset's is a custom arm built on it.
    arms[index] = { preset: arm.preset, params };
  }
  return { arms, issues };
}

/** Appends the arms to `query`: their names, then each arm's values that differ from its start. */
export function writeArms(query: URLSearchParams, arms: readonly ArmChoice[]): void {
  query.set(ARMS_KEY, arms.map((arm) => arm.preset ?? CUSTOM_ARM).join(','));
  arms.forEach((arm, i) => {
    const start = startOf(arm.preset ?? CUSTOM_ARM) ?? defaultParams();
    for (const key of changedKeys(start, arm.params)) {
      if ((SHARED_KEYS as readonly string[]).includes(key)) continue;
      query.set(`arm${i + 1}.${key}`, formatValue(arm.params[key]));
    }
  });
}

/** Whether `arm` is exactly its preset (no values of its own). */
export function isPlainPreset(arm: ArmChoice): boolean {
  const preset = arm.preset ? findPreset(arm.preset) : undefined;
  if (!preset) return false;
  const start = startOf(arm.preset!)!;
  return changedKeys(start, arm.params).every((key) => (SHARED_KEYS as readonly string[]).includes(key));
}
