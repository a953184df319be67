// Deterministic math (log, log10, exp, pow, cos, sin): special values, ulp accuracy against Math.* on seeded inputs, correctly rounded known answers, and a source scan for banned Math.* calls.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cos, exp, log, log10, pow, sin } from '../../src/engine/math';

// ---- helpers --------------------------------------------------------------------------------

const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);

/** Position of x on the number line of doubles (-0 and +0 both 0), so adjacent doubles differ by 1. */
function ordinal(x: number): bigint {
  F[0] = x;
  const bits = B[0]!;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** Distance in ulps between two doubles, counted through their bit patterns (NaN vs NaN is 0). */
function ulpDiff(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** xorshift64 with a fixed seed: the same inputs on every run, without Math.random. */
function xorshift(seed: bigint): () => number {
  let s = seed;
  const MASK = 0xffffffffffffffffn;
  return () => {
    s ^= (s << 13n) & MASK;
    s ^= s >> 7n;
    s ^= (s << 17n) & MASK;
    return Number(s >> 11n) / 2 ** 53; // [0, 1)
  };
}

/** Largest ulp distance between ours(args) and ref(args) over n generated argument lists. */
function maxUlp(
  n: number,
  gen: () => number[],
  ours: (...a: number[]) => number,
  ref: (...a: number[]) => number,
): { max: number; worst: number[] } {
  let max = 0;
  let worst: number[] = [];
  for (let i = 0; i < n; i++) {
    const args = gen();
    const d = ulpDiff(ours(...args), ref(...args));
    if (d > max) {
      max = d;
      worst = args;
    }
  }
  return { max, worst };
}

const TWO_PI = 2 * Math.PI;
const N = 50_000;

// ---- special values -------------------------------------------------------------------------

describe('log and log10: special values', () => {
  it.each([
    ['log', log],
    ['log10', log10],
  ] as const)('%s follows IEEE/ECMAScript at 0, -0, negatives, infinities, NaN and 1', (_, fn) => {
    expect(fn(0)).toBe(-Infinity);
    expect(fn(-0)).toBe(-Infinity);
    expect(fn(-1)).toBeNaN();
    expect(fn(-Number.MIN_VALUE)).toBeNaN();
    expect(fn(-Infinity)).toBeNaN();
    expect(fn(Infinity)).toBe(Infinity);
    expect(fn(NaN)).toBeNaN();
    expect(Object.is(fn(1), 0)).toBe(true);
  });

  it('handles subnormal arguments (scaled by 2^54 internally)', () => {
    expect(log(5e-324)).toBe(-744.4400719213812); // ln(2^-1074), correctly rounded
    expect(log(2.2250738585072014e-308)).toBe(-708.3964185322641); // ln(2^-1022)
    expect(log10(5e-324)).toBe(-323.3062153431158); // log10(2^-1074)
    const rnd = xorshift(7n);
    for (let i = 0; i < 2000; i++) {
      const x = 5e-324 * Math.floor(1 + rnd() * 2 ** 52);
      expect(ulpDiff(log(x), Math.log(x))).toBeLessThanOrEqual(1);
    }
  });

  it('log10(10^n) is exactly n for n = 0..22', () => {
    for (let n = 0; n <= 22; n++) expect(log10(Number(`1e${n}`))).toBe(n);
  });
});

describe('exp: special values and thresholds', () => {
  it('follows IEEE/ECMAScript at 0, -0, infinities and NaN', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(1)).toBe(Math.E);
    expect(exp(1e-300)).toBe(1);
    expect(exp(-1e-300)).toBe(1);
  });

  it('overflows just above ln(MAX_VALUE) ~ 709.782712893384', () => {
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
    expect(exp(709.7827128933841)).toBe(Infinity); // the next double up
    expect(exp(710)).toBe(Infinity);
    expect(exp(1e308)).toBe(Infinity);
  });

  it('underflows through the subnormals to 0 below ln(2^-1075) ~ -745.1332191019412', () => {
    expect(exp(-708.5)).toBe(2.006132305331306e-308); // subnormal
    expect(exp(-740)).toBe(4.2e-322);
    expect(exp(-745.1332191019411)).toBe(5e-324); // the last non-zero result
    expect(exp(-745.1332191019412)).toBe(0); // the next double down
    expect(exp(-1000)).toBe(0);
    const rnd = xorshift(11n);
    for (let i = 0; i < 5000; i++) {
      const x = -745.13 + 36.74 * rnd(); // results between 2^-1074 and 2^-1022
      expect(ulpDiff(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
    }
  });
});

describe('pow: special values (ECMAScript Number::exponentiate)', () => {
  // prettier-ignore
  const X = [
    0, -0, Infinity, -Infinity, NaN, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 5e-324, Number.MAX_VALUE,
    -Number.MAX_VALUE, 1e-300, 1 + 2 ** -52, 1 - 2 ** -53,
  ];
  // prettier-ignore
  const Y = [
    0, -0, NaN, Infinity, -Infinity, 1, -1, 2, -2, 3, -3, 0.5, -0.5, 1.5, -1.5, 64, -64, 65, -65,
    2 ** 31 + 0.5, 2 ** 53, 2 ** 53 + 2, 2 ** 64 + 2 ** 12, 1e300, -1e300, 1 / 3,
  ];

  it('agrees with Math.pow on every special combination (exactly when not finite, 0 or NaN)', () => {
    for (const x of X) {
      for (const y of Y) {
        const ours = pow(x, y);
        const ref = Math.pow(x, y);
        if (!Number.isFinite(ref) || ref === 0 || !Number.isFinite(ours) || ours === 0) {
          expect(Object.is(ours, ref), `pow(${x}, ${y}) = ${ours}, Math.pow: ${ref}`).toBe(true);
        } else {
          expect(ulpDiff(ours, ref), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('gives pow(x, 0) = 1, pow(0, y > 0) = 0, pow(0, y < 0) = Infinity, pow(1, y) = 1', () => {
    for (const x of [0, 1, 2.5, 1e9, Infinity, NaN]) expect(pow(x, 0)).toBe(1);
    expect(Object.is(pow(0, 2.5), 0)).toBe(true);
    expect(pow(0, -2.5)).toBe(Infinity);
    for (const y of [-100, -2.5, 0.3, 7, 1e300]) expect(pow(1, y)).toBe(1);
    expect(pow(1, Infinity)).toBeNaN(); // ECMAScript, unlike C's 1
  });

  it('handles negative bases by the parity of an integer exponent, NaN otherwise', () => {
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, 2)).toBe(4);
    expect(pow(-2, -3)).toBe(-0.125);
    expect(pow(-3, 65)).toBe(-pow(3, 65)); // general (fdlibm) path, odd
    expect(pow(-3, 64)).toBe(pow(3, 64)); // integer path, even
    expect(pow(-2, 0.5)).toBeNaN();
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(pow(-0, -3)).toBe(-Infinity);
    expect(pow(-0, -2)).toBe(Infinity);
    expect(pow(-Infinity, 3)).toBe(-Infinity);
    expect(Object.is(pow(-Infinity, -3), -0)).toBe(true);
    expect(pow(-Infinity, 0.5)).toBe(Infinity);
  });

  it('is exact where the answer is: x*x, 1/x, sqrt, integer powers, powers of two', () => {
    const rnd = xorshift(3n);
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp((rnd() - 0.5) * 1400); // 1e-304 .. 1e304, squares overflow/underflow too
      expect(pow(x, 2)).toBe(x * x);
      expect(pow(-x, 2)).toBe(x * x);
      expect(pow(x, -1)).toBe(1 / x);
      expect(pow(x, 0.5)).toBe(Math.sqrt(x));
    }
    for (let n = -64; n <= 64; n++) expect(pow(10, n)).toBe(Number(`1e${n}`)); // correctly rounded
    expect(pow(3, 33)).toBe(5559060566555523);
    expect(pow(7, 18)).toBe(1628413597910449);
    expect(pow(2, 100)).toBe(1.2676506002282294e30);
    expect(pow(2, 1023)).toBe(8.98846567431158e307);
    expect(pow(2, 1024)).toBe(Infinity);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(2, -1075)).toBe(0);
    // Non-integer y goes through fdlibm's pow, which is faithful but not always correctly
    // rounded: 0.5^1.5 = sqrt(1/8) comes out 0.56 ulp low.
    expect(pow(0.5, 1.5)).toBe(0.35355339059327373);
    expect(ulpDiff(pow(0.5, 1.5), Math.sqrt(0.125))).toBe(1);
  });
});

describe('cos and sin: special values', () => {
  it('follows IEEE/ECMAScript at 0, -0, infinities and NaN', () => {
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    for (const fn of [cos, sin]) {
      expect(fn(Infinity)).toBeNaN();
      expect(fn(-Infinity)).toBeNaN();
      expect(fn(NaN)).toBeNaN();
    }
    expect(sin(1e-300)).toBe(1e-300);
    expect(cos(1e-300)).toBe(1);
    expect(sin(5e-324)).toBe(5e-324);
  });

  it('is odd (sin) and even (cos) exactly', () => {
    const rnd = xorshift(5n);
    for (let i = 0; i < 5000; i++) {
      const x = (rnd() - 0.5) * 2e5;
      expect(sin(-x)).toBe(-sin(x));
      expect(cos(-x)).toBe(cos(x));
    }
  });
});

// ---- accuracy against Math.* on seeded inputs -----------------------------------------------

describe('accuracy against Math.* (seeded xorshift inputs)', () => {
  const logUniform = (rnd: () => number, lo: number, hi: number) =>
    lo * Math.exp(rnd() * Math.log(hi / lo));

  it('log is within 1 ulp on (1e-300, 1e300) log-uniform and on (0.5, 2) densely', () => {
    const rnd = xorshift(101n);
    expect(
      maxUlp(N, () => [logUniform(rnd, 1e-300, 1e300)], log, Math.log).max,
    ).toBeLessThanOrEqual(1);
    expect(maxUlp(N, () => [0.5 + 1.5 * rnd()], log, Math.log).max).toBeLessThanOrEqual(1);
    // Densely around 1, where log loses most to cancellation.
    expect(maxUlp(N, () => [1 + (rnd() - 0.5) * 1e-6], log, Math.log).max).toBeLessThanOrEqual(1);
  });

  it('log10 is within 2 ulp (V8 uses the older, up-to-1.4-ulp fdlibm log10; ours is <= 0.52 ulp)', () => {
    const rnd = xorshift(102n);
    const r = maxUlp(N, () => [logUniform(rnd, 1e-300, 1e300)], log10, Math.log10);
    expect(r.max).toBeLessThanOrEqual(2);
  });

  it('exp is within 1 ulp on (-745, 709)', () => {
    const rnd = xorshift(103n);
    expect(maxUlp(N, () => [-745 + 1454 * rnd()], exp, Math.exp).max).toBeLessThanOrEqual(1);
    expect(maxUlp(N, () => [-1 + 2 * rnd()], exp, Math.exp).max).toBeLessThanOrEqual(1);
  });

  it('pow is within 1 ulp for x in (1e-6, 1e9), y in (-20, 20)', () => {
    const rnd = xorshift(104n);
    const r = maxUlp(N, () => [logUniform(rnd, 1e-6, 1e9), -20 + 40 * rnd()], pow, Math.pow);
    expect(r.max).toBeLessThanOrEqual(1);
  });

  it('pow is within 1 ulp for the engine-style exponents 1/τ, 2, 4, 0.5, 1.15, ...', () => {
    const ys = [2, 4, 1 / 0.3, 1 / 0.7, 0.5, 1.15, 1 / 1.15, 1 / 0.9, 0.25, 1.5, -0.5, 3, -2];
    const rnd = xorshift(105n);
    let k = 0;
    const gen = () => [logUniform(rnd, 1e-6, 1e9), ys[k++ % ys.length]!];
    expect(maxUlp(N, gen, pow, Math.pow).max).toBeLessThanOrEqual(1);
  });

  it('pow is within 1 ulp for integer exponents -64..64 and for y up to ±100', () => {
    const rnd = xorshift(106n);
    let k = 0;
    const gen = () => [logUniform(rnd, 1e-6, 1e9), (k++ % 129) - 64];
    expect(maxUlp(N, gen, pow, Math.pow).max).toBeLessThanOrEqual(1);
    const wide = () => [logUniform(rnd, 1e-300, 1e300), -100 + 200 * rnd()];
    const finite = (x: number, y: number) => {
      const v = Math.pow(x, y);
      return v > 1e-300 && v < 1e300 ? pow(x, y) : v; // skip overflow/underflow (checked above)
    };
    expect(maxUlp(N, wide, finite, Math.pow).max).toBeLessThanOrEqual(1);
    // |1 - x| tiny with a huge |y| exercises fdlibm's |y| > 2^31 branch.
    const near1 = () => [1 + (rnd() - 0.5) * 1e-9, (rnd() - 0.5) * 1e11];
    expect(maxUlp(N / 5, near1, pow, Math.pow).max).toBeLessThanOrEqual(1);
  });

  it.each([
    ['cos', cos, Math.cos],
    ['sin', sin, Math.sin],
  ] as const)('%s is within 1 ulp on (0, 2π), (-1e4, 1e4) and at huge arguments', (_, fn, ref) => {
    const rnd = xorshift(107n);
    expect(maxUlp(N, () => [TWO_PI * rnd()], fn, ref).max).toBeLessThanOrEqual(1);
    expect(maxUlp(N, () => [-1e4 + 2e4 * rnd()], fn, ref).max).toBeLessThanOrEqual(1);
    // Past 2^19·π/2 (~823550) the reduction switches from Cody–Waite to Payne–Hanek.
    const huge = () => [(rnd() < 0.5 ? -1 : 1) * Math.exp(rnd() * 700)];
    expect(maxUlp(N / 5, huge, fn, ref).max).toBeLessThanOrEqual(1);
    // Near multiples of π/2, where the reduction cancels the most bits.
    const nearPio2 = () => [Math.floor(rnd() * 4000) * (Math.PI / 2) * (1 + (rnd() - 0.5) * 1e-15)];
    expect(maxUlp(N / 5, nearPio2, fn, ref).max).toBeLessThanOrEqual(1);
  });
});

// ---- known answers --------------------------------------------------------------------------

/**
 * [function, arguments, correctly rounded result, our result when it differs].
 * The expected values were computed with mpmath at 300 bits and rounded to the nearest double;
 * they pin the outputs down independently of any engine's Math.*. Every row but one returns the
 * correctly rounded value exactly; cos(6) returns the neighbouring double (0.52 ulp away; Node's
 * Math.cos(6) gives the same), and that exact value is asserted too.
 */
const KNOWN: [keyof typeof FNS, number[], number, number?][] = [
  ['log', [2], 0.6931471805599453],
  ['log', [10], 2.302585092994046],
  ['log', [0.1], -2.3025850929940455],
  ['log', [0.7], -0.35667494393873245],
  ['log', [1e9], 20.72326583694641],
  ['log', [1e-300], -690.7755278982137],
  ['log', [5e-324], -744.4400719213812],
  ['log', [2.2250738585072014e-308], -708.3964185322641],
  ['log', [1.7976931348623157e308], 709.782712893384],
  ['log10', [2], 0.3010299956639812],
  ['log10', [7], 0.8450980400142568],
  ['log10', [0.3], -0.5228787452803376],
  ['exp', [1], 2.718281828459045],
  ['exp', [-1], 0.36787944117144233],
  ['exp', [0.5], 1.6487212707001282],
  ['exp', [-0.1], 0.9048374180359595],
  ['exp', [20.5], 799902177.4755054],
  ['exp', [700], 1.0142320547350045e304],
  ['exp', [709.782712893384], 1.7976931348622732e308],
  ['exp', [-708.5], 2.006132305331306e-308],
  ['exp', [-740], 4.2e-322],
  ['exp', [-745.1332191019411], 5e-324],
  ['pow', [10, 0.3], 1.9952623149688795],
  ['pow', [2.5, 3.3333333333333335], 21.20638762964771], // 2.5^(1/0.3)
  ['pow', [0.5, 3.3333333333333335], 0.09921256574801246],
  ['pow', [1e9, 1.4285714285714286], 7196856730011.525], // 1e9^(1/0.7)
  ['pow', [1234.5678, -1.4285714285714286], 3.833099367446001e-5],
  ['pow', [0.42, 1.15], 0.3687539524561376],
  ['pow', [0.9, 1.1111111111111112], 0.8895253798041735], // 0.9^(1/0.9)
  ['pow', [1e-6, 2.5], 9.999999999999999e-16],
  ['pow', [1e-6, -0.25], 31.622776601683793],
  ['pow', [3.7, -0.75], 0.3748423974801389],
  ['pow', [1.1, 64], 445.79156845259257],
  ['pow', [123.456, -3], 5.314512037978083e-7],
  ['cos', [0.5], 0.8775825618903728],
  ['cos', [0.7757018827163703], 0.7139297395006543],
  ['cos', [1], 0.5403023058681398],
  ['cos', [1.5707963267948966], 6.123233995736766e-17], // cos(Math.PI / 2)
  ['cos', [3], -0.9899924966004454],
  ['cos', [6], 0.960170286650366, 0.9601702866503661],
  ['cos', [10000], -0.9521553682590148],
  ['cos', [1e22], 0.523214785395139],
  ['sin', [0.5], 0.479425538604203],
  ['sin', [1], 0.8414709848078965],
  ['sin', [3], 0.1411200080598672],
  ['sin', [3.141592653589793], 1.2246467991473532e-16], // sin(Math.PI)
  ['sin', [10000], -0.30561438888825215],
  ['sin', [1e22], -0.8522008497671888],
];

const FNS = { log, log10, exp, pow, cos, sin } as const;

describe('known answers (correctly rounded references)', () => {
  it.each(KNOWN)('%s(%s) = %s', (name, args, correct, ours) => {
    const fn = FNS[name] as (...a: number[]) => number;
    const got = fn(...args);
    if (ours === undefined) {
      expect(got).toBe(correct);
    } else {
      expect(got).toBe(ours);
      expect(ulpDiff(got, correct)).toBe(1);
    }
  });
});

// ---- source guard ---------------------------------------------------------------------------

describe('src/engine/math/ source', () => {
  // Every file of the folder, so a helper moved to a new file is scanned too.
  const dir = new URL('../../src/engine/math/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
  const source = files.map((name) => readFileSync(new URL(name, dir), 'utf8')).join('\n');

  // Comments may mention Math.log or x**y; only code matters (JSDoc openers contain "**" too).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

  it('scans the whole port (index and its modules)', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'bits.ts', 'log.ts', 'exp.ts', 'pow.ts', 'trig.ts']));
  });

  it('calls no implementation-defined Math function and never uses **', () => {
    for (const banned of ['Math.log', 'Math.exp', 'Math.pow', 'Math.cos', 'Math.sin', '**']) {
      expect(code.includes(banned), banned).toBe(false);
    }
  });

  it('uses only the correctly rounded or exact Math members: sqrt, abs, floor', () => {
    const used = new Set(Array.from(code.matchAll(/Math\.(\w+)/g), (m) => m[1]));
    expect([...used].sort()).toEqual(['abs', 'floor', 'sqrt']);
  });

  it('asserts little-endian byte order at load', () => {
    expect(code).toContain('new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1');
  });
});
