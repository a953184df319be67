// Once loaded the page needs no network: runs, resets, presets, live changes and exports work offline.
import { expect, test } from '@playwright/test';

test('after loading, everything works offline and nothing is fetched', async ({ page, context }) => {
  await page.goto('./?users=200&songs=400&steps=20');
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.waitForLoadState('networkidle');

  const requests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await context.setOffline(true);

  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await page.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 11 / 20');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ index: 1 });
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 \//);

  expect(requests).toEqual([]);
  await context.setOffline(false);
});
