import * as z from 'zod/mini';
import { IsoDate, IsoDateTime } from '../common.ts';
import { ROLES } from '../roles.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

export * from './audit-actions.ts';

export const AuditEntry = z.object({
  at: IsoDateTime,
  requestId: z.string(),
  actor: z.object({ userId: z.string(), role: z.enum(ROLES), orgId: z.string(), name: z.string() }),
  action: z.string(),
  target: z.string(),
  /** What changed, as recorded at the time (the request's fields, never secrets). */
  changes: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** Inclusive days in Japan time; default: the last 30 days. */
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  action: z.optional(z.string().check(z.maxLength(64))),
  /** A user id or an organisation id. */
  actor: z.optional(z.string().check(z.maxLength(64))),
  /** Free text matched against the target (e.g. a facility id). */
  target: z.optional(z.string().check(z.maxLength(200))),
  format: z._default(z.enum(['json', 'csv']), 'json'),
  /** Entries per page (JSON); a page also stops before 800 kB. */
  limit: PageLimit(500, 100),
  cursor: z.optional(Cursor),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One page, newest first; `truncated` is true when there is a next page (`nextCursor`). */
export const AuditLogResponse = z.object({ items: z.array(AuditEntry), truncated: z.boolean(), nextCursor: NextCursor });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
