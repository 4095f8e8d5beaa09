import { randomBytes } from 'node:crypto';
import type { CreateIncidentBody, IncidentDetail, IncidentEntry, IncidentReport, LocalizedText, UpdateIncidentBody } from '@mcr/contract';
import { CARE_IMPACT_LABELS, INCIDENT_CONTACTED_LABELS, INCIDENT_TIMELINE_MAX } from '@mcr/contract';
import { type IncidentEntryRecord, type IncidentReportRecord, NotFoundError, type Repositories } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, HttpError, ValidationError } from '../pipeline/errors.ts';
import { initialResponseSteps } from './incident-steps.ts';

/**
 * Suspected-incident reports (issue 10 item 3, decision 0021): who may read and write a report, the refusals
 * naming the field, and the views. The facility is always the caller's own (from the verified identity).
 */

export const isFacilityUser = (identity: Identity) =>
  (identity.role === 'facility_admin' || identity.role === 'facility_member') && identity.orgKind === 'facility';

/** Whose side an author writes for. */
export function sideOf(identity: Identity): IncidentEntryRecord['side'] {
  if (identity.role === 'pref_admin') return 'prefecture';
  if (identity.role === 'inspector') return 'health_center';
  return 'facility';
}

/** May this caller read the report? The prefecture: any; a 保健所: its own facilities'; a facility: its own. */
export function canRead(identity: Identity, r: Pick<IncidentReportRecord, 'facilityId' | 'healthCenterId'>): boolean {
  if (identity.role === 'pref_admin') return true;
  if (identity.role === 'inspector') return !!identity.healthCenterId && identity.healthCenterId === r.healthCenterId;
  return isFacilityUser(identity) && identity.orgId === r.facilityId;
}

/** A report the caller may read, else 404 (whether it exists elsewhere is not told). */
export async function readableIncident(repos: Pick<Repositories, 'incidents'>, identity: Identity, incidentId: string): Promise<IncidentReportRecord> {
  const r = await repos.incidents.get(incidentId);
  if (!r || !canRead(identity, r)) throw new NotFoundError('incident');
  return r;
}

export function capabilities(identity: Identity, r: IncidentReportRecord): IncidentDetail['can'] {
  const open = r.status === 'open';
  const own = isFacilityUser(identity) && identity.orgId === r.facilityId;
  return {
    // 保健所 inspectors may write in the timeline of their facilities' reports (decision 0021), not close them.
    post: open && canRead(identity, r),
    close: open && (identity.role === 'pref_admin' || own),
    tick: open && own,
    edit: open && own,
  };
}

const CLOSED: LocalizedText = {
  ja: 'この報告は終了しています。新しい出来事は新しい報告として送ってください。',
  en: 'This report is closed. Report anything new as a new report.',
};
export function assertOpen(r: IncidentReportRecord): void {
  if (r.status !== 'open') throw new HttpError(409, 'LOCKED', CLOSED, [{ field: 'path.incidentId', code: 'closed', message: CLOSED }]);
}

export function assertTimelineRoom(r: IncidentReportRecord): void {
  if (r.entryCount >= INCIDENT_TIMELINE_MAX) {
    const message = {
      ja: `経過の書き込みは 1 件の報告につき ${INCIDENT_TIMELINE_MAX} 件までです。新しい報告を作成してください。`,
      en: `A report's timeline holds at most ${INCIDENT_TIMELINE_MAX} entries; start a new report.`,
    };
    throw new HttpError(409, 'LOCKED', message, [{ field: 'path.incidentId', code: 'timeline_full', message }]);
  }
}

export function assertVersion(r: IncidentReportRecord, expectedVersion: number): void {
  if (r.version !== expectedVersion) {
    const message = {
      ja: '他の人が先に報告を更新しました。最新の内容を確認してからもう一度操作してください。',
      en: 'Someone else changed the report first. Check the latest state and try again.',
    };
    throw new HttpError(409, 'VERSION_CONFLICT', message, [{ field: 'body.expectedVersion', code: 'stale', message }]);
  }
}

/** Checks the noticed time (not in the future, not older than a year) and the vendors (the facility's contracts). */
export async function checkReportFields(
  repos: Pick<Repositories, 'contracts'>,
  facilityId: string,
  body: Pick<CreateIncidentBody, 'vendorIds'> & { noticedAt?: string },
  now = new Date(),
): Promise<{ vendorId: string; vendorName: string }[]> {
  const errors: { field: string; code: string; message: LocalizedText }[] = [];
  if (body.noticedAt !== undefined) {
    const at = Date.parse(body.noticedAt);
    if (at > now.getTime() + 5 * 60_000) {
      errors.push({
        field: 'body.noticedAt',
        code: 'future',
        message: { ja: '気づいた日時に未来の日時は指定できません', en: 'The time noticed cannot be in the future' },
      });
    } else if (at < now.getTime() - 366 * 86_400_000) {
      errors.push({
        field: 'body.noticedAt',
        code: 'too_old',
        message: { ja: '気づいた日時は 1 年以内で指定してください', en: 'The time noticed must be within the last year' },
      });
    }
  }
  const contracts = new Map((await repos.contracts.listOfFacility(facilityId)).map((c) => [c.vendorId, c.vendorName]));
  const vendors: { vendorId: string; vendorName: string }[] = [];
  [...new Set(body.vendorIds)].forEach((id) => {
    const name = contracts.get(id);
    if (name === undefined) {
      errors.push({
        field: `body.vendorIds[${body.vendorIds.indexOf(id)}]`,
        code: 'not_contracted',
        message: { ja: 'この事業者は自施設の契約事業者ではありません', en: 'This vendor is not one of your contracted vendors' },
      });
    } else vendors.push({ vendorId: id, vendorName: name });
  });
  if (errors.length) throw new ValidationError(errors);
  return vendors;
}

export function newEntryId(at: string): string {
  return `${Date.parse(at).toString(36)}-${randomBytes(6).toString('hex')}`;
}

export function entryOf(
  identity: Identity,
  r: Pick<IncidentReportRecord, 'incidentId' | 'facilityId' | 'healthCenterId'>,
  at: string,
  fields: Pick<IncidentEntryRecord, 'kind' | 'text'> & Partial<Pick<IncidentEntryRecord, 'stepId' | 'done'>>,
): IncidentEntryRecord {
  return {
    incidentId: r.incidentId,
    facilityId: r.facilityId,
    healthCenterId: r.healthCenterId,
    entryId: newEntryId(at),
    at,
    kind: fields.kind,
    side: sideOf(identity),
    authorId: identity.userId,
    authorName: identity.displayName,
    authorOrg: identity.orgName,
    text: fields.text,
    stepId: fields.stepId ?? null,
    done: fields.done ?? null,
  };
}

/** A plain-language line (ja / en) of what an update changed, for the timeline. */
export function describeUpdate(before: IncidentReportRecord, body: UpdateIncidentBody, vendors: { vendorName: string }[]): string {
  const lines: string[] = [];
  if (before.careImpact !== body.careImpact) {
    lines.push(
      `診療への影響 / Care: ${CARE_IMPACT_LABELS[before.careImpact].ja} → ${CARE_IMPACT_LABELS[body.careImpact].ja} (${CARE_IMPACT_LABELS[body.careImpact].en})`,
    );
  }
  const added = body.contacted.filter((c) => !before.contacted.includes(c));
  if (added.length) lines.push(`連絡済み / Contacted: ${added.map((c) => INCIDENT_CONTACTED_LABELS[c].ja).join('、')}`);
  if (body.contactedOther !== before.contactedOther && body.contactedOther) lines.push(`その他の連絡先 / Other contacts: ${body.contactedOther}`);
  if (JSON.stringify(body.systems) !== JSON.stringify(before.systems)) lines.push(`影響のあるシステム / Systems: ${body.systems.join('、') || '—'}`);
  const names = vendors.map((v) => v.vendorName);
  if (JSON.stringify(names) !== JSON.stringify(before.vendors.map((v) => v.vendorName))) lines.push(`関係する事業者 / Vendors: ${names.join('、') || '—'}`);
  return lines.join('\n') || '報告内容を更新しました / Report updated';
}

export function toReport(r: IncidentReportRecord): IncidentReport {
  return {
    incidentId: r.incidentId,
    facilityId: r.facilityId,
    facilityName: r.facilityName,
    healthCenterId: r.healthCenterId,
    healthCenterName: r.healthCenterName,
    status: r.status,
    description: r.description,
    noticedAt: r.noticedAt,
    systems: r.systems,
    vendors: r.vendors,
    contacted: r.contacted,
    contactedOther: r.contactedOther,
    careImpact: r.careImpact,
    steps: r.steps ?? {},
    reportedBy: { name: r.reportedBy.name, role: r.reportedBy.role },
    reportedAt: r.reportedAt,
    lastEntryAt: r.lastEntryAt,
    entryCount: r.entryCount,
    closedAt: r.closedAt,
    closeReason: r.closeReason,
    version: r.version,
  };
}

export function toEntry(e: IncidentEntryRecord): IncidentEntry {
  return {
    entryId: e.entryId,
    at: e.at,
    kind: e.kind,
    side: e.side,
    authorName: e.authorName,
    authorOrg: e.authorOrg,
    text: e.text,
    stepId: e.stepId,
    done: e.done,
  };
}

/** The report as the caller sees it: with its timeline, the 初動対応 steps and what the caller may do. */
export async function detailOf(repos: Pick<Repositories, 'incidents'>, identity: Identity, r: IncidentReportRecord): Promise<IncidentDetail> {
  const timeline = await repos.incidents.timeline(r.incidentId);
  return { report: toReport(r), timeline: timeline.map(toEntry), steps: initialResponseSteps(), can: capabilities(identity, r) };
}

export function assertFacilityWriter(identity: Identity, r: IncidentReportRecord): void {
  if (!(isFacilityUser(identity) && identity.orgId === r.facilityId)) throw new ForbiddenError();
}
