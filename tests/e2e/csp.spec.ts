// Content-Security-Policy of the built page (a <meta> added at build time by scripts/offline-build.ts):
// default-src 'self', no inline script or eval, and the app runs under it without a single violation.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';

/** The directives of the page's CSP meta, by name. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(meta, 'a Content-Security-Policy meta').not.toBeNull();
  return new Map(
    (meta?.[1] ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  return () =>
    page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
}

test('the built page carries a CSP meta: default-src self, inline script only by hash, no eval', async ({
  request,
}) => {
  const html = await (await request.get('./')).text();
  const policy = policyOf(html);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  // Scripts fall back to default-src unless script-src is given; either way only files of the site.
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts.filter((source) => source !== "'self'" && !source.startsWith("'sha256-"))).toEqual(
    [],
  );
  expect([...policy.values()].flat().filter((source) => source.includes('unsafe'))).toEqual([]);
  // An inline script runs only if its hash is listed (the built page has none: its code is in files).
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  for (const [, code = ''] of inline) {
    expect(scripts).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  }
  expect(html).toMatch(/<script[^>]*\bsrc="\.\/assets\/index-[\w-]+\.js"/);
  // A meta policy covers only what follows it.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link|<style/));
});

test('the app runs under the CSP without a violation; an injected inline script is refused', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('worker', (worker) =>
    worker.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text())),
  );
  const violations = await recordViolations(page);

  await page.goto('./?users=200&songs=400&steps=30');
  await expect(page.getByTestId('run-status')).toHaveText('Ready', { timeout: 30_000 });
  // The service worker registers and takes control under the same policy.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 / 30');
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 11 / 30');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  // React's style props are CSSOM writes, which style-src does not govern: they still apply (a
  // blocked style attribute would stay in the DOM but not take effect, hence the computed style).
  const progress = page.locator('.progress-fill');
  await expect(progress).toHaveAttribute('style', /scaleX\(1\)/);
  expect(await progress.evaluate((el) => getComputedStyle(el).transform)).toBe(
    'matrix(1, 0, 0, 1, 0, 0)',
  );

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);

  // The policy is enforced, not only written: an inline script added now does not run, and is reported.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(violations).toEqual(['script-src-elem blocked inline']);
});
