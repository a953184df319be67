// ESLint flat config: JS + typescript-eslint recommended, React hooks rules, and a purity guard for src/engine.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_DOM = 'src/engine must be pure: no DOM access.';

/**
 * The layers and what each may import of ours (issue 10 §6): the engine nothing outside itself; the
 * worker and the CLI only the engine; the state the engine and the worker; the UI anything but the
 * CLI; the service worker nothing. `forbid` lists the top folders of src/ a layer must not reach;
 * the patterns match relative specifiers at any depth ('../state/store', '../../cli/format').
 * Static imports and re-exports go through no-restricted-imports; dynamic `import('../cli/x')`
 * (and a template `import(`../cli/${name}`)`) and type-only `typeof import('../cli/x')` through
 * no-restricted-syntax, which no-restricted-imports does not see.
 */
function layerImports(message, ...folders) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message },
        ],
      },
    ],
  };
}

/** no-restricted-syntax entries for `import()` of the `folders` (as layerImports' patterns: the folder as a whole path segment). */
function dynamicImports(message, ...folders) {
  // A path segment equal to one of the folders; \x2F is '/', which a selector's regex may not contain.
  const segment = `(^|\\x2F)(${folders.join('|')})(\\x2F|$)`;
  return [
    { selector: `ImportExpression[source.value=/${segment}/]`, message },
    { selector: `ImportExpression > TemplateLiteral.source > TemplateElement[value.raw=/${segment}/]`, message },
    { selector: `TSImportType[argument.literal.value=/${segment}/]`, message },
  ];
}

/**
 * The rules of one layer: its static and dynamic imports, plus any further `syntax` entries of
 * no-restricted-syntax (one rule holds them all: a later config's entries replace an earlier one's).
 */
function layer(message, folders, syntax = []) {
  return {
    ...layerImports(message, ...folders),
    'no-restricted-syntax': ['error', ...dynamicImports(message, ...folders), ...syntax],
  };
}

const ENGINE_MESSAGE = 'src/engine imports nothing of ours outside src/engine.';
const ENGINE_FORBIDS = ['worker', 'state', 'ui', 'cli', 'sw'];

/** What the engine may not touch: ambient randomness and the DOM (Math.* of the engine's math are below). */
const ENGINE_PROPERTIES = [
  { object: 'Math', property: 'random', message: 'Use the seeded RNG, not Math.random.' },
  { object: 'globalThis', property: 'window', message: NO_DOM },
  { object: 'globalThis', property: 'document', message: NO_DOM },
];

/**
 * The platform's transcendental functions, which JavaScript engines round differently in the last
 * bit (issue 10 §5): the engine uses its own deterministic ones (src/engine/math), so a run gives
 * the same numbers in Node, Chromium, Firefox and Safari. Math.sqrt is exactly rounded and stays.
 */
const PLATFORM_MATH = ['log', 'log1p', 'log2', 'log10', 'exp', 'expm1', 'pow', 'sin', 'cos', 'tan', 'atan', 'atan2', 'asin', 'acos', 'sinh', 'cosh', 'tanh', 'cbrt', 'hypot'];
const MATH_MESSAGE = 'Platform Math functions differ in the last bit between browsers: use src/engine/math (log, exp, pow, cos, sin, …).';
const PLATFORM_MATH_PROPERTIES = PLATFORM_MATH.map((property) => ({ object: 'Math', property, message: MATH_MESSAGE }));
/**
 * `**` is Math.pow by another name. Allowed: 2 ** a number literal (`16 * 2 ** 20`), a constant
 * power of two, exact in every engine (it is a double, and pow is at least faithfully rounded).
 */
const EXPONENT_SYNTAX = [
  {
    selector: "BinaryExpression[operator='**']:not([left.type='Literal'][left.value=2][right.type='Literal'])",
    message: `${MATH_MESSAGE} For x ** n use pow (or pow2 for powers of two).`,
  },
  { selector: "AssignmentExpression[operator='**=']", message: `${MATH_MESSAGE} For x **= n use pow.` },
];

export default defineConfig([
  globalIgnores(['dist/', 'dist-single/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.tsx', 'src/ui/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // The engine must be pure, seeded and the same in every browser: no ambient randomness, no DOM,
    // no platform transcendental functions.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: NO_DOM },
        { name: 'document', message: NO_DOM },
      ],
      'no-restricted-properties': ['error', ...ENGINE_PROPERTIES, ...PLATFORM_MATH_PROPERTIES],
      ...layer(ENGINE_MESSAGE, ENGINE_FORBIDS, EXPONENT_SYNTAX),
    },
  },
  {
    // The engine's deterministic math itself: the one place that may name Math.pow and the rest
    // (in comments and tests of itself it does not call them; see src/engine/math/index.ts).
    files: ['src/engine/math/**'],
    rules: {
      'no-restricted-properties': ['error', ...ENGINE_PROPERTIES],
      ...layer(ENGINE_MESSAGE, ENGINE_FORBIDS),
    },
  },
  {
    files: ['src/worker/**'],
    rules: layer('src/worker imports only the engine and its own folder.', ['state', 'ui', 'cli', 'sw']),
  },
  {
    files: ['src/cli/**'],
    rules: layer('src/cli imports only the engine and its own folder.', ['worker', 'state', 'ui', 'sw']),
  },
  {
    files: ['src/state/**'],
    rules: layer('src/state imports only the engine, the worker and its own folder.', ['ui', 'cli', 'sw']),
  },
  {
    files: ['src/ui/**'],
    rules: layer('src/ui never imports the CLI (formatting and packaging live in the engine).', ['cli']),
  },
  {
    files: ['src/sw/**'],
    rules: layer('src/sw (the service worker) imports nothing of ours outside src/sw.', ['engine', 'worker', 'state', 'ui', 'cli']),
  },
]);
