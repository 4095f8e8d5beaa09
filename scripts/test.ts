import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: every check CI runs, in order, stopping at the first failure. The SPA is built first
 * because the browser tests use the built bundle, as a user does.
 */
const REPORT = 'test-results/vitest.json';
// iam:begin — the IAM check reads what this run's test stacks recorded, in a folder of its own (decision 0022).
const IAM_REPORT = 'test-results/vitest-iam.json';
const filtered = process.argv.length > 2;
process.env.MCR_SDK_RECORD_DIR = `test-results/sdk-calls/run-${new Date().toISOString().replace(/[:.]/g, '-')}`;
// iam:end
mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });
rmSync(IAM_REPORT, { force: true });

const steps: Array<[string, string[]]> = [
  ['typecheck', ['npx', 'tsc', '-b']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['build SPA', ['npm', 'run', '-s', 'build', '-w', 'frontend']],
  [
    'tests (unit, integration, infra, e2e)',
    ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...process.argv.slice(2)],
  ],
  // iam:begin — after the suites: every function's policy allows exactly the SDK calls they recorded. A filtered run
  // records a partial picture, so it skips this step (say so below).
  ...(filtered
    ? []
    : ([
        [
          'IAM policies vs recorded SDK calls',
          [
            'env',
            'MCR_IAM_CHECK=1',
            'MCR_IAM_REQUIRE_RECORDING=1',
            'npx',
            'vitest',
            'run',
            '--project',
            'iam',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${IAM_REPORT}`,
          ],
        ],
      ] as Array<[string, string[]]>)),
  // iam:end
];
if (filtered) console.log('(a filtered run: the IAM check against recorded SDK calls is skipped; `npm run test:iam` runs it on the last recording)');

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd as string, args, { stdio: 'inherit' });
  console.log(`  ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    summary();
    process.exit(r.status ?? 1);
  }
}
summary();

/** The plain closing line CI reads: `N passed, N failed`. */
function summary() {
  // iam: the IAM step's report counts too.
  const reports = [REPORT, IAM_REPORT]
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number });
  if (reports.length === 0) return;
  const sum = (k: 'numPassedTests' | 'numFailedTests' | 'numPendingTests') => reports.reduce((n, r) => n + r[k], 0);
  console.log(`\n${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests')} skipped`);
}
