// Run packaging and the output formats (engine/output.ts), against hand-written text.
import { describe, expect, it } from 'vitest';
import {
  csvColumns,
  defaultParams,
  formatCsv,
  formatJson,
  packageRun,
  SCHEMA_VERSION,
  type InitialMetrics,
  type RunResult,
  type StepMetrics,
} from '../../src/engine';

const initial: InitialMetrics = {
  gini: 0.5,
  top1Share: 0.25,
  top10Share: 1,
  longTailSize: 3,
  songs: 4,
  bucketSizes: { low: 4, mid: 0, high: 0 },
  listenersByTaste: { mainstream: 1, niche: 1 },
};

/** A row with a few fields of each kind; the cast keeps it short (formatting reads the row's own keys). */
function row(t: number, gini: number, clicks: number, extra: Record<string, unknown> = {}): StepMetrics {
  return { t, gini, hitRate: { low: 0.5, mid: null, high: 1 }, ctr: clicks / 4, clicks, impressions: 4, ...extra } as unknown as StepMetrics;
}

/** The JSON of a result, written out by hand in RunResult's key order. */
function json(config: string, steps: string, summary: string, markers = ''): string {
  const init =
    '{"gini":0.5,"top1Share":0.25,"top10Share":1,"longTailSize":3,"songs":4,' +
    '"bucketSizes":{"low":4,"mid":0,"high":0},"listenersByTaste":{"mainstream":1,"niche":1}}';
  return `{"schemaVersion":1,"config":${config},"initial":${init},"steps":${steps},"summary":${summary}${markers}}\n`;
}

describe('packageRun', () => {
  const params = defaultParams();
  const rows = [row(1, 0.6, 1), row(2, 0.7, 3)];

  it('packages the rows with their summary, and copies them', () => {
    const result = packageRun(params, initial, rows);
    expect(Object.keys(result)).toEqual(['schemaVersion', 'config', 'initial', 'steps', 'summary']);
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.config).toBe(params);
    expect(result.steps).toEqual(rows);
    expect(result.steps).not.toBe(rows);
    expect(result.summary).toEqual({ steps: 2, clicks: 4, impressions: 8, ctr: 0.5, giniChange: 0.7 - 0.5, final: rows[1] });
  });

  it('adds markers ({t, label} only) after the summary, and only when there are some', () => {
    expect('markers' in packageRun(params, initial, rows, [])).toBe(false);
    const marked = packageRun(params, initial, rows, [{ t: 2, label: 'ε = 0.2 from here', id: 7 } as { t: number; label: string }]);
    expect(Object.keys(marked)).toEqual(['schemaVersion', 'config', 'initial', 'steps', 'summary', 'markers']);
    expect(marked.markers).toEqual([{ t: 2, label: 'ε = 0.2 from here' }]);
  });

  it('summarizes a run without steps from the initial state', () => {
    expect(packageRun(params, initial, []).summary).toEqual({ steps: 0, clicks: 0, impressions: 0, ctr: null, giniChange: 0, final: null });
  });
});

describe('formatJson', () => {
  const config = { users: 2 } as unknown as RunResult['config'];
  const steps = '[{"t":1,"gini":0.6,"hitRate":{"low":0.5,"mid":null,"high":1},"ctr":0.25,"clicks":1,"impressions":4}]';
  const summary = `{"steps":1,"clicks":1,"impressions":4,"ctr":0.25,"giniChange":${0.6 - 0.5},"final":${steps.slice(1, -1)}}`;

  it('writes compact JSON ending in one newline', () => {
    expect(formatJson(packageRun(config, initial, [row(1, 0.6, 1)]))).toBe(json('{"users":2}', steps, summary));
  });

  it('writes the markers last', () => {
    const text = formatJson(packageRun(config, initial, [row(1, 0.6, 1)], [{ t: 1, label: 'a' }]));
    expect(text).toBe(json('{"users":2}', steps, summary, ',"markers":[{"t":1,"label":"a"}]'));
  });
});

describe('csvColumns', () => {
  it('lists the keys in row order, nested values flattened with a dot', () => {
    expect(csvColumns(row(1, 0.6, 1))).toEqual(['t', 'gini', 'hitRate.low', 'hitRate.mid', 'hitRate.high', 'ctr', 'clicks', 'impressions']);
  });
});

describe('formatCsv', () => {
  it('writes a header and one line per step; null and non-finite numbers are empty cells', () => {
    const rows = [row(1, 0.6, 1), row(2, 0.75, 0, { ctr: null }), row(3, Number.NaN, 2)];
    expect(formatCsv(packageRun(defaultParams(), initial, rows))).toBe(
      't,gini,hitRate.low,hitRate.mid,hitRate.high,ctr,clicks,impressions\n' +
        '1,0.6,0.5,,1,0.25,1,4\n' +
        '2,0.75,0.5,,1,,0,4\n' +
        '3,,0.5,,1,0.5,2,4\n',
    );
  });

  it('quotes text cells holding a comma, a quote or a line break', () => {
    const rows = [row(1, 0.5, 1, { note: 'a,b' }), row(2, 0.5, 1, { note: 'say "hi"' }), row(3, 0.5, 1, { note: 'x\ny' })];
    const lines = formatCsv(packageRun(defaultParams(), initial, rows)).split('\n');
    expect(lines[0]!.endsWith(',note')).toBe(true);
    expect(lines[1]!.endsWith(',"a,b"')).toBe(true);
    expect(lines[2]!.endsWith(',"say ""hi"""')).toBe(true);
    expect(lines[3]!.endsWith(',"x')).toBe(true);
    expect(lines[4]).toBe('y"');
  });

  it('is empty, without a header, for a run without steps', () => {
    expect(formatCsv(packageRun(defaultParams(), initial, []))).toBe('');
  });
});
