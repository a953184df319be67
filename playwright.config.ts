// Playwright e2e config: builds + previews the app and runs tests/e2e in a local (non-downloaded) Chromium.
// A second server (scripts/serve-subpath.mjs) serves the same build under a sub-path, as a static host would.
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/find-browser.mjs';

const executablePath = findChromium() ?? undefined;

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
