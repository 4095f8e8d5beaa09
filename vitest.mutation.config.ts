import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The vitest configuration Stryker runs (stryker.config.mjs, `npm run test:mutation`). Stryker copies the repository
 * into a sandbox and mutates the sandbox's files; the workspace packages must resolve to the sandbox's copies, not
 * through node_modules/@mcr/* (a symlink Stryker shares with the original tree, whose files are never mutated).
 *
 * Two projects: the unit tests, and some integration tests whose requests a front door inside the test worker answers
 * (the local stack's own front door runs the handlers in the stack's process, where Stryker cannot switch a mutant
 * on: through it no test could kill a mutant of a handler, the pipeline, a service or a repository).
 */
const here = import.meta.dirname;
const alias = [
  { find: /^@mcr\/domain$/, replacement: path.join(here, 'packages/domain/src/index.ts') },
  { find: /^@mcr\/data$/, replacement: path.join(here, 'packages/data/src/index.ts') },
  { find: /^@mcr\/contract$/, replacement: path.join(here, 'packages/contract/src/index.ts') },
  { find: /^@mcr\/contract\/routes$/, replacement: path.join(here, 'packages/contract/src/route-definitions.ts') },
];

/**
 * The integration tests run against the in-process front door (test/mutation/in-process-front-door.ts): the ones
 * that check authorization, locking, audit and validation. MCR_MUTATION_TESTS (comma-separated paths) replaces the list.
 * Only tests that pass again and again against the same stack belong here (each mutant reruns them on the data the
 * earlier runs left): responses.test.ts does not (its second run's first save is a 409), so a mutant would count as
 * killed by stale data.
 */
const IN_PROCESS = process.env.MCR_MUTATION_TESTS?.split(',') ?? [
  'test/mutation/door.test.ts',
  'test/integration/tenant-scope.test.ts',
  'test/integration/invalid-json.test.ts',
  'test/integration/bad-input.test.ts',
  // The token attacks (a disabled user's membership), the races on every conditional write and one audit entry per
  // write: 155 tests, about 7 minutes through the in-process door on the busy machine (versus 1 for the others).
  'test/integration/token-attacks.test.ts',
  'test/integration/races.test.ts',
  'test/integration/audit-per-action.test.ts',
];

const integration: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'integration',
    include: IN_PROCESS,
    globalSetup: ['test/mutation/stack.ts'],
    setupFiles: ['test/mutation/in-process-front-door.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
};

/** packages/domain is pure: its run needs no local stack (the integration project would start one). */
const withStack = !process.env.MCR_MUTATION?.startsWith('domain');

export default defineConfig({
  resolve: { alias },
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        // Instrumented code on a busy machine: a property test needs more than vitest's 5 s.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      ...(withStack ? [integration] : []),
    ],
  },
});
