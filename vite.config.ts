// Vite build/dev config (React, relative base, ES workers) plus the Vitest unit/component test config.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022' },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // Component tests opt into the DOM with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    // The phenomenon and strategy tests simulate full default runs; on a busy 2-core CI machine
    // they can take several seconds each. They assert outcomes, never durations.
    testTimeout: 60_000,
  },
});
