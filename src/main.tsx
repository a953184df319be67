// Page entry: parameters from the URL → the store → the session (worker) → the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SimulationSession } from './state/session';
import { createAppStore } from './state/store';
import { readLink, syncUrl } from './state/url';
import { App } from './ui/App';
import { LESSONS } from './ui/lesson/chapters';
import { PRESENT_VIEWS } from './ui/present/PresentMode';
import { StoreProvider } from './ui/storeContext';
import { viewFrames } from './ui/viewFrames';
import { registerServiceWorker } from './sw/register';
import { startSimulationWorker } from './worker/client';
import { sharedBatchPool } from './worker/pool';
import './ui/app.css';

const vocabulary = {
  lessons: new Map(Object.entries(LESSONS).map(([name, chapters]) => [name, chapters.length])),
  views: PRESENT_VIEWS.map((view) => view.id),
};
const link = readLink(window.location.search, vocabulary);
const pinned = link.pinned && { scenario: link.pinned, initial: null, rows: [], computing: true, error: null };
const store = createAppStore(link.params, link.issues, { ...link.flags, lesson: link.lesson, present: link.present, follow: link.follow, pinned, page: link.page, compareArms: link.compareArms, worlds: link.worlds });
// A batch of steps is acknowledged to the worker once the views have drawn it.
const session = new SimulationSession(store, { startWorker: startSimulationWorker, afterPaint: viewFrames.afterShown, startPool: sharedBatchPool });
session.start({ changes: link.changes, toStep: link.step });
syncUrl(store, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store} actions={session}>
      <App />
    </StoreProvider>
  </StrictMode>,
);

registerServiceWorker();
