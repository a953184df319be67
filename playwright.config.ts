// Playwright e2e config: builds + previews the app and runs tests/e2e in a local (non-downloaded) Chromium.
// A second server (scripts/serve-subpath.mjs) serves the same build under a sub-path, as a static host would.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/find-browser.mjs';

/**
 * Chromium features the pages under test do not use. Headless Chromium preloads the WebUI popups of
 * its (invisible) address bar, chrome://omnibox-popup.top-chrome/, in a renderer process of their own
 * for every tab: about 1.5 s of CPU time per test, a third of the e2e stage's CPU time in all.
 */
const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * `chromium` behind a shell script that merges every --disable-features switch into one before it
 * starts it: Chromium keeps only the last of them, and Playwright passes a list of its own, which ours
 * would otherwise replace. The script is written to node_modules/.cache/ (not /tmp, which may be
 * mounted noexec), named after its content.
 */
function withMergedFeatureSwitches(chromium: string): string {
  const quoted = `'${chromium.replace(/'/g, `'\\''`)}'`;
  const script = `#!/bin/sh
# Written by playwright.config.ts: starts Chromium with every --disable-features switch merged into one.
features=''
for arg; do
  shift
  case $arg in
    --disable-features=*) features="$features,\${arg#--disable-features=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec ${quoted} "$@" "--disable-features=\${features#,}"
`;
  const dir = fileURLToPath(new URL('node_modules/.cache/', import.meta.url));
  const path = join(
    dir,
    `chromium-${createHash('sha256').update(script).digest('hex').slice(0, 12)}.sh`,
  );
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name, then renamed: the config is loaded by several processes at once.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, script, { mode: 0o755 });
    renameSync(partial, path);
  }
  return path;
}

const chromium = findChromium();
const executablePath =
  chromium && process.platform !== 'win32'
    ? withMergedFeatureSwitches(chromium)
    : (chromium ?? undefined);

/** The sub-path tests/e2e/subpath.spec.ts loads the build from (keep the two in step). */
const SUB_PATH = '/lab/sub/path/';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:4173',
    screenshot: 'off',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // Merged with Playwright's own list by the script above (without it, Chromium would keep
            // only this one).
            ...(executablePath === chromium
              ? []
              : [`--disable-features=${DISABLED_FEATURES.join(',')}`]),
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // `npm test` builds beside the typecheck and lint and says so with E2E_PREBUILT (scripts/test-all.mjs).
      command: `${process.env.E2E_PREBUILT ? '' : 'npm run build && '}npx vite preview --port 4173 --strictPort`,
      url: 'http://localhost:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // Started after the build above; answers 503 until dist/ exists.
      command: `node scripts/serve-subpath.mjs --port 4174 --base ${SUB_PATH}`,
      url: `http://localhost:4174${SUB_PATH}`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
