// Comparing: pin A and switch B (ghost series, A | B | Δ equal to Node's runs), a compare link that reopens its arms, and a seed spread that can be cancelled.
import { expect, type Page } from '@playwright/test';
import { applyOverrides, armParams, defaultParams, findPreset, presetParams, runSimulation, type Params } from '../../src/engine';
import { formatDelta, formatHeadline } from '../../src/ui/compare/format';
import { axeBuilder } from './axe';
import { withSharedContext } from './fixtures';

// One browser context for the file's tests (warm caches: tests/e2e/fixtures.ts).
const test = withSharedContext();

test.describe.configure({ timeout: 120_000 });

const QUERY = 'users=200&songs=300&steps=20&seed=3';
const shared = (): Params => applyOverrides(defaultParams(), Object.fromEntries(new URLSearchParams(QUERY)), true).params;

async function noSeriousViolations(page: Page, state: string) {
  const { violations } = await axeBuilder(page).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `axe ${state}`).toEqual([]);
}

test('pin A, switch exploration, play: ghost lines and A | B | Δ equal to the CLI runs of both arms', async ({ page }) => {
  await page.goto(`./?${QUERY}`);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 20');
  await page.getByRole('button', { name: 'Pin as A' }).click();
  const strip = page.getByRole('region', { name: 'A and B compared' });
  await expect(strip).toContainText('A is pinned');
  // The mitigation bar's ε chip: B starts over on A's world and seed and is run to step 10.
  await page.getByRole('button', { name: 'ε 10%' }).first().click();
  await expect(strip).toContainText('Popularity + 10% exploration');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 20');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  const a = runSimulation(shared()).steps[19]!;
  const b = runSimulation({ ...shared(), exploration: 'epsilon', epsilon: 0.1 }).steps[19]!;
  await expect(page.getByTestId('ab-a-gini')).toHaveText(formatHeadline('index', a.gini));
  await expect(page.getByTestId('ab-b-gini')).toHaveText(formatHeadline('index', b.gini));
  await expect(page.getByTestId('ab-d-gini')).toHaveText(formatDelta('index', b.gini - a.gini));
  await expect(page.getByTestId('ab-a-aggregateDiversity')).toHaveText(formatHeadline('count', a.aggregateDiversity));
  await expect(page.getByTestId('ab-b-aggregateDiversity')).toHaveText(formatHeadline('count', b.aggregateDiversity));
  // Every time chart draws A as a grey dashed ghost.
  const ghosts = page.locator('.view-grid svg path[stroke="#7d8799"][stroke-dasharray]');
  // (Polled: the views render at transition priority, some frames after the numbers; src/ui/viewFrames.ts.)
  await expect.poll(() => ghosts.count()).toBeGreaterThanOrEqual(4);
  // The link holds both arms; opening it shows the same comparison.
  await expect(page).toHaveURL(/a=pinned&a\.exploration=none/);
  const link = page.url();
  await noSeriousViolations(page, 'with A pinned');
  const other = await page.context().newPage();
  await other.goto(link);
  // The link builds the world and runs both arms to step 20 first: seconds on a busy machine.
  await expect(other.getByTestId('step-counter')).toHaveText('Step 20 / 20', { timeout: 30_000 });
  await expect(other.getByTestId('ab-a-gini')).toHaveText(formatHeadline('index', a.gini));
  await expect(other.getByTestId('ab-b-gini')).toHaveText(formatHeadline('index', b.gini));
  await other.close();
  await page.getByRole('button', { name: 'Unpin A' }).first().click();
  await expect(strip).toHaveCount(0);
  await expect(page).not.toHaveURL(/a=pinned/);
});

test('a compare link reopens its arms on one world and seed, with the CLI numbers', async ({ page }) => {
  await page.goto(`./?${QUERY}&page=compare&arms=loop-forms,epsilon-exploration&arm2.epsilon=0.2`);
  await expect(page.getByRole('link', { name: 'Compare', exact: true }).or(page.getByRole('button', { name: 'Compare', exact: true }))).toHaveAttribute('aria-current', 'page');
  const arms = page.getByRole('region', { name: 'Arms' });
  await expect(arms.getByRole('combobox')).toHaveCount(2);
  await expect(arms.getByRole('combobox').first()).toHaveValue('loop-forms');
  // Arm B is ε-greedy with its own ε, not the preset's: the picker says so.
  await expect(arms.getByRole('combobox').nth(1)).toHaveValue('');
  await page.getByRole('button', { name: 'To the end' }).click();
  await expect(page.getByTestId('compare-step')).toHaveText('Step 20 / 20', { timeout: 60_000 });
  const base = shared();
  const armA = armParams(presetParams(findPreset('loop-forms')!), base);
  const armB = armParams({ ...presetParams(findPreset('epsilon-exploration')!), epsilon: 0.2 }, base);
  const a = runSimulation(armA).steps[19]!;
  const b = runSimulation(armB).steps[19]!;
  const row = page.locator('.compare-table tr[data-metric="gini"]');
  await expect(row.locator('td').nth(0)).toHaveText(formatHeadline('index', a.gini));
  await expect(row.locator('td').nth(1)).toContainText(formatHeadline('index', b.gini));
  await expect(row.locator('td').nth(1)).toContainText(formatDelta('index', b.gini - a.gini));
  await expect(page).toHaveURL(/page=compare&arms=loop-forms,epsilon-exploration&arm2\.epsilon=0\.2/);
  await noSeriousViolations(page, 'on the compare page');
});

test('a spread over seeds shows median [p10, p90], and a long one can be cancelled', async ({ page }) => {
  await page.goto(`./?${QUERY}&page=compare&arms=loop-forms,epsilon-exploration`);
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('3');
  await page.getByRole('button', { name: 'Spread over 3 seeds' }).click();
  await expect(page.getByTestId('seeds-status')).toHaveText('6 runs over 3 seeds', { timeout: 60_000 });
  await page.getByRole('button', { name: 'To the end' }).click();
  await expect(page.locator('.compare-table caption')).toContainText('median [10th, 90th percentile] over 3 seeds');
  await expect(page.locator('.compare-table tr[data-metric="gini"] .ct-band').first()).toHaveText(/^\[\d\.\d{3}, \d\.\d{3}\]$/);
  // Default sizes, ten seeds: 20 runs take a while; Cancel stops them and says how far it got.
  await page.goto('./?page=compare&arms=loop-forms,epsilon-exploration');
  await page.getByRole('button', { name: 'Spread over 10 seeds' }).click();
  await expect(page.getByRole('progressbar', { name: 'Runs over seeds finished' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('seeds-status')).toHaveText(/^Cancelled after \d+ of 20 runs$/);
  await expect(page.getByRole('button', { name: /^Run the seeds( again)?$/ })).toBeEnabled();
});

test('parallel worlds: a link opens the page and runs its worlds', async ({ page }) => {
  await page.goto(`./?${QUERY}&page=worlds&worlds=3&baseline=random-baseline`);
  await expect(page.getByRole('heading', { name: /Parallel worlds/ })).toBeVisible();
  await expect(page.getByText('How much the worlds agree')).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/page=worlds&worlds=3&baseline=random-baseline/);
  await noSeriousViolations(page, 'on the parallel-worlds page');
});

test('parallel worlds too big for the browser together are refused before any runs, naming what to lower', async ({ page }) => {
  // One world (200,000 songs, 10,000 steps: about 130 MB) is fine on the Explore page; 32 of them
  // side by side on the pool, each kept with its 10,000 rows, are not.
  await page.goto('./?users=2&songs=200000&steps=10000&page=worlds&worlds=16&baseline=random-baseline');
  const refusal = page.getByRole('alert').filter({ hasText: 'These worlds were not started' });
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toHaveText(
    /^These worlds were not started: running 16 worlds of each strategy, \d at a time, needs about \d(\.\d)? GB of memory, .*; the limit in the browser is 1 GB: lower .*Worlds \(largest allowed with the other values: \d+\)$/,
  );
  await expect(page.getByRole('progressbar', { name: 'Worlds finished' })).toHaveCount(0);
  await expect(page.getByText('Press Run to simulate 16 worlds of each strategy')).toBeVisible();
});
