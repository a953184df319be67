// The browser's exports are the CLI's output for the same rows: CSV columns and JSON shape.
import { describe, expect, it } from 'vitest';
import { defaultParams, formatCsv, formatJson, runSimulation } from '../../src/engine';
import { runCsv, runJson } from '../../src/state/export';

const params = { ...defaultParams(), users: 30, songs: 80, steps: 4 };

describe('run export', () => {
  const result = runSimulation(params);

  it('writes the CSV the CLI writes, with flattened bucket columns', () => {
    const csv = runCsv(params, result.initial, result.steps);
    expect(csv).toBe(formatCsv(result));
    expect(csv.split('\n')[0]).toContain('hitRate.low,hitRate.mid,hitRate.high');
  });

  it('writes the JSON the CLI writes, plus the markers when there are any', () => {
    expect(runJson(params, result.initial, result.steps)).toBe(formatJson(result));
    const withMarkers = JSON.parse(runJson(params, result.initial, result.steps, [{ t: 3, label: 'ε = 0.2 from here' }]));
    expect(withMarkers).toMatchObject({ schemaVersion: 1, config: params, initial: result.initial, steps: result.steps });
    expect(withMarkers.markers).toEqual([{ t: 3, label: 'ε = 0.2 from here' }]);
  });
});
