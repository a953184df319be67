// Shared set-up for the e2e tests (not a test file itself).
import { test as base, type BrowserContext } from '@playwright/test';

/**
 * `test` whose `page` is a new tab in one browser context shared by the calling file's tests, instead
 * of a tab in a fresh context per test. A fresh context starts with empty caches, so every test paid
 * for loading and compiling the app again (measured at about 2 s of CPU time per page load). Each test
 * still opens its own tab and loads its own URL, so the app starts from scratch; what carries over is
 * the cache, the registered service worker (which serves the same build) and local storage. Call it at
 * the top of a file, for tests that do not depend on a fresh context: no `page.route` (the service
 * worker would answer first), no permissions, no offline mode, no `context` fixture. The context takes
 * the context options (test.use) of the first test that opens a page in it, so tests that need other
 * options (a touch screen…) get a shared context of their own, from a second call.
 */
export function withSharedContext(): typeof base {
  let shared: BrowserContext | undefined;
  base.afterAll(async () => {
    await shared?.close();
    shared = undefined;
  });
  return base.extend({
    page: async ({ browser }, use) => {
      // Created inside the first test, so the project's context options (baseURL, viewport…) apply.
      shared ??= await browser.newContext();
      const page = await shared.newPage();
      await use(page);
      await page.close();
    },
  });
}
