import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@mcr/contract';
import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor } from '../records.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'expiresAt'] as const;

/** Removes the storage attributes so that records, not items, leave the data layer. */
export function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out as T;
}

export async function queryAll<T>(db: Db, input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const out: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey }));
    for (const item of page.Items ?? []) out.push(strip<T>(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

export async function getItem<T>(db: Db, key: { PK: string; SK: string }): Promise<T | undefined> {
  const res = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  return res.Item ? strip<T>(res.Item) : undefined;
}

/** Writes items 25 at a time, retrying what DynamoDB leaves unprocessed. */
export async function batchPut(db: Db, items: Record<string, unknown>[]): Promise<void> {
  await batchWriteRequests(
    db,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Puts and deletes in BatchWriteItem calls of 25, `parallel` calls at a time, retrying unprocessed items with
 * backoff. Not atomic: for idempotent writes (read-model rows, chunks of a job). A call must not name one key twice.
 */
export async function batchWriteRequests(db: Db, requests: WriteRequest[], parallel = 1): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  const writeChunk = async (chunk: WriteRequest[]) => {
    let pending: Record<string, WriteRequest[]> | undefined = { [db.tableName]: chunk };
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const res = await db.doc.send(new BatchWriteCommand({ RequestItems: pending as never }));
      pending = res.UnprocessedItems as typeof pending;
    }
  };
  for (let i = 0; i < chunks.length; i += parallel) await Promise.all(chunks.slice(i, i + parallel).map(writeChunk));
}

/** One audit entry, to be written in the same transaction as the change it records. */
export function auditItem(
  db: Db,
  scope: TenantScope,
  actor: Actor,
  entry: { action: AuditAction; target: string; orgId: string; changes: unknown; seq?: number },
): TransactItem {
  const at = new Date().toISOString();
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.audit(scope, at, actor.requestId, entry.seq ?? 0),
        ...keys.auditByOrg(scope, entry.orgId, at),
        type: 'Audit',
        at,
        actor,
        action: entry.action,
        target: entry.target,
        changes: entry.changes,
      },
      // An audit entry is never overwritten.
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Reads items by key, 100 at a time, retrying what DynamoDB leaves unprocessed. Order is not kept. */
export async function batchGet<T>(db: Db, keyList: { PK: string; SK: string }[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [db.tableName]: { Keys: keyList.slice(i, i + 100) } };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const res = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of res.Responses?.[db.tableName] ?? []) out.push(strip<T>(item));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return out;
}
