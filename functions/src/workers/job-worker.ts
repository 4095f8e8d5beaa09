import { Id, TenantId } from '@mcr/contract';
import * as z from 'zod';
import { runJob } from '../services/jobs.ts';
import { JOB_RUNNERS } from './job-runners.ts';

const Invocation = z.object({ tenantId: TenantId, jobId: Id });

/** The background worker (invoked asynchronously in AWS; in-process by the local front door). */
export const handler = async (event: unknown): Promise<void> => {
  // Only our own functions invoke it, but the tenant in the event decides the key prefix: check its shape.
  await runJob(Invocation.parse(event), JOB_RUNNERS);
};
