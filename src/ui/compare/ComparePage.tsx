// The compare page: 2–4 arms on the Explore page's world and seed, played in lockstep, as charts and a table, optionally over seeds.
import { useEffect, useState } from 'react';
import { createCompareStore } from '../../state/compare';
import { CompareSession } from '../../state/compareSession';
import type { BatchPool } from '../../worker/pool';
import { useAppStore, useAppStoreApi } from '../storeContext';
import { ArmEditor } from './ArmEditor';
import { CompareCharts } from './CompareCharts';
import { CompareTable } from './CompareTable';
import { CompareTransport } from './CompareTransport';
import { SharedWorld } from './SharedWorld';
import { CompareContext, type CompareContextValue } from './useCompare';
import './compare.css';

/** Builds the page's store and session from the app's scenario and arms, once per scenario. */
function useCompareRun(pool: () => BatchPool): CompareContextValue {
  const app = useAppStoreApi();
  const base = useAppStore((s) => s.base);
  const [value, setValue] = useState<CompareContextValue>(() => {
    const store = createCompareStore(base, app.getState().compareArms);
    return { store, session: new CompareSession(store, pool) };
  });
  // A new scenario on the Explore page (seed, sizes) is a new shared world: every arm runs again.
  const [forBase, setForBase] = useState(base);
  if (forBase !== base) {
    setForBase(base);
    const store = createCompareStore(base, app.getState().compareArms);
    setValue({ store, session: new CompareSession(store, pool) });
  }
  useEffect(() => {
    const { store, session } = value;
    session.start();
    // The arms live in the app store too, so the link holds them.
    const stop = store.subscribe((state, prev) => {
      if (state.arms !== prev.arms) app.getState().setCompareArms(state.arms);
    });
    return () => {
      stop();
      session.dispose();
    };
  }, [value, app]);
  return value;
}

export function ComparePage({ pool }: { pool: () => BatchPool }) {
  const value = useCompareRun(pool);
  return (
    <CompareContext.Provider value={value}>
      <main className="compare-page" id="main">
        <header className="compare-intro">
          <h2>Compare strategies on one world</h2>
          <SharedWorld />
        </header>
        <ArmEditor />
        <CompareTransport />
        <CompareTable />
        <CompareCharts />
      </main>
    </CompareContext.Provider>
  );
}
