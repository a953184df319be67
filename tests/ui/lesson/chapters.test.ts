// The loops lesson: chapter lengths, scripts that name real presets, and answers computed from the run on screen.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, paramSpec } from '../../../src/engine';
import { bucketLabels, direction, LOOPS_LESSON, rowAt, type LessonRun } from '../../../src/ui/lesson/chapters';
import { initial, row } from '../views/fixtures';

const params = defaultParams();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function runOf(rows = [row(1)], over: Partial<LessonRun> = {}): LessonRun {
  return { params, initial, rows, ...over };
}

/** Rows 1..n, with `over(t)` applied to each. */
function rows(n: number, over: (t: number) => Parameters<typeof row>[1] = () => ({})) {
  return Array.from({ length: n }, (_, i) => row(i + 1, over(i + 1)));
}

describe('the loops lesson', () => {
  it('has the eight chapters of the source material, in order', () => {
    expect(LOOPS_LESSON.map((c) => c.title)).toEqual([
      'A world before recommendations',
      'Switch on the ranker: the loop forms',
      'Detecting it offline: popularity diversity',
      'Hit rate by popularity bucket: the warning sign',
      'Detecting it online: homogenization',
      'Mitigating by exploration',
      'Mitigating position bias: raw click rate vs IPS',
      'Your turn',
    ]);
  });

  it('keeps every chapter text to about 80 words', () => {
    for (const chapter of LOOPS_LESSON) expect(words(chapter.text(runOf())), chapter.title).toBeLessThanOrEqual(80);
  });

  it('runs presets and live changes that exist, inside the run', () => {
    for (const chapter of LOOPS_LESSON) {
      if (!chapter.script) continue;
      expect(findPreset(chapter.script.preset), chapter.title).toBeDefined();
      for (const change of chapter.script.changes) {
        expect(paramSpec(String(change.key))?.effect, `${chapter.title}: ${change.key}`).toBe('live');
        expect(change.t).toBeGreaterThan(1);
        expect(change.t).toBeLessThan(chapter.script.checkpoint);
      }
    }
    // The sandbox keeps what is on screen.
    expect(LOOPS_LESSON.at(-1)!.script).toBeNull();
  });

  it('quotes the run\u2019s own sizes, thresholds and ε', () => {
    const run = runOf([row(1)], { params: { ...params, users: 250, epsilon: 0.2, bucketThresholds: [50, 500] } });
    expect(LOOPS_LESSON[0]!.text(run)).toContain('250 listeners, 6 songs.');
    expect(LOOPS_LESSON[3]!.text(run)).toContain('rare songs (under 50 plays); middling songs (50 to 500); popular songs (over 500)');
    expect(LOOPS_LESSON[5]!.text(run)).toContain('gives 20% of slots');
  });
});

describe('direction', () => {
  it('calls a change flat within the tolerance, else up or down', () => {
    expect(direction(0.38, 0.96, 0.05)).toBe('up');
    expect(direction(0.38, 0.33, 0.05)).toBe('flat');
    expect(direction(0.38, 0.32, 0.05)).toBe('down');
    expect(direction(1656, 50, 165.6)).toBe('down');
  });
});

describe('chapter answers', () => {
  it('have no answer before the run reaches the checkpoint', () => {
    for (const chapter of LOOPS_LESSON) if (chapter.question) expect(chapter.question.answer(runOf(rows(99)), 100), chapter.title).toBeNull();
  });

  it('chapter 2: the Gini from step 0 to the checkpoint', () => {
    const run = runOf(rows(100, (t) => ({ gini: t === 100 ? 0.96 : 0.5, top1Share: t === 100 ? 0.92 : 0.1 })));
    expect(LOOPS_LESSON[1]!.question!.answer(run, 100)).toEqual({
      correct: 'up',
      why: 'The Gini went from 0.78 to 0.96, and the top 1% of songs now hold 92.0% of all plays. The rich get richer.',
    });
  });

  it('chapter 1: only a Gini that climbs by more than 0.05 counts as plays piling up, and the answer says how it moved', () => {
    const answer = (gini: number) => LOOPS_LESSON[0]!.question!.answer(runOf(rows(100, () => ({ gini }))), 100)!;
    const why = (verb: string, to: string) =>
      `The Gini ${verb}: 0.78 at step 0, ${to} at step 100. Random slates spread new plays evenly, so nothing pushes them onto a few songs; the songs that started ahead do not pull away.`;
    expect(answer(0.8)).toEqual({ correct: 'level', why: why('rose a little', '0.80') });
    expect(answer(0.72)).toEqual({ correct: 'level', why: why('fell', '0.72') });
    expect(answer(0.75)).toEqual({ correct: 'level', why: why('fell a little', '0.75') });
    expect(answer(0.785)).toEqual({ correct: 'level', why: why('stayed level', '0.79') });
    expect(answer(0.9)).toEqual({
      correct: 'up',
      why: 'The Gini climbed: 0.78 at step 0, 0.90 at step 100. With random slates, plays follow only how much listeners like each song: no loop is needed for that.',
    });
  });

  it('chapter 3: distinct songs per step from step 1 to the checkpoint', () => {
    const run = runOf(rows(100, (t) => ({ aggregateDiversity: t === 1 ? 1656 : 50, impressions: 10000 })));
    expect(LOOPS_LESSON[2]!.question!.answer(run, 100)).toEqual({
      correct: 'down',
      why: 'Step 1 showed 1,656 distinct songs; step 100 showed 50, across 10,000 slots.',
    });
  });

  it('chapter 4: the bucket with the highest hit rate, skipping empty buckets', () => {
    const run = runOf(rows(100, () => ({ hitRate: { low: 0, mid: null, high: 0.9037 } })));
    expect(LOOPS_LESSON[3]!.question!.answer(run, 100)).toEqual({
      correct: 'high',
      why: 'Hit rates at step 100: rare songs (under 100 plays) 0.0%, popular songs (over 1,000) 90.4%.',
    });
  });

  it('chapter 5: listening alike, repeats and head clicks', () => {
    const run = runOf(rows(100, (t) => ({ consumptionHomogenization: t === 1 ? 0.001 : 0.42, repeatRate: 0.92, headClickShare: 1 })));
    expect(LOOPS_LESSON[4]!.question!.answer(run, 100)).toEqual({
      correct: 'up',
      why: 'Listening alike went from 0.00 at step 1 to 0.42 at step 100; 92.0% of each slate repeats the step before, and the head songs get 100% of clicks.',
    });
  });

  it('chapter 6: distinct songs just before the switch against the checkpoint, and the price of exploring by the rule the run explores with', () => {
    // Relevance falls too in these rows, but no chart shows it: the answer must not quote it.
    const fixture = rows(100, (t) => (t < 40 ? { aggregateDiversity: 138, meanRelevance: 0.526 } : { aggregateDiversity: 845, meanRelevance: 0.497 }));
    const answer = (over: Partial<typeof params>) => LOOPS_LESSON[5]!.question!.answer(runOf(fixture, { params: { ...params, ...over } }), 100);
    const rise = '\u201cDistinct songs shown\u201d went from 138 at step 39 to 845 at step 100.';
    expect(answer({ exploration: 'epsilon', epsilon: 0.1 })).toEqual({
      correct: 'up',
      why: `${rise} The price: 10% of slots now go to songs drawn at random, blind to the listener\u2019s taste, instead of the songs the ranker rates best.`,
    });
    expect(answer({ exploration: 'epsilon', epsilon: 0.25 })!.why).toContain('The price: 25% of slots');
    // Switched to Thompson sampling mid-run: the price in its terms, with no ε it does not use.
    expect(answer({ exploration: 'thompson' })!.why).toBe(`${rise} The price: some slots go to songs the ranker is still unsure about instead of the songs it rates best.`);
    // Exploration switched off again: no price to tell.
    expect(answer({ exploration: 'none' })!.why).toBe(rise);
  });

  it('chapter 7: the estimate error before and after IPS', () => {
    const run = runOf(rows(100, (t) => ({ relevanceEstimateError: t < 50 ? 0.366 : 0.038 })));
    expect(LOOPS_LESSON[6]!.question!.answer(run, 100)).toEqual({
      correct: 'down',
      why: 'The ranker\u2019s relevance estimate error (the chart under the hit rates) was 0.37 at step 49, just before the switch, and 0.04 at step 100.',
    });
    // The chapter points at that chart, not at the headline numbers (which hold no history).
    expect(LOOPS_LESSON[6]!.focus).toBe('estimate-error');
  });
});

describe('helpers', () => {
  it('rowAt finds a step even when rows do not start at 1', () => {
    const run = runOf([row(3), row(4)]);
    expect(rowAt(run, 4)?.t).toBe(4);
    expect(rowAt(run, 1)).toBeUndefined();
  });

  it('bucketLabels formats the thresholds', () => {
    expect(bucketLabels({ ...params, bucketThresholds: [100, 1000] })).toEqual([
      'rare songs (under 100 plays)',
      'middling songs (100 to 1,000)',
      'popular songs (over 1,000)',
    ]);
  });
});
