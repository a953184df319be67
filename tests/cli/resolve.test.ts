// Parameter resolution: preset < config file < flags and --set in command-line order.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { resolveParams } from '../../src/cli/resolve';
import { defaultParams, findPreset, presetParams, PRESETS } from '../../src/engine';

/** Resolves argv with an in-memory "disk" of config files. */
function resolve(argv: string[], files: Record<string, unknown> = {}) {
  const { options, problems } = parseArgs(argv);
  expect(problems).toEqual([]);
  return resolveParams(options, (path) => {
    if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    const value = files[path];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

describe('resolveParams', () => {
  it('starts from the loop-forms preset, i.e. the defaults', () => {
    expect(resolve([])).toEqual({ params: defaultParams(), problems: [] });
    expect(resolve([]).params).toEqual(presetParams(findPreset('loop-forms')!));
  });

  it('lets flags override a preset\'s world and temperature', () => {
    const { params } = resolve(['--preset', 'locked-catalog', '--rankingTemperature', '0.25', '--set', 'onboardingPicks=2']);
    expect(params).toEqual({ ...presetParams(findPreset('locked-catalog')!), rankingTemperature: 0.25, onboardingPicks: 2 });
    expect(params.priorMedianPlays).toBe(13);
  });

  it('starts from any named preset', () => {
    for (const preset of PRESETS)
      expect(resolve(['--preset', preset.name]).params).toEqual(
        presetParams(findPreset(preset.name)!),
      );
  });

  it('applies the config file over the preset', () => {
    const { params } = resolve(['--preset', 'taste-drift', '--config', 'c.json'], {
      'c.json': { recommender: 'oracle', users: 30 },
    });
    expect(params).toMatchObject({ recommender: 'oracle', users: 30, tasteDrift: 0.05 });
  });

  it('applies flags over the config file wherever they stand on the line', () => {
    const files = { 'c.json': { users: 30, steps: 4 } };
    expect(resolve(['--users', '40', '--config', 'c.json'], files).params).toMatchObject({
      users: 40,
      steps: 4,
    });
    expect(resolve(['--config', 'c.json', '--set', 'users=41'], files).params).toMatchObject({
      users: 41,
      steps: 4,
    });
  });

  it('lets a later flag win, whether a parameter flag or --set', () => {
    expect(resolve(['--users', '10', '--set', 'users=20']).params.users).toBe(20);
    expect(resolve(['--set', 'users=20', '--users=10']).params.users).toBe(10);
    expect(resolve(['--seed', '1', '--seed', '2', '--seed=3']).params.seed).toBe(3);
  });

  it('parses every kind of value from text', () => {
    const { params, problems } = resolve([
      '--recommender',
      'random',
      '--excludeConsumed',
      'true',
      '--bucketThresholds',
      '50,500',
      '--genreSkew',
      '0.5',
      '--steps',
      '7',
      '--worldSeed',
      '-1',
      '--positionDebias',
      'raw',
      '--rankingTemperature',
      '0',
    ]);
    expect(problems).toEqual([]);
    expect(params).toMatchObject({
      worldSeed: -1,
      positionDebias: 'raw',
      rankingTemperature: 0,
      recommender: 'random',
      excludeConsumed: true,
      bucketThresholds: [50, 500],
      genreSkew: 0.5,
      steps: 7,
    });
  });

  it('reports a bad value even when a later flag replaces it', () => {
    const { params, problems } = resolve(['--users', '0', '--users', '10']);
    expect(params.users).toBe(10);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^users: must be an integer from/),
    ]);
  });

  it('requires JSON-typed values in the config file', () => {
    const { problems } = resolve(['--config', 'c.json'], {
      'c.json': { users: '50', excludeConsumed: 'true' },
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^users: must be .*, got "50" \(in --config "c.json"\)$/),
      expect.stringMatching(/^excludeConsumed: must be true or false, got "true"/),
    ]);
  });
});
