// The impression event log: one line per impression, ordered, 1-based slots, clicks that add up,
// and each slot's propensity under the ranking policy (Plackett–Luce, or 1 when deterministic).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPropensity } from '../../src/cli/events';
import { CHUNK_CHARS, PendingFile } from '../../src/cli/files';
import { createWorld, defaultParams } from '../../src/engine';
import { SMALL, sim, tempDir } from './helpers';

interface Event {
  t: number;
  u: number;
  i: number;
  k: number;
  c: number;
  p: number;
}

async function runWithEvents(extra: string[]) {
  const dir = tempDir();
  const path = join(dir, 'events.jsonl');
  const out = await sim([...SMALL, ...extra, '--events', path]);
  expect(out.code).toBe(0);
  const text = readFileSync(path, 'utf8');
  return {
    dir,
    text,
    events: text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Event),
    result: JSON.parse(out.stdout) as {
      steps: Array<{ clicks: number }>;
      summary: { clicks: number };
    },
  };
}

describe('--events', () => {
  it('writes users × slateSize × steps lines when every slate is full', async () => {
    const { dir, text, events } = await runWithEvents([]);
    expect(text.endsWith('\n')).toBe(true);
    expect(events).toHaveLength(50 * 10 * 5);
    expect(readdirSync(dir)).toEqual(['events.jsonl']);
  });

  it('writes exactly the fields t, u, i, k, c, p in order of step, listener, slot', async () => {
    const { text, events } = await runWithEvents(['--slateSize', '4']);
    expect(text.split('\n')[0]).toMatch(/^\{"t":1,"u":0,"i":\d+,"k":1,"c":[01],"p":(1|0\.\d{1,12}|\d(\.\d+)?e-\d+)\}$/);
    events.forEach((e, n) => {
      expect(Object.keys(e)).toEqual(['t', 'u', 'i', 'k', 'c', 'p']);
      expect(e.t).toBe(Math.floor(n / 200) + 1);
      expect(e.u).toBe(Math.floor(n / 4) % 50);
      expect(e.k).toBe((n % 4) + 1);
      expect(e.i).toBeGreaterThanOrEqual(0);
      expect(e.i).toBeLessThan(200);
      expect([0, 1]).toContain(e.c);
      expect(e.p).toBeGreaterThan(0);
      expect(e.p).toBeLessThanOrEqual(1);
    });
    // A slate never repeats a song.
    for (let n = 0; n < events.length; n += 4)
      expect(new Set(events.slice(n, n + 4).map((e) => e.i)).size).toBe(4);
  });

  it('logs the Plackett–Luce probability of each slot given the slots above it', async () => {
    // Step 1 of the default popularity ranking: song score 1 + prior plays, τ = 0.5, so weights
    // w_i = ((1 + prior_i) / max)^2 and slot j's propensity w / (Σw − weights of slots above).
    const { events } = await runWithEvents(['--slateSize', '4']);
    const world = createWorld({ ...defaultParams(), users: 50, songs: 200, steps: 5 });
    const score = Array.from(world.songPrior.subarray(0, 200), (p) => 1 + p);
    const max = Math.max(...score);
    const w = score.map((s) => (s / max) ** 2);
    const total = w.reduce((a, b) => a + b, 0);
    let below = 0;
    for (let u = 0; u < 50; u++) {
      let left = total;
      for (const e of events.slice(4 * u, 4 * u + 4)) {
        expect(e).toMatchObject({ t: 1, u });
        const p = w[e.i]! / left;
        expect(Math.abs(e.p - p)).toBeLessThanOrEqual(1e-5 * p); // printed to 6 significant digits
        if (e.p < 1) below++;
        left -= w[e.i]!;
      }
    }
    expect(below).toBe(200);
  });

  it('logs propensity 1 for every slot of a deterministic ranking (locked-catalog)', async () => {
    const { events } = await runWithEvents(['--preset', 'locked-catalog', '--slateSize', '4']);
    expect(events).toHaveLength(4 * 50 * 5);
    for (const e of events) expect(e.p).toBe(1);
    // Everyone sees the same ranking in a step.
    for (let t = 1; t <= 5; t++) {
      const slates = new Set<string>();
      for (let u = 0; u < 50; u++)
        slates.add(events.slice((t - 1) * 200 + 4 * u, (t - 1) * 200 + 4 * u + 4).map((e) => e.i).join());
      expect(slates.size).toBe(1);
    }
  });

  it("has clicks summing to the run's totals, step by step", async () => {
    const { events, result } = await runWithEvents(['--recommender', 'personalized']);
    expect(events.reduce((n, e) => n + e.c, 0)).toBe(result.summary.clicks);
    result.steps.forEach((step, s) =>
      expect(events.filter((e) => e.t === s + 1).reduce((n, e) => n + e.c, 0)).toBe(step.clicks),
    );
  });

  it('prints propensities as short plain numbers', async () => {
    const { events } = await runWithEvents(['--recommender', 'random']);
    for (const e of events) {
      expect(e.p).toBeGreaterThan(0);
      expect(e.p).toBeLessThanOrEqual(1);
      expect(
        String(e.p)
          .replace(/^0\.|\./, '')
          .replace(/e.*$/, '').length,
      ).toBeLessThanOrEqual(6);
    }
  });
});

describe('formatPropensity', () => {
  it('rounds Float32 values to at most 6 significant digits', () => {
    expect(formatPropensity(Math.fround(1))).toBe('1');
    expect(formatPropensity(Math.fround(0.1))).toBe('0.1');
    expect(formatPropensity(Math.fround(0.05))).toBe('0.05');
    expect(formatPropensity(Math.fround(1 / 3))).toBe('0.333333');
    expect(formatPropensity(Math.fround(1e-7))).toBe('1e-7');
    expect(formatPropensity(Number.NaN)).toBe('null');
  });
});

describe('PendingFile', () => {
  it('flushes to its temporary in chunks while writing, before it is published', () => {
    const dir = tempDir();
    const file = PendingFile.open(join(dir, 'big.txt'));
    const line = 'x'.repeat(1023) + '\n';
    for (let n = 0; n < (2 * CHUNK_CHARS) / 1024 + 1; n++) file.write(line);
    expect(statSync(file.tmpPath).size).toBeGreaterThanOrEqual(2 * CHUNK_CHARS);
    expect(readdirSync(dir)).toEqual([file.tmpPath.slice(dir.length + 1)]);
    file.publish();
    expect(readdirSync(dir)).toEqual(['big.txt']);
    expect(statSync(join(dir, 'big.txt')).size).toBe(2 * CHUNK_CHARS + 1024);
  });

  it('leaves nothing when discarded', () => {
    const dir = tempDir();
    const file = PendingFile.open(join(dir, 'gone.txt'));
    file.write('partial');
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});
