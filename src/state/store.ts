// The page's one store, built from slices: parameters, run state and metric history.
import { createStore } from 'zustand/vanilla';
import type { InitialMetrics, ParamIssue, Params, StepMetrics } from '../engine';

export interface ParamsSlice {
  params: Params;
  /** URL values that were ignored, with the reason. */
  paramIssues: ParamIssue[];
  setParams(params: Params): void;
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'done' | 'error';
export interface RunSlice {
  status: RunStatus;
  error: string | null;
  setStatus(status: RunStatus, error?: string | null): void;
}

export interface HistorySlice {
  initial: InitialMetrics | null;
  rows: StepMetrics[];
  resetHistory(initial: InitialMetrics | null): void;
  appendRows(rows: StepMetrics[]): void;
}

export type AppState = ParamsSlice & RunSlice & HistorySlice;
type Slice<T> = (set: (partial: Partial<AppState>) => void, get: () => AppState) => T;

const paramsSlice =
  (params: Params, paramIssues: ParamIssue[]): Slice<ParamsSlice> =>
  (set) => ({ params, paramIssues, setParams: (next) => set({ params: next }) });

const runSlice: Slice<RunSlice> = (set) => ({
  status: 'idle',
  error: null,
  setStatus: (status, error = null) => set({ status, error }),
});

const historySlice: Slice<HistorySlice> = (set, get) => ({
  initial: null,
  rows: [],
  resetHistory: (initial) => set({ initial, rows: [] }),
  // A new array per batch (not per row) keeps renders to one per worker message.
  appendRows: (rows) => set({ rows: get().rows.concat(rows) }),
});

/** Creates the store, starting from `params` (e.g. read from the URL). */
export function createAppStore(params: Params, paramIssues: ParamIssue[] = []) {
  return createStore<AppState>()((set, get) => ({
    ...paramsSlice(params, paramIssues)(set, get),
    ...runSlice(set, get),
    ...historySlice(set, get),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
