// Page entry: parameters from the URL → the store → the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './state/store';
import { paramsFromSearch } from './state/url';
import { App } from './ui/App';
import { StoreProvider } from './ui/storeContext';
import './ui/app.css';

const { params, issues } = paramsFromSearch(window.location.search);
const store = createAppStore(params, issues);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
