// Resolves a Chromium executable for Playwright (CHROMIUM_PATH, system Chromium, Playwright's own); no side effects.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

// Debian's /usr/bin/chromium is a shell wrapper that adds desktop flags; prefer the real binary behind it.
const SYSTEM_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const WHICH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function which(name) {
  try {
    const out = execFileSync('which', [name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const path = out.trim().split('\n')[0];
    return path && existsSync(path) ? realpathSync(path) : null;
  } catch {
    return null;
  }
}

function playwrightChromium() {
  for (const mod of ['@playwright/test', 'playwright-core']) {
    try {
      const path = require(mod).chromium.executablePath();
      if (path && existsSync(path)) return path;
    } catch {
      // Module missing or its browser not downloaded: try the next source.
    }
  }
  return null;
}

/**
 * Returns the absolute path of a Chromium executable, or null if none is found.
 * Throws if CHROMIUM_PATH is set but names no existing file.
 * @returns {string | null}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const path = resolve(fromEnv);
    if (!existsSync(path)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file exists there.`);
    }
    return path;
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return realpathSync(path);
  for (const name of WHICH_NAMES) {
    const path = which(name);
    if (path) return path;
  }
  return playwrightChromium();
}
