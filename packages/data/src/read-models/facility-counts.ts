import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import type { TenantScope } from '../keys.ts';
import { transactWithConflictRetry } from './transact.ts';

/**
 * How many facilities the tenant has, in all, per 保健所, per kind and per 保健所 × kind: one item kept by the
 * stream consumer from the facility items (docs/decisions/0009), so that a form can say how many facilities a
 * campaign will reach without listing 15,000 of them.
 */
export const facilityCountsKey = (s: TenantScope) => ({ PK: `T#${s.tenantId}#FACCOUNTS`, SK: 'COUNTS' });

export interface FacilityCounts {
  total: number;
  byHealthCenter: Record<string, number>;
  byKind: Record<string, number>;
  /** `<healthCenterId>|<kind>` → count. */
  byHealthCenterKind: Record<string, number>;
}

/** What one facility adds to the counts (`null`: nothing, e.g. before it exists). */
export function facilityCountContribution(f: { healthCenterId?: unknown; kind?: unknown } | null): Record<string, number> {
  if (!f || typeof f.healthCenterId !== 'string' || typeof f.kind !== 'string') return {};
  return { ALL: 1, [`HC#${f.healthCenterId}`]: 1, [`KIND#${f.kind}`]: 1, [`HCKIND#${f.healthCenterId}|${f.kind}`]: 1 };
}

/** Adds the deltas in one transaction whose token comes from the stream batch (a retried batch counts once). */
export async function applyFacilityCountDeltas(db: Db, scope: TenantScope, delta: Record<string, number>, batchId: string): Promise<void> {
  const entries = Object.entries(delta).filter(([, v]) => v !== 0);
  for (let i = 0; i < entries.length; i += 80) {
    const part = entries.slice(i, i + 80);
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'FacilityCounts' };
    const terms = part.map(([k, v], j) => {
      names[`#a${j}`] = `n:${k}`;
      values[`:v${j}`] = v;
      return `#a${j} :v${j}`;
    });
    const token = createHash('sha256').update(`${scope.tenantId}/facility-counts/${batchId}/${i}`).digest('hex').slice(0, 36);
    // Every stream shard adds to this one item: a conflict with another shard is retried, not failed.
    await transactWithConflictRetry(db, {
      ClientRequestToken: token,
      TransactItems: [
        {
          Update: {
            TableName: db.tableName,
            Key: facilityCountsKey(scope),
            UpdateExpression: `SET #type = :type ADD ${terms.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
    });
  }
}

export async function readFacilityCounts(db: Db, scope: TenantScope): Promise<FacilityCounts> {
  const got = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: facilityCountsKey(scope) }));
  const out: FacilityCounts = { total: 0, byHealthCenter: {}, byKind: {}, byHealthCenterKind: {} };
  for (const [k, v] of Object.entries(got.Item ?? {})) {
    if (!k.startsWith('n:') || typeof v !== 'number' || v === 0) continue;
    const name = k.slice(2);
    if (name === 'ALL') out.total = v;
    else if (name.startsWith('HC#')) out.byHealthCenter[name.slice(3)] = v;
    else if (name.startsWith('KIND#')) out.byKind[name.slice(5)] = v;
    else if (name.startsWith('HCKIND#')) out.byHealthCenterKind[name.slice(7)] = v;
  }
  return out;
}

export function facilityCountRepositories(db: Db, scope: TenantScope) {
  return { facilityCounts: { get: () => readFacilityCounts(db, scope) } };
}
