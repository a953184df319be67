// How Vitest runs the unit and component tests: which files share a process, and in what order (read by
// vite.config.ts; not a test file itself).
//
// Starting a fresh process for every test file (Vitest's default) cost nearly half of the unit stage's
// CPU time: a Node process, Vitest's runtime, jsdom, React and the app's modules, once per file. So
// the files run in three projects:
//
// - node: every test file in the Node environment, in processes that run one file after another
//   without resetting the modules (isolate: false). Nothing in these files changes global state that
//   outlives them (the files that do are in `isolated`), and helpers register cleanup per test, not
//   per module (tests/cli/helpers.ts).
// - dom: the component tests (a `@vitest-environment jsdom` docblock), in the vmForks pool: each
//   file still gets a fresh jsdom window and fresh modules, in a V8 context of a process that
//   stays up, so jsdom and React are loaded once per process. (Not for the Node-environment tests:
//   there errors thrown by Node's own modules fail `instanceof Error`, which the CLI relies on.)
// - isolated: Node-environment files that mock modules or stub globals or timers (vi.mock, vi.doMock,
//   vi.stubGlobal, vi.stubEnv, vi.useFakeTimers): a fresh process each, as before.
//
// A file goes to its project by what it contains, read when Vitest starts, so new files need no entry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { TestSequencer, TestSpecification, Vitest } from 'vitest/node';

/** The unit and component test files (the e2e tests are excluded by vite.config.ts). */
const INCLUDE = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
const TEST_FILE = /\.test\.tsx?$/;
const JSDOM = /@vitest-environment\s+jsdom/;
const GLOBAL_STATE = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(/;

/** The repository's root, which Vitest's globs are relative to. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every unit or component test file under tests/ (e2e excluded), relative to the root, with forward slashes. */
function testFiles(): string[] {
  const dir = join(ROOT, 'tests');
  // vite.config.ts reads this for `vite build` too, which must not need the tests.
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => relative(ROOT, join(dir, name)).split(sep).join('/'))
    .filter((path) => TEST_FILE.test(path) && !path.startsWith('tests/e2e/'));
}

/** The three projects above, each listing its files (a project with no file is left out). */
export function testProjects(): TestProjectInlineConfiguration[] {
  const dom: string[] = [];
  const isolated: string[] = [];
  for (const path of testFiles()) {
    const source = readFileSync(join(ROOT, path), 'utf8');
    if (JSDOM.test(source)) dom.push(path);
    else if (GLOBAL_STATE.test(source)) isolated.push(path);
  }
  const projects: TestProjectInlineConfiguration[] = [
    {
      extends: true,
      // The root config's exclude list (e2e, node_modules, dist) is merged into each project's.
      test: { name: 'node', include: INCLUDE, exclude: [...dom, ...isolated], isolate: false },
    },
  ];
  if (dom.length > 0)
    projects.push({ extends: true, test: { name: 'dom', include: dom, pool: 'vmForks' } });
  if (isolated.length > 0)
    projects.push({ extends: true, test: { name: 'isolated', include: isolated } });
  return projects;
}

/**
 * The test files that each simulate many full default-size runs and take tens of seconds: they start
 * first, so that none of them is left running alone at the end while the other core idles. (Vitest
 * orders the files slowest first from its results cache, but a fresh checkout has no cache and then
 * it starts the biggest files first, and these files are small.)
 */
const LONGEST = [
  /^tests\/engine\/phenomena\//,
  /^tests\/engine\/strategies\//,
  /^tests\/engine\/pipeline\/thompson\./,
];

/** The order of the projects: the node files back to back, so that their processes are reused. */
const PROJECT_ORDER = ['node', 'dom', 'isolated'];

/** Vitest's own order (failed files first, then slowest first), regrouped as above. */
export class LongestFirst implements TestSequencer {
  constructor(private readonly ctx: Vitest) {}

  // Imported here rather than at the top: vite.config.ts, and so this file, is also loaded by `vite build`.
  private async base(): Promise<TestSequencer> {
    const { BaseSequencer } = await import('vitest/node');
    return new BaseSequencer(this.ctx);
  }

  async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await this.base()).shard(files);
  }

  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await (await this.base()).sort(files);
    const rank = (spec: TestSpecification) => {
      const path = spec.moduleId
        .slice(this.ctx.config.root.length + 1)
        .split(sep)
        .join('/');
      if (LONGEST.some((pattern) => pattern.test(path))) return -1;
      const project = PROJECT_ORDER.indexOf(spec.project.name);
      return project === -1 ? PROJECT_ORDER.length : project;
    };
    // Array.prototype.sort is stable: within a rank, Vitest's order.
    return sorted
      .map((spec) => ({ spec, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ spec }) => spec);
  }
}
