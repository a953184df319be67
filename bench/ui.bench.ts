// UI benchmark: plays the built app in headless Chromium and measures main-thread long tasks, frame
// rate, chart redraws and steps per second while playing; writes bench/ui-results.json.
//
//   npm run bench:ui                      # build, then every scenario
//   npm run bench:ui -- --no-build        # reuse dist/
//   npm run bench:ui -- --dist /tmp/other # an other build (A/B comparisons); implies --no-build
//   npm run bench:ui -- --viewport 1920x1080 --seconds 10 --repeats 3 --only 600
//   npm run bench:ui -- --only lesson --out /tmp/lesson.json
//
// bench/ui-results.json is written only by a full run of this build (no --only, no --dist); --out
// writes the results of any run to the file it names.
//
// Instruments the page before it loads (page.addInitScript): a buffered PerformanceObserver for
// 'longtask' entries (tasks over 50 ms) and a requestAnimationFrame loop that records when every frame
// ran, with the step the charts show (the data-step of every view slot). "First data" is the frame in
// which every chart first shows step ≥ 1 after Play (the placeholders turn into charts); it is
// reported apart from the steady state. Each scenario runs `--repeats` times in a fresh page; the
// table shows the median of each number, and bench/ui-results.json every run.
//
// Every run opens a fresh context and page, then waits until the browser's processes are quiet before
// it loads the app (see newQuietPage): headless Chromium loads its own window UI with every new page,
// about 1.6 s of CPU that on a 2-core machine would otherwise be timed as the app's.
//
// The background jobs are timed from the click (or from opening the page) to the text that says they
// are done. On the parallel-worlds page the drawing of the result is measured apart as well: its long
// tasks from the last frame that showed the progress bar until the page has drawn every part of the
// result (the sides lose aria-busy) and a second after (the "drawing the result" column).
import { cpus, loadavg } from 'node:os';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ROOT, buildApp, launchChromium, serveDist } from '../scripts/app-server';

interface Scenario {
  readonly name: string;
  /** Query string added to the app's address ('' = default parameters). */
  readonly query: string;
  /** Play speed, steps per second. */
  readonly speed: number;
}

/** The four arms of the compare scenario and of the seed-spread timing. */
const COMPARE_ARMS = 'loop-forms,epsilon-exploration,thompson-sampling,ips-debiasing';

const SCENARIOS: readonly Scenario[] = [
  { name: 'default, 10 steps/s', query: '', speed: 10 },
  { name: 'default, 60 steps/s', query: '', speed: 60 },
  // The default run lasts 100 steps, under 2 s at top speed: a longer run keeps playing for ~10 s
  // and shows how drawing grows with the history.
  { name: 'default + 600 steps, 60 steps/s', query: '?steps=600', speed: 60 },
  // The lesson rail open beside the charts (its sandbox chapter, which keeps the run for Play).
  { name: 'lesson rail, 10 steps/s', query: '?lesson=loops&chapter=8', speed: 10 },
  // Present mode: one view scaled up over the screen, played from its own controls at the default speed.
  { name: 'present mode (diversity), 10 steps/s', query: '?present=diversity', speed: 10 },
  // Four arms side by side, played in lockstep from the moment the first rows arrive (the batch
  // workers are still computing the rest while the charts play).
  { name: 'compare, 4 arms, 10 steps/s', query: `?page=compare&arms=${COMPARE_ARMS}`, speed: 10 },
];


/** Background jobs timed from the click to the last result: how long a class waits, with the page responsive. */
interface JobTiming {
  readonly name: string;
  readonly query: string;
  /** The button that starts the jobs (none: they start on opening). */
  readonly start?: string;
  /** Text that appears when every job is done. */
  readonly doneText: RegExp;
  readonly goalSeconds: number;
  /**
   * The drawing of the result, timed apart: from the last frame that showed `busy` (the progress
   * bar, there until the last job's reply) until `settled` matches (the page has drawn all of it),
   * and RESULT_TAIL_MS after, so what is drawn in the tasks after it is counted too.
   */
  readonly result?: { readonly busy: string; readonly settled: string };
}

/** The worlds page while it runs shows a progress bar; it draws a new result a part per frame, marking the sides aria-busy until all is drawn. */
const WORLDS_RESULT = { busy: '[role="progressbar"]', settled: '.wl-sides:not([aria-busy])' } as const;
/** How long after the result is drawn its tasks are still counted, ms. */
const RESULT_TAIL_MS = 1000;

const JOBS: readonly JobTiming[] = [
  {
    // The goal: 8 worlds. A baseline with the scenario's own strategy shares its runs.
    name: 'parallel worlds: 8 worlds × 100 steps (the baseline is the same strategy: 8 runs)',
    query: '?page=worlds&worlds=8&baseline=loop-forms',
    doneText: /How much the worlds agree/,
    goalSeconds: 10,
    result: WORLDS_RESULT,
  },
  {
    // The page as it opens: 8 worlds for the strategy and 8 for the random baseline, twice the work.
    name: 'parallel worlds: 8 worlds × 100 steps, current strategy and baseline (16 runs)',
    query: '?page=worlds&worlds=8',
    doneText: /How much the worlds agree/,
    goalSeconds: 20,
    result: WORLDS_RESULT,
  },
  {
    name: 'seed spread: 4 arms × 10 seeds × 100 steps (40 runs)',
    query: `?page=compare&arms=${COMPARE_ARMS}`,
    start: 'Spread over 10 seeds',
    doneText: /^40 runs over 10 seeds$/,
    goalSeconds: 30,
  },
];

const GOAL_LONG_TASK_MS = 50;
const GOAL_FPS = 30;

/** Runs in the page before any of its scripts. Plain JS in a string, so no transpiler helper leaks in. */
const PROBE = `(() => {
  const probe = { longTasks: [], frames: [], steps: [], playAt: null, busy: null, busyAt: null };
  window.__uiBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { probe.noLongTasks = String(e); }
  const stepOf = (el) => Number(el.getAttribute('data-step') || 0);
  const loop = () => {
    const now = performance.now();
    // The step every chart shows (the least data-step of the view slots), or -1 before they exist.
    const slots = document.querySelectorAll('[data-view]');
    let step = slots.length > 0 ? Infinity : -1;
    for (const slot of slots) step = Math.min(step, stepOf(slot));
    probe.frames.push(now);
    probe.steps.push(step);
    // The last frame that showed the page busy (a background job's progress bar), if asked.
    if (probe.busy && document.querySelector(probe.busy)) probe.busyAt = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();`;

interface Probe {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  steps: number[];
  playAt: number | null;
  /** A selector the page shows while busy, and the last frame that showed it. */
  busy: string | null;
  busyAt: number | null;
  noLongTasks?: string;
}

/** The browser is quiet once its processes use less than this share of one core over a window… */
const QUIET_SHARE = 0.15;
const QUIET_WINDOW_MS = 300;
/** …twice in a row, or once this long has passed. */
const SETTLE_MAX_MS = 8000;
/** Where /proc cannot be read: a fixed wait. */
const SETTLE_FIXED_MS = 2500;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU seconds used so far by this process's descendants (the browser and the static server), from /proc; null where there is none. */
function descendantsCpuSeconds(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …, utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // The process ended meanwhile.
    }
  }
  if (cpu.size === 0) return null;
  let total = 0;
  for (const [pid, seconds] of cpu) {
    let up = parent.get(pid);
    for (let hops = 0; up !== undefined && up > 1 && up !== process.pid && hops < 64; hops++) up = parent.get(up);
    if (up === process.pid) total += seconds;
  }
  return total;
}

/**
 * A fresh context and page, returned once the browser has gone quiet. Headless Chromium starts its
 * own window UI with every new page (the omnibox popup, a WebUI renderer of its own): about 1.6 s
 * of CPU in the next two seconds, which on a 2-core machine competes with the app's start and its
 * workers and would be timed as the app's. A user's browser has its window open already.
 */
async function newQuietPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const started = Date.now();
  const first = descendantsCpuSeconds();
  if (first === null) {
    await page.waitForTimeout(SETTLE_FIXED_MS);
    return { context, page };
  }
  let last: number = first;
  let quiet = 0;
  while (quiet < 2 && Date.now() - started < SETTLE_MAX_MS) {
    await page.waitForTimeout(QUIET_WINDOW_MS);
    const now: number = descendantsCpuSeconds() ?? last;
    quiet = now - last < (QUIET_SHARE * QUIET_WINDOW_MS) / 1000 ? quiet + 1 : 0;
    last = now;
  }
  return { context, page };
}

export interface ScenarioResult {
  readonly name: string;
  readonly query: string;
  readonly speed: number;
  /** Steps shown when measuring stopped, and whether the run had finished. */
  readonly lastStep: number;
  readonly finished: boolean;
  /** From Play to the first frame that shows data, and that frame's own duration. */
  readonly firstData: { readonly latencyMs: number; readonly frameMs: number; readonly longestTaskMs: number };
  /** After the first-data frame until the run ends or measuring stops. */
  readonly steady: {
    readonly seconds: number;
    readonly frames: number;
    readonly fpsMedian: number;
    /** 5th percentile of per-frame fps (1000 / the 95th-percentile frame time). */
    readonly fpsP5: number;
    readonly worstFrameMs: number;
    /** Frames that showed a new step, per second: how often the charts redraw. */
    readonly redrawsPerSecond: number;
    readonly stepsPerSecond: number;
    readonly longTasks: number;
    readonly longestTaskMs: number;
  };
  /** Every long task from Play to the end, the first-data frame included. */
  readonly whilePlaying: { readonly longTasks: number; readonly longestTaskMs: number };
  readonly met: boolean;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** Long tasks that overlap [from, to). */
function tasksIn(probe: Probe, from: number, to: number) {
  return probe.longTasks.filter((t) => t.start < to && t.start + t.duration > from);
}

export function analyse(scenario: Scenario, probe: Probe, endAt: number, finished: boolean): ScenarioResult {
  const playAt = probe.playAt ?? 0;
  const { frames, steps } = probe;
  const first = steps.findIndex((s, i) => frames[i]! >= playAt && s > 0);
  if (first < 1) throw new Error(`${scenario.name}: no frame showed a step after Play`);
  // The window ends at the first frame showing the final step (finished) or at endAt (stopped).
  const lastStep = Math.max(...steps);
  let last = frames.length - 1;
  if (finished) last = steps.indexOf(lastStep, first);
  else while (last > first && frames[last]! > endAt) last--;
  if (last <= first) last = frames.length - 1;

  const deltas: number[] = [];
  let redraws = 0;
  for (let i = first + 1; i <= last; i++) {
    deltas.push(frames[i]! - frames[i - 1]!);
    if (steps[i] !== steps[i - 1]) redraws++;
  }
  const sorted = [...deltas].sort((a, b) => a - b);
  const seconds = (frames[last]! - frames[first]!) / 1000;
  const firstTasks = tasksIn(probe, frames[first - 1]!, frames[first]!);
  const steadyTasks = tasksIn(probe, frames[first]!, frames[last]!);
  const playingTasks = tasksIn(probe, playAt, frames[last]!);
  const longest = (tasks: { duration: number }[]) => round(Math.max(0, ...tasks.map((t) => t.duration)));
  const steady = {
    seconds: round(seconds, 2),
    frames: deltas.length,
    fpsMedian: round(1000 / quantile(sorted, 0.5)),
    fpsP5: round(1000 / quantile(sorted, 0.95)),
    worstFrameMs: round(sorted.at(-1) ?? NaN),
    redrawsPerSecond: round(redraws / seconds),
    stepsPerSecond: round((steps[last]! - steps[first]!) / seconds),
    longTasks: steadyTasks.length,
    longestTaskMs: longest(steadyTasks),
  };
  const whilePlaying = { longTasks: playingTasks.length, longestTaskMs: longest(playingTasks) };
  return {
    name: scenario.name,
    query: scenario.query,
    speed: scenario.speed,
    lastStep,
    finished,
    firstData: {
      latencyMs: round(frames[first]! - playAt),
      frameMs: round(frames[first]! - frames[first - 1]!),
      longestTaskMs: longest(firstTasks),
    },
    steady,
    whilePlaying,
    met: whilePlaying.longTasks === 0 && steady.fpsP5 >= GOAL_FPS,
  };
}

async function measure(browser: Browser, url: string, scenario: Scenario, viewport: { width: number; height: number }, seconds: number) {
  const { context, page } = await newQuietPage(browser, viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(PROBE);
  await page.goto(`${url}${scenario.query}`);
  // Present mode has no transport bar: its own Play button, enabled once the world is built, and
  // the default speed (10 steps/s).
  const present = scenario.query.includes('present=');
  const compare = scenario.query.includes('page=compare');
  const status = page.getByTestId('run-status');
  if (compare) {
    await page.getByRole('slider', { name: 'Speed, steps per second' }).fill(String(scenario.speed));
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Play' && !b.disabled), undefined, { timeout: 60_000 });
  } else if (present) {
    if (scenario.speed !== 10) throw new Error('present mode plays at the default 10 steps/s');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('.present-play')?.disabled === false, undefined, { timeout: 30_000 });
  } else {
    await status.getByText('Ready').waitFor({ timeout: 30_000 });
    await page.getByRole('slider', { name: 'Speed' }).fill(String(scenario.speed));
    await page.getByText(`${scenario.speed} steps/s`).waitFor();
  }
  // Let the page settle (fonts, the first layout) before timing.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const bench = (window as unknown as { __uiBench: Probe }).__uiBench;
    const play = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Play');
    if (!play) throw new Error('no Play button');
    bench.playAt = performance.now();
    play.click();
  });
  let finished = false;
  try {
    if (compare) await page.getByTestId('compare-step').getByText(/^Step (\d+) \/ \1$/).waitFor({ timeout: seconds * 1000 });
    else if (present) await page.locator('.present-step-now').getByText(/^Step (\d+) \/ \1$/).waitFor({ timeout: seconds * 1000 });
    else await status.getByText('Finished').waitFor({ timeout: seconds * 1000 });
    finished = true;
  } catch {
    // Still playing after `seconds`: measure up to now.
  }
  const endAt = await page.evaluate(() => performance.now());
  // A few more frames so the last one is recorded, then stop the run.
  await page.waitForTimeout(200);
  if (!finished && !compare) await page.keyboard.press('Space');
  const probe = await page.evaluate(() => (window as unknown as { __uiBench: Probe }).__uiBench);
  await context.close();
  if (probe.noLongTasks) throw new Error(`this Chromium has no longtask entries: ${probe.noLongTasks}`);
  if (errors.length > 0) throw new Error(`${scenario.name}: page errors: ${errors.join('; ')}`);
  return analyse(scenario, probe, endAt, finished);
}

export interface JobResult {
  readonly name: string;
  readonly seconds: number;
  /** Longest main-thread task while the jobs ran: the page stays responsive. */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /**
   * Drawing the result (jobs with `result`): from the last busy frame until all is drawn and
   * RESULT_TAIL_MS after; its long tasks and the longest task.
   */
  readonly result?: { readonly ms: number; readonly longTasks: number; readonly longestTaskMs: number };
  readonly met: boolean;
}

async function timeJobs(browser: Browser, url: string, job: JobTiming, viewport: { width: number; height: number }): Promise<JobResult> {
  const { context, page } = await newQuietPage(browser, viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(PROBE);
  let startAt = 0;
  if (job.result) await page.addInitScript(`window.__uiBench.busy = ${JSON.stringify(job.result.busy)};`);
  if (job.start) {
    await page.goto(`${url}${job.query}`);
    // The arms themselves run first; the spread starts once the page is idle.
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('.arm-status'), undefined, { timeout: 60_000 });
    startAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: job.start }).click();
  } else {
    await page.goto(`${url}${job.query}`);
  }
  await page.getByText(job.doneText).first().waitFor({ timeout: 180_000 });
  const endAt = await page.evaluate(() => performance.now());
  let result: JobResult['result'];
  if (job.result) {
    await page.locator(job.result.settled).waitFor({ state: 'attached', timeout: 60_000 });
    const settledAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(RESULT_TAIL_MS);
    const { busyAt, longTasks } = await page.evaluate(() => (window as unknown as { __uiBench: Probe }).__uiBench);
    if (busyAt === null) throw new Error(`${job.name}: no frame showed ${job.result.busy}`);
    const drawing = tasksIn({ longTasks } as Probe, busyAt, settledAt + RESULT_TAIL_MS);
    result = {
      ms: round(settledAt - busyAt),
      longTasks: drawing.length,
      longestTaskMs: round(Math.max(0, ...drawing.map((t) => t.duration))),
    };
  }
  const probe = await page.evaluate(() => (window as unknown as { __uiBench: Probe }).__uiBench);
  await context.close();
  if (errors.length > 0) throw new Error(`${job.name}: page errors: ${errors.join('; ')}`);
  const tasks = tasksIn(probe, startAt, endAt);
  const seconds = round((endAt - startAt) / 1000, 2);
  return {
    name: job.name,
    seconds,
    longTasks: tasks.length,
    longestTaskMs: round(Math.max(0, ...tasks.map((t) => t.duration))),
    ...(result ? { result } : {}),
    met: seconds <= job.goalSeconds,
  };
}

/** The median of every number over `runs` (a boolean is true if it is in every run), in the shape of one result. */
function medianResult(runs: readonly ScenarioResult[]): ScenarioResult {
  const median = (values: unknown[]): unknown => {
    const first = values[0];
    if (typeof first === 'number') return round(quantile([...(values as number[])].sort((a, b) => a - b), 0.5));
    if (typeof first === 'boolean') return values.every(Boolean);
    if (first && typeof first === 'object')
      return Object.fromEntries(Object.keys(first).map((k) => [k, median(values.map((v) => (v as Record<string, unknown>)[k]))]));
    return first;
  };
  const result = median([...runs]) as ScenarioResult;
  return { ...result, met: result.whilePlaying.longTasks === 0 && result.steady.fpsP5 >= GOAL_FPS };
}

function table(results: readonly ScenarioResult[]): string {
  const head = [
    'scenario',
    'steps shown',
    'long tasks > 50 ms',
    'longest task',
    'fps median',
    'fps p5',
    'chart redraws/s',
    'steps/s',
    'first data: latency / frame / longest task',
    'goal',
  ];
  const rows = results.map((r) => [
    r.name,
    `${r.lastStep}${r.finished ? ' (done)' : ''} in ${r.steady.seconds} s`,
    String(r.whilePlaying.longTasks),
    `${r.whilePlaying.longestTaskMs} ms`,
    String(r.steady.fpsMedian),
    String(r.steady.fpsP5),
    String(r.steady.redrawsPerSecond),
    String(r.steady.stepsPerSecond),
    `${r.firstData.latencyMs} / ${r.firstData.frameMs} / ${r.firstData.longestTaskMs} ms`,
    r.met ? '✓' : '✗',
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
      viewport: { type: 'string', default: '1280x800' },
      seconds: { type: 'string', default: '10' },
      repeats: { type: 'string', default: '3' },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [width, height] = values.viewport.split('x').map(Number);
  if (!width || !height) throw new Error(`--viewport must look like 1280x800, got "${values.viewport}"`);
  const seconds = Number(values.seconds);
  const repeats = Math.max(1, Number(values.repeats) || 1);
  const scenarios = SCENARIOS.filter((s) => !values.only || s.name.includes(values.only));
  const jobs = JOBS.filter((j) => !values.only || j.name.includes(values.only));

  if (!values['no-build'] && !values.dist) buildApp();
  const server = await serveDist(undefined, values.dist);
  const browser = await launchChromium();
  const results: ScenarioResult[] = [];
  const runs: ScenarioResult[][] = [];
  const jobResults: JobResult[] = [];
  const jobRuns: JobResult[][] = [];
  try {
    for (const scenario of scenarios) {
      const these: ScenarioResult[] = [];
      for (let r = 0; r < repeats; r++) {
        const result = await measure(browser, server.url, scenario, { width, height }, seconds);
        console.log(
          `… ${scenario.name} #${r + 1}: ${result.whilePlaying.longTasks} long tasks (longest ${result.whilePlaying.longestTaskMs} ms), ` +
            `fps p5 ${result.steady.fpsP5}, ${result.steady.stepsPerSecond} steps/s, load ${loadavg()[0]!.toFixed(2)}`,
        );
        these.push(result);
      }
      runs.push(these);
      results.push(medianResult(these));
    }
    for (const job of jobs) {
      const times: JobResult[] = [];
      for (let r = 0; r < repeats; r++) {
        const result = await timeJobs(browser, server.url, job, { width, height });
        const drawing = result.result
          ? `; drawing the result: ${result.result.longTasks} long tasks (longest ${result.result.longestTaskMs} ms) in ${result.result.ms} ms`
          : '';
        console.log(`… ${job.name} #${r + 1}: ${result.seconds} s, longest task ${result.longestTaskMs} ms${drawing}, load ${loadavg()[0]!.toFixed(2)}`);
        times.push(result);
      }
      const sorted = [...times].sort((a, b) => a.seconds - b.seconds);
      const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
      // The drawing of the result: the median of each number over the repeats.
      const drawn = times.flatMap((t) => (t.result ? [t.result] : []));
      const med = (values: number[]) => round(quantile([...values].sort((a, b) => a - b), 0.5));
      jobResults.push(
        drawn.length === 0
          ? middle
          : {
              ...middle,
              result: {
                ms: med(drawn.map((d) => d.ms)),
                longTasks: med(drawn.map((d) => d.longTasks)),
                longestTaskMs: med(drawn.map((d) => d.longestTaskMs)),
              },
            },
      );
      jobRuns.push(times);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`\nViewport ${width}×${height}; goals: no main-thread task > ${GOAL_LONG_TASK_MS} ms while playing, ≥ ${GOAL_FPS} fps (p5).\n`);
  if (results.length > 0) console.log(table(results));
  if (jobResults.length > 0) {
    console.log('\nBackground jobs (median over the repeats), from the click (or opening) to the last result:\n');
    console.log(
      '| jobs | seconds | goal | long tasks > 50 ms | longest task | drawing the result: long tasks / longest task (median) |\n| --- | --- | --- | --- | --- | --- |',
    );
    for (const j of jobResults) {
      const drawing = j.result ? `${j.result.longTasks} / ${j.result.longestTaskMs} ms` : '—';
      console.log(`| ${j.name} | ${j.seconds} | ${j.met ? '✓' : '✗'} ≤ ${JOBS.find((x) => x.name === j.name)!.goalSeconds} s | ${j.longTasks} | ${j.longestTaskMs} ms | ${drawing} |`);
    }
  }
  const out = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', loadavg: loadavg().map((x) => round(x, 2)) },
    dist: values.dist ?? 'dist',
    viewport: { width, height },
    goals: { longTaskMs: GOAL_LONG_TASK_MS, fps: GOAL_FPS },
    repeats,
    /** Per scenario, the median of each number over the repeats. */
    results,
    runs,
    /** Per job, the run of median duration, with the median of each number of drawing the result. */
    jobs: jobResults,
    jobRuns,
  };
  // bench/ui-results.json holds a full run of this build: a partial run (--only) or an other build
  // (--dist) writes only where --out says.
  const file = values.out ?? (values.only || values.dist ? null : join(ROOT, 'bench/ui-results.json'));
  if (file) {
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  } else console.log('\nnot written (a partial run or an other build; --out FILE writes it)');
  if (results.some((r) => !r.met) || jobResults.some((j) => !j.met)) process.exitCode = 1;
}

await main();
