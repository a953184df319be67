// Shared by the UI benchmark and the screenshot script: build the app, serve dist/ on a free port
// with scripts/serve-subpath.mjs, and launch the same Chromium (same flags) the e2e tests use.
import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-browser.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The flags playwright.config.ts passes to Chromium (keep the two in step). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `npm run build`; throws if it fails. */
export function buildApp(): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  /** The app's address, ending in '/'. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the built `dir` (default dist/) under `base` on a free port; resolves once the app answers. */
export async function serveDist(base = '/feedback-loop-lab/', dir = 'dist'): Promise<AppServer> {
  const port = await freePort();
  const args = ['scripts/serve-subpath.mjs', '--port', String(port), '--base', base, '--dir', dir];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}${base}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the static server exited (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return { url, close };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`the static server did not answer at ${url} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Headless Chromium from findChromium() (CHROMIUM_PATH, the system's, or Playwright's). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROMIUM_PATH.');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}
