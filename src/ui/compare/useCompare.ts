// The compare page's store and session, made once per page visit, and a hook to select from the store.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CompareState, CompareStore } from '../../state/compare';
import type { CompareSession } from '../../state/compareSession';

export interface CompareContextValue {
  readonly store: CompareStore;
  readonly session: CompareSession;
}

export const CompareContext = createContext<CompareContextValue | null>(null);

function useCompareContext(): CompareContextValue {
  const value = useContext(CompareContext);
  if (!value) throw new Error('compare components need a <CompareContext.Provider>');
  return value;
}

/** One selected value of the compare store. */
export function useCompare<T>(selector: (state: CompareState) => T): T {
  return useStore(useCompareContext().store, selector);
}

/** The compare session: play, seek, arms, seeds. */
export function useCompareSession(): CompareSession {
  return useCompareContext().session;
}
