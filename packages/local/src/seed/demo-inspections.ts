import type { InspectionResult, InspectionStatus } from '@mcr/contract';
import type { Actor, InspectionRecord, Repositories } from '@mcr/data';
import type { DemoTenant } from './demo-data.ts';

interface DemoInspection {
  id: string;
  facilityId: string;
  date: string;
  status: InspectionStatus;
  result?: InspectionResult;
  findings?: string;
  followUpDue?: string;
}

/**
 * 徳島保健所's 立入検査 of 令和8年度 (FY2026): a few done in the autumn, more planned for December 2026 and
 * January 2027, so that the inspector's calendar and the readiness panel have content around 2026-12-06.
 */
const TOKUSHIMA: DemoInspection[] = [
  {
    id: 'insp-demo-01',
    facilityId: 'f002',
    date: '2026-10-14',
    status: 'done',
    result: 'findings',
    findings: 'サーバ室の入退室記録が未整備。バックアップの復旧手順書がない。',
    followUpDue: '2027-01-29',
  },
  { id: 'insp-demo-02', facilityId: 'f004', date: '2026-11-11', status: 'done', result: 'no_findings', findings: 'チェックリストの全項目を確認。' },
  {
    id: 'insp-demo-03',
    facilityId: 'f001',
    date: '2026-11-25',
    status: 'done',
    result: 'improvement_required',
    findings: '退職者のアカウントが残存。2(4) の目標日を過ぎている。連絡体制図が古い。',
    followUpDue: '2026-12-25',
  },
  { id: 'insp-demo-04', facilityId: 'f041', date: '2026-12-02', status: 'done', result: 'no_findings', findings: '' },
  { id: 'insp-demo-05', facilityId: 'f008', date: '2026-12-03', status: 'cancelled', findings: '施設の都合により延期 (1月に再調整)。' },
  { id: 'insp-demo-06', facilityId: 'f005', date: '2026-12-10', status: 'planned' },
  { id: 'insp-demo-07', facilityId: 'f042', date: '2026-12-16', status: 'planned' },
  { id: 'insp-demo-08', facilityId: 'f014', date: '2026-12-23', status: 'planned' },
  { id: 'insp-demo-09', facilityId: 'f048', date: '2027-01-13', status: 'planned' },
  { id: 'insp-demo-10', facilityId: 'f012', date: '2027-01-20', status: 'planned' },
  { id: 'insp-demo-11', facilityId: 'f044', date: '2027-01-27', status: 'planned' },
];

const BY_TENANT: Record<string, DemoInspection[]> = { '36': TOKUSHIMA };

/** Writes the tenant's demo inspections through the same repository write as the API (audit entry included). */
export async function seedInspections(repos: Repositories, data: DemoTenant): Promise<void> {
  const inspector = data.users.find((u) => u.role === 'inspector');
  const facilities = new Map(data.facilities.map((f) => [f.id, f]));
  for (const d of BY_TENANT[data.tenant.tenantId] ?? []) {
    const f = facilities.get(d.facilityId);
    if (!f || !inspector) continue;
    const actor: Actor = { userId: 'seed', name: inspector.displayName, role: 'inspector', orgId: inspector.orgId, requestId: `seed-${d.id}` };
    const at = `${d.date < '2026-12-01' ? d.date : '2026-11-01'}T09:00:00.000Z`;
    const record: InspectionRecord = {
      id: d.id,
      facilityId: f.id,
      facilityName: f.name,
      healthCenterId: f.healthCenterId,
      healthCenterName: f.healthCenterName,
      date: d.date,
      status: d.status,
      result: d.result ?? null,
      findings: d.findings ?? '',
      followUpDue: d.followUpDue ?? null,
      version: 1,
      createdAt: at,
      createdBy: 'seed',
      updatedAt: at,
      updatedBy: 'seed',
      updatedByName: inspector.displayName,
    };
    await repos.inspections.create(record, actor);
  }
}
