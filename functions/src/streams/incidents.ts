import { FACILITY_ROLES, type NotificationKind } from '@mcr/contract';
import {
  applyIncidentCountDeltas,
  type Db,
  type IncidentEntryRecord,
  type IncidentReportRecord,
  incidentCountContribution,
  incidentRepositories,
  type MembershipRecord,
  organisationRepositories,
  repositoriesOf,
  type TenantScope,
} from '@mcr/data';
import { incidentEntryMessage, incidentReportedMessage } from '../services/incident-mails.ts';
import type { NotificationMessage } from '../services/notification-mails.ts';
import { type DeliveryResult, deliverEvents } from '../services/outbox.ts';

/**
 * The suspected-incident part of the stream consumer (issue 10, decision 0021):
 *  - the open/closed counter of the dashboard (deltas of the report items, merged per tenant and applied once per
 *    batch with the batch's token, as the facility counts are);
 *  - the notices: a new report → every active prefecture administrator and the facility's 保健所 inspectors
 *    (mandatory kind `incident_reported`); a message or a closing in the timeline → the other side (optional kind
 *    `incident_update`), never the author. Through the outbox: once per (event, recipient), after the batch's
 *    own writes, never failing the batch for a mail.
 */
type Item = Record<string, unknown>;

export const INCIDENT_ITEM_TYPES = ['IncidentReport', 'IncidentEntry'] as const;

const isReport = (i: Item | null): i is Item => i?.type === 'IncidentReport' && i.SK === 'META';
const isEntry = (i: Item | null): i is Item => i?.type === 'IncidentEntry' && String(i.SK ?? '').startsWith('TL#');

export type IncidentCountDeltas = Map<string, { scope: TenantScope; delta: Record<string, number> }>;

export function collectIncidentCounts(into: IncidentCountDeltas, scope: TenantScope, before: Item | null, after: Item | null): void {
  if (!isReport(before) && !isReport(after)) return;
  const entry = into.get(scope.tenantId) ?? { scope, delta: {} };
  for (const [k, v] of Object.entries(incidentCountContribution(isReport(after) ? after : null))) entry.delta[k] = (entry.delta[k] ?? 0) + v;
  for (const [k, v] of Object.entries(incidentCountContribution(isReport(before) ? before : null))) entry.delta[k] = (entry.delta[k] ?? 0) - v;
  into.set(scope.tenantId, entry);
}

export async function applyIncidentCounts(db: Db, into: IncidentCountDeltas, batchId: string): Promise<number> {
  let n = 0;
  for (const e of into.values()) {
    await applyIncidentCountDeltas(db, e.scope, e.delta, batchId);
    n++;
  }
  return n;
}

export type PendingIncidentNotice =
  | { what: 'reported'; scope: TenantScope; eventId: string; report: IncidentReportRecord }
  | { what: 'entry'; scope: TenantScope; eventId: string; entry: IncidentEntryRecord };

/** Notes what one record asks to notify (pure: no reads). */
export function collectIncidentNotices(into: PendingIncidentNotice[], scope: TenantScope, before: Item | null, after: Item | null): void {
  if (isReport(after) && !before) {
    const report = after as unknown as IncidentReportRecord;
    into.push({ what: 'reported', scope, eventId: `incident:${report.incidentId}:reported`, report });
    return;
  }
  if (isEntry(after) && !before) {
    const entry = after as unknown as IncidentEntryRecord;
    if (entry.kind === 'message' || entry.kind === 'closed') {
      into.push({ what: 'entry', scope, eventId: `incident:${entry.incidentId}:entry:${entry.entryId}`, entry });
    }
  }
}

/** The prefecture's side of a report: active prefecture administrators and the facility's 保健所 inspectors. */
async function authorities(db: Db, scope: TenantScope, healthCenterId: string): Promise<{ pref: MembershipRecord[]; hc: MembershipRecord[] }> {
  const repos = repositoriesOf(db, scope, organisationRepositories);
  const [pref, hc] = await Promise.all([repos.memberships.list('pref'), repos.memberships.list(healthCenterId)]);
  return {
    pref: pref.filter((m) => m.role === 'pref_admin' && m.status === 'active'),
    hc: hc.filter((m) => m.role === 'inspector' && m.status === 'active' && m.healthCenterId === healthCenterId),
  };
}

async function facilityPeople(db: Db, scope: TenantScope, facilityId: string): Promise<MembershipRecord[]> {
  const all = await repositoriesOf(db, scope, organisationRepositories).memberships.list(facilityId);
  return all.filter((m) => m.orgId === facilityId && (FACILITY_ROLES as readonly string[]).includes(m.role) && m.status === 'active');
}

interface Resolved {
  kind: NotificationKind;
  recipients: MembershipRecord[];
  content: NotificationMessage;
}

async function resolve(db: Db, p: PendingIncidentNotice): Promise<Resolved | null> {
  if (p.what === 'reported') {
    const r = p.report;
    const { pref, hc } = await authorities(db, p.scope, r.healthCenterId);
    return {
      kind: 'incident_reported',
      recipients: [...pref, ...hc],
      content: incidentReportedMessage({
        incidentId: r.incidentId,
        facilityName: r.facilityName,
        healthCenterName: r.healthCenterName,
        noticedAt: r.noticedAt,
        careImpact: r.careImpact,
        contacted: r.contacted ?? [],
        reporterName: r.reportedBy?.name ?? '',
      }),
    };
  }
  const e = p.entry;
  const report = await repositoriesOf(db, p.scope, incidentRepositories).incidents.get(e.incidentId);
  if (!report) return null;
  let recipients: MembershipRecord[];
  if (e.side === 'facility') {
    const { pref, hc } = await authorities(db, p.scope, report.healthCenterId);
    recipients = [...pref, ...hc];
  } else {
    const [people, { pref, hc }] = await Promise.all([facilityPeople(db, p.scope, report.facilityId), authorities(db, p.scope, report.healthCenterId)]);
    // The facility, and the other authority (the prefecture when a 保健所 writes, the 保健所 when the prefecture does).
    recipients = [...people, ...(e.side === 'prefecture' ? hc : pref)];
  }
  return {
    kind: 'incident_update',
    recipients: recipients.filter((m) => m.userId !== e.authorId),
    content: incidentEntryMessage({
      incidentId: e.incidentId,
      facilityName: report.facilityName,
      authorName: e.authorName,
      authorOrg: e.authorOrg,
      kind: e.kind === 'closed' ? 'closed' : 'message',
    }),
  };
}

export type IncidentNoticesResult = DeliveryResult;

/** Resolves the noted events and hands them to the outbox; a failed mail is logged, never thrown. */
export function deliverIncidentNotices(db: Db, pending: readonly PendingIncidentNotice[], now?: Date): Promise<IncidentNoticesResult | null> {
  return deliverEvents(db, pending, (p) => resolve(db, p), 'incident notice mail failed', now);
}
