// ESLint flat config: JS + typescript-eslint recommended, React hooks rules, and a purity guard for src/engine.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_DOM = 'src/engine must be pure: no DOM access.';

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
    },
  },
]);
