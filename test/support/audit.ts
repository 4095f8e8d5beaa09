import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, createDb, keys } from '@mcr/data';
import { stackInfo } from './stack-info.ts';

let db: ReturnType<typeof createDb> | undefined;
const dbOf = () => {
  const s = stackInfo();
  db ??= createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
  return db;
};

/**
 * The audit entries one request wrote, read from the table (the audit key holds the request id: `<at>#<requestId>#<seq>`),
 * between `since` (an ISO instant taken before the request) and now, in the tenant given.
 */
export async function auditEntriesOf(requestId: string | null, since: string, tenantId = '36'): Promise<AuditRecord[]> {
  if (!requestId) throw new Error('the response has no x-request-id');
  const from = new Date(Date.parse(since) - 2_000).toISOString();
  const to = new Date(Date.now() + 2_000).toISOString();
  const out: AuditRecord[] = [];
  for (const month of [...new Set([from.slice(0, 7), to.slice(0, 7)])]) {
    const pk = keys.audit({ tenantId }, `${month}-01T00:00:00.000Z`, '', 0).PK;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dbOf().doc.send(
        new QueryCommand({
          TableName: dbOf().tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          FilterExpression: '#actor.#rid = :rid',
          ExpressionAttributeNames: { '#actor': 'actor', '#rid': 'requestId' },
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `${to}\uffff`, ':rid': requestId },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) out.push(item as AuditRecord);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return out;
}

/** Closes the table client (afterAll). */
export function closeAuditReader(): void {
  db?.doc.destroy();
  db = undefined;
}
