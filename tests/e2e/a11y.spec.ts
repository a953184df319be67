// Accessibility: axe-core finds no serious or critical violation on the whole page, at load, with
// every chart drawn and a marker on the time charts and the parameter panel open, and on a phone.
import { expect, type Page } from '@playwright/test';
import { axeBuilder } from './axe';
import { withSharedContext } from './fixtures';

const SMALL = '?users=300&songs=600&steps=40';

// One browser context for the file's tests (warm caches: tests/e2e/fixtures.ts).
const test = withSharedContext();

// axe walks every node of the page (each chart's SVG included): seconds per check, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Runs axe on the whole page; fails on serious or critical violations, lists the rest as annotations. */
async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await axeBuilder(page).analyze();
  const describe = (v: (typeof violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((v) => !serious.includes(v)))
    test.info().annotations.push({ type: `axe (${state})`, description: describe(v) });
  expect(serious.map(describe), `serious or critical axe violations ${state}`).toEqual([]);
}

async function ready(page: Page, search = SMALL) {
  await page.goto(`./${search}`);
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
}

/** Ten steps, then ε-greedy exploration switched on live, then one more step: every chart drawn, a marker shown. */
async function runWithMarker(page: Page) {
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 10 \//);
  await page.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 11 \//);
  for (const slot of await page.locator('[data-view]').all()) await expect(slot).toHaveAttribute('data-step', '11');
  // The time charts mark the change (an SVG title names it).
  await expect(page.locator('[data-view]').getByText(/ε 10% from here/)).not.toHaveCount(0);
}

/** Opens every collapsed group of the parameter panel. */
async function openAllGroups(page: Page) {
  const closed = page.locator('details.group:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
  await expect(closed).toHaveCount(0);
}

// One page for the desktop states, as on the phone below: at load, then after a run. The panel's groups
// only add to the page with every chart drawn and a marker (a closed group's content is not rendered),
// so one scan with them open covers both of those.
test('no serious or critical violations at load, and with every chart drawn, a marker, every parameter group open and a restart pending', async ({ page }) => {
  await ready(page);
  await expectNoSeriousViolations(page, 'at load');
  await runWithMarker(page);
  await openAllGroups(page);
  await page.getByRole('textbox', { name: 'Songs', exact: true }).fill('500');
  await expect(page.getByText('Restart needed to apply: Songs')).toBeVisible();
  await page.getByRole('textbox', { name: 'Taste drift' }).fill('7');
  await expect(page.getByRole('alert')).toContainText('Taste drift must be');
  await expectNoSeriousViolations(page, 'after a run with a marker, with the panel open');
});

test('no serious or critical violations on a 390×844 phone, panel open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ready(page);
  await expectNoSeriousViolations(page, 'on a phone at load');
  // On a phone the parameters are a bottom sheet: open it from the transport to reach the exploration control.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await runWithMarker(page);
  await openAllGroups(page);
  await expectNoSeriousViolations(page, 'on a phone with the panel open');
});

test('no serious or critical violations in workshop mode (controls hidden)', async ({ page }) => {
  await ready(page, `${SMALL}&controls=hidden`);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  for (const slot of await page.locator('[data-view]').all()) await expect(slot).toHaveAttribute('data-step', '10');
  await expectNoSeriousViolations(page, 'with the controls hidden');
});
