import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Db } from '../client.ts';
import { AlreadyExistsError } from '../errors.ts';
import { keys } from '../keys.ts';
import type { Actor, MembershipRecord, TenantRecord } from '../records.ts';
import { membershipItemOf } from './organisations.ts';
import { auditItem, strip } from './shared.ts';

/** JIS X 0401 prefecture codes 01 (北海道) … 47 (沖縄県): the only tenants there can be. */
export const PREFECTURE_CODES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * The operator's view: which tenants exist, and creating one. It reads only each tenant's PROFILE item,
 * by key (`T#<code>`): the registry needs no key outside the tenants' own partitions.
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
    /** Whether the tenant's profile exists (a read of one key, no tenant data). */
    async tenantExists(tenantId: string): Promise<boolean> {
      const res = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.tenant({ tenantId }), ProjectionExpression: 'PK' }));
      return res.Item !== undefined;
    },
    /**
     * Creates a tenant together with its first memberships and their audit entries in one transaction, so that a
     * tenant never exists without an administrator (decision 0004). The tenant's profile is conditional on not
     * existing: of two concurrent creates of one tenant exactly one commits; the other gets AlreadyExistsError.
     */
    async createTenantWithMembers(t: TenantRecord, members: MembershipRecord[], actor: Actor): Promise<void> {
      const scope = { tenantId: t.tenantId };
      try {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: db.tableName, Item: { ...keys.tenant(t), type: 'Tenant', ...t }, ConditionExpression: 'attribute_not_exists(PK)' } },
              auditItem(db, scope, actor, { action: 'tenant.create', target: `tenant/${t.tenantId}`, orgId: 'pref', changes: t, seq: 0 }),
              ...members.flatMap((m, i) => [
                { Put: { TableName: db.tableName, Item: membershipItemOf(scope, m), ConditionExpression: 'attribute_not_exists(PK)' } },
                auditItem(db, scope, actor, {
                  action: 'user.invite',
                  target: `user/${m.userId}`,
                  orgId: m.orgId,
                  changes: { email: m.email, role: m.role, orgId: m.orgId },
                  seq: i + 1,
                }),
              ]),
            ],
          }),
        );
      } catch (err) {
        if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
          throw new AlreadyExistsError('tenant');
        throw err;
      }
    },
  };
}
