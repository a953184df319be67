// Parameters in the page URL: read with the schema's parser, so a shared link reproduces a run.
// Besides the parameters the URL may carry UI flags (e.g. `controls=hidden`); they are not
// simulation parameters and never enter the schema.
// Every key is looked up in a Map (the query, the schema), never on a plain object, so no key
// (`__proto__`, `constructor`, `toString`) can reach a prototype.
import { defaultParams, describeAllowed, formatValue, changedKeys, paramSpec, parseValue, type ParamIssue, type Params } from '../engine';
import { isPinKey, readPinned, writePinned, type PinnedScenario } from './pinLink';
import { quoted, readQuery, wholeNumber } from './query';
import type { ArmChoice } from './compare';
import { isArmKey, readArms, writeArms } from './compareLink';
import { readWorldsLink, WORLDS_LINK_KEYS, worldsLinkEntries, type WorldsInputs } from './worlds';
import { PAGES, type AppState, type AppStore, type LessonPosition, type PageName } from './store';
import { changesOfMarkers, formatChange, parseChange, type TimelineChange } from './timeline';

/** Page settings that live in the URL next to the parameters. */
export interface UiFlags {
  controlsHidden: boolean;
}

/** URL keys that belong to the page, not to the simulation's parameters. */
export const UI_FLAG_KEYS: readonly string[] = ['controls', 'at', 'step', 'lesson', 'chapter', 'present', 'listener', 'page', ...WORLDS_LINK_KEYS];

/** The lessons (name → number of chapters) and present-mode views a link may name; the app supplies them. */
export interface LinkVocabulary {
  readonly lessons: ReadonlyMap<string, number>;
  readonly views: readonly string[];
}

const NO_VOCABULARY: LinkVocabulary = { lessons: new Map(), views: [] };

/** What a link asks for: the scenario, its timeline and the page's modes, and every part of it that was not used. */
export interface LinkSettings {
  params: Params;
  flags: UiFlags;
  /** Live changes at their steps (`at=40:exploration=epsilon`), in step order. */
  changes: TimelineChange[];
  /** The step to run to on opening (`step=60`); 0 = stay at step 0. */
  step: number;
  lesson: LessonPosition | null;
  present: string | null;
  /** The listener to follow (`listener=17`). */
  follow: number;
  /** A run pinned as A (`a=pinned&a.exploration=none`), or null. */
  pinned: PinnedScenario | null;
  /** The page (`page=compare`), and the compare page's arms (`arms=…`, `armN.KEY=…`). */
  page: PageName;
  compareArms: ArmChoice[];
  /** The parallel-worlds page's inputs (`worlds=8&baseline=random-baseline`). */
  worlds: WorldsInputs;
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
export function readLink(search: string, vocabulary: LinkVocabulary = NO_VOCABULARY): LinkSettings {
  const defaults = defaultParams();
  const params: Record<string, unknown> = defaultParams();
  const flags: UiFlags = { controlsHidden: false };
  const issues: ParamIssue[] = [];
  const query = readQuery(search);
  // The page's keys are read after the parameters: `at` and `step` are checked against the run's length.
  const pageKeys = new Map<string, string>();
  for (const [key, values] of query) {
    if (key === 'at' || isPinKey(key) || isArmKey(key)) continue;
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
      pageKeys.set(key, value);
      continue;
    }
    const checked = parseValue(spec, value);
    if (checked.ok) params[spec.key] = checked.value;
    // The engine's message quotes the whole value; a link value is shortened for the notice.
    else issues.push({ key, message: `${spec.key}: must be ${describeAllowed(spec)}, got ${quoted(value)} (${fallback})` });
  }
  const run = params as Params;
  // Only `controls=hidden` changes anything; other values leave the controls shown.
  flags.controlsHidden = pageKeys.get('controls') === 'hidden';
  const changes: TimelineChange[] = [];
  for (const text of query.get('at') ?? []) {
    const read = parseChange(text, run.steps);
    if (read.ok) changes.push(read.change);
    else issues.push({ key: 'at', message: `at=${quoted(text)}: ${read.reason} (change ignored)` });
  }
  changes.sort((a, b) => a.t - b.t);
  let step = 0;
  const stepText = pageKeys.get('step');
  if (stepText !== undefined) {
    const n = wholeNumber(stepText, 0, run.steps);
    if (n === null) issues.push({ key: 'step', message: `step must be a whole number from 0 to ${run.steps} (the run's length), got ${quoted(stepText)} (starting at step 0)` });
    else step = n;
  }
  let lesson: LessonPosition | null = null;
  const lessonName = pageKeys.get('lesson');
  if (lessonName !== undefined) {
    const chapters = vocabulary.lessons.get(lessonName);
    const names = [...vocabulary.lessons.keys()].join(', ') || 'none';
    if (chapters === undefined) issues.push({ key: 'lesson', message: `lesson must be one of: ${names}, got ${quoted(lessonName)} (no lesson opened)` });
    else {
      let chapter = 1;
      const chapterText = pageKeys.get('chapter');
      if (chapterText !== undefined) {
        const n = wholeNumber(chapterText, 1, chapters);
        if (n === null) issues.push({ key: 'chapter', message: `chapter must be a whole number from 1 to ${chapters}, got ${quoted(chapterText)} (opening chapter 1)` });
        else chapter = n;
      }
      lesson = { name: lessonName, chapter };
    }
  } else if (pageKeys.has('chapter')) issues.push({ key: 'chapter', message: 'chapter needs a lesson, e.g. lesson=loops&chapter=2 (ignored)' });
  let present: string | null = null;
  const view = pageKeys.get('present');
  if (view !== undefined) {
    if (vocabulary.views.includes(view)) present = view;
    else issues.push({ key: 'present', message: `present must be one of: ${vocabulary.views.join(', ') || 'none'}, got ${quoted(view)} (present mode off)` });
  }
  let follow = 0;
  const listenerText = pageKeys.get('listener');
  if (listenerText !== undefined) {
    const n = wholeNumber(listenerText, 0, run.users - 1);
    if (n === null) issues.push({ key: 'listener', message: `listener must be a whole number from 0 to ${run.users - 1}, got ${quoted(listenerText)} (following listener 0)` });
    else follow = n;
  }
  const pin = readPinned(query, run);
  issues.push(...pin.issues);
  let page: PageName = 'explore';
  const pageText = pageKeys.get('page');
  if (pageText !== undefined) {
    if ((PAGES as readonly string[]).includes(pageText)) page = pageText as PageName;
    else issues.push({ key: 'page', message: `page must be one of: ${PAGES.join(', ')}, got ${quoted(pageText)} (opening explore)` });
  }
  const arms = readArms(query);
  issues.push(...arms.issues);
  const worlds = readWorldsLink(search);
  issues.push(...worlds.issues);
  return { params: run, flags, changes, step, lesson, present, follow, pinned: pin.pinned, page, compareArms: arms.arms, worlds: worlds.inputs, issues };
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

/** What a link holds besides the scenario's parameters. */
export interface PageLink {
  readonly changes?: readonly TimelineChange[];
  readonly step?: number;
  readonly lesson?: LessonPosition | null;
  readonly present?: string | null;
  readonly follow?: number;
  readonly pinned?: PinnedScenario | null;
  readonly page?: PageName;
  readonly compareArms?: readonly ArmChoice[];
  readonly worlds?: WorldsInputs;
}

/**
 * The query string of the parameters that differ from their defaults, then the timeline (`at`, in
 * step order), the step reached, the lesson, present mode, the followed listener and the UI flags.
 */
export function searchFromParams(params: Params, flags?: UiFlags, page: PageLink = {}): string {
  const defaults = defaultParams();
  const query = new URLSearchParams();
  for (const key of changedKeys(defaults, params)) query.set(key, formatValue(params[key]));
  for (const change of page.changes ?? []) query.append('at', formatChange(change));
  if (page.step) query.set('step', String(page.step));
  if (page.lesson) {
    query.set('lesson', page.lesson.name);
    query.set('chapter', String(page.lesson.chapter));
  }
  if (page.present) query.set('present', page.present);
  if (page.follow) query.set('listener', String(page.follow));
  if (page.pinned) writePinned(query, page.pinned, params);
  if (page.page && page.page !== 'explore') query.set('page', page.page);
  if (page.page === 'compare' && page.compareArms) writeArms(query, page.compareArms);
  if (page.page === 'worlds' && page.worlds) for (const [key, value] of worldsLinkEntries(page.worlds)) query.set(key, value);
  if (flags?.controlsHidden) query.set('controls', 'hidden');
  // ':' and ',' read better unescaped and are legal in a query.
  const text = query.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3D/g, '=');
  return text ? `?${text}` : '';
}

/**
 * The timeline a link should hold: the scenario's own changes (even those the run has not reached),
 * then every change made since, in step order.
 */
export function timelineOf(state: Pick<AppState, 'scenarioChanges' | 'markers'>): TimelineChange[] {
  const all = [...state.scenarioChanges];
  const key = (c: TimelineChange) => `${c.t}:${String(c.key)}=${formatValue(c.value)}`;
  const known = new Set(all.map(key));
  for (const change of changesOfMarkers(state.markers)) if (!known.has(key(change))) all.push(change);
  return all.sort((a, b) => a.t - b.t);
}

/** The link of the page's whole state: the scenario, its timeline, the step reached and the modes. */
export function linkForState(href: string, state: AppState): string {
  const url = new URL(href);
  url.search = searchFromParams(state.base, { controlsHidden: state.controlsHidden }, {
    changes: timelineOf(state),
    step: state.t,
    lesson: state.lesson,
    present: state.present,
    follow: state.follow,
    pinned: state.pinned?.scenario ?? null,
    page: state.page,
    compareArms: state.compareArms,
    worlds: state.worlds,
  });
  return url.toString();
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
 * Keeps the address bar in step with the page's state (replaceState: no history entry per change):
 * the scenario, the timeline, the modes, and the step reached whenever the run stops (not every
 * step while playing: browsers throttle replaceState, Safari to 100 calls in 30 s). Returns the
 * unsubscribe function.
 */
export function syncUrl(store: AppStore, host: UrlHost): () => void {
  let last = '';
  const write = () => {
    const next = linkForState(host.location.href, store.getState());
    if (next === last) return;
    last = next;
    if (next !== host.location.href) host.history.replaceState(null, '', next);
  };
  write();
  return store.subscribe((state, prev) => {
    const stopped = state.status !== 'running' && state.status !== 'starting';
    const changed =
      state.base !== prev.base ||
      state.scenarioChanges !== prev.scenarioChanges ||
      state.markers !== prev.markers ||
      state.lesson !== prev.lesson ||
      state.present !== prev.present ||
      state.follow !== prev.follow ||
      state.pinned?.scenario !== prev.pinned?.scenario ||
      state.page !== prev.page ||
      state.compareArms !== prev.compareArms ||
      state.worlds !== prev.worlds ||
      state.controlsHidden !== prev.controlsHidden ||
      (state.status !== prev.status && state.status !== 'starting') ||
      (stopped && state.t !== prev.t);
    if (changed) write();
  });
}
