import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { AuditRecord } from '../records.ts';
import { queryPage, type Segment } from '../paging.ts';
import { queryAll, strip } from './shared.ts';

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

export interface AuditPageQuery {
  /** ISO instants, inclusive. */
  fromAt: string;
  toAt: string;
  /** Only this organisation's entries (a facility admin's view, through GSI1). */
  orgId?: string | undefined;
  action?: string | undefined;
  /** A user id or an organisation id. */
  actor?: string | undefined;
  /** Text contained in the target. */
  target?: string | undefined;
  limit: number;
  cursor?: string | undefined;
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
      /**
       * One page of entries, newest first, across the month partitions of the range (or the organisation's
       * index); the cursor names the month it stopped in. At most four reads and 800 kB per page.
       */
      async page(query: AuditPageQuery): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
        const filters: string[] = [];
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':from': query.fromAt, ':to': `${query.toAt}\uffff` };
        if (query.action) {
          filters.push('#action = :action');
          names['#action'] = 'action';
          values[':action'] = query.action;
        }
        if (query.actor) {
          filters.push('(#actor.#userId = :actor OR #actor.#orgId = :actor)');
          Object.assign(names, { '#actor': 'actor', '#userId': 'userId', '#orgId': 'orgId' });
          values[':actor'] = query.actor;
        }
        if (query.target) {
          filters.push('contains(#target, :target)');
          names['#target'] = 'target';
          values[':target'] = query.target;
        }
        const filter = filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {};
        const segments: Segment[] = query.orgId
          ? [
              {
                input: {
                  IndexName: 'GSI1',
                  KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
                  ...filter,
                  ExpressionAttributeValues: { ...values, ':pk': keys.auditByOrg(scope, query.orgId, '').GSI1PK },
                  ScanIndexForward: false,
                },
                partition: { attr: 'GSI1PK', value: keys.auditByOrg(scope, query.orgId, '').GSI1PK },
                keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
              },
            ]
          : monthsBetween(query.fromAt.slice(0, 10), query.toAt.slice(0, 10)).map((month) => {
              const pk = keys.audit(scope, `${month}-01`, '', 0).PK;
              return {
                input: {
                  KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
                  ...filter,
                  ExpressionAttributeValues: { ...values, ':pk': pk },
                  ScanIndexForward: false,
                },
                partition: { attr: 'PK', value: pk },
                keyAttrs: ['PK', 'SK'],
              };
            });
        const page = await queryPage(db, segments, { limit: query.limit, cursor: query.cursor, readLimit: Math.max(50, 2 * query.limit) });
        return { items: page.items.map((i) => strip<AuditRecord>(i)), nextCursor: page.nextCursor };
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
