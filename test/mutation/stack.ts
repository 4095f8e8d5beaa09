import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import startStack from '../support/global-stack.ts';
import type { RunningStackInfo } from '../support/stack-info.ts';

/**
 * The mutation run's local stack (vitest.mutation.config.ts). `MCR_STACK_READY_FILE` names the ready file of a stack
 * already running (`node --import tsx packages/local/src/cli/start.ts --random-ports --no-build --ready-file FILE`):
 * the run then starts none, and a busy machine is spared seeding one in each Stryker worker. Without it, one is
 * started as for the integration project (test/support/global-stack.ts).
 */
export default async function setup(project: TestProject) {
  const readyFile = process.env.MCR_STACK_READY_FILE;
  if (!readyFile) return startStack(project);
  const info = JSON.parse(readFileSync(readyFile, 'utf8')) as RunningStackInfo;
  project.provide('stack', info);
  return undefined;
}
