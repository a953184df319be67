// Service worker: keeps one build of the app (page, scripts, simulation worker, styles, manifest, icons)
// in a cache named after that build's hash, and serves the app from it, so the app opens offline.
//
// Compiled to dist/sw.js by scripts/offline-build.ts, which puts the build's file list (PRECACHE) in
// front of this code. Lifecycle:
// - install: fetches every listed file (bypassing the HTTP cache, checked against its sha256) into
//   the cache "feedback-loop-lab|<scope>|<build hash>"; if any file fails, nothing is installed.
// - activate: deletes this app's caches of other builds at the same scope, then takes control of open
//   pages. A new build waits (the browser's default) until no tab runs the old one, so an open tab
//   never loses the files of the build it is running.
// - fetch: the app's page (its scope URL, any query string) and the listed files come from the cache;
//   everything else, and anything missing from the cache, goes to the network as usual.

/** The build's files, relative to this script, each with its SRI hash; `version` is the build hash. */
declare const PRECACHE: { version: string; files: Record<string, string> };

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = globalThis as unknown as ServiceWorkerScope;
const scope = worker.registration.scope;
/** Keep in step with CACHE_PREFIX in scripts/offline-build.ts. */
const cachePrefix = `feedback-loop-lab|${scope}|`;
const cacheName = cachePrefix + PRECACHE.version;
/** The page: cached under the scope URL itself (what a static host serves for the directory). */
const page = new URL('./', scope).href;
const listed = new Set(Object.keys(PRECACHE.files).map((path) => new URL(path, scope).href));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) =>
        cache.addAll(
          Object.entries(PRECACHE.files).map(
            ([path, integrity]) =>
              new Request(new URL(path, scope), { cache: 'reload', integrity }),
          ),
        ),
      ),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(cachePrefix) && name !== cacheName) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

/** The cache key a request is served from, or null to leave it to the network. */
function cacheKey(request: Request): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    return url.href === page || url.href === `${page}index.html` ? page : null;
  }
  return listed.has(url.href) ? url.href : null;
}

worker.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key === null) return;
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(event.request)),
  );
});

// A module for the type checker (its names stay out of the global scope); the build wraps it in an IIFE.
export {};
