import { auditRepositories } from '@mcr/data';
import type { AuditEntry } from '@mcr/contract';
import type { AuditRecord } from '@mcr/data';
import { auditList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { RawBody, toCsv } from '../../pipeline/raw-body.ts';
import { todayInJapan } from '@mcr/domain';

const LIMIT = 5000;

/** Japan-time day boundaries as UTC instants: 2026-04-01 (JST) starts at 2026-03-31T15:00Z. */
function instant(day: string, endOfDay: boolean): string {
  const t = Date.parse(`${day}T00:00:00+09:00`) + (endOfDay ? 86_400_000 - 1 : 0);
  return new Date(t).toISOString();
}

/** `2026-11-22T21:05:00.000Z` → `2026-11-23 06:05:00`, as the office reads it. */
const jst = (at: string) => new Date(Date.parse(at) + 9 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

export const handler = defineHandler(auditList, async ({ identity, query, repos }) => {
  const to = query.to ?? todayInJapan();
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  if (from > to)
    throw new ValidationError([{ field: 'query.from', code: 'range', message: { ja: '開始日は終了日以前にしてください', en: 'from must not be after to' } }]);
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) {
    throw new ValidationError([
      { field: 'query.from', code: 'range_too_long', message: { ja: '期間は1年以内で指定してください', en: 'The range may be at most one year' } },
    ]);
  }
  const { audit } = repos(auditRepositories);
  const toEntry = (e: AuditRecord): AuditEntry => ({
    at: e.at,
    requestId: e.actor.requestId,
    actor: { userId: e.actor.userId, role: e.actor.role, orgId: e.actor.orgId, name: e.actor.name ?? '' },
    action: e.action,
    target: e.target,
    changes: e.changes,
  });
  if (query.format === 'json') {
    // One page, newest first, across month partitions; filters run in DynamoDB; the cursor names the month.
    const page = await audit.page({
      fromAt: instant(from, false),
      toAt: instant(to, true),
      // A facility administrator reads only its own facility's entries, through the organisation index.
      orgId: identity.role === 'facility_admin' ? identity.orgId : undefined,
      action: query.action,
      actor: query.actor,
      target: query.target,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toEntry), truncated: page.nextCursor !== null, nextCursor: page.nextCursor };
  }
  const range = { fromAt: instant(from, false), toAt: instant(to, true), limit: LIMIT };
  // A facility administrator reads only its own facility's entries, through the organisation index.
  const result = identity.role === 'facility_admin' ? await audit.listOfOrg(identity.orgId, range) : await audit.list(range);
  const needle = query.target?.toLowerCase();
  const items: AuditEntry[] = result.items
    .filter((e) => !query.action || e.action === query.action)
    .filter((e) => !query.actor || e.actor.userId === query.actor || e.actor.orgId === query.actor)
    .filter((e) => !needle || e.target.toLowerCase().includes(needle))
    .map(toEntry);
  const csv = toCsv(
    ['日時 (日本時間)', '操作', '対象', '利用者', '利用者ID', 'ロール', '組織', 'リクエストID', '変更内容'],
    items.map((e) => [
      jst(e.at),
      e.action,
      e.target,
      e.actor.name,
      e.actor.userId,
      e.actor.role,
      e.actor.orgId,
      e.requestId,
      JSON.stringify(e.changes ?? null),
    ]),
  );
  return new RawBody('text/csv; charset=utf-8', csv, `audit-${from}-${to}.csv`);
});
