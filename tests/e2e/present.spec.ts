// Present mode on a projector: every view's tick labels at least 20 px at 1920×1080, and at 1280×800 the
// controls in one row, nothing wider than the screen, ticks at least 14 px and the view using most of the stage.
import { expect, type Locator, type Page } from '@playwright/test';
import { withSharedContext } from './fixtures';

// One browser context for the file's tests (warm caches: tests/e2e/fixtures.ts).
const test = withSharedContext();

test.describe.configure({ timeout: 120_000 });

/** The views in present mode's order (PRESENT_VIEWS): ArrowRight goes from each to the next. */
const VIEWS = ['loop', 'rich-get-richer', 'exposure-bias', 'hit-rate', 'diversity', 'song-wall'] as const;

interface Measured {
  /** Rendered size (font size × the scale it is drawn at) of each tick label; the loop's texts; the song wall's genre labels. */
  labels: number[];
  /** How much of the stage the view takes, across and down (0–1). */
  fill: [number, number];
}

/** The present view's labels as drawn: an SVG text's size through its screen transform, an HTML label's through the stage's scale. */
function measure(present: Locator): Promise<Measured> {
  return present.evaluate((root) => {
    const scaled = root.querySelector<HTMLElement>('.present-scale');
    const htmlScale = scaled ? scaled.getBoundingClientRect().width / scaled.offsetWidth : 1;
    const shown = (el: Element) => el.getBoundingClientRect().height > 0 && (el.textContent ?? '').trim() !== '';
    const size = (el: Element) => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      return px * (ctm ? Math.hypot(ctm.a, ctm.b) : htmlScale);
    };
    // Tick labels: the charts' axes (SVG) and the hit-rate bars' axis (HTML); the loop has no axes, so all its text.
    const selector = root.querySelector('.loop-stage') ? '.loop-stage text' : '.vw-tick, .vw-bar-axis span, .vw-wall-band';
    const labels = [...root.querySelectorAll(selector)].filter(shown).map(size);
    const stage = root.querySelector('.present-stage')!.getBoundingClientRect();
    const view = (root.querySelector('.vw-card, .loop-stage') ?? root).getBoundingClientRect();
    return { labels, fill: [view.width / stage.width, Math.min(view.height, stage.height) / stage.height] as [number, number] };
  });
}

async function openPresent(page: Page, width: number, height: number): Promise<Locator> {
  await page.setViewportSize({ width, height });
  await page.goto('./?step=40&present=loop');
  const present = page.getByRole('region', { name: /^Present mode/ });
  await expect(present.locator('.present-step-now')).toHaveText('Step 40 / 100', { timeout: 60_000 });
  return present;
}

/** The run, the mitigation chips and the views' buttons side by side. */
async function expectOneRow(present: Locator, label: string) {
  const boxes = await Promise.all(
    ['Run', 'Mitigation (one at a time)', 'Views'].map(async (name) => (await present.getByRole('group', { name }).boundingBox())!),
  );
  const centres = boxes.map((b) => b.y + b.height / 2);
  expect(Math.max(...centres) - Math.min(...centres), label).toBeLessThan(8);
}

async function nextView(page: Page, view: string) {
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`present=${view}`));
}

test('at 1920×1080 every present view draws its tick labels (and the song wall its genre labels) at 20 px or more', async ({ page }) => {
  const present = await openPresent(page, 1920, 1080);
  for (const [i, view] of VIEWS.entries()) {
    if (i > 0) await nextView(page, view);
    await expect(async () => {
      const { labels } = await measure(present);
      expect(labels.length, view).toBeGreaterThan(3);
      expect(Math.min(...labels), view).toBeGreaterThanOrEqual(20);
    }).toPass({ timeout: 15_000 });
  }
});

test('at 1280×800 the controls keep to one row, nothing is wider than the screen, and each view is readable and fills the stage', async ({ page }) => {
  const present = await openPresent(page, 1280, 800);
  for (const [i, view] of VIEWS.entries()) {
    if (i > 0) await nextView(page, view);
    await expectOneRow(present, view);
    const overflow = await page.evaluate(() => {
      const wider = document.documentElement.scrollWidth > document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('.present-top *, .present-bottom *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5);
      return { wider, outside: outside.map((e) => e.textContent?.trim().slice(0, 30)) };
    });
    expect(overflow, view).toEqual({ wider: false, outside: [] });
    await expect(async () => {
      const { labels, fill } = await measure(present);
      expect(labels.length, view).toBeGreaterThan(3);
      expect(Math.min(...labels), view).toBeGreaterThanOrEqual(14);
      // Most of the stage: as wide as it, or as tall.
      expect(Math.max(...fill), view).toBeGreaterThan(0.9);
    }).toPass({ timeout: 15_000 });
  }
});

test('at 1280×800 the controls stay in one row at the last step, playing or not (the step count has its widest label from the start)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?step=100&present=diversity');
  const present = page.getByRole('region', { name: /^Present mode/ });
  await expect(present.locator('.present-step-now')).toHaveText('Step 100 / 100', { timeout: 60_000 });
  await expectOneRow(present, 'step 100');
  // Playing on extends the run: Pause replaces Play and the count reads 101 of 200.
  await present.getByRole('button', { name: 'Play' }).click();
  await expect(present.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expectOneRow(present, 'playing on');
});
