// Registers the service worker (dist/sw.js, from src/sw/sw.ts) that lets the built app open offline.
// Not in development (no sw.js is served), not in the single-file build, not from file:// (no service
// workers there). A failure is silent: the app then works as before, online only.

/** Keep in step with SINGLE_FILE_MODE in scripts/offline-build.ts. */
const SINGLE_FILE_MODE = 'single';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === SINGLE_FILE_MODE) return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  const register = () => {
    // Relative to the page, so the worker's scope is the directory the app is served from.
    navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => {});
  };
  // After load, so installing (which downloads the build once more) does not compete with the
  // page's own loading.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
