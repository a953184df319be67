// The single-file build (npm run build:single): one HTML file with its scripts, styles and simulation
// worker inlined, that runs opened from file:// with no server and no network.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

test.beforeAll(() => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'fll-single-'));
  // `npm run build:single` itself, into a directory of this test's own instead of dist-single/.
  const build = spawnSync('npm', ['run', 'build:single', '--', '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The directives of the page's CSP meta, by name. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(meta, 'a Content-Security-Policy meta').not.toBeNull();
  return new Map(
    (meta?.[1] ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

test('build:single writes one HTML file with everything inlined, its inline code allowed by hash only', () => {
  expect(readdirSync(dir)).toEqual(['index.html']);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // Nothing loaded from a file: no script src, no stylesheet, no manifest.
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
  expect(html).not.toMatch(/<link\b[^>]*rel="?(stylesheet|manifest|modulepreload)/);
  // The worker is inside, as code started from a Blob.
  expect(html).toContain('createObjectURL');
  expect(html).not.toContain('simulation.worker-');

  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  expect(scripts.length).toBe(1);
  expect(styles.length).toBe(1);
  const hash = (text: string) =>
    `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const policy = policyOf(html);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'", ...scripts.map(hash)]);
  expect(policy.get('style-src')).toEqual(["'self'", ...styles.map(hash)]);
  expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect([...policy.values()].flat().filter((source) => source.includes('unsafe'))).toEqual([]);
  // A meta policy covers only what follows it: it comes before any script or style.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<style/));
});

test('the single file runs from file:// with no server and no network', async ({
  page,
  context,
}) => {
  const errors: string[] = [];
  const requests: string[] = [];
  const workers: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('worker', (worker) => workers.push(worker.url()));
  context.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await context.setOffline(true);

  const file = pathToFileURL(join(dir, 'index.html')).href;
  await page.goto(`${file}?users=100&songs=200&steps=5`);
  await expect(page).toHaveTitle('Feedback Loop Lab');
  await expect(page.getByTestId('run-status')).toHaveText('Ready', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 5 / 5');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  expect(workers).toHaveLength(1);
  expect(workers[0]).toMatch(/^blob:/);
  // The page is the only file; everything else came from inside it.
  expect(requests.filter((url) => !/^(blob|data):/.test(url))).toEqual([
    `${file}?users=100&songs=200&steps=5`,
  ]);
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(errors).toEqual([]);
  await context.setOffline(false);
});
