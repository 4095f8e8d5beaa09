import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction, JobStatus, LocalizedText, Role } from '@mcr/contract';
import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor } from '../records.ts';
import { auditItem, getItem } from './shared.ts';

/** A background job: what to do (`kind`, `input`), who asked, how far it is, and what came out. */
export interface JobRecord<Input = unknown, Result = unknown> {
  id: string;
  /** Which worker runs it, e.g. `export.campaign-answers`. */
  kind: string;
  status: JobStatus;
  input: Input;
  progress: { processed: number; total: number };
  result?: Result;
  error?: { code: string; message: LocalizedText };
  /** Only this user (and, for organisation-wide roles, nobody else) may read the job. */
  createdBy: { userId: string; orgId: string; role: Role };
  createdAt: string;
  updatedAt: string;
  /** Times a worker has started it (asynchronous invocations may be delivered more than once). */
  attempts: number;
}

/** Jobs are removed by the table's TTL a week after they are created; their files much sooner (S3 lifecycle). */
export const JOB_TTL_SECONDS = 7 * 24 * 3600;
/** A job started this many times without finishing is not started again. */
export const JOB_MAX_ATTEMPTS = 3;

export function jobRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const now = () => new Date().toISOString();
  /** An update that only applies in the given states; false when the job was not in one of them. */
  const transition = async (
    id: string,
    update: string,
    values: Record<string, unknown>,
    allowed: readonly JobStatus[],
    options: { condition?: string; names?: Record<string, string> } = {},
  ) => {
    const from = Object.fromEntries(allowed.map((status, i) => [`:from${i}`, status]));
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: T,
          Key: keys.job(scope, id),
          UpdateExpression: update,
          ConditionExpression: `attribute_exists(PK) AND #status IN (${Object.keys(from).join(', ')})${options.condition ?? ''}`,
          ExpressionAttributeNames: { '#status': 'status', ...options.names },
          ExpressionAttributeValues: { ...values, ...from, ':now': now() },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  };

  return {
    jobs: {
      get: (id: string) => getItem<JobRecord>(db, keys.job(scope, id)),
      /**
       * Writes a new queued job; never overwrites one. With `audit`, the audit entry is written in the same
       * transaction (an export is recorded when it is asked for, whoever downloads it later).
       */
      async create<Input>(
        job: Omit<JobRecord<Input>, 'status' | 'attempts' | 'createdAt' | 'updatedAt'>,
        audit?: { actor: Actor; action: Extract<AuditAction, 'export.create'>; target: string; changes: unknown },
      ): Promise<JobRecord<Input>> {
        const at = now();
        const record: JobRecord<Input> = { ...job, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
        const put = {
          TableName: T,
          Item: { ...keys.job(scope, job.id), type: 'Job', expiresAt: Math.floor(Date.now() / 1000) + JOB_TTL_SECONDS, ...record },
          ConditionExpression: 'attribute_not_exists(PK)',
        };
        if (!audit) await db.doc.send(new PutCommand(put));
        else
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: put },
                auditItem(db, scope, audit.actor, { action: audit.action, target: audit.target, orgId: audit.actor.orgId, changes: audit.changes }),
              ],
            }),
          );
        return record;
      },
      /** queued (or running after a lost attempt) → running; false when the job is finished or out of attempts. */
      start: (id: string) =>
        transition(
          id,
          'SET #status = :running, updatedAt = :now ADD attempts :one',
          { ':running': 'running', ':one': 1, ':max': JOB_MAX_ATTEMPTS },
          ['queued', 'running'],
          {
            condition: ' AND attempts < :max',
          },
        ),
      progress: (id: string, processed: number, total: number) =>
        transition(id, 'SET progress = :progress, updatedAt = :now', { ':progress': { processed, total } }, ['running']),
      complete: (id: string, result: unknown, progress: { processed: number; total: number }) =>
        transition(
          id,
          'SET #status = :done, #result = :result, progress = :progress, updatedAt = :now',
          { ':done': 'done', ':result': result, ':progress': progress },
          ['running'],
          { names: { '#result': 'result' } },
        ),
      fail: (id: string, error: { code: string; message: LocalizedText }) =>
        transition(id, 'SET #status = :failed, #error = :error, updatedAt = :now', { ':failed': 'failed', ':error': error }, ['queued', 'running'], {
          names: { '#error': 'error' },
        }),
    },
  };
}
