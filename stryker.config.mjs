// Mutation testing (`npm run test:mutation`, README "Mutation testing"). Not part of `npm test`: see the README for
// the scope, the scores and the runtime. One package or folder at a time: MCR_MUTATION=domain|data|services|pipeline
// (each with its own incremental file and report in reports/mutation/); narrower still: `-- --mutate <glob>`.
// A run that reaches the integration tests starts a local stack in each worker; MCR_STACK_READY_FILE reuses a running
// one instead (test/mutation/stack.ts).
import { readFileSync } from 'node:fs';

const SCOPES = {
  domain: ['packages/domain/src/**/*.ts'],
  data: ['packages/data/src/**/*.ts'],
  services: ['functions/src/services/**/*.ts'],
  pipeline: ['functions/src/pipeline/**/*.ts'],
  // The files that hold the promises the suite must keep (authorization, locking, audit, validation): what a run in
  // one sitting can measure on two cores. `focus` runs the unit tests and the in-process integration tests.
  'domain-focus': [
    'packages/domain/src/checklist/answers.ts',
    'packages/domain/src/checklist/issues.ts',
    'packages/domain/src/checklist/next-version.ts',
    'packages/domain/src/checklist/carry-forward.ts',
    'packages/domain/src/password-policy.ts',
    'packages/domain/src/fiscal-year.ts',
    'packages/domain/src/campaign-dates.ts',
    'packages/domain/src/vendors.ts',
  ],
  focus: [
    'functions/src/services/access.ts',
    'functions/src/pipeline/auth.ts',
    'packages/data/src/repositories/shared.ts',
    'functions/src/pipeline/define-handler.ts',
    'functions/src/pipeline/errors.ts',
    'packages/data/src/access-scope.ts',
    'packages/data/src/keys.ts',
  ],
};
const scope = process.env.MCR_MUTATION ?? 'all';
// MCR_MUTATION_SAMPLE=1: only the mutants test/mutation/sample.mjs drew for the scope (reports/mutation/drawn-<scope>.json).
// `backend` tests the samples of data and services in one run (one initial test run, one local stack).
const sampled = Boolean(process.env.MCR_MUTATION_SAMPLE);
const SAMPLED = { domain: ['domain'], data: ['data'], services: ['services'], pipeline: ['pipeline'], backend: ['data', 'services'] };
if (sampled && !(scope in SAMPLED)) throw new Error(`MCR_MUTATION_SAMPLE needs MCR_MUTATION=${Object.keys(SAMPLED).join('|')}`);
if (!sampled && scope !== 'all' && !(scope in SCOPES)) throw new Error(`MCR_MUTATION=${scope}: one of all, ${Object.keys(SCOPES).join(', ')}`);
const mutate = sampled
  ? SAMPLED[scope].flatMap((s) => JSON.parse(readFileSync(`reports/mutation/drawn-${s}.json`, 'utf8')).ranges)
  : scope === 'all'
    ? [...SCOPES.domain, ...SCOPES.data, ...SCOPES.services, ...SCOPES.pipeline]
    : SCOPES[scope];
const run = sampled ? `sample-${scope}` : scope;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './test/mutation/mutant-log-reporter.mjs', './test/mutation/sample-ignorer.mjs'],
  ignorers: sampled ? ['mcr-sample'] : [],
  // related: false: the integration tests reach the handlers through the in-process front door's dynamic imports, which
  // vitest's related-files search cannot follow; the per-test coverage picks the tests to run instead.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant: the built-in templates, the rule tables) needs every test file rerun
  // with a fresh module graph; in packages/domain they were 43 % of the mutants and 95 % of the time. Left out of
  // the score (reported as ignored); the golden and property tests read those tables as data.
  ignoreStatic: true,
  // Two cores: one worker leaves room for the local stack the in-process integration tests start.
  concurrency: 1,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: `reports/mutation/${run}-incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'html', 'json', 'mutant-log'],
  mutantLog: { fileName: `reports/mutation/${run}-mutants.jsonl` },
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 80, low: 60, break: null },
  // The sandbox needs the sources, the tests, the configs and the local stack (.local holds DynamoDB Local's jar);
  // not build output or the SPA.
  ignorePatterns: ['cdk.out', 'test-results', 'reports', 'coverage', '.tsbuild', 'frontend/dist', 'frontend/node_modules', 'docs', '*.tsbuildinfo'],
};
