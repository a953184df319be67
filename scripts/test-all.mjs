// The single `npm test` entry point: typecheck, lint, unit/component tests, e2e; ends with "N passed, N failed".
//
// Counting: typecheck and lint are one "check" each (1 passed or 1 failed). Vitest counts come from
// its JSON report (numPassedTests / numFailedTests, plus 1 per test file that failed to load);
// Playwright's from its JSON stats (passed = expected, failed = unexpected + flaky). A stage whose
// report is missing (crash), or that exits non-zero without a failed test, counts as 1 failed.
// Every stage runs even if an earlier one failed; the exit code is non-zero if anything failed.
// Each stage's line ends with its wall time in seconds, and the line before the total gives the run's.
//
// Typecheck, lint and the e2e build each keep one core busy at most, so they run side by side (their
// output is printed whole, one after the other); the e2e stage then serves that build instead of
// building again (E2E_PREBUILT, read by playwright.config.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'test-all-'));
const vitestJson = join(tmp, 'vitest.json');
const playwrightJson = join(tmp, 'pw.json');
let passed = 0;
let failed = 0;
let skipped = 0;

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// Vitest test files that failed without a failing test (e.g. an import error) count 1 failed each.
function crashedFiles(report) {
  return (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  ).length;
}

/** Seconds since `since` (a performance.now() reading), rounded for the log. */
const secondsSince = (since) => Math.round((performance.now() - since) / 1000);

function tally(stage, ok, report, seconds) {
  const p = report?.passed ?? (ok ? 1 : 0);
  // A non-zero exit with no failed test (crash, missing report, setup error) still counts as 1 failure.
  const f = report ? Math.max(report.failed, ok ? 0 : 1) : ok ? 0 : 1;
  passed += p;
  failed += f;
  skipped += report?.skipped ?? 0;
  const took = seconds === undefined ? '' : ` (${seconds} s)`;
  console.log(`[test-all] ${stage}: ${p} passed, ${f} failed${took}`);
}

/** Runs a command with its output captured; resolves to whether it exited 0, its output and its duration. */
function runCaptured(cmd, args) {
  const since = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) =>
      resolve({ ok: false, output: String(e), seconds: secondsSince(since) }),
    );
    child.on('close', (code) =>
      resolve({
        ok: code === 0,
        output: Buffer.concat(chunks).toString(),
        seconds: secondsSince(since),
      }),
    );
  });
}

const [typecheck, lint, build] = await Promise.all([
  runCaptured('npm', ['run', 'typecheck']),
  runCaptured('npm', ['run', 'lint']),
  runCaptured('npm', ['run', 'build']),
]);
for (const [stage, result] of [['typecheck', typecheck], ['lint', lint]]) {
  process.stdout.write(result.output);
  tally(stage, result.ok, undefined, result.seconds);
}
// A failed build is not a stage of its own: the e2e stage builds again and reports what fails.
if (!build.ok) process.stdout.write(`[test-all] the build failed; the e2e stage builds again\n${build.output}`);

const unitStarted = performance.now();
const vitestOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
tally(
  'unit',
  vitestOk,
  vitest && {
    passed: vitest.numPassedTests ?? 0,
    failed: (vitest.numFailedTests ?? 0) + crashedFiles(vitest),
    skipped: (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0),
  },
  secondsSince(unitStarted),
);

const e2eStarted = performance.now();
if (run('node', ['scripts/ensure-browser.mjs'])) {
  const e2eOk = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    ...(build.ok ? { E2E_PREBUILT: '1' } : {}),
  });
  const stats = existsSync(playwrightJson) ? readJson(playwrightJson)?.stats : null;
  tally(
    'e2e',
    e2eOk,
    stats && {
      passed: stats.expected ?? 0,
      failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
      skipped: stats.skipped ?? 0,
    },
    secondsSince(e2eStarted),
  );
} else {
  tally('e2e (no browser)', false);
}

rmSync(tmp, { recursive: true, force: true });
if (skipped > 0) console.log(`[test-all] warning: ${skipped} test(s) skipped`);
console.log(`[test-all] ${secondsSince(started)} s in all`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
