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

/**
 * Every frame's scale of the present view for `ms` after the key press, as [shown, scale]: the
 * view is hidden (visibility) until its fit is found with its charts drawn.
 */
async function framesAfter(page: Page, key: string, ms: number): Promise<[boolean, number][]> {
  const sampling = page.evaluate(async (ms) => {
    const frames: [boolean, number][] = [];
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector<HTMLElement>('.present-scale');
      if (!el) continue;
      frames.push([el.dataset.shown === 'true', Number(/scale\(([\d.]+)\)/.exec(el.style.transform)?.[1] ?? NaN)]);
    }
    return frames;
  }, ms);
  await page.keyboard.press(key);
  return sampling;
}

test('a view switched to with → appears at its fitted size and keeps it, at 1280×800 and 1920×1080, paused and playing', async ({ page }) => {
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    const present = await openPresent(page, width, height);
    for (const playing of [false, true]) {
      if (playing) await present.getByRole('button', { name: 'Play' }).click();
      for (const view of VIEWS.slice(1)) {
        const frames = await framesAfter(page, 'ArrowRight', 1200);
        await expect(page).toHaveURL(new RegExp(`present=${view}`));
        const label = `${view} at ${width}×${height}${playing ? ', playing' : ''}`;
        // The first frames are the previous view's, until the new one mounts, hidden.
        const mounted = frames.findIndex(([isShown]) => !isShown);
        expect(mounted, label).toBeGreaterThanOrEqual(0);
        const shown = frames.slice(mounted).filter(([isShown]) => isShown).map(([, scale]) => scale);
        // Shown within the second, and at one scale from its first visible frame on.
        expect(shown.length, label).toBeGreaterThan(10);
        expect(Math.max(...shown) / Math.min(...shown), label).toBeLessThan(1.01);
      }
      // The run may have reached its last step while the views went by.
      const pause = present.getByRole('button', { name: 'Pause' });
      if (playing && (await pause.isVisible())) await pause.click();
      await nextView(page, 'loop');
    }
  }
});

test('the song wall gets the same fit whether opened by its link or reached from the diversity view', async ({ page }) => {
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    const scaleOf = () => page.locator('.present-scale[data-shown="true"]').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)![1]));
    /** Opens `view` at step 30 once the run has got there (the wall is drawn), and lets its fit settle. */
    const open = async (view: string) => {
      await page.goto(`./?step=30&present=${view}`);
      await expect(page.locator('.present-step-now')).toHaveText('Step 30 / 100', { timeout: 60_000 });
      await page.waitForTimeout(600);
    };
    await open('song-wall');
    const byLink = await scaleOf();
    await open('diversity');
    await nextView(page, 'song-wall');
    await page.waitForTimeout(600);
    const reached = await scaleOf();
    expect(Math.abs(reached / byLink - 1), `${width}×${height}: ${byLink} by link, ${reached} reached`).toBeLessThan(0.03);
  }
});
