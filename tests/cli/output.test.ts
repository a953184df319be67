// The run output contract: JSON shape, CSV mirroring the JSON, --out, determinism and the listings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvColumns, describeAllowed, PARAM_SCHEMA, PRESETS, type StepMetrics } from '../../src/engine';
import { SMALL, sim, simJson, tempDir } from './helpers';

describe('JSON output', () => {
  it('is one newline-terminated RunResult on stdout', async () => {
    const out = await sim(SMALL);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.endsWith('}\n')).toBe(true);
    expect(out.stdout.indexOf('\n')).toBe(out.stdout.length - 1);
    const result = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['schemaVersion', 'config', 'initial', 'steps', 'summary']);
    expect(result.schemaVersion).toBe(1);
  });

  it('echoes every resolved parameter, seed included, in config', async () => {
    const result = await simJson([
      ...SMALL,
      '--seed',
      '7',
      '--recommender',
      'random',
      '--bucketThresholds',
      '50,500',
    ]);
    expect(Object.keys(result.config).sort()).toEqual(PARAM_SCHEMA.map((s) => s.key).sort());
    expect(result.config).toMatchObject({
      seed: 7,
      users: 50,
      songs: 200,
      steps: 5,
      recommender: 'random',
      bucketThresholds: [50, 500],
    });
  });

  it('has one row per step and a summary of them', async () => {
    const result = await simJson(SMALL);
    expect(result.steps.map((s) => s.t)).toEqual([1, 2, 3, 4, 5]);
    expect(result.summary.steps).toBe(5);
    expect(result.summary.clicks).toBe(result.steps.reduce((n, s) => n + s.clicks, 0));
    expect(result.summary.impressions).toBe(50 * 10 * 5);
  });

  it('splits the listeners into mainstream and niche tastes in initial', async () => {
    const result = await simJson(SMALL);
    const { mainstream, niche } = result.initial.listenersByTaste;
    expect(Number.isInteger(mainstream) && Number.isInteger(niche)).toBe(true);
    expect(mainstream + niche).toBe(50);
    for (const step of result.steps) expect(Object.keys(step.utilityRegretByTaste)).toEqual(['mainstream', 'niche']);
  });

  it('goes to --out instead of stdout, leaving no temporary behind', async () => {
    const dir = tempDir();
    const out = await sim([...SMALL, '--out', join(dir, 'run.json')]);
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir)).toEqual(['run.json']);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toEqual(await simJson(SMALL));
  });

  it('is deterministic for the same arguments and changes with the seed', async () => {
    const a = await sim([...SMALL, '--recommender', 'random']);
    const b = await sim([...SMALL, '--recommender', 'random']);
    const c = await sim([...SMALL, '--recommender', 'random', '--seed', '43']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });
});

describe('CSV output', () => {
  it('has the metric keys as header, bucket and taste values flattened', async () => {
    const result = await simJson(SMALL);
    const columns = csvColumns(result.steps[0]!);
    const buckets = (k: string) => [`${k}.low`, `${k}.mid`, `${k}.high`];
    // The StepMetrics fields in row order; per-bucket and per-taste values one column each.
    expect(columns).toEqual([
      't',
      'gini',
      'top1Share',
      'top10Share',
      'exposureGini',
      'aggregateDiversity',
      'coverage',
      'longTailShare',
      'longTailShareAtStart',
      ...buckets('hitRate'),
      ...buckets('hitRateN'),
      ...buckets('hitRateAtStart'),
      ...buckets('hitRateAtStartN'),
      'homogenization',
      'consumptionHomogenization',
      'repeatRate',
      'headClickShare',
      'ctr',
      'clicks',
      'impressions',
      'meanRelevance',
      'popularityQualityCorrelation',
      'newSongImpressionShare',
      'newSongClickShare',
      'calibrationKL',
      'tasteKL',
      'utilityRegret',
      'utilityRegretByTaste.mainstream',
      'utilityRegretByTaste.niche',
      'relevanceEstimateError',
    ]);
    for (const nested of ['hitRate', 'hitRateN', 'hitRateAtStart', 'hitRateAtStartN', 'utilityRegretByTaste'])
      expect(columns).not.toContain(nested);
    // Column order follows the JSON keys of a row.
    const flat = Object.keys(result.steps[0]!).flatMap((k) =>
      k === 'utilityRegretByTaste'
        ? [`${k}.mainstream`, `${k}.niche`]
        : k.startsWith('hitRate')
          ? buckets(k)
          : [k],
    );
    expect(columns).toEqual(flat);
  });

  it('has one row per step whose cells match the JSON, null as an empty cell', async () => {
    const result = await simJson(SMALL);
    const out = await sim([...SMALL, '--format', 'csv']);
    expect(out.code).toBe(0);
    expect(out.stdout.endsWith('\n')).toBe(true);
    const [header, ...rows] = out.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    expect(header).toEqual(csvColumns(result.steps[0]!));
    expect(rows).toHaveLength(5);
    let nulls = 0;
    rows.forEach((cells, n) => {
      const step = result.steps[n] as unknown as Record<string, unknown>;
      header!.forEach((column, c) => {
        const [key, sub] = column.split('.') as [string, string | undefined];
        const value = sub ? (step[key] as Record<string, unknown>)[sub] : step[key];
        if (value === null) nulls++;
        expect(cells[c]).toBe(value === null ? '' : String(value));
      });
    });
    // repeatRate at t = 1 and newSongImpressionShare without catalog growth are null.
    expect(nulls).toBeGreaterThanOrEqual(6);
  });

  it('prints numbers at full precision', async () => {
    const result = await simJson(SMALL);
    const csv = (await sim([...SMALL, '--format=csv'])).stdout;
    expect(csv).toContain(String((result.steps[0] as StepMetrics).gini));
  });
});

describe('listings', () => {
  it('--list-params prints every schema parameter as JSON', async () => {
    const out = await sim(['--list-params']);
    expect(out.code).toBe(0);
    const specs = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    expect(specs.map((s) => s.key)).toEqual(PARAM_SCHEMA.map((s) => s.key));
    for (const [n, spec] of PARAM_SCHEMA.entries()) {
      expect(specs[n]).toMatchObject({
        key: spec.key,
        type: spec.type,
        group: spec.group,
        effect: spec.effect,
        help: spec.help,
      });
      expect(specs[n]!.default).toEqual(spec.default);
      for (const field of ['min', 'max', 'options', 'unit'] as const)
        if (field in spec)
          expect(specs[n]![field]).toEqual((spec as Record<string, unknown>)[field]);
    }
  });

  it('--list-params writes to --out', async () => {
    const dir = tempDir();
    expect((await sim(['--list-params', '--out', join(dir, 'params.json')])).stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'params.json'), 'utf8'))).toHaveLength(
      PARAM_SCHEMA.length,
    );
  });

  it('--list-presets prints one aligned line per preset', async () => {
    const lines = (await sim(['--list-presets'])).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(PRESETS.length);
    const column = lines[0]!.indexOf(PRESETS[0]!.description);
    PRESETS.forEach((p, n) => {
      expect(lines[n]!.startsWith(`${p.name}  `)).toBe(true);
      expect(lines[n]!.indexOf(p.description)).toBe(column);
    });
  });

  it('--help lists every parameter flag with its allowed values and help, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const out = await sim([flag]);
      expect(out.code).toBe(0);
      for (const spec of PARAM_SCHEMA) {
        expect(out.stdout).toContain(`--${spec.key} `);
        expect(out.stdout).toContain(describeAllowed(spec));
        expect(out.stdout.replace(/\s+/g, ' ')).toContain(spec.help);
      }
      for (const option of [
        '--preset',
        '--config',
        '--set',
        '--out',
        '--format',
        '--events',
        '--world',
        '--list-params',
        '--list-presets',
      ])
        expect(out.stdout).toContain(option);
    }
  });

  it('--help writes no files', async () => {
    const dir = tempDir();
    await sim(['--help', '--out', join(dir, 'x')]);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
