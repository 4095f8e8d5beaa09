import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { AuditRecord } from '../records.ts';
import { queryAll } from './shared.ts';

/** Months touched by [from, to] (ISO dates), newest first: the audit partitions to read. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (y > fy || (y === fy && m >= fm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

export interface AuditRange {
  /** ISO instants, inclusive. */
  fromAt: string;
  toAt: string;
  limit: number;
}

/** The append-only audit log. There is deliberately no update or delete here. */
export function auditRepositories(db: Db, scope: TenantScope) {
  return {
    audit: {
      /** The whole tenant's entries in a time range, newest first (one Query per month). */
      async list(range: AuditRange): Promise<{ items: AuditRecord[]; truncated: boolean }> {
        const items: AuditRecord[] = [];
        for (const month of monthsBetween(range.fromAt.slice(0, 10), range.toAt.slice(0, 10))) {
          const page = await queryAll<AuditRecord>(db, {
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': keys.audit(scope, `${month}-01`, '', 0).PK, ':from': range.fromAt, ':to': `${range.toAt}\uffff` },
            ScanIndexForward: false,
          });
          items.push(...page);
          if (items.length > range.limit) return { items: items.slice(0, range.limit), truncated: true };
        }
        return { items, truncated: false };
      },
      /** One organisation's entries (a facility admin's view), newest first. */
      async listOfOrg(orgId: string, range: AuditRange): Promise<{ items: AuditRecord[]; truncated: boolean }> {
        const items = await queryAll<AuditRecord>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.auditByOrg(scope, orgId, '').GSI1PK, ':from': range.fromAt, ':to': `${range.toAt}\uffff` },
          ScanIndexForward: false,
        });
        return { items: items.slice(0, range.limit), truncated: items.length > range.limit };
      },
    },
  };
}
