// The generated parameter reference is current, and both docs name every parameter (and the model doc every output field).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultParams, PARAM_SCHEMA, runSimulation } from '../../src/engine';
import {
  PARAMETERS_DOC_PATH,
  REGENERATE_COMMAND,
  renderParametersDoc,
} from '../../scripts/gen-params-doc';

const MODEL_DOC_PATH = fileURLToPath(new URL('../../docs/model.md', import.meta.url));

function read(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

const parametersDoc = read(PARAMETERS_DOC_PATH);
const modelDoc = read(MODEL_DOC_PATH);
const keys = PARAM_SCHEMA.map((s) => s.key);

describe('docs/parameters.md', () => {
  it('is what the generator renders from the current schema', () => {
    const stale = `docs/parameters.md is out of date with the parameter schema: regenerate it with \`${REGENERATE_COMMAND}\``;
    // Compare a boolean first so a stale file fails with the instruction, not only a long diff.
    expect(parametersDoc === renderParametersDoc(), stale).toBe(true);
  });

  it.each(keys)('documents %s', (key) => {
    expect(parametersDoc).toContain(`\`${key}\``);
  });
});

describe('docs/model.md', () => {
  it.each(keys)('names the parameter %s', (key) => {
    expect(modelDoc, `docs/model.md never mentions \`${key}\``).toContain(`\`${key}\``);
  });

  it('defines every field of the run output', () => {
    const result = runSimulation({ ...defaultParams(), users: 4, songs: 20, steps: 2 });
    const fields = new Set([
      ...Object.keys(result),
      ...Object.keys(result.initial),
      ...Object.keys(result.initial.bucketSizes),
      ...Object.keys(result.summary),
      ...result.steps.flatMap((row) => Object.keys(row)),
    ]);
    const missing = [...fields].filter((f) => !modelDoc.includes(`\`${f}\``));
    expect(missing, 'output fields docs/model.md does not name').toEqual([]);
  });
});
