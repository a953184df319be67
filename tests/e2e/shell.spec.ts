// The app shell in real Chromium: playing advances every view, the transport and its keys, live
// strategy changes with markers, shared links that reproduce a run, hidden controls, a crashed worker.
import { expect, test as freshContextTest, type Page } from '@playwright/test';
import { withSharedContext } from './fixtures';

// The tests that start from a plain link share one browser context (warm caches: tests/e2e/fixtures.ts);
// the ones that grant permissions or route the worker's script get a fresh context each.
const test = withSharedContext();

const SMALL = '?users=200&songs=400&steps=30';

/** Every view's markup, by view id. */
async function viewMarkup(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-view]').evaluateAll((slots) =>
    Object.fromEntries(slots.map((slot) => [slot.getAttribute('data-view') ?? '', slot.innerHTML])),
  );
}

/** Opens a collapsed group of the parameter panel. */
async function openGroup(page: Page, group: string) {
  await page.locator('summary.group-title', { hasText: group }).click();
  await expect(page.getByRole('group', { name: `${group} parameters` })).toBeVisible();
}

async function ready(page: Page, search: string) {
  await page.goto(`./${search}`);
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
}

test('a full run advances the step counter and every view, without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  await ready(page, SMALL);
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 / 30');
  const before = await viewMarkup(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(5);

  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/Playing|Finished/);
  await expect(page.getByTestId('step-counter')).toHaveText('Step 30 / 30');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  for (const id of Object.keys(before)) await expect(page.locator(`[data-view="${id}"]`)).toHaveAttribute('data-step', '30');
  const after = await viewMarkup(page);
  for (const [id, html] of Object.entries(before)) expect(after[id], `view ${id} changed`).not.toBe(html);
  await expect(page.locator('.boundary-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('step, step ×10 and reset', async ({ page }) => {
  await ready(page, SMALL);
  const counter = page.getByTestId('step-counter');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(counter).toHaveText('Step 1 / 30');
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter).toHaveText('Step 11 / 30');
  await expect(page.getByTestId('run-status')).toHaveText('Paused');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(counter).toHaveText('Step 0 / 30');
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
});

test('switching to a random recommender mid-run marks the charts and breaks the loop', async ({ page }) => {
  // τ = 0: the popularity ranking is deterministic (the default τ > 0 samples each slate).
  await ready(page, `${SMALL}&rankingTemperature=0`);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 5 / 30');
  // Under the deterministic popularity ranking everyone sees the same slate: 10 distinct songs.
  await expect(page.getByTestId('aggregate-diversity')).toHaveText('10');

  await page.getByRole('combobox', { name: 'Recommender' }).selectOption('random');
  await expect(page.getByText('A uniformly random slate for each listener: no loop, no relevance.')).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 6 / 30');
  const diversity = Number(await page.getByTestId('aggregate-diversity').innerText());
  expect(diversity).toBeGreaterThan(100);
  // The change is marked on the time charts, from step 6.
  // (Matched loosely: a chart may shorten the visible label and keep the full one in a <title>.)
  const markers = page.locator('[data-view]').getByText(/recommender = random/);
  await expect(markers.filter({ visible: true }).first()).toBeVisible();
  // (Polled: the views render at transition priority, some frames after the numbers; src/ui/viewFrames.ts.)
  await expect.poll(() => markers.count()).toBeGreaterThanOrEqual(3);
  // No restart was needed, and the link now says random.
  await expect(page.getByText(/Restart needed/)).toHaveCount(0);
  await expect(page).toHaveURL(/recommender=random/);
});

test('a restart parameter waits for "Apply and restart"', async ({ page }) => {
  await ready(page, SMALL);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 30');
  await openGroup(page, 'World');
  await page.getByRole('textbox', { name: 'Songs', exact: true }).fill('300');
  await expect(page.getByText('Restart needed to apply: Songs')).toBeVisible();
  // The run goes on with the old world.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 11 / 30');
  await expect(page).toHaveURL(/songs=400/);
  await page.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 / 30');
  await expect(page.getByText(/Restart needed/)).toHaveCount(0);
  await expect(page).toHaveURL(/songs=300/);
});

test('an invalid field shows what is allowed and keeps the last valid value', async ({ page }) => {
  await ready(page, SMALL);
  await openGroup(page, 'Listeners');
  const field = page.getByRole('textbox', { name: 'Taste drift' });
  await field.fill('7');
  await expect(page.getByRole('alert')).toHaveText('Taste drift must be a number from 0 to 0.5 (got "7").');
  await field.blur();
  await expect(field).toHaveValue('0');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 30');
});

freshContextTest('a copied link opens the same run: same numbers after the same steps', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page, '?users=200&songs=400&steps=12&seed=7');
  await page.getByRole('combobox', { name: 'Recommender' }).selectOption('personalized');
  await openGroup(page, 'Listeners');
  await page.getByRole('textbox', { name: 'Taste drift' }).fill('0.05');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('recommender=personalized');
  expect(link).toContain('tasteDrift=0.05');
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 12');
  await page.getByText(/All metrics of step 10/).click();
  const first = await page.getByTestId('last-row-json').innerText();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('run-status')).toHaveText('Ready');
  await expect(other.getByRole('combobox', { name: 'Recommender' })).toHaveValue('personalized');
  await other.getByRole('button', { name: 'Step ×10' }).click();
  await expect(other.getByTestId('step-counter')).toHaveText('Step 10 / 12');
  await other.getByText(/All metrics of step 10/).click();
  expect(JSON.parse(await other.getByTestId('last-row-json').innerText())).toEqual(JSON.parse(first));
});

test('the keyboard runs everything: Space, →, R, and Tab through the controls with a visible focus ring', async ({ page }) => {
  await ready(page, SMALL);
  const counter = page.getByTestId('step-counter');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('Step 2 / 30');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('Playing');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('Paused');
  await page.keyboard.press('r');
  await expect(counter).toHaveText('Step 0 / 30');

  // Keys typed into a field stay in the field.
  const seed = page.getByRole('textbox', { name: 'Seed', exact: true }); // not 'World seed'
  await seed.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  await expect(counter).toHaveText('Step 0 / 30');
  await expect(page.getByRole('alert')).toContainText('Seed must be an integer');
  await page.keyboard.press('Escape');

  // Tab walks through the header, the transport and the panel; every stop shows a focus ring.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      // A switch draws its ring on the track next to the (invisible) checkbox.
      const ringed = el.getAttribute('role') === 'switch' ? (el.nextElementSibling as HTMLElement) : el;
      const style = getComputedStyle(ringed);
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return { name: name.trim(), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    expect(stop.ring, `focus ring on ${stop.name}`).toBe(true);
    stops.push(stop.name);
  }
  for (const name of ['Scenario', 'Copy link', 'Hide controls', 'Play', 'Step', 'Step ×10', 'Reset', 'Speed, steps per second', 'Recommender'])
    expect(stops, name).toContain(name);

  // Enter on the focused Play button plays.
  await page.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText(/Playing|Finished/);
  await page.getByRole('button', { name: 'Pause' }).press('Enter');
});

test('controls=hidden hides the panel without a notice; the toggle brings it back', async ({ page }) => {
  await ready(page, `${SMALL}&controls=hidden`);
  await expect(page.getByRole('complementary', { name: 'Parameters' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'ignored' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show controls' }).click();
  await expect(page.getByRole('complementary', { name: 'Parameters' })).toBeVisible();
  await expect(page).not.toHaveURL(/controls=hidden/);
});

freshContextTest('a worker that crashes while playing is terminated before the banner: the counter stands still', async ({ page }) => {
  // An uncaught error thrown from a timer does not end a worker: its play timer would run on.
  // Wrap the real worker's handler so it throws such an error half a second after Play.
  await page.route('**/simulation.worker*.js', async (route) => {
    const response = await route.fetch();
    const crash = `;{const h=self.onmessage;self.onmessage=(e)=>{h(e);if(e.data.type==='play')setTimeout(()=>{throw new Error('injected crash')},500)}}`;
    await route.fulfill({ response, body: `${await response.text()}\n${crash}\n` });
  });
  await ready(page, '?users=200&songs=400&steps=5000');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  // What failed and how to report it; the worker's own error text stays in the console.
  await expect(banner).toContainText('The simulation worker crashed: please report it with the page’s link (Copy link)');
  await expect(banner).not.toContainText('injected crash');
  const counter = page.getByTestId('step-counter');
  const atCrash = await counter.innerText();
  expect(atCrash).not.toBe('Step 0 / 5000');
  // Nothing can prove a silence but waiting: a live worker at 60 steps/s would add ~60 steps here.
  await page.waitForTimeout(1000);
  await expect(counter).toHaveText(atCrash);
  await banner.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await expect(counter).toHaveText('Step 0 / 5000');
});

freshContextTest('a crashed worker shows a banner; "Restart simulation" runs the same parameters again', async ({ page }) => {
  await page.route('**/simulation.worker*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("worker failed to load");' }),
  );
  await page.goto(`./${SMALL}&recommender=oracle`);
  const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('please report it with the page’s link (Copy link)');
  await expect(banner).not.toContainText('worker failed to load');
  await page.unroute('**/simulation.worker*.js');
  await banner.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Recommender' })).toHaveValue('oracle');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 30');
});
