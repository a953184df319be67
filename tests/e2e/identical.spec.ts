// Every number of runs with every strategy on (every recommender, exploration, debiasing and re-ranking), in Chromium
// (the page's worker and the batch workers) and in Node, bit for bit: each step's row, the world before step 1 and the summary.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { applyOverrides, armParams, defaultParams, replayScenario, runSimulation, summarize, type Params, type ScenarioChange } from '../../src/engine';

test.describe.configure({ timeout: 180_000 });

const WORLD = { users: '120', songs: '300', steps: '12', seed: '11', newSongsPerStep: '2', tasteDrift: '0.05' };

/** Three arms that between them switch on every recommender but random/oracle, every exploration, debiasing and re-ranking. */
const ARMS: readonly Record<string, string>[] = [
  { recommender: 'factorization', exploration: 'thompson', thompsonDraws: 'per-listener', positionDebias: 'ips', rerank: 'xquad', popularityPenalty: '0.3', newSongSlots: '1' },
  { recommender: 'personalized', exploration: 'ucb', positionDebias: 'positional', rerank: 'calibrated', excludeConsumed: 'true' },
  { recommender: 'popularity', exploration: 'epsilon', epsilon: '0.2', positionDebias: 'raw', examinationModel: 'known', rankingTemperature: '0' },
];

/**
 * The fourth arm: what the three leave out, the random and oracle recommenders and Thompson
 * sampling with draws shared by everyone in a step (per-step, which feeds a ranking only with the
 * popularity or personalized recommender). One arm runs one recommender, so this one changes it
 * live, on the Explore page (the compare page has no timelines): random slates from step 1, the
 * oracle from step 5, popularity ranked by the shared draws from step 9.
 */
const FOURTH = {
  params: { recommender: 'random', exploration: 'thompson', thompsonDraws: 'per-step', rankingTemperature: '0.3' },
  changes: [
    { t: 5, key: 'recommender', value: 'oracle' },
    { t: 9, key: 'recommender', value: 'popularity' },
  ] as const satisfies readonly ScenarioChange[],
};

const paramsOf = (over: Record<string, string>): Params => {
  const { params, issues } = applyOverrides(defaultParams(), { ...WORLD, ...over }, true);
  expect(issues).toEqual([]);
  return params;
};

test('every step of every metric equals Node\'s, in the page\'s worker and in the batch workers', async ({ page }) => {
  // The page's own worker: the first arm on the Explore page, all its steps exported as JSON.
  const first = paramsOf(ARMS[0]!);
  await page.goto(`./?${new URLSearchParams({ ...WORLD, ...ARMS[0]! })}`);
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: 60_000 });
  const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const run = JSON.parse(await readFile((await single.path())!, 'utf8')) as { steps: unknown[]; initial: unknown; summary: unknown };
  const node = runSimulation(first);
  expect(run.steps).toHaveLength(12);
  expect(run.steps).toEqual(node.steps);
  expect(run.initial).toEqual(node.initial);
  expect(run.summary).toEqual(node.summary);

  // The fourth arm, in the page's worker too: its live changes from the link, applied by the worker at their steps.
  const fourth = new URLSearchParams({ ...WORLD, ...FOURTH.params });
  for (const change of FOURTH.changes) fourth.append('at', `${change.t}:${change.key}=${change.value}`);
  await page.goto(`./?${fourth}`);
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await page.getByRole('slider', { name: 'Speed' }).fill('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: 60_000 });
  const [timed] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const changed = JSON.parse(await readFile((await timed.path())!, 'utf8')) as { steps: unknown[]; initial: unknown; summary: unknown; markers: { t: number }[] };
  const replay = replayScenario({ params: paramsOf(FOURTH.params), changes: FOURTH.changes });
  expect(changed.markers.map((m) => m.t)).toEqual([5, 9]);
  expect(changed.steps).toHaveLength(12);
  expect(changed.steps).toEqual(replay.rows);
  expect(changed.initial).toEqual(replay.initial);
  expect(changed.summary).toEqual(summarize(replay.initial, replay.rows));

  // The batch workers: the three arms on the compare page, exported together.
  const arms = new URLSearchParams({ ...WORLD, page: 'compare', arms: 'custom,custom,custom' });
  ARMS.forEach((over, i) => {
    for (const [key, value] of Object.entries(over)) arms.set(`arm${i + 1}.${key}`, value);
  });
  // Custom arms start from the defaults; the world's own keys (catalog growth, drift) are the arms' too.
  ARMS.forEach((_, i) => {
    for (const key of ['newSongsPerStep', 'tasteDrift'] as const) arms.set(`arm${i + 1}.${key}`, WORLD[key]);
  });
  await page.goto(`./?${arms}`);
  const exportJson = page.getByRole('button', { name: 'Export JSON' });
  await expect(exportJson).toBeEnabled({ timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), exportJson.click()]);
  const compared = JSON.parse(await readFile((await download.path())!, 'utf8')) as { arms: { config: Params; steps: unknown[]; initial: unknown; summary: unknown }[] };
  expect(compared.arms).toHaveLength(3);
  ARMS.forEach((over, i) => {
    const params = armParams(paramsOf(over), paramsOf({}));
    const expected = runSimulation(params);
    expect(compared.arms[i]!.config).toEqual(params);
    expect(compared.arms[i]!.steps).toEqual(expected.steps);
    expect(compared.arms[i]!.initial).toEqual(expected.initial);
    expect(compared.arms[i]!.summary).toEqual(expected.summary);
  });
});
