import { NotFoundError, jobRepositories } from '@mcr/data';
import { exportsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { isExportJob, toExportJob } from '../../services/export/view.ts';
import { canReadJob } from '../../services/jobs.ts';

export const handler = defineHandler(exportsGet, async ({ identity, params, repos }) => {
  const job = await repos(jobRepositories).jobs.get(params.jobId);
  // Someone else's job is answered exactly like a missing one.
  if (!job || !isExportJob(job) || !canReadJob(identity, job)) throw new NotFoundError('job');
  return toExportJob(job);
});
