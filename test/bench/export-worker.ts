import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDb, createRepositories } from '@mcr/data';
import { runJob } from '../../functions/src/services/jobs.ts';
import { JOB_RUNNERS } from '../../functions/src/workers/job-runners.ts';

/**
 * One export job run the way the worker Lambda runs it, alone in this process, so that its time and peak
 * memory (VmHWM) are its own. Reads `{ campaignId, format }` from argv and the stack's endpoints from the env.
 */
const [campaignId = '', format = 'xlsx'] = process.argv.slice(2);
const db = createDb({ tableName: process.env.TABLE_NAME as string, region: 'ap-northeast-1', endpoint: process.env.DYNAMODB_ENDPOINT });
const repos = createRepositories(db, { tenantId: '36' });
const job = await repos.jobs.create({
  id: randomUUID(),
  kind: 'export.campaign-answers',
  input: { campaignId, format },
  progress: { processed: 0, total: 0 },
  createdBy: { userId: 'bench', orgId: 'bench', role: 'pref_admin' },
});
const started = performance.now();
await runJob({ tenantId: '36', jobId: job.id }, JOB_RUNNERS, { db });
const ms = performance.now() - started;
const done = await repos.jobs.get(job.id);
const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(JSON.stringify({ status: done?.status, processed: done?.progress.processed, ms: Math.round(ms), peakRssMiB: Math.round(hwm / 1024) }));
db.doc.destroy();
