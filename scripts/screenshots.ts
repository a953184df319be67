// Regenerates docs/screenshots/: builds and serves the app, runs one representative scenario in
// headless Chromium and saves above-the-fold and full-page PNGs at projector, desktop and phone sizes,
// plus the workshop mode (controls hidden).
//
//   npm run screenshots                 # build, then every shot
//   npm run screenshots -- --no-build   # reuse dist/
//   npm run screenshots -- --only compare   # one group: app, lesson, present or compare
//
// The scenario: the default preset for 40 steps, then ε-greedy exploration (ε = 0.1) switched on
// live, so a marker shows on the time charts, then 30 more steps. Steps are taken with "Step ×10",
// so every shot shows the same, seeded run.
//
// Then every chapter of the lesson (?lesson=loops&chapter=N, a guess locked in, run to its checkpoint at top speed,
// answer committed) at 1920×1080 and 390×844, and present mode (?present=VIEW) on every view at
// 1920×1080 and on one view at 390×844. Then comparing: A/B, the 4-arm compare page, a 10-seed
// spread and parallel worlds.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expect, type Browser, type Page } from '@playwright/test';
import { ROOT, buildApp, launchChromium, serveDist } from './app-server';

const OUT = join(ROOT, 'docs/screenshots');
const BEFORE = 40;
const AFTER = 30;

interface Size {
  readonly width: number;
  readonly height: number;
  /** Where the parameters are a collapsed section that must be opened to reach a control. */
  readonly phone?: boolean;
}

const SIZES: readonly Size[] = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844, phone: true },
];

async function stepTo(page: Page, t: number) {
  const counter = page.getByTestId('step-counter');
  for (let shown = Number(/Step (\d+)/.exec(await counter.innerText())?.[1]); shown < t; shown += 10) {
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(counter).toHaveText(new RegExp(`^Step ${shown + 10} /`));
  }
}

/** Waits until every chart shows step t and the page has settled (charts drawn, no transition running). */
async function settled(page: Page, t: number) {
  for (const slot of await page.locator('[data-view]').all()) await expect(slot).toHaveAttribute('data-step', String(t));
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))),
  );
}

/** The scenario, up to the frame the shots show. Leaves the page at the top, nothing hovered or focused. */
async function runScenario(page: Page, url: string, size: Size) {
  await page.goto(url);
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await stepTo(page, BEFORE);
  const panelToggle = page.getByRole('button', { name: 'Settings', exact: true });
  if (size.phone) await panelToggle.click();
  await page.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
  // ε keeps its default, 0.1, so the link names only the strategy.
  await expect(page).toHaveURL(/at=\d+:exploration=epsilon(&|$)/);
  if (size.phone) await page.getByRole('button', { name: 'Close', exact: true }).click();
  await stepTo(page, BEFORE + AFTER);
  await settled(page, BEFORE + AFTER);
  await tidy(page);
}

async function tidy(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(150);
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<string> {
  const path = join(OUT, `${name}.png`);
  // Views and metric cards out of sight skip rendering (content-visibility: auto) until scrolled to;
  // a full-page capture does not scroll, so they are drawn for it, as a reader scrolling would see them.
  if (fullPage) await page.evaluate(() => document.querySelectorAll<HTMLElement>('.view-slot, .metric-card, .ls, .run-data').forEach((el) => (el.style.contentVisibility = 'visible')));
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  if (fullPage) await page.evaluate(() => document.querySelectorAll<HTMLElement>('.view-slot, .metric-card, .ls, .run-data').forEach((el) => (el.style.contentVisibility = '')));
  const kb = statSync(path).size / 1024;
  console.log(`  ${name}.png  ${kb.toFixed(0)} KB`);
  return path;
}

async function shots(browser: Browser, url: string) {
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await runScenario(page, url, size);
    const name = `app-${size.width}x${size.height}`;
    await shoot(page, name, false);
    await shoot(page, `${name}-full`, true);
    // Workshop mode: the instructor hides the controls (the same as opening a ?controls=hidden link).
    if (size.width === 1280) {
      await page.getByRole('button', { name: 'Hide controls' }).click();
      await expect(page).toHaveURL(/controls=hidden/);
      await settled(page, BEFORE + AFTER);
      await tidy(page);
      await shoot(page, `${name}-workshop`, false);
    }
    await context.close();
    if (errors.length > 0) throw new Error(`page errors at ${name}: ${errors.join('; ')}`);
  }
}

const LESSON_SIZES: readonly Size[] = [
  { width: 1920, height: 1080 },
  { width: 390, height: 844, phone: true },
];
const CHAPTERS = 8;
const PRESENT_VIEWS = ['loop', 'rich-get-richer', 'exposure-bias', 'hit-rate', 'diversity', 'song-wall'];

/** Each chapter at its checkpoint, with a guess locked in and the answer shown. */
async function lessonShots(browser: Browser, url: string) {
  for (const size of LESSON_SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (let chapter = 1; chapter <= CHAPTERS; chapter++) {
      await page.goto(`${url}?lesson=loops&chapter=${chapter}`);
      const rail = page.getByRole('complementary', { name: 'Lesson' });
      await expect(rail).toContainText(`Chapter ${chapter} of ${CHAPTERS}`);
      const progress = rail.locator('.lesson-progress');
      if (chapter < CHAPTERS) {
        // Top speed, so the chapter reaches its checkpoint in seconds.
        await page.getByLabel('Speed').fill('60');
        await rail.getByRole('radio').first().check();
        await rail.getByRole('button', { name: 'Lock in my guess and run' }).click();
        await expect(progress).toContainText('Run complete', { timeout: 60_000 });
        await expect(rail.locator('.lesson-answer')).not.toContainText('appears at step');
      }
      await settled(page, Number(/(\d+)/.exec((await page.getByTestId('step-counter').innerText()).replace(/^Step /, ''))?.[1]));
      await tidy(page);
      // On a phone the rail follows the charts: show the chapter, not the top of the page.
      if (size.phone) await rail.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shoot(page, `lesson-${chapter}-${size.width}x${size.height}`, false);
    }
    await context.close();
    if (errors.length > 0) throw new Error(`page errors in the lesson at ${size.width}: ${errors.join('; ')}`);
  }
}

/** Present mode on each view after 60 steps of the default scenario with ε switched on at step 30. */
async function presentShots(browser: Browser, url: string) {
  for (const size of LESSON_SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const views = size.phone ? ['rich-get-richer'] : PRESENT_VIEWS;
    for (const view of views) {
      await page.goto(`${url}?at=30:exploration=epsilon&step=60&present=${view}`);
      await expect(page.getByRole('region', { name: /^Present mode/ })).toBeVisible();
      await expect(page.getByText('Step 60 / 100')).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(600);
      await tidy(page);
      await shoot(page, `present-${view}-${size.width}x${size.height}`, false);
    }
    await context.close();
  }
}

const COMPARE_SIZES: readonly Size[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 390, height: 844, phone: true },
];

/**
 * Comparing: A/B (the default pinned at step 40, then ε-greedy as B, played to the end), the
 * 4-arm compare page at the end of the run, the same with a 10-seed spread, and parallel worlds.
 */
async function compareShots(browser: Browser, url: string) {
  for (const size of COMPARE_SIZES) {
    const tag = `${size.width}x${size.height}`;
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(url);
    await expect(page.getByTestId('run-status')).toHaveText('Ready');
    await stepTo(page, 40);
    await page.getByRole('button', { name: 'Pin as A' }).click();
    await page.getByRole('button', { name: 'ε 10%' }).first().click();
    await expect(page.getByRole('region', { name: 'A and B compared' })).toContainText('exploration');
    await expect(page.getByTestId('step-counter')).toHaveText(/^Step 40 \//);
    await stepTo(page, 100);
    await settled(page, 100);
    await tidy(page);
    if (size.phone) await page.getByRole('region', { name: 'A and B compared' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, `ab-${tag}`, false);
    if (!size.phone) await shoot(page, `ab-${tag}-full`, true);

    await page.goto(`${url}?page=compare&arms=loop-forms,epsilon-exploration,thompson-sampling,ips-debiasing`);
    await page.getByRole('button', { name: 'To the end' }).waitFor();
    await expect(page.locator('.arm-status')).toHaveCount(0, { timeout: 120_000 });
    await page.getByRole('button', { name: 'To the end' }).click();
    await expect(page.getByTestId('compare-step')).toHaveText('Step 100 / 100');
    await page.waitForTimeout(500);
    await tidy(page);
    await shoot(page, `compare-${tag}`, false);
    if (!size.phone) await shoot(page, `compare-${tag}-full`, true);
    // The spread on the largest screen and on a phone (it takes the longest).
    if (size.width === 1920 || size.phone) {
      await page.getByRole('button', { name: 'Spread over 10 seeds' }).click();
      await expect(page.getByTestId('seeds-status')).toHaveText('40 runs over 10 seeds', { timeout: 180_000 });
      await page.waitForTimeout(500);
      await tidy(page);
      await page.locator('.compare-charts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shoot(page, `compare-seeds-${tag}`, false);
      if (!size.phone) await shoot(page, `compare-seeds-${tag}-full`, true);
    }

    await page.goto(`${url}?page=worlds&worlds=8&baseline=random-baseline`);
    await expect(page.getByText('How much the worlds agree')).toBeVisible({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await tidy(page);
    await shoot(page, `worlds-${tag}`, false);
    await shoot(page, `worlds-${tag}-full`, true);
    await context.close();
    if (errors.length > 0) throw new Error(`page errors comparing at ${tag}: ${errors.join('; ')}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, only: { type: 'string' } } });
  const only = values.only;
  if (!values['no-build']) buildApp();
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    console.log(`Screenshots of ${server.url} → docs/screenshots/`);
    if (!only || only === 'app') await shots(browser, server.url);
    if (!only || only === 'lesson') await lessonShots(browser, server.url);
    if (!only || only === 'present') await presentShots(browser, server.url);
    if (!only || only === 'compare') await compareShots(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
