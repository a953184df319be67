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
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 15 of 15 · done');
  await expect(page.getByRole('img', { name: 'Gini of plays by step' })).toBeVisible();

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
  await expect(notice).toContainText('users: must be an integer from 2 to 200000, got "abc"');
  await expect(notice).toContainText('unknown parameter "bogus"');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3 · done');
});
