import type { ErrorBody, FacilityInspectionsResponse, Inspection, ListInspectionsResponse, ReadinessResponse } from '@mcr/contract';
import { createDb, createRepositories, type InspectionRecord } from '@mcr/data';
import { getBuiltInTemplate, type Template, todayInJapan } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { currentYearPlans, DEMO_CURRENT_CAMPAIGN_ID } from '../../packages/local/src/seed/demo-campaigns.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { stackInfo } from '../support/stack-info.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';

const T36 = tokushima();
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
/** Facilities of their own in this file (徳島保健所), so that files do not disturb each other's versions. */
const own = T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima' && f.kind === 'clinic');
const [clinicA, clinicB, clinicC] = [own[10]!, own[11]!, own[12]!];
/** The current checklist is the demo's 令和8年度 campaign (packages/local/src/seed/demo-campaigns.ts). */
const CURRENT = DEMO_CURRENT_CAMPAIGN_ID;
/** A clinic that has not started its 令和8年度 checklist. */
const notStartedClinic = own.find((f) => currentYearPlans(T36).get(f.id) === 'not_started')!;
const otherHc = T36.facilities.find((f) => f.healthCenterId === 'hc-anan')!;
const today = todayInJapan();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const base = (facilityId: string) => `/api/facilities/${facilityId}/inspections`;

async function create(facilityId: string, body: Record<string, unknown>, as: string = USERS.inspector36) {
  return api<Inspection & ErrorBody>('POST', base(facilityId), { as, body });
}
const fieldsOf = (body: unknown) => (body as ErrorBody).error.fields?.map((f) => f.field) ?? [];

describe('recording inspections', () => {
  it('an inspector plans an inspection, records it as done, and the change is in the calendar, the history and the audit log', async () => {
    const planned = await create(clinicA.id, { date: inDays(5), status: 'planned' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toMatchObject({ facilityId: clinicA.id, healthCenterId: 'hc-tokushima', status: 'planned', result: null, version: 1 });

    const done = await api<Inspection>('PUT', `${base(clinicA.id)}/${planned.body.id}`, {
      as: USERS.inspector36,
      body: { date: today, status: 'done', result: 'findings', findings: '  ログの保管期間が未設定。  ', followUpDue: inDays(60), expectedVersion: 1 },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      date: today,
      status: 'done',
      result: 'findings',
      findings: 'ログの保管期間が未設定。',
      followUpDue: inDays(60),
      version: 2,
    });

    // The date is part of the key: the item moved, and exactly one copy is left.
    const history = await api<FacilityInspectionsResponse>('GET', base(clinicA.id), { as: USERS.pref36 });
    expect(history.body.items.filter((i) => i.id === planned.body.id)).toEqual([expect.objectContaining({ date: today, version: 2 })]);
    expect(history.body.checklist?.campaignId).toBe(CURRENT);

    const calendar = await api<ListInspectionsResponse>('GET', `/api/inspections?from=${today}&to=${inDays(10)}`, { as: USERS.inspector36 });
    expect(calendar.body.items.filter((i) => i.id === planned.body.id)).toHaveLength(1);
    const old = await api<ListInspectionsResponse>('GET', `/api/inspections?from=${inDays(5)}&to=${inDays(5)}`, { as: USERS.inspector36 });
    expect(old.body.items.some((i) => i.id === planned.body.id)).toBe(false);

    const audit = await api<{ items: { action: string; target: string; changes: Record<string, unknown> }[] }>('GET', `/api/audit?target=${planned.body.id}`, {
      as: USERS.pref36,
    });
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['inspection.create', 'inspection.update']);
    expect(audit.body.items.find((e) => e.action === 'inspection.update')?.changes).toMatchObject({ status: { from: 'planned', to: 'done' } });
  });

  it('refuses a stale version with 409, says the current version and keeps the newer record', async () => {
    const created = await create(clinicB.id, { date: inDays(20), status: 'planned' });
    const path = `${base(clinicB.id)}/${created.body.id}`;
    const first = await api<Inspection>('PUT', path, {
      as: USERS.inspector36,
      body: { date: inDays(21), status: 'planned', findings: 'first', expectedVersion: 1 },
    });
    expect(first.status).toBe(200);
    const stale = await api<ErrorBody>('PUT', path, {
      as: USERS.pref36,
      body: { date: inDays(22), status: 'cancelled', findings: 'stale', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const history = await api<FacilityInspectionsResponse>('GET', base(clinicB.id), { as: USERS.inspector36 });
    expect(history.body.items.find((i) => i.id === created.body.id)).toMatchObject({ date: inDays(21), findings: 'first', version: 2 });
  });

  it('answers 404 for an inspection that does not exist', async () => {
    const res = await api('PUT', `${base(clinicB.id)}/insp-nope`, { as: USERS.inspector36, body: { date: today, status: 'planned', expectedVersion: 1 } });
    expect(res.status).toBe(404);
  });
});

describe('who may see and change inspections', () => {
  it('an inspector cannot plan, edit or list for another 保健所; the prefecture can', async () => {
    expect((await create(otherHc.id, { date: inDays(3), status: 'planned' })).status).toBe(403);
    const byPref = await create(otherHc.id, { date: inDays(3), status: 'planned' }, USERS.pref36);
    expect(byPref.status).toBe(201);
    const edit = await api('PUT', `${base(otherHc.id)}/${byPref.body.id}`, {
      as: USERS.inspector36,
      body: { date: inDays(4), status: 'planned', expectedVersion: 1 },
    });
    expect(edit.status).toBe(403);
    expect((await api('GET', base(otherHc.id), { as: USERS.inspector36 })).status).toBe(403);
    expect((await api('GET', `/api/inspections?from=${today}&to=${inDays(30)}&healthCenterId=hc-anan`, { as: USERS.inspector36 })).status).toBe(403);

    const mine = await api<ListInspectionsResponse>('GET', `/api/inspections?from=${today}&to=${inDays(30)}`, { as: USERS.inspector36 });
    expect(mine.body.items.some((i) => i.id === byPref.body.id)).toBe(false);
    expect(mine.body.items.every((i) => i.healthCenterId === 'hc-tokushima')).toBe(true);
    const all = await api<ListInspectionsResponse>('GET', `/api/inspections?from=${today}&to=${inDays(30)}`, { as: USERS.pref36 });
    expect(all.body.items.some((i) => i.id === byPref.body.id)).toBe(true);
    const readiness = await api<ReadinessResponse>('GET', '/api/inspections/readiness', { as: USERS.inspector36 });
    expect(readiness.body.items.every((i) => i.inspection.healthCenterId === 'hc-tokushima')).toBe(true);
  });

  it('a facility reads its own inspections, read-only; vendors, the operator and other facilities are refused', async () => {
    const own = await api<FacilityInspectionsResponse>('GET', base('f001'), { as: USERS.hospitalStaff36 });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect((await create('f001', { date: inDays(3), status: 'planned' }, USERS.hospitalAdmin36)).status).toBe(403);
    const first = own.body.items[0]!;
    const edit = await api('PUT', `${base('f001')}/${first.id}`, {
      as: USERS.hospitalAdmin36,
      body: { date: first.date, status: first.status, result: first.result, expectedVersion: first.version },
    });
    expect(edit.status).toBe(403);
    expect((await api('GET', base('f001'), { as: USERS.clinic36 })).status).toBe(403);
    expect((await api('GET', `/api/inspections?from=${today}&to=${inDays(30)}`, { as: USERS.hospitalAdmin36 })).status).toBe(403);
    for (const as of [USERS.vendor36, USERS.operator]) {
      expect((await api('GET', `/api/inspections?from=${today}&to=${inDays(30)}`, { as })).status).toBe(403);
      expect((await api('GET', '/api/inspections/readiness', { as })).status).toBe(403);
      expect((await api('GET', base('f001'), { as })).status).toBe(403);
      expect((await create('f001', { date: inDays(3), status: 'planned' }, as)).status).toBe(403);
    }
  });
});

describe('bad input is a 4xx that names the field, never a 500', () => {
  it.each([
    ['an impossible date', { date: '2026-02-30', status: 'planned' }, 'body.date'],
    ['a date in another format', { date: '2026/12/24', status: 'planned' }, 'body.date'],
    ['an unknown status', { date: '2026-12-24', status: 'postponed' }, 'body.status'],
    ['an unknown result', { date: '2026-12-01', status: 'done', result: 'ok' }, 'body.result'],
    ['a done inspection without result', { date: '2026-12-01', status: 'done' }, 'body.result'],
    ['a result on a planned inspection', { date: '2026-12-24', status: 'planned', result: 'no_findings' }, 'body.result'],
    ['a done inspection in the future', { date: '2099-01-01', status: 'done', result: 'no_findings' }, 'body.date'],
    ['a follow-up before the inspection', { date: '2026-12-01', status: 'done', result: 'findings', followUpDue: '2026-11-30' }, 'body.followUpDue'],
    ['findings that are too long', { date: '2026-12-24', status: 'planned', findings: 'あ'.repeat(4001) }, 'body.findings'],
    ['a date out of range', { date: '1999-12-31', status: 'planned' }, 'body.date'],
    ['an unknown field', { date: '2026-12-24', status: 'planned', healthCenterId: 'hc-anan' }, 'body.healthCenterId'],
  ])('refuses %s', async (_label, body, field) => {
    const res = await create(clinicC.id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
    expect(res.body.error.fields?.find((f) => f.field === field)?.message.ja).toBeTruthy();
  });

  it('refuses an update without a version', async () => {
    const created = await create(clinicC.id, { date: inDays(40), status: 'planned' });
    const res = await api('PUT', `${base(clinicC.id)}/${created.body.id}`, { as: USERS.inspector36, body: { date: inDays(40), status: 'planned' } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('body.expectedVersion');
  });

  it.each([
    ['a missing range', '', 'query.from'],
    ['a reversed range', '?from=2027-01-31&to=2027-01-01', 'query.from'],
    ['a range longer than a year', '?from=2026-01-01&to=2027-03-31', 'query.to'],
    ['an impossible date', '?from=2026-02-30&to=2026-03-31', 'query.from'],
    ['a forged cursor', '?from=2026-04-01&to=2027-03-31&cursor=eyJ4Ijox', 'query.cursor'],
    [
      'a cursor naming another partition',
      `?from=2026-04-01&to=2027-03-31&cursor=${Buffer.from('[0,"T#37#FAC#k001","2026-12-01","x"]').toString('base64url')}`,
      'query.cursor',
    ],
  ])('the calendar refuses %s', async (_label, query, field) => {
    const res = await api('GET', `/api/inspections${query}`, { as: USERS.inspector36 });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });
});

describe('the calendar in pages', () => {
  it('returns every inspection of a busy 保健所 once, 200 at a time, through the cursor', async () => {
    const s = stackInfo();
    const repos = createRepositories(createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint }), { tenantId: '36' });
    const mima = T36.facilities.filter((f) => f.healthCenterId === 'hc-mima');
    const actor = { userId: 'test', name: 'テスト', role: 'pref_admin' as const, orgId: 'pref', requestId: `paging-${Date.now()}` };
    const at = new Date().toISOString();
    const created: string[] = [];
    for (let i = 0; i < 230; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => {
          const f = mima[(i + j) % mima.length]!;
          const r: InspectionRecord = {
            id: `insp-page-${i + j}`,
            facilityId: f.id,
            facilityName: f.name,
            healthCenterId: f.healthCenterId,
            healthCenterName: f.healthCenterName,
            date: `2027-06-${String(1 + ((i + j) % 28)).padStart(2, '0')}`,
            status: 'planned',
            result: null,
            findings: '',
            followUpDue: null,
            version: 1,
            createdAt: at,
            createdBy: 'test',
            updatedAt: at,
            updatedBy: 'test',
            updatedByName: 'テスト',
          };
          created.push(r.id);
          return repos.inspections.create(r, { ...actor, requestId: `${actor.requestId}-${i + j}` });
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/inspections?from=2027-06-01&to=2027-06-30${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api<ListInspectionsResponse>('GET', q, { as: USERS.pref36 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(200);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id.startsWith('insp-page-')).sort()).toEqual([...created].sort());
    // An inspector of 徳島保健所 sees none of them.
    const inspector = await api<ListInspectionsResponse>('GET', '/api/inspections?from=2027-06-01&to=2027-06-30', { as: USERS.inspector36 });
    expect(inspector.body.items.filter((i) => i.id.startsWith('insp-page-'))).toEqual([]);
  });
});

describe('readiness against the plan', () => {
  it('lists the facilities inspected in the next 30 days with what their checklist lacks', async () => {
    // A facility that has not started: every 1回目 is missing.
    const notStarted = await create(notStartedClinic.id, { date: inDays(7), status: 'planned' });
    expect(notStarted.status).toBe(201);
    // Outside the window, or not planned: not listed.
    const later = await create(notStartedClinic.id, { date: inDays(45), status: 'planned' });
    const cancelled = await create(notStartedClinic.id, { date: inDays(8), status: 'cancelled' });

    const res = await api<ReadinessResponse>('GET', '/api/inspections/readiness', { as: USERS.inspector36 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today, until: inDays(30) });
    const ids = res.body.items.map((i) => i.inspection.id);
    expect(ids).toContain(notStarted.body.id);
    expect(ids).not.toContain(later.body.id);
    expect(ids).not.toContain(cancelled.body.id);
    expect(res.body.items.every((i) => i.inspection.status === 'planned' && i.inspection.date >= today && i.inspection.date <= inDays(30))).toBe(true);
    const row = res.body.items.find((i) => i.inspection.id === notStarted.body.id)!;
    expect(row.atRisk).toBe(true);
    expect(row.checklist?.campaignId).toBe(CURRENT);
    expect(row.missingCount).toBeGreaterThan(0);
    expect(row.missing[0]).toMatchObject({ reason: 'unanswered' });
  });

  it('names the 目標日 that have passed', async () => {
    // Demo facilities answering 令和8年度 with いいえ have target dates in early December, already past.
    let overdue: { facilityId: string; evaluation: { overdue: number } } | undefined;
    for (const f of own.slice(15)) {
      const r = await api<{ evaluation: { overdue: number } }>('GET', `/api/campaigns/${CURRENT}/facilities/${f.id}/response`, {
        as: USERS.inspector36,
      });
      if (r.status === 200 && r.body.evaluation.overdue > 0) {
        overdue = { facilityId: f.id, evaluation: r.body.evaluation };
        break;
      }
    }
    expect(overdue, 'a demo facility with overdue target dates').toBeDefined();
    const created = await create(overdue!.facilityId, { date: inDays(12), status: 'planned' });
    const res = await api<ReadinessResponse>('GET', '/api/inspections/readiness', { as: USERS.inspector36 });
    const row = res.body.items.find((i) => i.inspection.id === created.body.id)!;
    expect(row.atRisk).toBe(true);
    expect(row.overdueCount).toBe(overdue!.evaluation.overdue);
    expect(row.overdue[0]!.targetDate < today).toBe(true);
    expect(row.overdue[0]!.daysOverdue).toBeGreaterThan(0);
  });

  it('a facility whose newest checklist is complete, with no target date passed, is ready', async () => {
    // The prefecture distributes the R7 form of 令和8年度 to the hospital; the hospital answers every item with はい.
    const campaign = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: '令和8年度 チェックリスト (立入検査テスト)' },
      fiscalYear: 2026,
      // After the demo's 令和8年度 campaign (opened 2026-10-01), so that this one is the newest.
      opensOn: '2026-11-01',
      deadline: '2027-03-31',
      target: { kind: 'facilities', ids: ['f001'] },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const campaignId = campaign.body.campaign.id;
    const path = `/api/campaigns/${campaignId}/facilities/f001/response`;
    const view = await api<{ version: number; context: { hasVendorContract: boolean } }>('GET', path, { as: USERS.hospitalAdmin36 });
    const saved = await api('PUT', `${path}/answers`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: view.body.version, changes: asChanges(completeAnswers(R7, view.body.context.hasVendorContract, '2026-06-10')) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const created = await create('f001', { date: inDays(14), status: 'planned' });
    const res = await api<ReadinessResponse>('GET', '/api/inspections/readiness', { as: USERS.inspector36 });
    const row = res.body.items.find((i) => i.inspection.id === created.body.id)!;
    expect(row.checklist?.campaignId).toBe(campaignId);
    expect(row).toMatchObject({ atRisk: false, missingCount: 0, overdueCount: 0 });
  });
});
