import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
await page.goto(process.argv[2]);
await page.getByTestId('run-status').getByText('Ready').waitFor();
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
await page.getByRole('button', { name: 'Play' }).click();
await page.getByTestId('run-status').getByText('Finished').waitFor({ timeout: 30000 });
const { profile } = await cdp.send('Profiler.stop');
const lts = await page.evaluate(() => window.__lt);
console.log('t0', Math.round(t0), 'long tasks', JSON.stringify(lts));
// For each long task, top self-time functions inside its window.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = profile.startTime; const times = profile.timeDeltas.map((d) => (t += d));
for (const [start, dur] of lts) {
  if (start < t0) continue;
  const s0 = (start - 0) * 1000; // profile times are in µs since some origin; align via performance.timeOrigin not available; use relative
}
// Overall top by total (inclusive) time for JS functions
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  let id = profile.samples[i]; const seen = new Set();
  while (id !== undefined) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; if (!seen.has(k)) { seen.add(k); self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000); } id = parent.get(id); }
}
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(0).padStart(6), k);
await browser.close();
