import { routes } from '@mcr/contract';
import { callRoute, downloadRoute } from '../lib/api-client.ts';

export interface AuditFilters {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
}

/** GET /api/audit: entries of a period (JST days, inclusive), newest first; `truncated` past the server's limit. */
export function listAudit(filters: AuditFilters, signal?: AbortSignal) {
  return callRoute(routes['audit.list'], { query: { ...filters }, ...(signal ? { signal } : {}) });
}

/** GET /api/audit?format=csv: the same entries as a CSV file (UTF-8 with BOM). */
export function downloadAuditCsv(filters: AuditFilters) {
  return downloadRoute(routes['audit.list'], { query: { ...filters, format: 'csv' } });
}
