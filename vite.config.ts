// Vite build/dev config (React, relative base, ES workers) plus the Vitest unit/component test config.
// `vite build` (npm run build) → dist/: the app with a Content-Security-Policy meta, a web app manifest
// and a service worker that caches the build for offline use. `vite build --mode single`
// (npm run build:single) → dist-single/index.html: one self-contained file, worker and all, for file://.
// The plugins are in scripts/offline-build.ts.
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';
import {
  SINGLE_FILE_MODE,
  contentSecurityPolicy,
  inlineWorkers,
  serviceWorker,
  singleFileOnly,
} from './scripts/offline-build.js';
import { LongestFirst, testProjects } from './tests/vitest.projects';

export default defineConfig(({ mode }) => {
  const single = mode === SINGLE_FILE_MODE;
  return {
    base: './',
    plugins: single
      ? // Order matters: the CSP hashes the code vite-plugin-singlefile inlined.
        [
          react(),
          inlineWorkers(),
          viteSingleFile(),
          contentSecurityPolicy({ blobWorkers: true }),
          singleFileOnly(),
        ]
      : [react(), contentSecurityPolicy(), serviceWorker()],
    // The single file has no manifest or icons to go with it (the service worker needs http(s) anyway).
    publicDir: single ? false : 'public',
    build: { target: 'es2022', outDir: single ? 'dist-single' : 'dist' },
    // From file:// (an opaque origin) Chromium refuses module workers from blob: URLs but runs classic
    // ones, so the single file inlines its worker as a classic script.
    worker: { format: single ? 'iife' : 'es' },
    test: {
      // The test files are tests/**/*.test.{ts,tsx} but e2e; each project below lists its own.
      exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
      // Component tests opt into the DOM with a `// @vitest-environment jsdom` docblock.
      environment: 'node',
      // The phenomenon and strategy tests simulate full default runs; on a busy 2-core CI machine
      // they can take several seconds each. They assert outcomes, never durations.
      testTimeout: 60_000,
      // Vitest's default in a run is one worker fewer than the cores: a single worker on a 2-core CI
      // machine, which ran the whole suite serially. The main process only reports, so use them all.
      maxWorkers: availableParallelism(),
      // Which files share a process (most do: a process per file was half the CPU time), and the
      // longest files first: tests/vitest.projects.ts.
      projects: testProjects(),
      sequence: { sequencer: LongestFirst },
    },
  };
});
