// Offline: once loaded the page needs no network; after one visit the service worker (src/sw/sw.ts,
// dist/sw.js) has cached the build, so the app opens, reloads and runs with the network off; a new
// build replaces the cache once no tab runs the old one.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  CACHE_PREFIX,
  precacheManifest,
  serviceWorkerScript,
  type Precache,
} from '../../scripts/offline-build';

/** Building a world on a first load can take seconds on a busy 2-core machine. */
const LOAD = { timeout: 30_000 };

test('after loading, everything works offline and nothing is fetched', async ({ page, context }) => {
  await page.goto('./?users=200&songs=400&steps=20');
  await expect(page.getByTestId('run-status')).toHaveText('Ready', LOAD);
  await page.waitForLoadState('networkidle');
  // The service worker downloads the build once more while it installs; let it finish first.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  const requests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await context.setOffline(true);

  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await page.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 11 / 20');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ index: 1 });
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 \//);

  expect(requests).toEqual([]);
  await context.setOffline(false);
});

// ---------------------------------------------------------------------------------------------------
// The installed app. Each test serves its own copy of dist/ (so it can stop the server, and change the
// copy as a new build would) under a sub-path, like a GitHub Pages project site.

/** The build the e2e web server serves (playwright.config.ts builds it first). */
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const SUB_PATH = '/lab/offline/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface Site {
  dir: string;
  url: string;
  /** Stops answering: closes the listener and every open connection. */
  stop(): Promise<void>;
}

/** Serves a fresh copy of dist/ at http://127.0.0.1:PORT/lab/offline/ (no HTTP caching). */
async function serveCopyOfDist(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'fll-offline-'));
  cpSync(DIST, dir, { recursive: true });
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Not the app</title>');
      return;
    }
    const file = normalize(
      join(dir, path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) || 'index.html' : '\0'),
    );
    try {
      if (!file.startsWith(dir + sep)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    dir,
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The precache list of the files in `dir` now, as the build computes it. */
function precacheOf(dir: string): Precache {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  const files = names
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name): [string, Buffer] => [name.split(sep).join('/'), readFileSync(join(dir, name))]);
  return precacheManifest(files);
}

/** The absolute URLs the service worker caches for a precache list. */
function cachedUrls(precache: Precache, base: string): string[] {
  return Object.keys(precache.files)
    .map((path) => new URL(path, base).href)
    .sort();
}

/** Every cache of the page's origin, with the URLs it holds. */
function cacheState(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const state: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      state[name] = (await (await caches.open(name)).keys()).map((request) => request.url).sort();
    }
    return state;
  });
}

/** Waits until the service worker has installed, activated and taken control of the page. */
async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Network off for the browser, and the server gone, so nothing can come from anywhere but the cache. */
async function goOffline(context: BrowserContext, site: Site): Promise<void> {
  await context.setOffline(true);
  await site.stop();
}

test('after one visit the app opens, reloads and runs with the network off', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const site = await serveCopyOfDist();
  try {
    const errors = collectErrors(page);
    await page.goto(`${site.url}?users=200&songs=400&steps=20`);
    await expect(page.getByTestId('run-status')).toHaveText('Ready', LOAD);
    await waitForControl(page);

    // One cache, named after the hash of this build's files, holding exactly those files, worker included.
    const build = precacheOf(site.dir);
    expect(Object.keys(build.files)).toEqual(
      expect.arrayContaining([
        './',
        'manifest.webmanifest',
        'icon-192.png',
        'icon-512.png',
        'icon.svg',
      ]),
    );
    expect(Object.keys(build.files)).toContainEqual(
      expect.stringMatching(/^assets\/simulation\.worker-[\w-]+\.js$/),
    );
    expect(readFileSync(join(site.dir, 'sw.js'), 'utf8')).toContain(
      `"version": "${build.version}"`,
    );
    expect(await cacheState(page)).toEqual({
      [`${CACHE_PREFIX}${site.url}|${build.version}`]: cachedUrls(build, site.url),
    });

    await goOffline(context, site);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page).toHaveTitle('Feedback Loop Lab');
    await expect(page.getByTestId('run-status')).toHaveText('Ready', LOAD);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 20');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 11 / 20');

    // Opened afresh (a new tab, another link) with the network still off.
    const again = await context.newPage();
    const againErrors = collectErrors(again);
    await again.goto(`${site.url}?users=100&songs=200&steps=5`);
    await again.getByRole('button', { name: 'Play' }).click();
    await expect(again.getByTestId('run-status')).toHaveText('Finished', LOAD);
    await expect(again.getByTestId('step-counter')).toHaveText('Step 5 / 5');
    expect(errors).toEqual([]);
    expect(againErrors).toEqual([]);
  } finally {
    await context.setOffline(false);
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});

test('a new build replaces the cache once no tab runs the old one', async ({ page, context }) => {
  test.setTimeout(120_000);
  const site = await serveCopyOfDist();
  try {
    const link = `${site.url}?users=200&songs=400&steps=20`;
    await page.goto(link);
    await waitForControl(page);
    const first = precacheOf(site.dir);
    const firstCache = `${CACHE_PREFIX}${site.url}|${first.version}`;
    expect(Object.keys(await cacheState(page))).toEqual([firstCache]);

    // The next build: a changed page, so a new file list and hash, so a new sw.js (made as the build makes it).
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8');
    writeFileSync(
      join(site.dir, 'index.html'),
      html.replace('<head>', '<head>\n    <!-- build 2 -->'),
    );
    const second = precacheOf(site.dir);
    const secondCache = `${CACHE_PREFIX}${site.url}|${second.version}`;
    expect(second.version).not.toBe(first.version);
    writeFileSync(join(site.dir, 'sw.js'), await serviceWorkerScript(second));

    // The browser finds it and installs it into its own cache, and it waits: the open tab keeps build 1.
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return 'no registration';
      await registration.update();
      const next = registration.installing ?? registration.waiting;
      if (!next) return 'no new service worker';
      while (next.state === 'parsed' || next.state === 'installing') {
        await new Promise((resolve) =>
          next.addEventListener('statechange', resolve, { once: true }),
        );
      }
      return next.state;
    });
    expect(state).toBe('installed');
    expect(Object.keys(await cacheState(page)).sort()).toEqual([firstCache, secondCache].sort());
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 20');

    // The last tab of build 1 closes: build 2 becomes active and deletes build 1's cache. (Watched
    // from a page of the same origin outside the app's scope, which is not a client of the app.)
    await page.close();
    const outside = await context.newPage();
    await outside.goto(new URL('/', site.url).href);
    const activeState = (scope: string) =>
      navigator.serviceWorker
        .getRegistration(scope)
        .then((registration) =>
          registration && !registration.installing && !registration.waiting
            ? (registration.active?.state ?? 'none')
            : 'waiting',
        );
    await expect.poll(() => outside.evaluate(activeState, site.url), LOAD).toBe('activated');
    await expect
      .poll(() => cacheState(outside))
      .toEqual({ [secondCache]: cachedUrls(second, site.url) });

    const later = await context.newPage();
    await later.goto(link);

    await goOffline(context, site);
    await later.reload();
    expect(await later.content()).toContain('<!-- build 2 -->');
    await later.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(later.getByTestId('step-counter')).toHaveText('Step 1 / 20');
  } finally {
    await context.setOffline(false);
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});
