// The popularity buckets' edges: the thresholds given, else the schema's default (never numbers of the UI's own).
import { describe, expect, it, vi } from 'vitest';
import { paramSpec } from '../../../src/engine';
import { bucketEdges, bucketLabels } from '../../../src/ui/views/hitRate';

// The schema's default, moved: a missing edge must follow it.
vi.mock('../../../src/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../../src/engine')>();
  return { ...engine, defaultParams: () => ({ ...engine.defaultParams(), bucketThresholds: [7, 70] }) };
});

describe('bucketEdges', () => {
  it('takes the thresholds given', () => {
    expect(bucketEdges([50, 5000])).toEqual([50, 5000]);
    expect(bucketLabels([50, 5000])).toEqual({ low: '< 50 plays', mid: '50–5,000', high: '> 5,000' });
  });

  it('takes a missing edge from the schema\'s default, not from a copy of it', () => {
    expect(bucketEdges([])).toEqual([7, 70]);
    expect(bucketEdges([3])).toEqual([3, 70]);
    expect(bucketLabels([])).toEqual({ low: '< 7 plays', mid: '7–70', high: '> 70' });
    // The real schema's default, for the record: 100 and 1,000 plays.
    expect(paramSpec('bucketThresholds')?.default).toEqual([100, 1000]);
  });
});
