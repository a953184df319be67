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
    // The engine must be pure and seeded: no ambient randomness, no DOM.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: NO_DOM },
        { name: 'document', message: NO_DOM },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG, not Math.random.' },
        { object: 'globalThis', property: 'window', message: NO_DOM },
        { object: 'globalThis', property: 'document', message: NO_DOM },
      ],
      ...layerImports('src/engine imports nothing of ours outside src/engine.', 'worker', 'state', 'ui', 'cli', 'sw'),
    },
  },
  {
    files: ['src/worker/**'],
    rules: layerImports('src/worker imports only the engine and its own folder.', 'state', 'ui', 'cli', 'sw'),
  },
  {
    files: ['src/cli/**'],
    rules: layerImports('src/cli imports only the engine and its own folder.', 'worker', 'state', 'ui', 'sw'),
  },
  {
    files: ['src/state/**'],
    rules: layerImports('src/state imports only the engine, the worker and its own folder.', 'ui', 'cli', 'sw'),
  },
  {
    files: ['src/ui/**'],
    rules: layerImports('src/ui never imports the CLI (formatting and packaging live in the engine).', 'cli'),
  },
  {
    files: ['src/sw/**'],
    rules: layerImports('src/sw (the service worker) imports nothing of ours outside src/sw.', 'engine', 'worker', 'state', 'ui', 'cli'),
  },
]);
