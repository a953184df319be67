// Mounts the parallel-worlds page on the app's scenario: its inputs follow the link, and it runs on opening.
import { useEffect, useState } from 'react';
import { createWorldsSession } from '../../state/worlds';
import { sharedBatchPool } from '../../worker/pool';
import { useAppStore, useAppStoreApi } from '../storeContext';
import { WorldsPage } from './WorldsPage';

export function WorldsHost() {
  const app = useAppStoreApi();
  const base = useAppStore((s) => s.base);
  const [session] = useState(() => createWorldsSession(app.getState().worlds));
  useEffect(() => {
    // A link to this page shows its result without a click; the user's own runs come from Run.
    void session.run(app.getState().base, sharedBatchPool());
    const stop = session.store.subscribe((state, prev) => {
      if (state.n !== prev.n || state.baseline !== prev.baseline) app.getState().setWorlds({ n: state.n, baseline: state.baseline });
    });
    return () => {
      stop();
      session.dispose();
    };
  }, [session, app]);
  return (
    <main className="worlds-main" id="main">
      <WorldsPage params={base} pool={sharedBatchPool()} session={session} />
    </main>
  );
}
