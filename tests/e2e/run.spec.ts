// The page runs the engine in a Web Worker and gets bit-identical numbers to Node; bad URL values are reported.
import { expect, test } from '@playwright/test';
import { applyOverrides, defaultParams, runSimulation } from '../../src/engine';

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
