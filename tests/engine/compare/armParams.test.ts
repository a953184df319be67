// An arm on the shared scenario: the seeds, sizes and buckets from the page, everything else from the arm.
import { describe, expect, it } from 'vitest';
import { armParams, defaultParams, findPreset, PARAM_SCHEMA, presetParams, SHARED_KEYS, sharedDifferences, type Params } from '../../../src/engine';

/** The shared keys, listed by hand: seeds (same world and draws), sizes (counts compare), buckets (hit rates mean the same). */
const SHARED = ['seed', 'worldSeed', 'users', 'songs', 'steps', 'bucketThresholds'];

const sharedScenario: Params = {
  ...defaultParams(),
  seed: 9,
  worldSeed: 3,
  users: 50,
  songs: 70,
  steps: 12,
  bucketThresholds: [5, 50],
  // Not shared: these must not reach the arm.
  exploration: 'ucb',
  genres: 3,
  tasteDrift: 0.2,
};

describe('SHARED_KEYS', () => {
  it('are the seeds, the sizes and the popularity buckets', () => {
    expect([...SHARED_KEYS]).toEqual(SHARED);
  });
});

describe('armParams', () => {
  it('takes exactly the shared keys from the shared scenario and every other key from the arm', () => {
    const arm: Params = { ...presetParams(findPreset('locked-catalog')!), exploration: 'epsilon', epsilon: 0.3, seed: 1, users: 999, steps: 400 };
    const out = armParams(arm, sharedScenario);
    for (const spec of PARAM_SCHEMA) {
      const from = SHARED.includes(spec.key) ? sharedScenario : arm;
      expect(out[spec.key], spec.key).toEqual(from[spec.key]);
    }
    // Spelled out.
    expect(out).toMatchObject({ seed: 9, worldSeed: 3, users: 50, songs: 70, steps: 12, bucketThresholds: [5, 50], exploration: 'epsilon', epsilon: 0.3, genres: 8, tasteDrift: 0 });
    expect(Object.keys(out).sort()).toEqual(Object.keys(arm).sort());
  });

  it('leaves both inputs unchanged', () => {
    const arm = presetParams(findPreset('thompson-sampling')!);
    const copy = structuredClone(arm);
    const sharedCopy = structuredClone(sharedScenario);
    armParams(arm, sharedScenario);
    expect(arm).toEqual(copy);
    expect(sharedScenario).toEqual(sharedCopy);
  });
});

describe('sharedDifferences', () => {
  it('lists the shared keys on which two parameter sets differ, in SHARED_KEYS order', () => {
    const a = defaultParams();
    const b: Params = { ...a, bucketThresholds: [100, 999], seed: 1, exploration: 'epsilon', genres: 4 };
    expect(sharedDifferences(a, b)).toEqual(['seed', 'bucketThresholds']);
    expect(sharedDifferences(a, { ...a, worldSeed: 5, users: 10, songs: 20, steps: 30 })).toEqual(['worldSeed', 'users', 'songs', 'steps']);
  });

  it('is empty for an arm put on the scenario, and compares lists by value', () => {
    const arm = presetParams(findPreset('calibrated')!);
    expect(sharedDifferences(armParams(arm, sharedScenario), sharedScenario)).toEqual([]);
    expect(sharedDifferences(defaultParams(), { ...defaultParams(), bucketThresholds: [100, 1000] })).toEqual([]);
  });
});
