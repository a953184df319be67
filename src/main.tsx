// Page entry: parameters from the URL → the store → the session (worker) → the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SimulationSession } from './state/session';
import { createAppStore } from './state/store';
import { readLink, syncUrl } from './state/url';
import { App } from './ui/App';
import { StoreProvider } from './ui/storeContext';
import { viewFrames } from './ui/viewFrames';
import { startSimulationWorker } from './worker/client';
import './ui/app.css';

const { params, flags, issues } = readLink(window.location.search);
const store = createAppStore(params, issues, flags);
// A batch of steps is acknowledged to the worker once the views have drawn it.
const session = new SimulationSession(store, { startWorker: startSimulationWorker, afterPaint: viewFrames.afterShown });
session.start();
syncUrl(store, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store} actions={session}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
