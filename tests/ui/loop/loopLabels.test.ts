// The loop's words: hand-checked labels for a fixture step and for step 0, the summary, and the ranker in plain words.
import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../../src/engine';
import {
  fmtShare,
  loopLabels,
  mitigationText,
  recommenderName,
} from '../../../src/ui/loop/loopLabels';
import { initial, late, loopRow, stepOne } from './fixtures';

const params = (over: Partial<Params> = {}): Params => ({ ...defaultParams(), ...over });

describe('fmtShare', () => {
  it('prints whole percents, but never rounds a share up to all or down to nothing', () => {
    expect(fmtShare(0.71)).toBe('71%');
    expect(fmtShare(0.8412)).toBe('84%');
    expect(fmtShare(0.9994)).toBe('99.9%');
    expect(fmtShare(0.995)).toBe('99.5%');
    expect(fmtShare(0.99951)).toBe('>99.9%');
    expect(fmtShare(1)).toBe('100%');
    expect(fmtShare(0)).toBe('0%');
    expect(fmtShare(0.004)).toBe('0.4%');
    expect(fmtShare(0.0004)).toBe('<0.1%');
  });
});

describe('loopLabels at a step', () => {
  const labels = loopLabels({
    row: late,
    first: stepOne,
    initial,
    params: params(),
    status: 'paused',
  });

  it('puts the step numbers on the arrows, with thousands separators', () => {
    expect(labels.arrows).toEqual({
      listenersSlates: { main: '10,000 slots', detail: '' },
      slatesClicks: { main: '812 clicks', detail: '8.1% of slots' },
      clicksLog: { main: 'head gets 71% of clicks', detail: 'head: 10% most-played songs' },
      logRanker: { main: 'top 10% hold 84% of plays', detail: 'top 1% hold 40%' },
      rankerSlates: { main: '143 distinct songs', detail: '1,983 at step 1' },
    });
    expect(labels.caption).toBe('Step 37 of 100');
    expect(labels.t).toBe(37);
  });

  it('names the nodes, with the listener count and slate size from the parameters', () => {
    expect(labels.nodes.listeners).toMatchObject({
      title: 'Listeners',
      sub: '1,000',
      short: '1,000 listeners',
    });
    expect(labels.nodes.slates).toMatchObject({ title: 'Slates', sub: '10 songs each' });
    expect(labels.nodes.ranker).toMatchObject({ title: 'Popularity ranker', sub: 'no mitigation' });
  });

  it('summarises every number in one sentence for the text alternative', () => {
    expect(labels.summary).toBe(
      'The feedback loop at step 37: 1,000 listeners got 10,000 slots showing 143 distinct songs (1,983 at step 1); ' +
        'they made 812 clicks (8.1% of slots); the head (the 10% most-played songs) got 71% of the clicks; ' +
        'the top 10% of songs now hold 84% of all plays; the popularity ranker (no mitigation) learns from this log to pick the next slates.',
    );
  });

  it('says so when a step had no clicks, uses singulars, and has no trend at step 1', () => {
    const quiet = loopLabels({
      row: loopRow(1, {
        clicks: 0,
        ctr: 0,
        headClickShare: null,
        impressions: 1,
        aggregateDiversity: 1,
      }),
      first: loopRow(1),
      initial,
      params: params({ users: 1, slateSize: 1 }),
      status: 'paused',
    });
    expect(quiet.arrows.clicksLog).toEqual({ main: 'no clicks this step', detail: '' });
    expect(quiet.arrows.slatesClicks).toEqual({ main: '0 clicks', detail: '0.0% of slots' });
    expect(quiet.arrows.listenersSlates.main).toBe('1 slot');
    expect(quiet.arrows.rankerSlates).toEqual({ main: '1 distinct song', detail: '' });
    expect(quiet.nodes.slates.sub).toBe('1 song each');
    expect(quiet.summary).toContain(
      '1 listener got 1 slot showing 1 distinct song; they made 0 clicks (0.0% of slots); no clicks reached the log;',
    );
  });
});

describe('loopLabels before step 1', () => {
  it('shows the world at step 0: listeners, songs, prior plays, and what to do', () => {
    const labels = loopLabels({
      row: null,
      first: null,
      initial,
      params: params(),
      status: 'idle',
    });
    expect(labels.t).toBe(0);
    expect(labels.caption).toBe('Before step 1');
    expect(labels.arrows).toEqual({
      listenersSlates: { main: 'no slates yet', detail: 'press Play' },
      slatesClicks: { main: 'no clicks yet', detail: '' },
      clicksLog: { main: 'nothing logged yet', detail: '' },
      logRanker: { main: 'top 10% hold 28% of plays', detail: 'top 1% hold 5%' },
      rankerSlates: { main: 'ranks 2,000 songs', detail: '' },
    });
    expect(labels.summary).toBe(
      'The feedback loop before step 1: 1,000 listeners and 2,000 songs; no slates yet — press Play. ' +
        'The top 10% of songs hold 28% of the plays they bring from before. The popularity ranker (no mitigation) will pick the first slates.',
    );
  });

  it('follows the run state while waiting, and reads the catalog size from the parameters before the world exists', () => {
    const starting = loopLabels({
      row: null,
      first: null,
      initial: null,
      params: params({ songs: 500 }),
      status: 'starting',
    });
    expect(starting.arrows.listenersSlates).toEqual({ main: 'building world…', detail: '' });
    expect(starting.arrows.logRanker).toEqual({ main: 'counting prior plays…', detail: '' });
    expect(starting.arrows.rankerSlates.main).toBe('ranks 500 songs');
    expect(starting.summary).toContain('1,000 listeners and 500 songs; building world…');
    const running = loopLabels({
      row: null,
      first: null,
      initial,
      params: params(),
      status: 'running',
    });
    expect(running.arrows.listenersSlates).toEqual({ main: 'first step…', detail: '' });
  });
});

describe('the ranker in plain words', () => {
  it('names the recommender and its mitigations for several parameter sets', () => {
    const cases: [Partial<Params>, string, string][] = [
      [{}, 'Popularity ranker', 'no mitigation'],
      [{ exploration: 'epsilon', epsilon: 0.1 }, 'Popularity ranker', '+ ε-greedy 10%'],
      [
        { exploration: 'epsilon', epsilon: 0.125, positionDebias: 'ips' },
        'Popularity ranker',
        '+ ε-greedy 12.5% + IPS debiasing',
      ],
      [
        { recommender: 'factorization', exploration: 'thompson' },
        'Matrix factorization',
        '+ Thompson sampling',
      ],
      [
        {
          recommender: 'personalized',
          popularityPenalty: 0.5,
          rerank: 'xquad',
          rerankStrength: 0.5,
        },
        'Personalized ranker',
        '+ popularity penalty γ 0.5 + xQuAD re-ranking λ 0.5',
      ],
      [{ recommender: 'random' }, 'Random ranker', 'ignores the log'],
      [{ recommender: 'oracle', exploration: 'ucb' }, 'Oracle ranker', '+ UCB exploration'],
    ];
    for (const [over, name, mitigation] of cases) {
      expect([recommenderName(params(over)), mitigationText(params(over))]).toEqual([
        name,
        mitigation,
      ]);
    }
  });

  it('counts new-song slots only when songs are released, and names exclusion of clicked songs', () => {
    expect(mitigationText(params({ newSongSlots: 2 }))).toBe('no mitigation');
    expect(mitigationText(params({ newSongSlots: 2, newSongsPerStep: 5 }))).toBe(
      '+ 2 new-song slots',
    );
    expect(mitigationText(params({ excludeConsumed: true }))).toBe('+ skips clicked songs');
  });

  it('puts the mitigation into the summary and the ranker node, as separate phrases for wrapping', () => {
    const p = params({ exploration: 'epsilon', epsilon: 0.1 });
    const labels = loopLabels({ row: late, first: stepOne, initial, params: p, status: 'paused' });
    expect(labels.nodes.ranker).toEqual({
      title: 'Popularity ranker',
      sub: '+ ε-greedy 10%',
      parts: ['+ ε-greedy 10%'],
    });
    expect(labels.summary).toMatch(
      /the popularity ranker \+ ε-greedy 10% learns from this log to pick the next slates\.$/,
    );
    const random = loopLabels({
      row: late,
      first: stepOne,
      initial,
      params: params({ recommender: 'random' }),
      status: 'paused',
    });
    expect(random.summary).toMatch(
      /the random ranker \(ignores the log\) picks the next slates\.$/,
    );
  });
});
