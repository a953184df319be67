// The worker's message handling, run in Node: reset, step in batches, live changes, errors as messages.
import { describe, expect, it } from 'vitest';
import { defaultParams, runSimulation, type Params } from '../../src/engine';
import { createController } from '../../src/worker/controller';
import type { WorkerResponse } from '../../src/worker/protocol';

const params: Params = { ...defaultParams(), users: 40, songs: 120, steps: 5 };

function harness() {
  const messages: WorkerResponse[] = [];
  return { messages, handle: createController((m) => messages.push(m)) };
}

describe('simulation worker controller', () => {
  it('replies ready, then streams the same rows as a direct run and reports done', () => {
    const { messages, handle } = harness();
    handle({ type: 'reset', params });
    handle({ type: 'step', count: 2 });
    handle({ type: 'step', count: 10 });
    expect(messages.map((m) => m.type)).toEqual(['ready', 'steps', 'steps']);
    const rows = messages.flatMap((m) => (m.type === 'steps' ? m.rows : []));
    expect(rows).toEqual(runSimulation(params).steps);
    expect(messages[1]).toMatchObject({ done: false });
    expect(messages[2]).toMatchObject({ done: true });
  });

  it('reports invalid parameters as an error message naming the field', () => {
    const { messages, handle } = harness();
    handle({ type: 'reset', params: { ...params, users: 0 } });
    expect(messages).toEqual([{ type: 'error', message: 'users: must be an integer from 2 to 200000, got 0' }]);
  });

  it('reports a step before any reset, and a live change that needs a restart', () => {
    const { messages, handle } = harness();
    handle({ type: 'step', count: 1 });
    handle({ type: 'reset', params });
    handle({ type: 'setParams', params: { ...params, songs: 200 } });
    expect(messages[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/reset first/) });
    expect(messages[2]).toMatchObject({ type: 'error', message: expect.stringMatching(/songs.*restart/) });
  });

  it('applies a live recommender change from the next step on', () => {
    const { messages, handle } = harness();
    handle({ type: 'reset', params });
    handle({ type: 'step', count: 2 });
    handle({ type: 'setParams', params: { ...params, recommender: 'random' } });
    handle({ type: 'step', count: 1 });
    const rows = messages.flatMap((m) => (m.type === 'steps' ? m.rows : []));
    expect(rows[1]!.aggregateDiversity).toBe(params.slateSize);
    expect(rows[2]!.aggregateDiversity).toBeGreaterThan(params.slateSize);
  });
});
