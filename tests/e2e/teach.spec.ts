// Teaching: the lesson rail (chapters, prediction, the address bar in step), a link that replays a
// mid-run switch at its step with Node's numbers, Play that extends a finished run, and present mode.
import { expect, type Page } from '@playwright/test';
import { applyOverrides, defaultParams, Simulation } from '../../src/engine';
import { axeBuilder } from './axe';
import { withSharedContext } from './fixtures';

// One browser context for the file's tests (warm caches: tests/e2e/fixtures.ts).
const test = withSharedContext();

test.describe.configure({ timeout: 120_000 });

async function noSeriousViolations(page: Page, state: string) {
  const { violations } = await axeBuilder(page).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `axe ${state}`).toEqual([]);
}

test('a lesson chapter runs to its checkpoint, asks first, answers with the numbers on screen', async ({ page }) => {
  await page.goto('./?lesson=loops&chapter=2&users=300&songs=600');
  const rail = page.getByRole('complementary', { name: 'Lesson' });
  await expect(rail).toContainText('Chapter 2 of 8');
  await expect(rail.getByRole('heading', { name: 'Switch on the ranker: the loop forms' })).toBeVisible();
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  // The run waits at step 0 for the guess, so the charts cannot give the answer away.
  await expect(rail.locator('.lesson-progress')).toHaveText('Make your guess: the run waits at step 0 and then plays to step 100.');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 / 100');
  await expect(rail.locator('.lesson-answer')).toHaveCount(0);
  await rail.getByRole('radio', { name: 'Go up' }).check();
  // The rail stays in view beside the charts, and a guess brings its button into sight.
  const lockIn = rail.getByRole('button', { name: 'Lock in my guess and run' });
  await expect(lockIn).toBeInViewport();
  await lockIn.click();
  await expect(rail.locator('.lesson-progress')).toHaveText('Run complete: step 100.', { timeout: 60_000 });
  const answer = rail.locator('.lesson-answer');
  await expect(answer).toContainText('Right: The Gini went from');
  // The quoted Gini is the headline number of the run on screen, rounded.
  const shown = Number(await page.getByTestId('gini').innerText());
  const quoted = /to (\d\.\d\d), and/.exec(await answer.innerText())?.[1];
  expect(quoted).toBe(shown.toFixed(2));
  await noSeriousViolations(page, 'in the lesson');

  // PageDown moves on and keeps the address bar in step; the next question starts its run again at step 0.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(rail).toContainText('Chapter 3 of 8');
  await expect(page).toHaveURL(/lesson=loops&chapter=3/);
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 / 100');
  await rail.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/chapter=2/);
  await rail.getByRole('button', { name: 'Leave lesson' }).click();
  await expect(rail).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
});

test('a link replays a mid-run switch at its step, with the numbers of the same run in Node', async ({ page }) => {
  const query = 'users=200&songs=300&steps=20&seed=3';
  await page.goto(`./?${query}&at=6:exploration=epsilon&step=12`);
  await expect(page.getByTestId('step-counter')).toHaveText('Step 12 / 20');
  await expect(page.locator('.scenario-label')).toHaveText('Custom settings + ε 10% from step 6');
  await page.getByText(/All metrics of step 12/).click();
  const browserRow: unknown = JSON.parse(await page.getByTestId('last-row-json').innerText());
  const { params } = applyOverrides(defaultParams(), Object.fromEntries(new URLSearchParams(query)), true);
  const sim = new Simulation(params);
  let row;
  while (sim.t < 12) {
    if (sim.t + 1 === 6) sim.setParams({ ...sim.params, exploration: 'epsilon' });
    row = sim.step();
  }
  expect(browserRow).toEqual(row);
  // The address bar keeps the scenario, the switch and the step; Reset replays the switch.
  await expect(page).toHaveURL(/\?seed=3&steps=20&songs=300&users=200&at=6:exploration=epsilon&step=12$/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 20');
  await expect(page.locator('.scenario-label')).toHaveText('Custom settings + ε 10% from step 6');
});

test('Play at the end of a run plays on for 100 more steps', async ({ page }) => {
  await page.goto('./?users=100&songs=200&steps=5');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await page.getByRole('button', { name: 'Play on' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step \d+ \/ 105$/);
  await expect(page).toHaveURL(/steps=105/);
});

test('present mode: P, the arrows and Esc; a link opens it; chart text is at least 20 px at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?users=300&songs=600&step=10');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 100');
  await page.keyboard.press('p');
  const present = page.getByRole('region', { name: /^Present mode/ });
  await expect(present).toHaveAccessibleName('Present mode: The feedback loop, step by step');
  await page.keyboard.press('ArrowRight');
  await expect(present).toHaveAccessibleName(/^Present mode: Rich get richer/);
  await expect(page).toHaveURL(/present=rich-get-richer/);
  // Headline numbers show the change since step 0.
  await expect(present.locator('.present-number').first()).toContainText('→');
  await noSeriousViolations(page, 'in present mode');
  // Every view's chart text is at least 20 px tall, the tallest views (diversity's seven charts) included.
  for (const view of ['Rich get richer', 'Exposure bias', 'Hit rate', 'Diversity']) {
    await expect(present).toHaveAccessibleName(new RegExp(`^Present mode: ${view}`));
    await expect(async () => {
      const sizes = await present.locator('svg text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height).filter((h) => h > 0));
      expect(sizes.length, view).toBeGreaterThan(5);
      expect(Math.min(...sizes), view).toBeGreaterThanOrEqual(20);
    }).toPass({ timeout: 10_000 });
    await page.keyboard.press('ArrowRight');
  }
  await expect(present).toHaveAccessibleName(/^Present mode: Song wall/);
  // The mitigation chips switch live, without the panel.
  await present.getByRole('button', { name: 'ε 10%' }).click();
  await expect(present.getByRole('button', { name: 'ε 10%' })).toHaveAttribute('aria-pressed', 'true');
  // Space after clicking a chip plays and pauses (the clicked chip keeps focus but not the key), and the
  // chip is not pressed again: still one live change.
  const play = present.getByRole('button', { name: /^(Play|Pause)$/ });
  await page.keyboard.press('Space');
  await expect(play).toHaveText('Pause');
  await page.keyboard.press('Space');
  await expect(play).toHaveText('Play');
  await expect(present.getByRole('button', { name: 'ε 10%' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/at=\d+:exploration=epsilon[^:]*$/);
  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=/);

  await page.goto('./?users=300&songs=600&present=hit-rate');
  await expect(page.getByRole('region', { name: /^Present mode: Hit rate/ })).toBeVisible();
});

test('the lesson on a phone: a compact card above the charts, no serious axe violation', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?lesson=loops&chapter=1&users=300&songs=600');
  const rail = page.getByRole('complementary', { name: 'Lesson' });
  await expect(rail).toContainText('Chapter 1 of 8');
  // One Lesson landmark, above the charts, its question within reach of the top of the page.
  await expect(page.getByRole('complementary')).toHaveCount(1);
  const card = (await rail.boundingBox())!;
  const chartTop = (await page.locator('.view-slot').first().boundingBox())!.y;
  expect(card.y + card.height).toBeLessThan(chartTop);
  await expect(rail.getByRole('radio', { name: 'Yes: the Gini climbs' })).toBeInViewport();
  await noSeriousViolations(page, 'in the lesson on a phone');
});
