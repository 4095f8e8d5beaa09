import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: every check CI runs, in order, stopping at the first failure. The SPA is built first
 * because the browser tests use the built bundle, as a user does.
 */
const REPORT = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });

const steps: Array<[string, string[]]> = [
  ['typecheck', ['npx', 'tsc', '-b']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['build SPA', ['npm', 'run', '-s', 'build', '-w', 'frontend']],
  [
    'tests (unit, integration, infra, e2e)',
    ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...process.argv.slice(2)],
  ],
];

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
  if (!existsSync(REPORT)) return;
  const r = JSON.parse(readFileSync(REPORT, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
