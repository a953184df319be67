// The compare page in a link: `arms=…` and `armN.KEY=VALUE` written and read back, every unusable part named, and the page key.
import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, presetParams, type Params } from '../../src/engine';
import { DEFAULT_ARMS, presetArm, type ArmChoice } from '../../src/state/compare';
import { isArmKey, isPlainPreset, readArms, writeArms } from '../../src/state/compareLink';
import { readQuery } from '../../src/state/query';
import { readLink, searchFromParams } from '../../src/state/url';

const preset = (name: string): Params => presetParams(findPreset(name)!);
const read = (search: string) => readArms(readQuery(search));
const keys = (search: string) => read(search).issues.map((i) => i.key);
const defaults = () => ['loop-forms', 'epsilon-exploration', 'thompson-sampling'].map((name) => ({ preset: name, params: preset(name) }));

describe('writeArms / readArms', () => {
  it('round-trips preset arms, an override (arm2.epsilon=0.2) and a custom arm', () => {
    const arms: ArmChoice[] = [
      { preset: 'loop-forms', params: preset('loop-forms') },
      { preset: 'epsilon-exploration', params: { ...preset('epsilon-exploration'), epsilon: 0.2 } },
      { preset: null, params: { ...defaultParams(), recommender: 'personalized', slateSize: 5 } },
    ];
    const query = new URLSearchParams();
    writeArms(query, arms);
    expect([...query]).toEqual([
      ['arms', 'loop-forms,epsilon-exploration,custom'],
      ['arm2.epsilon', '0.2'],
      ['arm3.recommender', 'personalized'],
      ['arm3.slateSize', '5'],
    ]);
    const back = readArms(readQuery(query.toString()));
    expect(back.issues).toEqual([]);
    expect(back.arms).toEqual(arms);
  });

  it('reads a hand-written link', () => {
    const { arms, issues } = read('arms=loop-forms,epsilon-exploration&arm2.epsilon=0.2');
    expect(issues).toEqual([]);
    expect(arms).toEqual([
      { preset: 'loop-forms', params: preset('loop-forms') },
      { preset: 'epsilon-exploration', params: { ...preset('epsilon-exploration'), epsilon: 0.2 } },
    ]);
  });

  it('never writes a shared key: an arm made from settings with their own seed and sizes writes only its strategy', () => {
    const own: Params = { ...defaultParams(), seed: 5, worldSeed: 9, users: 40, songs: 80, steps: 12, bucketThresholds: [5, 50], exploration: 'ucb' };
    const query = new URLSearchParams();
    writeArms(query, [presetArm('loop-forms')!, { preset: null, params: own }]);
    expect(query.toString()).toBe('arms=loop-forms%2Ccustom&arm2.exploration=ucb');
  });

  it('with no arms key, the default arms: the loop, ε-exploration, Thompson sampling', () => {
    const { arms, issues } = read('');
    expect(issues).toEqual([]);
    expect(arms).toEqual(defaults());
    expect(DEFAULT_ARMS).toEqual(['loop-forms', 'epsilon-exploration', 'thompson-sampling']);
    // Arm values without a list apply to the default arms.
    expect(read('arm3.thompsonDraws=per-listener').arms[2]!.params.thompsonDraws).toBe('per-listener');
  });

  it('an unknown preset in arms is named, and the default arms are used', () => {
    const { arms, issues } = read('arms=loop-forms,nope');
    expect(arms).toEqual(defaults());
    expect(issues).toHaveLength(1);
    expect(issues[0]!.key).toBe('arms');
    expect(issues[0]!.message).toContain('"nope" names no preset');
    expect(issues[0]!.message).toContain('using the default arms');
  });

  it('too few or too many arms are refused', () => {
    for (const search of ['arms=loop-forms', 'arms=loop-forms,personalized,calibrated,random-baseline,oracle-baseline', 'arms=']) {
      const { arms, issues } = read(search);
      expect(arms, search).toEqual(defaults());
      expect(issues.map((i) => i.key), search).toEqual(['arms']);
    }
    expect(read('arms=loop-forms').issues[0]!.message).toContain('there must be 2 to 4');
    // Two and four are fine.
    expect(read('arms=loop-forms,custom').issues).toEqual([]);
    expect(read('arms=loop-forms,personalized,calibrated,random-baseline').arms).toHaveLength(4);
  });

  it('an arms key given twice is refused as a whole', () => {
    const { arms, issues } = read('arms=loop-forms,personalized&arms=loop-forms,calibrated');
    expect(arms).toEqual(defaults());
    expect(issues).toEqual([{ key: 'arms', message: expect.stringContaining('arms given 2 times') }]);
  });

  it('names a value for an arm that is not there (arm5.x)', () => {
    expect(keys('arms=loop-forms,personalized&arm5.epsilon=0.2')).toEqual(['arm5.epsilon']);
    expect(read('arms=loop-forms,personalized&arm5.x=1').issues[0]!.message).toContain('there is no arm 5');
    expect(keys('arms=loop-forms,personalized&arm3.epsilon=0.2')).toEqual(['arm3.epsilon']);
  });

  it('refuses armN.seed and every other shared key: all arms share the page\'s', () => {
    const search = 'arm1.seed=9&arm2.worldSeed=3&arm3.users=50&arm1.songs=60&arm2.steps=4&arm3.bucketThresholds=5,50';
    const { arms, issues } = read(search);
    expect(issues.map((i) => i.key)).toEqual(['arm1.seed', 'arm2.worldSeed', 'arm3.users', 'arm1.songs', 'arm2.steps', 'arm3.bucketThresholds']);
    expect(issues[0]!.message).toContain("every arm shares the page's seed");
    expect(arms).toEqual(defaults());
  });

  it('names a bad value, an unknown key and a repeated key, and keeps the preset\'s value', () => {
    const { arms, issues } = read('arms=epsilon-exploration,loop-forms&arm1.epsilon=7&arm2.nope=1&arm2.epsilon=0.2&arm2.epsilon=0.3');
    expect(issues.map((i) => i.key)).toEqual(['arm1.epsilon', 'arm2.nope', 'arm2.epsilon']);
    expect(issues[0]!.message).toMatch(/^arm1\.epsilon: must be .*got "7" \(ignored\)$/);
    expect(issues[1]!.message).toBe('unknown parameter "arm2.nope"');
    expect(issues[2]!.message).toBe('arm2.epsilon given 2 times: all refused');
    expect(arms[0]!.params.epsilon).toBe(0.1);
    expect(arms[1]!.params).toEqual(preset('loop-forms'));
  });
});

describe('isArmKey / isPlainPreset', () => {
  it('arms and arm1 … arm9 keys belong to the compare page', () => {
    expect(['arms', 'arm1.epsilon', 'arm4.exploration', 'arm9.x'].map(isArmKey)).toEqual([true, true, true, true]);
    expect(['arm0.epsilon', 'arm10.epsilon', 'armory', 'arm1', 'a.epsilon', 'epsilon'].map(isArmKey)).toEqual([false, false, false, false, false, false]);
  });

  it('a preset arm is plain until one of its own values changes; the shared keys do not count', () => {
    const eps = presetArm('epsilon-exploration')!;
    expect(isPlainPreset(eps)).toBe(true);
    expect(isPlainPreset({ ...eps, params: { ...eps.params, seed: 3, users: 40 } })).toBe(true);
    expect(isPlainPreset({ ...eps, params: { ...eps.params, epsilon: 0.2 } })).toBe(false);
    expect(isPlainPreset({ preset: null, params: defaultParams() })).toBe(false);
    expect(isPlainPreset({ preset: 'nope', params: defaultParams() })).toBe(false);
    // Compared by value: a deep copy of the preset (a fresh bucket list) is still the preset.
    expect(isPlainPreset({ ...eps, params: structuredClone(eps.params) })).toBe(true);
  });

  it('writes only what an arm changes from its start, compared by value', () => {
    const query = new URLSearchParams();
    writeArms(query, [
      { preset: 'loop-forms', params: structuredClone(preset('loop-forms')) },
      { preset: 'epsilon-exploration', params: { ...structuredClone(preset('epsilon-exploration')), epsilon: 0.25 } },
    ]);
    expect(query.toString()).toBe('arms=loop-forms%2Cepsilon-exploration&arm2.epsilon=0.25');
  });
});

describe('readLink with the compare page', () => {
  it('page=compare&arms=… opens the compare page with those arms, and no arm key is an unknown parameter', () => {
    const link = readLink('?page=compare&users=40&arms=loop-forms,ucb-exploration&arm2.ucbScale=1');
    expect(link.issues).toEqual([]);
    expect(link.page).toBe('compare');
    expect(link.params.users).toBe(40);
    expect(link.compareArms).toEqual([
      { preset: 'loop-forms', params: preset('loop-forms') },
      { preset: 'ucb-exploration', params: { ...preset('ucb-exploration'), ucbScale: 1 } },
    ]);
  });

  it('names an unknown page and opens explore', () => {
    const link = readLink('?page=nowhere');
    expect(link.page).toBe('explore');
    expect(link.issues).toHaveLength(1);
    expect(link.issues[0]!.key).toBe('page');
    expect(link.issues[0]!.message).toContain('"nowhere"');
    expect(link.issues[0]!.message).toContain('opening explore');
  });

  it('the link issues of the arms reach readLink', () => {
    expect(readLink('?page=compare&arms=loop-forms&arm1.seed=3').issues.map((i) => i.key)).toEqual(['arms', 'arm1.seed']);
  });

  it('the page link round-trips the arms, written only on the compare page', () => {
    const params: Params = { ...defaultParams(), users: 40, seed: 5 };
    const arms: ArmChoice[] = [presetArm('calibrated')!, { preset: 'epsilon-exploration', params: { ...preset('epsilon-exploration'), epsilon: 0.25 } }];
    const search = searchFromParams(params, undefined, { page: 'compare', compareArms: arms });
    expect(search).toContain('page=compare');
    expect(search).toContain('arms=calibrated,epsilon-exploration');
    expect(search).toContain('arm2.epsilon=0.25');
    const link = readLink(search);
    expect(link.issues).toEqual([]);
    expect(link.page).toBe('compare');
    expect(link.params).toEqual(params);
    expect(link.compareArms).toEqual(arms);
    expect(searchFromParams(params, undefined, { page: 'explore', compareArms: arms })).not.toContain('arms');
  });
});
