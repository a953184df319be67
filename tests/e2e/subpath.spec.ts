// The static build works from a sub-path of a plain static server (scripts/serve-subpath.mjs), worker included.
import { expect, test } from '@playwright/test';

/** Keep in step with SUB_PATH in playwright.config.ts. */
const APP = 'http://localhost:4174/lab/sub/path/';

test('the build runs under a sub-path, with its worker', async ({ page }) => {
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('response', (res) => res.status() >= 400 && failed.push(`${res.status()} ${res.url()}`));
  await page.goto(`${APP}?users=100&songs=200&steps=5`);
  await expect(page).toHaveTitle('Feedback Loop Lab');
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 5 / 5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  // Links stay on the sub-path.
  expect(new URL(page.url()).pathname).toBe('/lab/sub/path/');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
