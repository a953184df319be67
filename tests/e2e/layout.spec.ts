// Layout in real Chromium. On a 390×844 phone the transport is one compact sticky bar and the
// parameters open as a bottom sheet that leaves a chart in view above it. On a projector (1280×800,
// 1920×1080) with the controls hidden, a whole chart is above the fold on load.
import { expect, type Page } from '@playwright/test';
import { withSharedContext } from './fixtures';

const SMALL = '?users=200&songs=400&steps=30';

// One browser context for the phone's tests (a touch screen) and one for the others (warm caches:
// tests/e2e/fixtures.ts).
const test = withSharedContext();
const phoneTest = withSharedContext();

// Each test builds a world and steps it, in one or two browser sizes: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function ready(page: Page, search: string) {
  await page.goto(`./${search}`);
  // Building the world takes a moment more on a busy machine.
  await expect(page.getByTestId('run-status')).toHaveText('Ready', { timeout: 30_000 });
}

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The boxes (viewport coordinates) of the charts in the view cards: drawings, not icons. */
function chartBoxes(page: Page): Promise<Box[]> {
  return page.locator('.view-slot svg').evaluateAll((svgs) =>
    svgs
      .map((svg) => svg.getBoundingClientRect())
      .filter((box) => box.height >= 80 && box.width >= 80)
      .map(({ top, bottom, left, right }) => ({ top, bottom, left, right })),
  );
}

function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).evaluate((el) => {
    const { top, bottom, left, right } = el.getBoundingClientRect();
    return { top, bottom, left, right };
  });
}

test.describe('on a 390×844 phone', () => {
  phoneTest.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  phoneTest('the transport is at most 80 px tall, fits the width and stays at the top while the page scrolls', async ({
    page,
  }) => {
    await ready(page, SMALL);
    const transport = page.getByRole('region', { name: 'Playback' });
    const buttons = ['Play', 'Step', 'Step ×10', 'Reset', 'Settings'].map((name) =>
      transport.getByRole('button', { name, exact: true }),
    );
    for (const button of buttons) await expect(button).toBeVisible();
    await expect(transport.getByRole('slider', { name: /Speed/ })).toBeVisible();
    await expect(page.getByTestId('step-counter')).toBeVisible();

    const atLoad = await box(page, '.transport');
    expect(atLoad.bottom - atLoad.top).toBeLessThanOrEqual(80);
    /** Every button inside the screen's width, nothing spilling out of the bar. */
    const fitsTheWidth = async () => {
      // Whatever they say by now (Pause, Play on…): every button of the bar.
      const all = await transport.getByRole('button').all();
      expect(all.length).toBeGreaterThanOrEqual(buttons.length);
      for (const button of all) {
        const { x, width } = (await button.boundingBox())!;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + width).toBeLessThanOrEqual(390);
      }
      expect(await page.locator('.transport').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    };
    await fitsTheWidth();

    for (const y of [1500, 100_000]) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(atLoad.top);
      const scrolled = await box(page, '.transport');
      expect(scrolled.top).toBeCloseTo(0, 0);
      expect(scrolled.bottom - scrolled.top).toBeLessThanOrEqual(80);
    }
    // Still compact while playing and once finished (other labels, a full progress bar).
    await transport.getByRole('slider', { name: /Speed/ }).fill('60');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('run-status')).toHaveText(/Playing|Finished/);
    const playing = await box(page, '.transport');
    expect(playing.bottom - playing.top).toBeLessThanOrEqual(80);
    await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: 30_000 });
    const finished = await box(page, '.transport');
    expect(finished.bottom - finished.top).toBeLessThanOrEqual(80);
    await fitsTheWidth();
  });

  phoneTest('Settings opens the parameters as a sheet with a chart still in view above it; Esc and Close shut it and focus returns', async ({
    page,
  }) => {
    await ready(page, SMALL);
    const sheet = page.getByRole('complementary', { name: 'Parameters' });
    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    await expect(sheet).toBeHidden();
    await expect(settings).toHaveAttribute('aria-expanded', 'false');

    await settings.click();
    await expect(sheet).toBeVisible();
    await expect(settings).toHaveAttribute('aria-expanded', 'true');
    await expect(sheet.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
    // Focus moved into the sheet.
    await expect.poll(() => sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // A bottom sheet covering at most 60% of the screen (once it has slid in).
    await expect.poll(async () => Math.round((await box(page, '.sidebar')).bottom)).toBe(844);
    const sheetBox = await box(page, '.sidebar');
    expect(sheetBox.bottom - sheetBox.top).toBeLessThanOrEqual(0.6 * 844);
    // Part of a chart (60 px or more) shows between the sticky transport and the sheet.
    const chartShowing = async () => {
      const top = (await box(page, '.transport')).bottom;
      const bottom = (await box(page, '.sidebar')).top;
      const charts = await chartBoxes(page);
      return Math.max(0, ...charts.map((c) => Math.min(c.bottom, bottom) - Math.max(c.top, top)));
    };
    await expect.poll(chartShowing).toBeGreaterThanOrEqual(60);

    // The point of the sheet: flip a live parameter, step from the transport, the sheet stays open.
    await sheet.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 30');
    await expect(sheet).toBeVisible();
    await expect.poll(chartShowing).toBeGreaterThanOrEqual(60);

    await sheet.getByRole('heading', { name: 'Parameters' }).focus();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(settings).toBeFocused();
    await expect(settings).toHaveAttribute('aria-expanded', 'false');

    await settings.click();
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(sheet).toBeHidden();
    await expect(settings).toBeFocused();
  });

  phoneTest('opened further down the page, the sheet keeps the chart already in view', async ({
    page,
  }) => {
    await ready(page, SMALL);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 30');
    // Scroll so the second view's first chart sits right under the transport.
    const target = await page
      .locator('.view-slot')
      .nth(1)
      .locator('svg')
      .evaluateAll((svgs) => {
        const chart = svgs.find((svg) => svg.getBoundingClientRect().height >= 80)!;
        return chart.getBoundingClientRect().top + window.scrollY;
      });
    const transportHeight = (await page.locator('.transport').boundingBox())!.height;
    await page.evaluate((y) => window.scrollTo(0, y), target - transportHeight - 10);
    const before = await page.evaluate(() => window.scrollY);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Parameters' })).toBeVisible();
    await page.waitForTimeout(400); // a scroll, if any, would be under way by now
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });
});

for (const { width, height } of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${width}×${height} with the controls hidden, a whole chart is above the fold on load and after steps`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await ready(page, `${SMALL}&controls=hidden`);
    const fullyInView = async () => {
      const charts = await chartBoxes(page);
      return charts.filter(
        (c) => c.top >= 0 && c.left >= 0 && c.bottom <= height && c.right <= width,
      ).length;
    };
    await expect.poll(fullyInView, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // With the headline numbers shown too.
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 10 / 30');
    await expect(page.getByTestId('gini')).toBeVisible();
    await expect.poll(fullyInView, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}

test('desktop keeps the side panel: parameters beside the charts, no Settings button', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ready(page, SMALL);
  const panel = page.getByRole('complementary', { name: 'Parameters' });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Close', exact: true })).toBeHidden();
  const side = await box(page, '.sidebar');
  const main = await box(page, '.main');
  expect(side.right).toBeLessThanOrEqual(main.left);
  // Esc does not hide it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();
});
