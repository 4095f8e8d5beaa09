import { randomUUID } from 'node:crypto';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  campaignRepositories,
  createDb,
  type Db,
  type JobRecord,
  jobRepositories,
  organisationRepositories,
  type Repositories,
  type RepositoriesOf,
  repositoriesOf,
  responsePageRepositories,
  scopeClient,
  templateRepositories,
  vendorResponseRepositories,
} from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { env } from '../pipeline/env.ts';
import { createLogger, type Logger } from '../pipeline/logger.ts';

/**
 * A small, generic background-job mechanism (see docs/decisions/0006-exports.md).
 *
 * A route handler calls {@link enqueueJob}: the job item is written (`T#<tenant>#JOB#<id>` / `META`, status
 * `queued`) and the worker is started without waiting for it — in AWS an asynchronous Lambda invoke
 * (`InvocationType: 'Event'`) of the worker function named by `JOB_WORKER_FUNCTION`; locally the invoker the
 * local stack registers with {@link setLocalJobInvoker}, which runs the same worker module in-process. The worker
 * (`functions/src/workers/job-worker.ts`) calls {@link runJob}, which moves the job to `running`, hands it
 * to the runner registered for its `kind`, and records `done` with the runner's result or `failed`.
 * Clients poll the job item; a runner reports progress as it goes.
 */

/** What the worker receives: the tenant and the job id, nothing else. Everything else is read from the job item. */
export interface JobInvocation {
  tenantId: string;
  jobId: string;
}

export interface JobContext<Input> {
  job: JobRecord<Input>;
  tenantId: string;
  /** Repositories bound to the job's tenant: the groups of {@link JOB_REPOSITORIES}. */
  repos: JobRepositories;
  log: Logger;
  /** Records how far the job is (processed of total); call it every page or chunk. */
  progress(processed: number, total: number): Promise<void>;
}

export interface JobOutcome<Result> {
  result: Result;
  /** Final progress; defaults to the last one reported. */
  progress?: { processed: number; total: number };
}

/** The code for one kind of job. Throw {@link JobFailure} for a failure the user should read. */
export type JobRunner<Input = unknown, Result = unknown> = (ctx: JobContext<Input>) => Promise<JobOutcome<Result>>;

/** A failure explained to the user (other errors are logged and shown as a generic failure). */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    readonly text: { ja: string; en: string },
  ) {
    super(text.en);
  }
}

/** A job not touched for this long while queued or running is shown as failed (the worker's timeout is 5 minutes). */
export const JOB_STALE_MS = 15 * 60_000;

let db: Db | undefined;
function database(): Db {
  const e = env();
  db ??= createDb({ tableName: e.TABLE_NAME, region: e.AWS_REGION, endpoint: e.DYNAMODB_ENDPOINT });
  return db;
}

let lambda: LambdaClient | undefined;
/** Set by the local stack only: runs the worker module in-process, without waiting, like an asynchronous invoke. */
let localInvoker: ((payload: string) => void) | undefined;

/** The local stack's stand-in for the worker Lambda's asynchronous invoke (never set in AWS). */
export function setLocalJobInvoker(invoke: (payload: string) => void): void {
  localInvoker = invoke;
}

/**
 * Starts the worker for a job without waiting for it to finish: an asynchronous invoke of the function named by
 * `JOB_WORKER_FUNCTION` in AWS; locally, the invoker the local stack registered. The payload is JSON either way.
 */
export async function dispatchJob(invocation: JobInvocation): Promise<void> {
  const e = env();
  const payload = JSON.stringify(invocation);
  if (e.JOB_WORKER_FUNCTION) {
    // lean: the Lambda SDK is imported and its client created with the first job, not at cold start (decision 0025).
    const sdk = await import('@aws-sdk/client-lambda');
    lambda ??= scopeClient(new sdk.LambdaClient({ region: e.AWS_REGION }));
    await lambda.send(new sdk.InvokeCommand({ FunctionName: e.JOB_WORKER_FUNCTION, InvocationType: 'Event', Payload: new TextEncoder().encode(payload) }));
    return;
  }
  if (localInvoker) {
    localInvoker(payload);
    return;
  }
  throw new Error('JOB_WORKER_FUNCTION is not set and no local job invoker is registered');
}

/**
 * Writes a queued job for the caller and starts the worker. The tenant and the owner come from the verified
 * identity; `input` is whatever the runner of `kind` needs (already checked and scoped by the handler). `id` is
 * given by a caller whose own item names the job before it exists (a campaign being created).
 */
export async function enqueueJob<Input>(
  repos: Pick<Repositories, 'jobs'>,
  identity: Identity,
  job: { kind: string; input: Input; total: number; id?: string },
  /** An audit entry written with the job item (e.g. an export of the tenant's data). */
  audit?: Parameters<Repositories['jobs']['create']>[1],
): Promise<JobRecord<Input>> {
  if (!identity.tenantId) throw new Error('a job needs a tenant');
  const record = await repos.jobs.create<Input>(
    {
      id: job.id ?? randomUUID(),
      kind: job.kind,
      input: job.input,
      progress: { processed: 0, total: job.total },
      createdBy: { userId: identity.userId, orgId: identity.orgId, role: identity.role },
    },
    audit,
  );
  try {
    await dispatchJob({ tenantId: identity.tenantId, jobId: record.id });
  } catch (err) {
    await repos.jobs.fail(record.id, { code: 'dispatch_failed', message: { ja: '処理を開始できませんでした', en: 'The job could not be started' } });
    throw err;
  }
  return record;
}

/** Only the user who created a job may read it (the tenant is already fixed by the key). */
export function canReadJob(identity: Identity, job: JobRecord): boolean {
  return job.createdBy.userId === identity.userId && job.createdBy.orgId === identity.orgId;
}

/** The status a client should see: a queued or running job that stopped reporting is shown as failed. */
export function visibleStatus(job: JobRecord, now = Date.now()): JobRecord['status'] {
  if ((job.status === 'queued' || job.status === 'running') && now - Date.parse(job.updatedAt) > JOB_STALE_MS) return 'failed';
  return job.status;
}

/**
 * The repository factories whose groups the job runners use: the job worker builds (and bundles) these only
 * (decision 0025). A runner that reads a group not given here does not compile.
 */
export const JOB_REPOSITORIES = [
  jobRepositories,
  organisationRepositories,
  templateRepositories,
  campaignRepositories,
  responsePageRepositories,
  vendorResponseRepositories,
] as const;
export type JobRepositories = RepositoriesOf<typeof JOB_REPOSITORIES>;

const GENERIC_FAILURE = { code: 'failed', message: { ja: '処理に失敗しました。もう一度お試しください。', en: 'The job failed. Please try again.' } };

/**
 * Runs one job: queued → running → done | failed. A job that is already finished (a repeated asynchronous
 * delivery) or out of attempts is left alone. Never throws for a runner's failure: it is recorded on the job.
 */
export async function runJob(
  invocation: JobInvocation,
  runners: Readonly<Record<string, JobRunner<never, unknown>>>,
  options: { db?: Db } = {},
): Promise<void> {
  const log = createLogger(env().LOG_LEVEL, { jobId: invocation.jobId, tenantId: invocation.tenantId });
  const repos = repositoriesOf(options.db ?? database(), { tenantId: invocation.tenantId }, ...JOB_REPOSITORIES);
  const job = await repos.jobs.get(invocation.jobId);
  if (!job) {
    log.warn('job not found');
    return;
  }
  const runner = runners[job.kind] as JobRunner<unknown, unknown> | undefined;
  if (!runner) {
    await repos.jobs.fail(job.id, { code: 'unknown_kind', message: GENERIC_FAILURE.message });
    log.error('no runner for job kind', { kind: job.kind });
    return;
  }
  if (!(await repos.jobs.start(job.id))) {
    log.info('job not started (finished, or out of attempts)', { status: job.status });
    return;
  }
  const started = performance.now();
  let last = job.progress;
  try {
    const outcome = await runner({
      job: { ...job, status: 'running' },
      tenantId: invocation.tenantId,
      repos,
      log,
      progress: async (processed, total) => {
        last = { processed, total };
        await repos.jobs.progress(job.id, processed, total);
      },
    });
    await repos.jobs.complete(job.id, outcome.result, outcome.progress ?? last);
    log.info('job done', { kind: job.kind, ms: Math.round(performance.now() - started) });
  } catch (err) {
    const e = err as Error;
    if (err instanceof JobFailure) {
      await repos.jobs.fail(job.id, { code: err.code, message: err.text });
      log.warn('job failed', { kind: job.kind, code: err.code });
    } else {
      await repos.jobs.fail(job.id, GENERIC_FAILURE);
      log.error('job failed', { kind: job.kind, error: { name: e?.name, message: e?.message, stack: e?.stack } });
    }
  }
}
