// The memory estimate before a run: byte counts by hand for a tiny run, the refusal message and its
// largest allowed values, and the structures that used to hit V8's size limits.
import { describe, expect, it } from 'vitest';
import {
  batchBytes,
  batchMemoryProblem,
  BROWSER_MEMORY_BUDGET,
  clicksPerListenerStep,
  defaultParams,
  estimateRunBytes,
  formatBytes,
  largestAllowed,
  memoryParts,
  memoryProblem,
  NODE_MEMORY_BUDGET,
  paramSpec,
  type Params,
} from '../../../src/engine';
import { addConsumed, ClickPairs, createConsumed, hasConsumed } from '../../../src/engine/log';

/** Two listeners, ten songs, one slot fully examined and always clicked when relevant, one step. */
const tiny: Params = { ...defaultParams(), users: 2, songs: 10, slateSize: 1, genres: 1, onboardingPicks: 0, steps: 1, positionBias: 0, maxClickProb: 1 };

/** The parts by label. */
const parts = (p: Params) => Object.fromEntries(memoryParts(p).map((part) => [part.label, part.bytes]));

describe('estimateRunBytes', () => {
  it('counts a tiny run by hand', () => {
    expect(clicksPerListenerStep(tiny)).toBe(1);
    expect(parts(tiny)).toEqual({
      'the position log': 16 * 10 * 1, // shown + clicked, Float64 per (song, slot)
      'the per-song arrays': 260 * 10,
      'the slates and their metrics': 34 * 2 * 1,
      'the per-listener arrays': 2 * (32 * 1 + 4 * 0 + 170),
      'the click log': 8 * 2 * 1 * 1, // 8 bytes a click, listeners × steps × clicks per slate
      'the clicked songs the overlap metric tracks': 2 * (4 + 120), // a 32-bit word of bits for 10 songs, 120 a listener
      'the step rows and the output': 2500 * 1,
      'fixed costs': 16e6,
      'the taste-KL terms': 8 * 2 * 1 * 1, // a Float64 per listener × genre × slot
    });
    expect(estimateRunBytes(tiny)).toBe(16e6 + 160 + 2600 + 68 + 404 + 16 + 248 + 2500 + 16);
  });

  it('adds the excluded songs, the factorization model and the recommenders\' pools when chosen', () => {
    const base = estimateRunBytes(tiny);
    expect(parts({ ...tiny, excludeConsumed: true })['the excluded songs']).toBe(2 * (300 + 40 * 1));
    // Listeners 570 each, songs 380 each, pairs 110 each: 2 listeners × min(10 songs, 0 picks + 1 click).
    expect(parts({ ...tiny, recommender: 'factorization' })['the factorization model']).toBe(2 * 570 + 10 * 380 + 2 * 1 * 110);
    expect(estimateRunBytes({ ...tiny, recommender: 'personalized' }) - base).toBe(60 * 10);
    expect(estimateRunBytes({ ...tiny, recommender: 'personalized', excludeConsumed: true }) - base).toBe((60 + 45) * 10 + 2 * (300 + 40));
    expect(estimateRunBytes({ ...tiny, recommender: 'personalized', excludeConsumed: true, rankingTemperature: 0 }) - base).toBe(60 * 10 + 2 * (300 + 40));
    expect(estimateRunBytes({ ...tiny, rerank: 'xquad' }) - base).toBe(40 * 10);
  });

  it('counts released songs, examination and the click ceiling', () => {
    // 10 initial songs + 2 a step × 3 steps = 16 songs.
    expect(parts({ ...tiny, newSongsPerStep: 2, steps: 3 })['the position log']).toBe(16 * 16);
    // θ = 1, 1/2, 1/3 at η = 1; ceiling 0.6.
    expect(clicksPerListenerStep({ slateSize: 3, positionBias: 1, maxClickProb: 0.6 })).toBeCloseTo(0.6 * (1 + 1 / 2 + 1 / 3), 12);
    // A listener's excluded songs stop at the catalog's size; the tracked clicks are bits of it.
    const long = { ...tiny, steps: 1000, excludeConsumed: true };
    expect(parts(long)['the excluded songs']).toBe(2 * (300 + 40 * 10));
    expect(parts(long)['the clicked songs the overlap metric tracks']).toBe(2 * (4 + 120));
  });

  it('keeps the tracked clicks as bits up to 16 MiB, else in hash sets of up to 16 bytes a click', () => {
    // 1,000 listeners × 100,000 songs: 3,125 words of 4 bytes each = 12.5 MB of bits.
    const wide = { ...tiny, users: 1000, songs: 100_000, steps: 3 };
    expect(parts(wide)['the clicked songs the overlap metric tracks']).toBe(1000 * 3125 * 4 + 1000 * 120);
    // 2,000 listeners: 25 MB of bits is over the limit; each has at most 3 clicks (1 a step).
    expect(parts({ ...wide, users: 2000 })['the clicked songs the overlap metric tracks']).toBe(2000 * (16 * 3 + 120));
    // Beyond 300 listeners only both ends of 20,000 sampled pairs are tracked: 40,000 listeners at most.
    expect(parts({ ...wide, users: 100_000 })['the clicked songs the overlap metric tracks']).toBe(40_000 * (16 * 3 + 120));
  });

  it('grows with every parameter that drives it', () => {
    const p = { ...defaultParams(), excludeConsumed: true, recommender: 'factorization' as const };
    for (const key of ['users', 'songs', 'slateSize', 'steps', 'genres', 'onboardingPicks', 'newSongsPerStep'] as const)
      expect(estimateRunBytes({ ...p, [key]: p[key] + 5 }), key).toBeGreaterThan(estimateRunBytes(p));
  });

  it('lets the defaults and every preset size run in the browser', () => {
    expect(estimateRunBytes(defaultParams())).toBeLessThan(BROWSER_MEMORY_BUDGET / 10);
    expect(memoryProblem(defaultParams(), BROWSER_MEMORY_BUDGET)).toBeUndefined();
  });
});

describe('memoryProblem', () => {
  /** Issue 10's run: it died after 3 minutes with "RangeError: Set maximum size exceeded". */
  const issueRun: Params = { ...defaultParams(), users: 200000, songs: 200000, slateSize: 50, exploration: 'epsilon', epsilon: 1, excludeConsumed: true };

  it('refuses the issue\'s run in Node, naming what drives it and the largest allowed values', () => {
    const message = memoryProblem(issueRun, NODE_MEMORY_BUDGET)!;
    expect(message).toMatch(/^this run needs about 4\.\d GB of memory, \d\.\d GB for the excluded songs \(listeners × songs clicked per listener\)/);
    expect(message).toContain('; the limit here is 2 GB: lower users (largest allowed with the other values: ');
    const users = Number(/users \(largest allowed with the other values: ([\d,]+)\)/.exec(message)![1]!.replace(/,/g, ''));
    expect(estimateRunBytes({ ...issueRun, users })).toBeLessThanOrEqual(NODE_MEMORY_BUDGET);
    expect(estimateRunBytes({ ...issueRun, users: users + 1 })).toBeGreaterThan(NODE_MEMORY_BUDGET);
    expect(message).toMatch(/, steps \(largest allowed with the other values: \d+\) or slateSize \(largest allowed with the other values: \d+\)$/);
    expect(message).not.toContain('\n');
  });

  it('refuses the largest run the schema allows', () => {
    const largest = { ...defaultParams() } as Record<string, unknown>;
    for (const key of ['users', 'songs', 'slateSize', 'steps', 'newSongsPerStep', 'genres', 'onboardingPicks']) {
      const spec = paramSpec(key)!;
      if (spec.type === 'int') largest[key] = spec.max;
    }
    expect(estimateRunBytes(largest as Params)).toBeGreaterThan(8.7e9);
    expect(memoryProblem(largest as Params, NODE_MEMORY_BUDGET)).toMatch(/^this run needs about \d+(\.\d)? GB of memory/);
  });

  it('is undefined within the budget and names parameters as asked', () => {
    expect(memoryProblem(tiny, NODE_MEMORY_BUDGET)).toBeUndefined();
    const message = memoryProblem({ ...defaultParams(), users: 200000, songs: 200000, slateSize: 50 }, BROWSER_MEMORY_BUDGET, {
      subject: 'This run was not started: it',
      where: 'the limit in the browser is',
      name: (key) => paramSpec(key)!.label,
    })!;
    expect(message).toMatch(/^This run was not started: it needs about 1\.\d GB of memory, .*; the limit in the browser is 1 GB: lower Listeners \(largest allowed with the other values: [\d,]+\)/);
  });

  it('says to lower several parameters together when none alone is enough', () => {
    // A budget below the fixed costs: no single value can help.
    expect(memoryProblem(tiny, 1e6)).toMatch(/; the limit here is 1 MB: no one value is enough: lower several of songs, steps, users and genres together$/);
  });

  it('takes another estimate, e.g. several runs at once', () => {
    const p = { ...defaultParams(), users: 100 };
    const estimate = (q: Params) => q.users * 1000;
    expect(memoryProblem(p, 1e6, { estimate })).toBeUndefined();
    expect(memoryProblem({ ...p, users: 5000 }, 1e6, { estimate, more: ['--worlds (largest allowed with the other values: 2)'] })).toMatch(
      /^this run needs about 5 MB of memory, .*: lower users \(largest allowed with the other values: 1,000\) or --worlds \(largest allowed with the other values: 2\)$/,
    );
    expect(largestAllowed({ ...p, users: 5000 }, 'users', 1e6, estimate)).toBe(1000);
    expect(largestAllowed({ ...p, users: 5000 }, 'users', 1e3, estimate)).toBeUndefined();
  });
});

describe('batchBytes and batchMemoryProblem: runs that go at once on a pool of workers', () => {
  // 1,000 songs, 10 steps, each run 100 MB (a stand-in estimate): kept per finished run 8 × 1,000 +
  // 2,500 × 10 = 33,000 bytes, plus 8,000 for the songs' quality once.
  const p: Params = { ...defaultParams(), songs: 1000, newSongsPerStep: 0, steps: 10 };
  const perRun = () => 100e6;

  it('counts min(workers, runs) runs at once, each with its worker, and what is kept of every run', () => {
    expect(batchBytes(p, 5, 2, perRun)).toBe(2 * 120e6 + 5 * 33000 + 8000);
    expect(batchBytes(p, 1, 4, perRun)).toBe(120e6 + 33000 + 8000);
    // Released songs count: 10 steps × 100 new songs make 2,000 songs.
    expect(batchBytes({ ...p, newSongsPerStep: 100 }, 1, 1, perRun)).toBe(120e6 + 16000 + 25000 + 16000);
  });

  it('refuses over the budget, naming the largest count that fits; fits when it does', () => {
    // 3 worlds of 2 runs each on 4 workers: 4 runs at once, 4 × 120 MB + 6 × 33 KB + 8 KB, about 480 MB.
    const batch = { count: 3, min: 1, runs: (m: number) => 2 * m, workers: 4, name: 'Worlds', perRun };
    expect(batchMemoryProblem(p, 500e6, batch)).toBeUndefined();
    // 2 worlds are still 4 runs at once (480 MB); 1 world is 2 (240 MB + 66 KB + 8 KB): the largest that fits 300 MB.
    expect(batchMemoryProblem(p, 300e6, batch)).toMatch(/^this run needs about 480 MB of memory, .*; the limit here is 300 MB: .*Worlds \(largest allowed with the other values: 1\)$/);
    // Not even the smallest count fits: no count is offered.
    expect(batchMemoryProblem(p, 200e6, batch)).not.toMatch(/Worlds/);
  });
});

describe('formatBytes', () => {
  it('writes decimal megabytes and gigabytes', () => {
    expect([2e9, 9.14e9, 1e9, 999e6, 950.4e6, 1e5].map(formatBytes)).toEqual(['2 GB', '9.1 GB', '1 GB', '999 MB', '950 MB', '1 MB']);
  });
});

describe('structures that grow with clicks', () => {
  it('keeps excluded songs per listener, far below V8\'s 2^24 entries per Set', () => {
    const songs = paramSpec('songs')!;
    const growth = paramSpec('newSongsPerStep')!;
    const steps = paramSpec('steps')!;
    if (songs.type !== 'int' || growth.type !== 'int' || steps.type !== 'int') throw new Error('int specs expected');
    expect(songs.max + growth.max * steps.max).toBeLessThan(2 ** 24);
    const consumed = createConsumed(3);
    expect(addConsumed(consumed, 1, 7)).toBe(true);
    expect(addConsumed(consumed, 1, 7)).toBe(false);
    expect(addConsumed(consumed, 2, 7)).toBe(true);
    expect([hasConsumed(consumed, 0, 7), hasConsumed(consumed, 1, 7), hasConsumed(consumed, 1, 8)]).toEqual([false, true, false]);
    expect([...consumed.count]).toEqual([0, 1, 1]);
    expect(consumed.lists[1]).toEqual([7]);
  });

  it('logs clicks in chunks, reading back across a chunk boundary', () => {
    const pairs = new ClickPairs();
    const n = (1 << 20) + 5;
    for (let j = 0; j < n; j++) pairs.push(j % 1000, j);
    expect(pairs.length).toBe(n);
    for (const j of [0, 1023, 1024, (1 << 20) - 1, 1 << 20, n - 1]) {
      expect(pairs.listener(j)).toBe(j % 1000);
      expect(pairs.song(j)).toBe(j);
    }
  });
});
