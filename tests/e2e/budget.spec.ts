// Bundle budget: the JavaScript the page actually loads (entry chunk + simulation worker), gzipped, is at most 250 KB.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** 250 KB, in kB of 1,000 bytes as Vite reports them. */
const BUDGET_BYTES = 250_000;

test('the page loads at most 250 KB of gzipped JavaScript, worker included', async ({ page }) => {
  const scripts = new Map<string, Promise<Buffer>>();
  const precached = new Set<string>();
  // The context sees the workers' requests as well as the page's, and the service worker's: after
  // load it fetches the whole build for offline use (the batch worker too, which the page starts
  // only on the compare and worlds pages). That background copy is not what the page loads to run.
  page.context().on('response', (response) => {
    const url = new URL(response.url());
    if (!response.ok() || !url.pathname.endsWith('.js')) return;
    if (response.request().serviceWorker()) precached.add(url.pathname.split('/').pop() ?? url.pathname);
    else scripts.set(url.pathname, response.body());
  });
  await page.goto('./');
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  // A step runs every path of the page once (views, worker messages), in case anything loads lazily.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 \//);
  await page.waitForLoadState('networkidle');

  const files = await Promise.all(
    [...scripts].map(async ([path, body]) => {
      const bytes = await body;
      return { name: path.split('/').pop() ?? path, raw: bytes.length, gzip: gzipSync(bytes).length };
    }),
  );
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const detail = files
    .sort((a, b) => b.gzip - a.gzip)
    .map((f) => `${f.name} ${kb(f.gzip)} (${kb(f.raw)} raw)`)
    .join(', ');
  const offline = precached.size > 0 ? `; the service worker's offline copy fetched ${[...precached].sort().join(', ')}` : '';
  test.info().annotations.push({ type: 'bundle (gzip)', description: `${kb(total)} of ${kb(BUDGET_BYTES)}: ${detail}${offline}` });
  console.log(`JavaScript loaded: ${kb(total)} gzipped of a ${kb(BUDGET_BYTES)} budget: ${detail}${offline}`);

  expect(files.some((f) => f.name.startsWith('index-')), 'the entry chunk was loaded').toBe(true);
  expect(files.some((f) => f.name.includes('worker')), 'the worker chunk was loaded').toBe(true);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
