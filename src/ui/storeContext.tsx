// Gives components the one app store and the session's actions; components select single values,
// so each re-renders only for its own data.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimulationActions } from '../state/session';
import type { AppState, AppStore } from '../state/store';

const StoreContext = createContext<AppStore | null>(null);
const ActionsContext = createContext<SimulationActions | null>(null);

export function StoreProvider({ store, actions, children }: { store: AppStore; actions?: SimulationActions; children: ReactNode }) {
  return (
    <StoreContext.Provider value={store}>
      <ActionsContext.Provider value={actions ?? null}>{children}</ActionsContext.Provider>
    </StoreContext.Provider>
  );
}

/** The store itself, for event handlers and subscriptions outside render. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreProvider>');
  return store;
}

/** One selected value of the store. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** What the user can ask the simulation to do (play, step, change a parameter, …). */
export function useActions(): SimulationActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions needs a <StoreProvider actions={…}>');
  return actions;
}
