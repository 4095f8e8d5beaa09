import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { RunningStackInfo } from './stack-info.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

// iam:begin
/** Where the test stacks write their SDK-call recordings (decision 0022). */
export function sdkRecordDir(): string {
  return path.resolve(REPO, process.env.MCR_SDK_RECORD_DIR ?? 'test-results/sdk-calls');
}
// iam:end

/**
 * Starts the real local stack (`npm start` with random ports, in its own process so that two projects'
 * stacks never share environment variables) and hands its endpoints and demo logins to the tests.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcr-stack-'));
  const readyFile = path.join(dir, 'ready.json');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'packages/local/src/cli/start.ts'), '--random-ports', '--no-build', '--quiet', '--ready-file', readyFile],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      // iam: every SDK call of the functions is recorded for test/iam/policies.test.ts (decision 0022), one file per
      // project, in MCR_SDK_RECORD_DIR (npm test gives each run its own) or test-results/sdk-calls.
      env: { ...process.env, LOG_LEVEL: 'error', MCR_SDK_RECORD: path.join(sdkRecordDir(), `${project.name}.jsonl`) },
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // Seeding the demo takes well under a minute on a quiet machine; a loaded one (several stacks at once) needed 150–210 s.
  const deadline = Date.now() + 300_000;
  while (!existsSync(readyFile)) {
    if (child.exitCode !== null) throw new Error(`local stack exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`local stack did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 100));
  const info = JSON.parse(readFileSync(readyFile, 'utf8')) as RunningStackInfo;
  project.provide('stack', info);
  return async () => {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    rmSync(dir, { recursive: true, force: true });
  };
}
