import { Id, TenantId } from '@mcr/contract';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { backgroundLogger, errorFields } from '../pipeline/background-log.ts'; // ops
import { runJob } from '../services/jobs.ts';
import { JOB_RUNNERS } from './job-runners.ts';

const Invocation = z.object({ tenantId: TenantId, jobId: Id });

/** The background worker (invoked asynchronously in AWS; in-process by the local front door). */
export const handler = async (event: unknown, context?: Context): Promise<void> => {
  // Only our own functions invoke it, but the tenant in the event decides the key prefix: check its shape.
  const invocation = Invocation.safeParse(event);
  // ops: a refused or failed invocation is logged with the Lambda request id and the tenant (decision 0024); runJob
  // logs the job's own progress.
  const log = backgroundLogger('job-worker', context, invocation.success ? { tenantId: invocation.data.tenantId, jobId: invocation.data.jobId } : {});
  if (!invocation.success) {
    log.error('job invocation refused', { issues: invocation.error.issues.map((i) => i.path.join('.')) });
    throw invocation.error;
  }
  try {
    await runJob(invocation.data, JOB_RUNNERS);
  } catch (err) {
    log.error('job worker failed', errorFields(err));
    throw err;
  }
};
