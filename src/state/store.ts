// The page's one store, built from slices: parameters, run state, metric history, songs and UI.
// Actions only set state; talking to the worker is the session's job (session.ts).
import { createStore } from 'zustand/vanilla';
import { changedKeys, type InitialMetrics, type ListenerProfile, type ParamIssue, type Params, type StepMetrics, type TrailStep } from '../engine';
import { DEFAULT_ARMS, presetArm, type ArmChoice } from './compare';
import type { TimelineChange } from './timeline';
import { BASELINE_DEFAULT, WORLDS_DEFAULT, type WorldsInputs } from './worlds';
import type { Marker, SongSnapshot } from './types';
import type { SongCatalog, SongFrame } from '../worker/protocol';
import { TRAIL_STEPS } from '../worker/slateHistory';

/** A marker and the changes it stands for, so later changes at the same step merge into it. */
export interface MarkerEntry extends Marker {
  readonly parts: readonly MarkerPart[];
}
export interface MarkerPart {
  readonly key: string;
  /** The value before the first change at this step. */
  readonly from: string;
  readonly to: string;
  /** e.g. "ε = 0.2". */
  readonly text: string;
}

export interface ParamsSlice {
  /** The parameters the worker runs now: the scenario's, with the live changes made since. */
  params: Params;
  /** The scenario: the parameters at step 0 (what the URL's parameters hold; Reset returns here). */
  base: Params;
  /** The scenario's own live changes (from a link or a lesson), replayed by Reset; later changes are in `markers`. */
  scenarioChanges: readonly TimelineChange[];
  /** What the controls show: `params` plus changes that wait for a restart. */
  draft: Params;
  /** Keys whose draft value differs from the running one (a restart applies them). */
  pendingRestart: readonly string[];
  /** Sets the running parameters (and the draft to match them, keeping pending restart changes if `keepPending`). */
  setParams(params: Params, keepPending?: boolean): void;
  /** Sets one draft value; `live` also sets it on the running parameters. */
  setDraftValue<K extends keyof Params>(key: K, value: Params[K], live: boolean): void;
  /** Makes the running parameters the scenario (a change before step 1 is part of the run, not a live change). */
  adoptAsScenario(): void;
  /** Forgets the scenario's changes after step t (the user took over before the run got there). */
  keepScenarioChangesUpTo(t: number): void;
  /** Sets the run length of the running parameters and of the scenario (Play at the end extends the run). */
  setSteps(steps: number): void;
  discardPending(): void;
}

export type RunStatus = 'starting' | 'idle' | 'running' | 'paused' | 'done' | 'error';
export interface RunSlice {
  status: RunStatus;
  error: string | null;
  /** Steps per second while playing. */
  speed: number;
  /** Last step received. */
  t: number;
  /** Counts the runs started on this page (a new run clears a failed view, for instance). */
  runCount: number;
  setStatus(status: RunStatus, error?: string | null): void;
  setSpeed(speed: number): void;
}

export interface HistorySlice {
  initial: InitialMetrics | null;
  rows: StepMetrics[];
  markers: MarkerEntry[];
  resetHistory(initial: InitialMetrics | null): void;
  appendRows(rows: StepMetrics[]): void;
  /** Records that `key` changed to `to` (shown as `text`) from step t, merging with a marker already at t. */
  addMarkerPart(t: number, part: MarkerPart): void;
}

export interface SongsSlice {
  /** Fixed per-song attributes of the run. */
  catalog: SongCatalog | null;
  /** Per-song state after the latest step received. */
  songs: SongSnapshot | null;
}

/** Where a lesson is: its name (`?lesson=`) and the chapter shown, from 1. */
export interface LessonPosition {
  readonly name: string;
  readonly chapter: number;
}

/** The app's pages: the run with its views, the side-by-side comparison, and parallel worlds. */
export type PageName = 'explore' | 'compare' | 'worlds';
export const PAGES: readonly PageName[] = ['explore', 'compare', 'worlds'];

/** The page's modes that live in the URL: the page, the lesson rail, present mode and the compared arms. */
export interface PageSlice {
  page: PageName;
  lesson: LessonPosition | null;
  /** The view present mode shows, or null when it is off. */
  present: string | null;
  /** The compare page's arms (its runs live in its own store). */
  compareArms: readonly ArmChoice[];
  /** The parallel-worlds page's inputs (its runs live in its own store). */
  worlds: WorldsInputs;
  setPage(page: PageName): void;
  setLesson(lesson: LessonPosition | null): void;
  setPresent(view: string | null): void;
  setCompareArms(arms: readonly ArmChoice[]): void;
  setWorlds(worlds: WorldsInputs): void;
}

/** Most recent steps of the followed listener the page keeps: the rows the strip shows. */
export const TRAIL_LENGTH = TRAIL_STEPS;

/** The listener the page follows, step by step. */
export interface FollowSlice {
  /** The listener asked for (number). */
  follow: number;
  /** Who they are now (taste drifts); null until the worker says. */
  listener: ListenerProfile | null;
  /** Their last TRAIL_LENGTH slates, oldest first. */
  trail: readonly TrailStep[];
  /**
   * How many recent steps a listener picked now comes with (the worker's memory budget may keep
   * fewer than TRAIL_LENGTH when there are very many listeners); the followed one gains a row a step.
   */
  historySteps: number;
  /** The worker switched to `listener`: their recent slates replace the trail. */
  receiveListener(listener: ListenerProfile, trail: readonly TrailStep[]): void;
}

export interface Notice {
  readonly id: string;
  readonly text: string;
}
export interface UiSlice {
  controlsHidden: boolean;
  notices: readonly Notice[];
  setControlsHidden(hidden: boolean): void;
  addNotice(notice: Notice): void;
  dismissNotice(id: string): void;
}

/** A run pinned as A: its scenario (replayed in a batch worker to any step) and the rows made so far. */
export interface PinnedRun {
  readonly scenario: { readonly params: Params; readonly changes: readonly TimelineChange[] };
  readonly initial: InitialMetrics | null;
  /** A's rows from step 1, as far as they have been computed (they may run ahead of B's step). */
  readonly rows: readonly StepMetrics[];
  /** Rows are being computed further. */
  readonly computing: boolean;
  /** Why A's rows could not be computed, in words. */
  readonly error: string | null;
}

/** A/B on the same seed: the pinned run A, drawn as a ghost beside the running run B. */
export interface PinSlice {
  pinned: PinnedRun | null;
  setPinned(pinned: PinnedRun | null): void;
  updatePinned(patch: Partial<PinnedRun>): void;
}

/** Run lifecycle transitions that touch several slices in one update (one render). */
export interface LifecycleActions {
  /** A new run of scenario `params` (with its own live `changes`) was requested: clear the history, wait for the worker. */
  beginRun(params: Params, changes?: readonly TimelineChange[]): void;
  /** The worker built the world. */
  runReady(initial: InitialMetrics, catalog: SongCatalog, frame: SongFrame, listener?: ListenerProfile, historySteps?: number): void;
  /** A batch of steps arrived (with the followed listener's slates of those steps). */
  receiveSteps(rows: StepMetrics[], frame: SongFrame | undefined, done: boolean, trail?: readonly TrailStep[], listener?: ListenerProfile): void;
  /** Whether the run has ended changed (e.g. the run length was changed live). */
  setDone(done: boolean): void;
}

export type AppState = ParamsSlice & RunSlice & HistorySlice & SongsSlice & UiSlice & PageSlice & FollowSlice & PinSlice & LifecycleActions;
type Set = (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;
type Slice<T> = (set: Set, get: () => AppState) => T;

function pendingOf(params: Params, draft: Params, previous: readonly string[]): readonly string[] {
  const keys = changedKeys(params, draft);
  // Keep the old array when nothing changed, so selectors see a stable value.
  return keys.length === previous.length && keys.every((k, i) => k === previous[i]) ? previous : keys;
}

const paramsSlice =
  (params: Params): Slice<ParamsSlice> =>
  (set) => ({
    params,
    base: params,
    scenarioChanges: [],
    draft: params,
    pendingRestart: [],
    setParams: (next, keepPending = false) =>
      set((s) => {
        if (!keepPending) return { params: next, draft: next, pendingRestart: pendingOf(next, next, s.pendingRestart) };
        const draft = { ...next } as Record<string, unknown>;
        for (const key of s.pendingRestart) draft[key] = s.draft[key as keyof Params];
        return { params: next, draft: draft as Params, pendingRestart: pendingOf(next, draft as Params, s.pendingRestart) };
      }),
    setDraftValue: (key, value, live) =>
      set((s) => {
        const draft = { ...s.draft, [key]: value };
        const params = live ? { ...s.params, [key]: value } : s.params;
        return { draft, params, pendingRestart: pendingOf(params, draft, s.pendingRestart) };
      }),
    discardPending: () => set((s) => ({ draft: s.params, pendingRestart: pendingOf(s.params, s.params, s.pendingRestart) })),
    adoptAsScenario: () => set((s) => ({ base: s.params, scenarioChanges: [] })),
    keepScenarioChangesUpTo: (t) =>
      set((s) => (s.scenarioChanges.every((c) => c.t <= t) ? {} : { scenarioChanges: s.scenarioChanges.filter((c) => c.t <= t) })),
    setSteps: (steps) =>
      set((s) => ({ params: { ...s.params, steps }, draft: { ...s.draft, steps }, base: { ...s.base, steps } })),
  });

const runSlice: Slice<RunSlice> = (set) => ({
  status: 'starting',
  error: null,
  speed: 10,
  t: 0,
  runCount: 0,
  setStatus: (status, error = null) => set({ status, error }),
  setSpeed: (speed) => set({ speed }),
});

function markerLabel(parts: readonly MarkerPart[]): string {
  return `${parts.map((p) => p.text).join(', ')} from here`;
}

const historySlice: Slice<HistorySlice> = (set, get) => ({
  initial: null,
  rows: [],
  markers: [],
  resetHistory: (initial) => set({ initial, rows: [], markers: [], t: 0 }),
  // A new array per batch (not per row) keeps renders to one per worker message.
  appendRows: (rows) => {
    if (rows.length === 0) return;
    set({ rows: get().rows.concat(rows), t: rows.at(-1)!.t });
  },
  addMarkerPart: (t, part) =>
    set((s) => {
      const last = s.markers.at(-1);
      if (!last || last.t !== t) {
        if (part.from === part.to) return {};
        return { markers: [...s.markers, { t, label: markerLabel([part]), parts: [part] }] };
      }
      const old = last.parts.find((p) => p.key === part.key);
      const merged = old ? { ...part, from: old.from } : part;
      const parts = last.parts.filter((p) => p.key !== part.key);
      // Changing a value back to where it was at this step leaves no marker for it.
      if (merged.from !== merged.to) parts.push(merged);
      const markers = s.markers.slice(0, -1);
      if (parts.length > 0) markers.push({ t, label: markerLabel(parts), parts });
      return { markers };
    }),
});

function snapshot(catalog: SongCatalog, frame: SongFrame): SongSnapshot {
  return { ...frame, quality: catalog.quality, genre: catalog.genre, longTail: catalog.longTail };
}

const uiSlice =
  (controlsHidden: boolean, notices: readonly Notice[]): Slice<UiSlice> =>
  (set) => ({
    controlsHidden,
    notices,
    setControlsHidden: (hidden) => set({ controlsHidden: hidden }),
    addNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  });

const pageSlice =
  (page: PageName, lesson: LessonPosition | null, present: string | null, compareArms: readonly ArmChoice[], worlds: WorldsInputs): Slice<PageSlice> =>
  (set) => ({
    page,
    lesson,
    present,
    compareArms,
    worlds,
    setWorlds: (next) => set({ worlds: next }),
    setPage: (next) => set({ page: next }),
    setLesson: (next) => set({ lesson: next }),
    setPresent: (view) => set({ present: view }),
    setCompareArms: (arms) => set({ compareArms: arms }),
  });

/**
 * `trail` with `more` appended, cut to the last TRAIL_LENGTH: only steps of listener `follow` after
 * the trail's last step (a step already in the trail, e.g. from the history sent on a follow, is not
 * added twice).
 */
function extendTrail(trail: readonly TrailStep[], more: readonly TrailStep[], follow: number): readonly TrailStep[] {
  const after = trail.at(-1)?.t ?? 0;
  const mine = more.filter((step) => step.listener === follow && step.t > after);
  if (mine.length === 0) return trail;
  return [...trail, ...mine].slice(-TRAIL_LENGTH);
}

const followSlice =
  (follow: number): Slice<FollowSlice> =>
  (set) => ({
    follow,
    listener: null,
    trail: [],
    historySteps: TRAIL_LENGTH,
    // Replaced, not appended: the history is the new listener's own, and may reach back before steps already shown.
    receiveListener: (listener, trail) => set({ follow: listener.listener, listener, trail: trail.slice(-TRAIL_LENGTH) }),
  });

const pinSlice =
  (pinned: PinnedRun | null): Slice<PinSlice> =>
  (set) => ({
    pinned,
    setPinned: (next) => set({ pinned: next }),
    updatePinned: (patch) => set((s) => (s.pinned ? { pinned: { ...s.pinned, ...patch } } : {})),
  });

const lifecycle: Slice<LifecycleActions> = (set) => ({
  beginRun: (params, changes = []) =>
    set((s) => ({
      params,
      base: params,
      scenarioChanges: changes,
      draft: params,
      pendingRestart: pendingOf(params, params, s.pendingRestart),
      status: 'starting',
      error: null,
      t: 0,
      runCount: s.runCount + 1,
      initial: null,
      rows: [],
      markers: [],
      catalog: null,
      songs: null,
      trail: [],
    })),
  runReady: (initial, catalog, frame, listener, historySteps = TRAIL_LENGTH) =>
    set((s) => ({
      initial,
      catalog,
      songs: snapshot(catalog, frame),
      status: 'idle',
      t: 0,
      trail: [],
      historySteps: Math.min(TRAIL_LENGTH, historySteps),
      ...(listener && listener.listener === s.follow ? { listener } : {}),
    })),
  receiveSteps: (rows, frame, done, trail = [], listener) =>
    set((s) => {
      const next: Partial<AppState> = {};
      const extended = extendTrail(s.trail, trail, s.follow);
      if (extended !== s.trail) next.trail = extended;
      if (listener && listener.listener === s.follow) next.listener = listener;
      if (rows.length > 0) {
        next.rows = s.rows.concat(rows);
        next.t = rows.at(-1)!.t;
      }
      if (frame && s.catalog) next.songs = snapshot(s.catalog, frame);
      if (s.status !== 'error') {
        if (done) next.status = 'done';
        else if (s.status === 'idle' && rows.length > 0) next.status = 'paused';
        else if (s.status === 'done') next.status = 'paused';
      }
      return next;
    }),
  setDone: (done) =>
    set((s) => {
      if (s.status === 'error' || s.status === 'starting') return {};
      if (done) return s.status === 'done' ? {} : { status: 'done' };
      return s.status === 'done' ? { status: s.t === 0 ? 'idle' : 'paused' } : {};
    }),
});

export interface StoreOptions {
  controlsHidden?: boolean;
  notices?: readonly Notice[];
  lesson?: LessonPosition | null;
  present?: string | null;
  follow?: number;
  /** A run pinned as A (from a link); its rows are computed once the page runs. */
  pinned?: PinnedRun | null;
  page?: PageName;
  compareArms?: readonly ArmChoice[];
  worlds?: WorldsInputs;
}

/** Creates the store, starting from `params` (e.g. read from the URL). */
export function createAppStore(params: Params, paramIssues: ParamIssue[] = [], options: StoreOptions = {}) {
  const notices = [...(options.notices ?? [])];
  if (paramIssues.length > 0) notices.unshift(urlNotice(paramIssues));
  return createStore<AppState>()((set, get) => ({
    ...paramsSlice(params)(set, get),
    ...runSlice(set, get),
    ...historySlice(set, get),
    catalog: null,
    songs: null,
    ...uiSlice(options.controlsHidden ?? false, notices)(set, get),
    ...pageSlice(
      options.page ?? 'explore',
      options.lesson ?? null,
      options.present ?? null,
      options.compareArms ?? DEFAULT_ARMS.map((name) => presetArm(name)!),
      options.worlds ?? { n: WORLDS_DEFAULT, baseline: BASELINE_DEFAULT },
    )(set, get),
    ...followSlice(options.follow ?? 0)(set, get),
    ...pinSlice(options.pinned ?? null)(set, get),
    ...lifecycle(set, get),
  }));
}

/** Most link problems one notice lists; a hostile link with thousands of keys gets a count instead. */
export const MAX_LISTED_ISSUES = 20;

/**
 * The notice for link settings that were ignored. Each issue's message names the key and says what
 * was used instead (see url.ts); keys and values in it are already shortened.
 */
export function urlNotice(issues: readonly ParamIssue[]): Notice {
  const parts = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message);
  const more = issues.length - parts.length;
  if (more > 0) parts.push(`and ${more} more settings`);
  return { id: 'url-issues', text: `Some link settings were ignored and their defaults used: ${parts.join('; ')}.` };
}

export type AppStore = ReturnType<typeof createAppStore>;
