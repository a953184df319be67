// Argument parsing: every option form, parameter flags generated from the schema, usage problems.
import { describe, expect, it } from 'vitest';
import { FLAG_OPTIONS, parseArgs, VALUE_OPTIONS } from '../../src/cli/args';
import { formatValue, PARAM_SCHEMA, defaultParams, type ParamKey } from '../../src/engine';

const messages = (argv: string[]) => parseArgs(argv).problems.map((p) => p.message);

describe('parseArgs', () => {
  it('defaults to a JSON run with no overrides', () => {
    const { options, problems } = parseArgs([]);
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ mode: 'run', format: 'json', overrides: [] });
    expect(options.preset).toBeUndefined();
    expect(options.out).toBeUndefined();
  });

  it('reads --key value and --key=value for options', () => {
    const spaced = parseArgs([
      '--preset',
      'personalized',
      '--config',
      'c.json',
      '--out',
      'o.csv',
      '--format',
      'csv',
      '--events',
      'e.jsonl',
      '--world',
      'w.json',
    ]);
    const joined = parseArgs([
      '--preset=personalized',
      '--config=c.json',
      '--out=o.csv',
      '--format=csv',
      '--events=e.jsonl',
      '--world=w.json',
    ]);
    for (const { options, problems } of [spaced, joined]) {
      expect(problems).toEqual([]);
      expect(options).toMatchObject({
        preset: 'personalized',
        config: 'c.json',
        out: 'o.csv',
        format: 'csv',
        events: 'e.jsonl',
        world: 'w.json',
      });
    }
  });

  it('accepts every schema parameter as its own flag, in both forms, keeping command-line order', () => {
    const defaults = defaultParams();
    const argv = PARAM_SCHEMA.flatMap((s, n) => {
      const text = formatValue(defaults[s.key as ParamKey]);
      return n % 2 === 0 ? [`--${s.key}`, text] : [`--${s.key}=${text}`];
    });
    const { options, problems } = parseArgs(argv);
    expect(problems).toEqual([]);
    expect(options.overrides.map((o) => o.key)).toEqual(PARAM_SCHEMA.map((s) => s.key));
    expect(options.overrides.map((o) => o.option)).toEqual(PARAM_SCHEMA.map((s) => `--${s.key}`));
  });

  it('splits --set at the first "=" and interleaves it with flags in order', () => {
    const { options } = parseArgs([
      '--users',
      '10',
      '--set',
      'bucketThresholds=50,500',
      '--set=users=20',
      '--seed=7',
    ]);
    expect(options.overrides.map((o) => [o.key, o.raw, o.option])).toEqual([
      ['users', '10', '--users'],
      ['bucketThresholds', '50,500', '--set'],
      ['users', '20', '--set'],
      ['seed', '7', '--seed'],
    ]);
  });

  it('takes a value that starts with a single dash', () => {
    expect(parseArgs(['--seed', '-1']).options.overrides[0]?.raw).toBe('-1');
  });

  it('recognises the modes', () => {
    expect(parseArgs(['--help']).options.mode).toBe('help');
    expect(parseArgs(['-h']).options.mode).toBe('help');
    expect(parseArgs(['--list-params']).options.mode).toBe('list-params');
    expect(parseArgs(['--list-presets', '--out', 'p.txt']).options).toMatchObject({
      mode: 'list-presets',
      out: 'p.txt',
    });
    expect(parseArgs(['--users', '0', '--help']).options.mode).toBe('help');
  });

  it('keeps the last value of a repeated option', () => {
    expect(
      parseArgs(['--format', 'csv', '--format', 'json', '--out', 'a', '--out', 'b']).options,
    ).toMatchObject({ format: 'json', out: 'b' });
  });

  it('has no option name that shadows a parameter', () => {
    const keys = new Set<string>(PARAM_SCHEMA.map((s) => s.key));
    for (const name of [...VALUE_OPTIONS, ...FLAG_OPTIONS]) expect(keys.has(name)).toBe(false);
  });

  it('reports usage problems, one message each, naming the option', () => {
    expect(messages(['--bogus', '1'])).toEqual([expect.stringContaining('unknown option --bogus')]);
    expect(messages(['--users'])).toEqual([
      expect.stringMatching(/^--users: missing value; expected an integer from \d+ to \d+$/),
    ]);
    expect(messages(['--out', '--users', '5'])).toEqual(['--out: missing value; expected FILE']);
    expect(messages(['--out='])).toEqual(['--out: missing value; expected FILE']);
    expect(messages(['--set', 'users'])).toEqual(['--set: expected KEY=VALUE, got "users"']);
    expect(messages(['--format', 'xml'])).toEqual([
      '--format: must be one of json, csv, got "xml"',
    ]);
    expect(messages(['--help=yes'])).toEqual(['--help: takes no value, got "yes"']);
    expect(messages(['run'])).toEqual([expect.stringContaining('unexpected argument "run"')]);
    expect(messages(['--list-params', '--list-presets'])).toEqual([
      expect.stringContaining('cannot be combined'),
    ]);
  });

  it('takes the word after an unknown option as its value, not as a stray argument', () => {
    expect(messages(['--bogus', '1', '--users', '5'])).toHaveLength(1);
    expect(messages(['--bogus', '--users', '5'])).toHaveLength(1);
  });

  it('records the argv position of each problem', () => {
    expect(
      parseArgs(['--seed', '1', '--bogus', '--format', 'xml']).problems.map((p) => p.at),
    ).toEqual([2, 3]);
  });
});
