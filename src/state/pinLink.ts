// A pinned run A in a link: `a=pinned`, then A's settings where they differ from B's (`a.exploration=none`) and A's timeline (`a.at=40:…`).
import { describeAllowed, formatValue, changedKeys, paramSpec, parseValue, type ParamIssue, type Params } from '../engine';
import { quoted } from './query';
import { formatChange, parseChange, type TimelineChange } from './timeline';

/** The key that says a link holds a pinned A, and its one value. */
export const PIN_KEY = 'a';
export const PIN_VALUE = 'pinned';
/** Prefix of A's own keys. */
export const PIN_PREFIX = 'a.';

/** A's scenario as a link holds it. */
export interface PinnedScenario {
  readonly params: Params;
  readonly changes: readonly TimelineChange[];
}

/** Whether a query key belongs to the pinned A. */
export function isPinKey(key: string): boolean {
  return key === PIN_KEY || key.startsWith(PIN_PREFIX);
}

/**
 * A from a query (every value per key): B's parameters `b` with each valid `a.KEY` over them, and
 * `a.at` entries as its timeline. Null when the link has no `a=pinned`; a bad or repeated key is
 * reported (naming it, e.g. "a.epsilon") and left out.
 */
export function readPinned(query: ReadonlyMap<string, readonly string[]>, b: Params): { pinned: PinnedScenario | null; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const flag = query.get(PIN_KEY);
  const own = [...query.keys()].filter((key) => key.startsWith(PIN_PREFIX));
  if (!flag) {
    for (const key of own) issues.push({ key, message: `${quoted(key)} needs a=pinned in the link (ignored)` });
    return { pinned: null, issues };
  }
  if (flag.length !== 1 || flag[0] !== PIN_VALUE) {
    issues.push({ key: PIN_KEY, message: `a must be given once, as a=pinned, got ${flag.map(quoted).join(', ')} (no run pinned)` });
    return { pinned: null, issues };
  }
  const params: Record<string, unknown> = { ...b };
  const atTexts: string[] = [];
  for (const key of own) {
    const values = query.get(key) ?? [];
    const name = key.slice(PIN_PREFIX.length);
    if (name === 'at') {
      atTexts.push(...values);
      continue;
    }
    const spec = paramSpec(name);
    if (!spec) {
      issues.push({ key, message: `unknown parameter ${quoted(key)} for the pinned run A` });
      continue;
    }
    if (values.length !== 1) {
      issues.push({ key, message: `${key} given ${values.length} times: all refused (A takes B's value, ${formatValue(b[spec.key as keyof Params])})` });
      continue;
    }
    const checked = parseValue(spec, values[0]!);
    if (checked.ok) params[spec.key] = checked.value;
    else issues.push({ key, message: `${key}: must be ${describeAllowed(spec)}, got ${quoted(values[0]!)} (A takes B's value, ${formatValue(b[spec.key as keyof Params])})` });
  }
  const a = params as Params;
  const changes: TimelineChange[] = [];
  for (const text of atTexts) {
    const read = parseChange(text, a.steps);
    if (read.ok) changes.push(read.change);
    else issues.push({ key: 'a.at', message: `a.at=${quoted(text)}: ${read.reason} (change ignored)` });
  }
  changes.sort((x, y) => x.t - y.t);
  return { pinned: { params: a, changes }, issues };
}

/** Appends A to `query`: `a=pinned`, A's values that differ from B's in schema order, then A's timeline. */
export function writePinned(query: URLSearchParams, pinned: PinnedScenario, b: Params): void {
  query.set(PIN_KEY, PIN_VALUE);
  for (const key of changedKeys(b, pinned.params)) query.set(`${PIN_PREFIX}${key}`, formatValue(pinned.params[key]));
  for (const change of pinned.changes) query.append(`${PIN_PREFIX}at`, formatChange(change));
}
