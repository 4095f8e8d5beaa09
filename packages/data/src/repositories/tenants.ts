import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';
import type { TenantRecord } from '../records.ts';
import { strip } from './shared.ts';

/** JIS X 0401 prefecture codes 01 (北海道) … 47 (沖縄県): the only tenants there can be. */
export const PREFECTURE_CODES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * The operator's view: which tenants exist. It reads only each tenant's PROFILE item,
 * by key (`T#<code>`): the registry needs no key outside the tenants' own partitions. A tenant is created with
 * the new tenant's own repositories (`tenant.create`), inside its partitions.
 */
export function createOperatorRepositories(db: Db) {
  return {
    async listTenants(): Promise<TenantRecord[]> {
      const res = await db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: PREFECTURE_CODES.map((tenantId) => keys.tenant({ tenantId })),
              ProjectionExpression: 'tenantId, #n, nameEn',
              ExpressionAttributeNames: { '#n': 'name' },
            },
          },
        }),
      );
      return (res.Responses?.[db.tableName] ?? []).map((i) => strip<TenantRecord>(i)).sort((a, b) => a.tenantId.localeCompare(b.tenantId));
    },
  };
}
