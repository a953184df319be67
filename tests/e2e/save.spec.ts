// Save what you see: a view card downloads as SVG and as PNG, captioned with the run (scenario, seed,
// step, live changes); the SVG is well-formed and standalone, the PNG is a real 2× picture.
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';
import { axeBuilder } from './axe';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// The default world (1,000 listeners, 2,000 songs) keeps the caption's scenario "The loop forms"; its
// steps take seconds on a busy 2-core machine, so the waits for them are long.
test.describe.configure({ timeout: 120_000 });
const STEPS = { timeout: 60_000 };

/** The default scenario ("The loop forms", seed 42): ten steps, ε-greedy exploration switched on live, one more step. */
async function runWithLiveChange(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('run-status')).toHaveText('Ready', STEPS);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 10 \//, STEPS);
  await page.getByRole('combobox', { name: 'Exploration', exact: true }).selectOption('epsilon');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 11 \//, STEPS);
  for (const slot of await page.locator('[data-view]').all())
    await expect(slot).toHaveAttribute('data-step', '11', STEPS);
}

async function downloadOf(
  page: Page,
  act: () => Promise<void>,
): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), act()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

const CAPTION = 'The loop forms · seed 42 · step 11 · ε 10% from step 11';

// The first two tests save from the same state, so they share one page: the default world built and
// stepped once, not twice.
test.describe('after ten steps and a live change', () => {
  let context: BrowserContext;
  let page: Page;
  /** Every console error and page error since the page opened. */
  const errors: string[] = [];

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(err.message));
    await runWithLiveChange(page);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the song wall saves as a captioned SVG with its canvas embedded, and as a 2× PNG', async () => {
    const wall = page.locator('[data-view="song-wall"]');
    const card = wall.locator('section.vw-card');

    const svg = await downloadOf(page, () =>
      wall.getByRole('button', { name: 'Save Song wall as SVG' }).click(),
    );
    expect(svg.download.suggestedFilename()).toBe('feedback-loop-lab_song-wall_seed42_step11.svg');
    const canvas = (await wall.locator('canvas').boundingBox())!;
    // Parsed in a blank page: the app page's CSP would report the file's attributes as it parses them.
    const blank = await page.context().newPage();
    const parsed = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const image = root.querySelector('image');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: `${root.namespaceURI} ${root.localName}`,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        desc: root.querySelector('desc')?.textContent,
        captionLines: [...root.querySelectorAll('g.caption text')].map((t) => t.textContent),
        texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
        image: image && {
          href: image.getAttribute('href')?.slice(0, 22),
          size: [Number(image.getAttribute('width')), Number(image.getAttribute('height'))],
        },
        // Standalone: no unresolved CSS variables, no inline style attributes.
        vars: text.includes('var(--'),
        styled: root.querySelectorAll('[style]').length,
      };
    }, svg.bytes.toString('utf8'));
    await blank.close();
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('http://www.w3.org/2000/svg svg');
    expect(parsed.desc).toBe(CAPTION);
    expect(parsed.captionLines.join(' ')).toContain('The loop forms · seed 42 · step 11');
    expect(parsed.captionLines.join(' ')).toContain('ε 10% from step 11');
    expect(parsed.texts).toContain('Song wall: where the attention goes');
    expect(parsed.image).toEqual({
      href: 'data:image/png;base64,',
      size: [Math.round(canvas.width * 100) / 100, Math.round(canvas.height * 100) / 100],
    });
    expect([parsed.vars, parsed.styled]).toEqual([false, 0]);
    const box = (await card.boundingBox())!;
    expect(parsed.width).toBe(Math.ceil(box.width));
    expect(parsed.height).toBeGreaterThan(Math.ceil(box.height));

    // The PNG button, from the keyboard.
    const pngButton = wall.getByRole('button', { name: 'Save Song wall as PNG' });
    await pngButton.focus();
    const png = await downloadOf(page, () => page.keyboard.press('Enter'));
    expect(png.download.suggestedFilename()).toBe('feedback-loop-lab_song-wall_seed42_step11.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: width and height at bytes 16–23, twice the SVG's CSS size.
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([
      parsed.width * 2,
      parsed.height * 2,
    ]);
    expect(png.bytes.length).toBeGreaterThan(20_000);
    // Nothing logged, CSP violations included (the page forbids inline styles and blob: images).
    expect(errors).toEqual([]);
  });

  test('a chart drawn in SVG keeps its marks’ colours in the saved file', async () => {
    const view = page.locator('[data-view="rich-get-richer"]');
    const svg = await downloadOf(page, () =>
      view.getByRole('button', { name: 'Save Rich get richer as SVG' }).click(),
    );
    expect(svg.download.suggestedFilename()).toBe(
      'feedback-loop-lab_rich-get-richer_seed42_step11.svg',
    );
    const text = svg.bytes.toString('utf8');
    // The tick labels' fill comes from the stylesheet (.vw-tick: var(--muted)); it is inlined, resolved.
    const tickFill = await view
      .locator('.vw-tick')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    expect(tickFill).toMatch(/^rgb\(/);
    expect(text).toContain(`fill="${tickFill}"`);
    expect(text).not.toContain('class="vw-tick"');
    expect(text).toContain(`<desc>${CAPTION}</desc>`);
  });
});

test('on a phone the save buttons sit clear of every card title, as touch-sized targets with no axe violation', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.getByTestId('run-status')).toHaveText('Ready', STEPS);
  const heads = page.locator('[data-view] .vw-save-head');
  await expect(heads).toHaveCount(5);
  for (const head of await heads.all()) {
    const title = (await head.locator('h2').boundingBox())!;
    for (const button of await head.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      const overlaps =
        box.x < title.x + title.width &&
        title.x < box.x + box.width &&
        box.y < title.y + title.height &&
        title.y < box.y + box.height;
      expect(overlaps, `${await button.getAttribute('aria-label')} overlaps its title`).toBe(false);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
  }
  const { violations } = await axeBuilder(page).include('.vw-save-head').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
