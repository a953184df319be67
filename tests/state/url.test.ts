// Parameters round-trip through the URL, and bad URL values are reported while the rest apply.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine';
import { paramsFromSearch, searchFromParams } from '../../src/state/url';

describe('URL parameters', () => {
  it('round-trips every kind of parameter', () => {
    const params = { ...defaultParams(), users: 250, positionBias: 1.5, recommender: 'oracle' as const, excludeConsumed: true, bucketThresholds: [50, 500] };
    const search = searchFromParams(params);
    expect(search).toBe('?users=250&positionBias=1.5&recommender=oracle&excludeConsumed=true&bucketThresholds=50%2C500');
    expect(paramsFromSearch(search)).toEqual({ params, issues: [] });
  });

  it('leaves defaults out of the link', () => {
    expect(searchFromParams(defaultParams())).toBe('');
  });

  it('ignores invalid and unknown values, naming each, and keeps the valid ones', () => {
    const { params, issues } = paramsFromSearch('?users=abc&songs=500&slateSize=99&bogus=1');
    expect(params).toEqual({ ...defaultParams(), songs: 500 });
    expect(issues.map((i) => i.key)).toEqual(['users', 'slateSize', 'bogus']);
    expect(issues[1]!.message).toBe('slateSize: must be an integer from 1 to 50, got "99"');
  });
});
