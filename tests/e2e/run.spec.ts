// The page runs the engine in a Web Worker and gets bit-identical numbers to Node; bad URL values are
// reported, hostile ones (prototype names, repeated keys, 100 KB values) in a notice that fits a phone.
import { expect, test as freshContextTest, type Locator, type Page } from '@playwright/test';
import { applyOverrides, defaultParams, runSimulation } from '../../src/engine';
import { withSharedContext } from './fixtures';

// The tests that open a plain link share one browser context (warm caches: tests/e2e/fixtures.ts);
// the one that routes requests gets a fresh context.
const test = withSharedContext();

const query = { users: '150', songs: '400', steps: '15', seed: '5', recommender: 'personalized' };

test('a run in the browser matches the same run in Node to the last bit', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto(`./?${new URLSearchParams(query)}`);
  await expect(page.getByRole('combobox', { name: 'Recommender' })).toHaveValue('personalized');
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 15 / 15');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  await page.getByText(/All metrics of step 15/).click();
  const browserRow: unknown = JSON.parse(await page.getByTestId('last-row-json').innerText());
  const { params, issues } = applyOverrides(defaultParams(), query, true);
  expect(issues).toEqual([]);
  expect(browserRow).toEqual(runSimulation(params).steps.at(-1));
  expect(errors).toEqual([]);
});

test('invalid link values are named in a notice and the defaults still run', async ({ page }) => {
  await page.goto('./?users=abc&steps=3&bogus=1');
  const notice = page.getByRole('status').filter({ hasText: 'ignored' });
  await expect(notice).toContainText('users: must be an integer from 2 to 200000, got "abc" (using the default, 1000)');
  await expect(notice).toContainText('unknown parameter "bogus"');
  // The address bar now holds what actually runs.
  await expect(page).toHaveURL(/\?steps=3$/);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 / 3');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

/** The viewport of a small phone, where a notice that does not wrap pushes Dismiss off screen. */
const PHONE = { width: 390, height: 844 };

/** Whether `locator` lies wholly inside the phone viewport. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height;
}

/** Whether the notice fits the phone's width: its box inside the viewport, its text not overflowing it. */
async function fitsWidth(notice: Locator): Promise<boolean> {
  const box = await notice.boundingBox();
  const overflows = await notice.evaluate((el) => el.scrollWidth > el.clientWidth);
  return !!box && box.x >= 0 && box.x + box.width <= PHONE.width && !overflows;
}

/**
 * Serves the app's page for links too long for the preview server (Node answers 431 above 16 KB of
 * headers): the page, not the server, is under test, and some hosts do accept such links.
 */
async function serveLongLinks(page: Page): Promise<void> {
  const html = await (await page.request.get('./')).text();
  await page.route(
    (url) => url.pathname === '/' && url.search.length > 8000,
    (route) => route.fulfill({ contentType: 'text/html', body: html }),
  );
}

freshContextTest('a hostile link is named in a notice that wraps on a phone, with Dismiss on screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await serveLongLinks(page);
  await page.goto(`./?constructor=1&users=-5&users=500&x=${'x'.repeat(100_000)}`);
  const notice = page.getByRole('status').filter({ hasText: 'ignored' });
  await expect(notice).toContainText('unknown parameter "constructor"');
  await expect(notice).toContainText('users given 2 times ("-5", "500"): all refused (using the default, 1000)');
  await expect(notice).toContainText('unknown parameter "x"');
  await expect(notice).not.toContainText('native code');
  expect(await fitsWidth(notice)).toBe(true);
  const dismiss = notice.getByRole('button', { name: 'Dismiss' });
  expect(await onScreen(dismiss)).toBe(true);
  await dismiss.click();
  await expect(notice).toHaveCount(0);

  // A 100 KB value of a known key is shown shortened, and its one long word wraps.
  await page.goto(`./?songs=${'9'.repeat(100_000)}`);
  await expect(notice).toContainText(`songs: must be an integer from 10 to 200000, got "${'9'.repeat(80)}…" (using the default, 2000)`);
  expect((await notice.innerText()).length).toBeLessThan(300);
  expect(await fitsWidth(notice)).toBe(true);
  expect(await onScreen(notice.getByRole('button', { name: 'Dismiss' }))).toBe(true);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
