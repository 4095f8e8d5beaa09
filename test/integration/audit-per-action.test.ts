import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AUDIT_ACTIONS, type Campaign, type RouteId, routeList } from '@mcr/contract';
import { type Actor, type AuditRecord, aggregateKeys, createDb, createRepositories, discrepancyIdOf, type ReconcileFinding } from '@mcr/data';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { kagawa, tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { type ApiResult, api, login, settle, USERS } from '../support/api.ts';
import { auditEntriesOf, closeAuditReader } from '../support/audit.ts';
import { createCampaign } from '../support/campaigns.ts';
import { stackInfo } from '../support/stack-info.ts';
import { testDb } from '../support/rows.ts';
import { asChanges, completeAnswers, nextVersionFile } from '../support/templates.ts';
import { completeVendorProfiles } from '../support/races.ts';
import { pdfBytes, TYPES, uploadFile } from '../support/uploads.ts';

/**
 * Audit per action (issue 12 item 5): every write route of the route table (`access: 'read-write'`) either has a
 * case here or is listed in NO_AUDIT with the reason it writes no entry. A case does the write through the API and
 * reads the entries the request wrote (found by its x-request-id in the audit partition): exactly one, with the
 * expected action, actor (user id, role, organisation), target and a description of the change. A stale or refused
 * write leaves none (test/integration/races.test.ts checks that the losers of every race wrote no entry).
 */
const T36 = tokushima();
const T37 = kagawa();
const hospital = T36.facilities.find((f) => f.id === 'f001')!;
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const contracted = new Set(T36.contracts.map((c) => c.facilityId));
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const VR7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
const AWA = 'v-awa-medical';
const awaFacility = T36.contracts.find((x) => x.vendorId === AWA && x.facilityId !== 'f001')!.facilityId;
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let seq = 0;
const unique = () => `${stamp}${++seq}`;
afterAll(() => closeAuditReader());

/** Write routes that write no audit entry, and why. A new write route must be added to CASES or here. */
const NO_AUDIT: Partial<Record<RouteId, string>> = {
  'uploads.create':
    'issues a presigned upload link and a pending upload record that expires; the file is audited when it is registered (document.create, evidence.create, training.attendance)',
  'notifications.markRead': "the reader's own read mark on a notice addressed to them; not a change to the tenant's data",
  'notifications.markAllRead': "the reader's own read marks; not a change to the tenant's data",
  'preferences.put': "the signed-in person's own mail language and kinds; mandatory kinds cannot be turned off (the record keeps its version and updatedAt)",
  'trainings.register':
    'a seat for a named participant; the registration record itself keeps who registered (registeredBy) and when, and the session counters follow it in the same transaction',
  'trainings.cancelRegistration': 'the registration record keeps its cancellation (status, updatedAt) and the promotion of the next waitlisted person',
};

/** What one write was expected to record. */
interface Measured {
  res: ApiResult<unknown>;
  as: string;
  action: string;
  target: string;
  /** The tenant whose audit partition holds the entry (36 unless said). */
  tenant?: string;
  /** More entries the same request writes, by action, after the first (a new tenant's administrators). */
  more?: string[];
  changes?: Record<string, unknown>;
  /** More checks of all the request's entries. */
  check?: (entries: AuditRecord[]) => void;
}

const lazy = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
};

async function campaignOf(ids: string[], templateId = R7.id): Promise<Campaign> {
  const created = await createCampaign(USERS.pref36, {
    templateId,
    title: { ja: `監査テスト ${unique()}` },
    fiscalYear: 2026,
    opensOn: '2026-06-01',
    deadline: '2026-12-25',
    target: { kind: 'facilities', ids },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.campaign;
}
/** Shared campaigns: each case uses its own facility of them, so the cases do not depend on each other's order. */
const campA = lazy(() => campaignOf([hospital.id, clinic.id]));
const campB = lazy(() => campaignOf([hospital.id, clinic.id]));
const responsePath = (c: Campaign, facilityId: string) => `/api/campaigns/${c.id}/facilities/${facilityId}/response`;
const versionOf = async (c: Campaign, facilityId: string) =>
  (await api<{ version: number }>('GET', responsePath(c, facilityId), { as: USERS.pref36 })).body.version;

/** Fills the facility's response completely and submits it; returns the version after the submission. */
async function submitted(c: Campaign, facilityId: string, as: string): Promise<number> {
  const filled = await api<{ version: number }>('PUT', `${responsePath(c, facilityId)}/answers`, {
    as,
    body: { expectedVersion: await versionOf(c, facilityId), changes: asChanges(completeAnswers(R7, contracted.has(facilityId), '2026-07-01')) },
  });
  expect(filled.status, JSON.stringify(filled.body)).toBe(200);
  const sub = await api<{ version: number }>('POST', `${responsePath(c, facilityId)}/submit`, { as, body: { expectedVersion: filled.body.version, round: 1 } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return sub.body.version;
}

const vendorCampaign = () => campaignOf([awaFacility], VR7.id);
const vendorBase = (c: Campaign) => `/api/campaigns/${c.id}/vendors/${AWA}`;
const profileVersion = async (c: Campaign, id: string) =>
  (await api<{ profiles: { id: string; version: number }[] }>('GET', `${vendorBase(c)}/response`, { as: USERS.vendor36 })).body.profiles.find(
    (p) => p.id === id,
  )?.version ?? 0;
const completeProfiles = (c: Campaign) => completeVendorProfiles(vendorBase(c), USERS.vendor36, asChanges(completeAnswers(VR7, true, '2026-07-01')), api);
async function vendorSubmitted(c: Campaign): Promise<number> {
  const v = await completeProfiles(c);
  const sub = await api<{ version: number }>('POST', `${vendorBase(c)}/submit`, { as: USERS.vendor36, body: { expectedVersion: v, round: 1 } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return sub.body.version;
}

const noticedAt = () => new Date(Date.now() - 30 * 60_000).toISOString();
const todayJst = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number, hour?: number) => {
  const day = new Date(Date.parse(`${todayJst()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return hour === undefined ? day : `${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;
};
async function incident(): Promise<{ incidentId: string; version: number; stepId: string }> {
  const res = await api<{ report: { incidentId: string; version: number }; steps: { id: string }[] }>('POST', '/api/incidents', {
    as: USERS.hospitalAdmin36,
    body: { description: `監査テストの報告 (${unique()})`, noticedAt: noticedAt(), systems: ['電子カルテ'], contacted: [], careImpact: 'none' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { incidentId: res.body.report.incidentId, version: res.body.report.version, stepId: res.body.steps[0]?.id as string };
}
const trainingBody = (over: Record<string, unknown> = {}) => ({
  kind: 'intro_inspection',
  title: `監査テスト研修 ${unique()}`,
  description: '監査の確認',
  mode: 'onsite',
  place: '徳島県庁',
  startsAt: inDays(20, 14),
  endsAt: inDays(20, 16),
  capacity: 5,
  registrationDeadline: inDays(10, 17),
  ...over,
});
async function training(): Promise<{ sessionId: string; version: number }> {
  const res = await api<{ sessionId: string; version: number }>('POST', '/api/trainings', { as: USERS.pref36, body: trainingBody() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function registration(sessionId: string): Promise<string> {
  const res = await api<{ registrationId: string }>('POST', `/api/trainings/${sessionId}/registrations`, {
    as: USERS.hospitalAdmin36,
    body: { participantName: `監査 ${unique()}` },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.registrationId;
}
/** A facility of 徳島保健所 for inspections, not one another file uses. */
const inspected = T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima' && f.kind === 'clinic')[22]!;
const ENTRY_KEYS = ['name', 'department', 'phone', 'afterHoursPhone', 'email', 'hours', 'url', 'note'] as const;
const entry = (c: Record<string, unknown>) => Object.fromEntries(ENTRY_KEYS.map((k) => [k, c[k] ?? '']));
const person = (name: string) => ({ name, title: '', phone: '088-622-0001', afterHoursPhone: '090-1234-5678', email: 'staff@hospital.example.jp' });
const chartBody = (expectedVersion: number) => ({
  expectedVersion,
  director: { ...person('監査 院長'), title: '院長' },
  securityOfficer: person('監査 責任者'),
  systemStaff: [person('監査 担当')],
  vendorOverrides: [],
  notes: `監査 ${unique()}`,
});
/** A vendor of tenant 37 of this run (tenant 36's vendor lists stay as other files expect them). */
async function vendor37(): Promise<string> {
  const res = await api<{ id: string }>('POST', '/api/vendors', {
    as: USERS.pref37,
    body: { name: `監査テスト株式会社 ${unique()}`, contactEmail: 'audit@example.jp' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const facility37 = T37.facilities[0]!;
async function invited37(): Promise<string> {
  const res = await api<{ userId: string }>('POST', '/api/users', {
    as: USERS.pref37,
    body: { email: `audit-${unique()}@kagawa.example.jp`, displayName: '監査 太郎', role: 'facility_member', orgId: facility37.id },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.userId;
}

/** A discrepancy of the demo hospital under a campaign id of its own, written as the re-check's reconcile writes it. */
async function discrepancy(): Promise<{ id: string; version: number }> {
  const campaignId = `audit-xc-${unique()}`;
  const finding: ReconcileFinding = {
    id: `${campaignId}#remote_maintenance#${AWA}#2-2`,
    rule: 'remote_maintenance',
    vendorId: AWA,
    vendorName: AWA,
    itemId: '2-2',
    itemNumber: '2(2)',
    itemText: { ja: '項目 2(2)', en: 'Item 2(2)' },
    detail: { facility: 'yes', documents: 0 },
  };
  const repos = createRepositories(testDb(), { tenantId: '36' });
  const { id, name, healthCenterId, kind, medicalAreaName, beds } = hospital;
  await repos.discrepancies.reconcile({ id, name, healthCenterId, kind, medicalAreaName, beds }, { id: campaignId, fiscalYear: 2026 }, [finding]);
  return { id: discrepancyIdOf(finding.id), version: (await repos.discrepancies.get(hospital.id, finding.id))?.version ?? 0 };
}

const CASES: Partial<Record<RouteId, () => Promise<Measured>>> = {
  'calendar.rotate': async () => {
    const res = await api('POST', `/api/facilities/${clinic.id}/calendar-feed`, { as: USERS.clinic36 });
    return { res, as: USERS.clinic36, action: 'calendar.rotate', target: `facility/${clinic.id}/calendar-feed` };
  },
  'discrepancies.explain': async () => {
    const d = await discrepancy();
    const res = await api('POST', `/api/facilities/${hospital.id}/discrepancies/${d.id}/explanations`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: d.version, text: '保守契約でリモート接続は停止済み' },
    });
    return {
      res,
      as: USERS.hospitalAdmin36,
      action: 'discrepancy.explain',
      target: expect.stringContaining(`facility/${hospital.id}/discrepancy/`) as unknown as string,
    };
  },
  'discrepancies.resolve': async () => {
    const d = await discrepancy();
    const res = await api('POST', `/api/facilities/${hospital.id}/discrepancies/${d.id}/resolve`, {
      as: USERS.pref36,
      body: { expectedVersion: d.version, text: '確認済み' },
    });
    return {
      res,
      as: USERS.pref36,
      action: 'discrepancy.resolve',
      target: expect.stringContaining(`facility/${hospital.id}/discrepancy/`) as unknown as string,
    };
  },
  'dashboard.verify': async () => {
    const c = await campA();
    await settle();
    // Damage one number, as a lost stream batch would; the repair is recorded.
    await testDb().doc.send(
      new UpdateCommand({
        TableName: testDb().tableName,
        Key: aggregateKeys.summary({ tenantId: '36' }, c.id, 'ALL'),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n:facilities' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const res = await api('POST', `/api/campaigns/${c.id}/read-models/verify`, { as: USERS.pref36, body: { repair: true } });
    // The repair landed with its entry: nothing is left to repair (the entry's transaction is checked below).
    const after = await api<{ differenceCount: number }>('POST', `/api/campaigns/${c.id}/read-models/verify`, { as: USERS.pref36, body: {} });
    expect(after.body.differenceCount).toBe(0);
    return {
      res,
      as: USERS.pref36,
      action: 'readModels.repair',
      target: `campaign/${c.id}`,
      changes: { differenceCount: 1, differences: [{ slice: 'ALL', part: 'summary', name: 'facilities', stored: 3, recounted: 2 }] },
    };
  },
  'responses.saveAnswers': async () => {
    const c = await campA();
    const res = await api('PUT', `${responsePath(c, hospital.id)}/answers`, {
      as: USERS.hospitalStaff36,
      body: {
        expectedVersion: await versionOf(c, hospital.id),
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }],
      },
    });
    return { res, as: USERS.hospitalStaff36, action: 'response.answers.save', target: `campaign/${c.id}/facility/${hospital.id}` };
  },
  'responses.submit': async () => {
    const c = await campA();
    const filled = await api<{ version: number }>('PUT', `${responsePath(c, clinic.id)}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: await versionOf(c, clinic.id), changes: asChanges(completeAnswers(R7, contracted.has(clinic.id), '2026-07-01')) },
    });
    const res = await api('POST', `${responsePath(c, clinic.id)}/submit`, { as: USERS.clinic36, body: { expectedVersion: filled.body.version, round: 1 } });
    return { res, as: USERS.clinic36, action: 'response.submit', target: `campaign/${c.id}/facility/${clinic.id}`, changes: { round: 1 } };
  },
  'responses.confirm': async () => {
    const c = await campB();
    const v = await submitted(c, hospital.id, USERS.hospitalAdmin36);
    const res = await api('POST', `${responsePath(c, hospital.id)}/confirm`, { as: USERS.pref36, body: { expectedVersion: v, message: '確認しました' } });
    return {
      res,
      as: USERS.pref36,
      action: 'response.confirm',
      target: `campaign/${c.id}/facility/${hospital.id}`,
      changes: { round: 1, message: '確認しました' },
    };
  },
  'responses.return': async () => {
    const c = await campB();
    const v = await submitted(c, clinic.id, USERS.clinic36);
    const res = await api('POST', `${responsePath(c, clinic.id)}/return`, {
      as: USERS.pref36,
      body: { expectedVersion: v, message: '2(2) を確認してください' },
    });
    return {
      res,
      as: USERS.pref36,
      action: 'response.return',
      target: `campaign/${c.id}/facility/${clinic.id}`,
      changes: { message: '2(2) を確認してください' },
    };
  },
  'campaigns.create': async () => {
    const res = await api<{ campaign: Campaign }>('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: {
        templateId: R7.id,
        title: { ja: `監査 作成 ${unique()}` },
        fiscalYear: 2026,
        opensOn: '2026-06-01',
        deadline: '2026-12-25',
        target: { kind: 'facilities', ids: [clinic.id] },
      },
    });
    return { res, as: USERS.pref36, action: 'campaign.create', target: `campaign/${res.body.campaign?.id}` };
  },
  'campaigns.retryCreation': async () => {
    const c = await campaignOf([clinic.id]);
    // A creation that failed, as a job that could not be dispatched leaves it.
    await testDb().doc.send(
      new UpdateCommand({
        TableName: testDb().tableName,
        Key: { PK: `T#36#CAMP#${c.id}`, SK: 'META' },
        UpdateExpression: 'SET creation.#s = :failed, creation.#p = :zero, creation.#e = :error',
        ExpressionAttributeNames: { '#s': 'status', '#p': 'processed', '#e': 'error' },
        ExpressionAttributeValues: { ':failed': 'failed', ':zero': 0, ':error': { code: 'dispatch_failed', message: { ja: '失敗', en: 'Failed' } } },
      }),
    );
    const res = await api<Campaign>('POST', `/api/campaigns/${c.id}/creation/retry`, { as: USERS.pref36 });
    return {
      res,
      as: USERS.pref36,
      action: 'campaign.creation.retry',
      target: `campaign/${c.id}`,
      changes: { from: 'failed', error: 'dispatch_failed', processed: 0, total: 1, previousJobId: expect.any(String), jobId: expect.any(String) },
      check: ([e]) => {
        const changes = e?.changes as { jobId?: string; previousJobId?: string } | undefined;
        expect(changes?.jobId).not.toBe(changes?.previousJobId);
      },
    };
  },
  'campaigns.updateDeadlines': async () => {
    const c = await campaignOf([clinic.id]);
    const res = await api('PUT', `/api/campaigns/${c.id}/deadlines`, {
      as: USERS.pref36,
      body: { expectedVersion: c.version, deadline: '2027-01-15', roundDeadlines: {} },
    });
    return { res, as: USERS.pref36, action: 'campaign.deadlines.update', target: `campaign/${c.id}`, changes: { to: { deadline: '2027-01-15' } } };
  },
  'campaigns.setStatus': async () => {
    const c = await campaignOf([clinic.id]);
    const res = await api('PUT', `/api/campaigns/${c.id}/status`, { as: USERS.pref36, body: { expectedVersion: c.version, status: 'closed' } });
    return { res, as: USERS.pref36, action: 'campaign.status.closed', target: `campaign/${c.id}`, changes: { from: 'open', to: 'closed' } };
  },
  'campaigns.extend': async () => {
    const c = await campaignOf([clinic.id]);
    const res = await api('PUT', `/api/campaigns/${c.id}/facilities/${clinic.id}/extension`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, extendedTo: '2027-02-12' },
    });
    return { res, as: USERS.pref36, action: 'campaign.extension.grant', target: `campaign/${c.id}/facility/${clinic.id}` };
  },
  'campaigns.removeExtension': async () => {
    const c = await campaignOf([clinic.id]);
    const path = `/api/campaigns/${c.id}/facilities/${clinic.id}/extension`;
    expect((await api('PUT', path, { as: USERS.pref36, body: { expectedVersion: 0, extendedTo: '2027-02-12' } })).status).toBe(200);
    const res = await api('DELETE', `${path}?expectedVersion=1`, { as: USERS.pref36 });
    return { res, as: USERS.pref36, action: 'campaign.extension.remove', target: `campaign/${c.id}/facility/${clinic.id}` };
  },
  'templates.upload': async () => {
    const id = `audit-r8-${unique()}`;
    const res = await api('POST', '/api/templates', { as: USERS.pref36, body: { fileName: `${id}.json`, content: JSON.stringify(nextVersionFile(id)) } });
    return { res, as: USERS.pref36, action: 'template.upload', target: `template/${id}` };
  },
  'exports.create': async () => {
    const c = await campA();
    const res = await api('POST', '/api/exports', {
      as: USERS.hospitalAdmin36,
      body: { kind: 'facility-official', campaignId: c.id, facilityId: hospital.id },
    });
    return {
      res,
      as: USERS.hospitalAdmin36,
      action: 'export.create',
      target: `campaign/${c.id}/facility/${hospital.id}`,
      changes: { kind: 'facility-official' },
    };
  },
  'facilities.import': async () => {
    // Tenant 37, new 医療機関コード each run: tenant 36's facility counts stay as the other files expect them. 60
    // facilities are 120 items: more than one transaction holds, so two parts, each with its own entry.
    const hc = T37.healthCenters[0]!;
    const base = Date.now() % 9_000_000;
    const codes = Array.from({ length: 60 }, (_, i) => `371${String(base + i).padStart(7, '0')}`);
    const res = await api('POST', '/api/facilities/import', {
      as: USERS.pref37,
      body: {
        rows: codes.map((code, i) => ({
          row: i + 2,
          name: `監査テスト診療所 ${unique()}`,
          kind: '診療所',
          beds: '0',
          healthCenter: hc.name,
          medicalArea: hc.medicalAreaName,
          medicalInstitutionCode: code,
          address: '',
          contactEmail: '',
        })),
      },
    });
    return {
      res,
      as: USERS.pref37,
      tenant: '37',
      action: 'facilities.import',
      more: ['facilities.import'],
      target: 'facilities',
      changes: { created: 60, updated: 0, part: 1, parts: 2 },
      check: (entries) => {
        const parts = entries.map((e) => e.changes as { part: number; parts: number; codes: string[] });
        expect(parts.map((p) => `${p.part}/${p.parts}`)).toEqual(['1/2', '2/2']);
        // Every code written is in exactly one part's entry.
        expect(parts.flatMap((p) => p.codes).sort()).toEqual([...codes].sort());
      },
    };
  },
  'vendors.create': async () => {
    const res = await api<{ id: string }>('POST', '/api/vendors', {
      as: USERS.pref37,
      body: { name: `監査テスト株式会社 ${unique()}`, contactEmail: 'audit@example.jp' },
    });
    return { res, as: USERS.pref37, tenant: '37', action: 'vendor.create', target: `vendor/${res.body.id}` };
  },
  'contracts.put': async () => {
    const v = await vendor37();
    const res = await api('PUT', `/api/facilities/${facility37.id}/contracts/${v}`, {
      as: USERS.pref37,
      body: { systems: ['電子カルテ'], remoteMaintenance: true },
    });
    return {
      res,
      as: USERS.pref37,
      tenant: '37',
      action: 'contract.put',
      target: `facility/${facility37.id}/vendor/${v}`,
      changes: { systems: ['電子カルテ'] },
    };
  },
  'contracts.delete': async () => {
    const v = await vendor37();
    const path = `/api/facilities/${facility37.id}/contracts/${v}`;
    expect((await api('PUT', path, { as: USERS.pref37, body: { systems: ['電子カルテ'], remoteMaintenance: false } })).status).toBe(200);
    const res = await api('DELETE', path, { as: USERS.pref37 });
    return {
      res,
      as: USERS.pref37,
      tenant: '37',
      action: 'contract.delete',
      target: `facility/${facility37.id}/vendor/${v}`,
      changes: { removed: { systems: ['電子カルテ'], remoteMaintenance: false } },
    };
  },
  'users.invite': async () => {
    const email = `audit-${unique()}@kagawa.example.jp`;
    const res = await api<{ userId: string }>('POST', '/api/users', {
      as: USERS.pref37,
      body: { email, displayName: '監査 花子', role: 'facility_member', orgId: facility37.id },
    });
    return {
      res,
      as: USERS.pref37,
      tenant: '37',
      action: 'user.invite',
      target: `user/${res.body.userId}`,
      changes: { email, role: 'facility_member', orgId: facility37.id },
    };
  },
  'users.update': async () => {
    const userId = await invited37();
    const res = await api('PATCH', `/api/users/${userId}`, { as: USERS.pref37, body: { status: 'disabled' } });
    return { res, as: USERS.pref37, tenant: '37', action: 'user.disable', target: `user/${userId}`, changes: { status: 'disabled' } };
  },
  'users.resendInvite': async () => {
    const userId = await invited37();
    const res = await api('POST', `/api/users/${userId}/invitation`, { as: USERS.pref37 });
    return { res, as: USERS.pref37, tenant: '37', action: 'user.resendInvite', target: `user/${userId}` };
  },
  'tenants.create': async () => {
    // A prefecture code no other file creates; a re-run against the same stack picks another.
    const free = ['40', '41', '42', '43', '44', '45', '46'];
    const tenantId = free[Math.floor(Math.random() * free.length)] as string;
    const res = await api('POST', '/api/tenants', {
      as: USERS.operator,
      body: { tenantId, name: '監査県', nameEn: 'Audit', admins: [{ email: `admin-${unique()}@pref.example.jp`, displayName: '監査 一郎' }] },
    });
    return { res, as: USERS.operator, tenant: tenantId, action: 'tenant.create', target: `tenant/${tenantId}`, more: ['user.invite'] };
  },
  'inspections.create': async () => {
    const res = await api<{ id: string }>('POST', `/api/facilities/${inspected.id}/inspections`, {
      as: USERS.inspector36,
      body: { date: inDays(40), status: 'planned' },
    });
    return { res, as: USERS.inspector36, action: 'inspection.create', target: expect.stringContaining(res.body.id) as unknown as string };
  },
  'inspections.update': async () => {
    const created = await api<{ id: string; version: number }>('POST', `/api/facilities/${inspected.id}/inspections`, {
      as: USERS.inspector36,
      body: { date: inDays(41), status: 'planned' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await api('PUT', `/api/facilities/${inspected.id}/inspections/${created.body.id}`, {
      as: USERS.pref36,
      body: { date: inDays(42), status: 'planned', expectedVersion: created.body.version },
    });
    return { res, as: USERS.pref36, action: 'inspection.update', target: expect.stringContaining(created.body.id) as unknown as string };
  },
  'vendorResponses.saveProfile': async () => {
    const c = await vendorCampaign();
    const id = `p${unique()}`;
    const res = await api('PUT', `${vendorBase(c)}/profiles/${id}`, {
      as: USERS.vendor36,
      body: { expectedVersion: 0, name: '追加', systems: [], changes: [] },
    });
    return { res, as: USERS.vendor36, action: 'vendorResponse.profile.create', target: expect.stringContaining(id) as unknown as string };
  },
  'vendorResponses.deleteProfile': async () => {
    const c = await vendorCampaign();
    const id = `p${unique()}`;
    expect(
      (await api('PUT', `${vendorBase(c)}/profiles/${id}`, { as: USERS.vendor36, body: { expectedVersion: 0, name: '追加', systems: [], changes: [] } }))
        .status,
    ).toBe(200);
    const res = await api('DELETE', `${vendorBase(c)}/profiles/${id}?expectedVersion=${await profileVersion(c, id)}`, { as: USERS.vendor36 });
    return { res, as: USERS.vendor36, action: 'vendorResponse.profile.delete', target: expect.stringContaining(id) as unknown as string };
  },
  'vendorResponses.saveFacility': async () => {
    const c = await vendorCampaign();
    const one = `${vendorBase(c)}/facilities/${awaFacility}`;
    const v = (await api<{ version: number }>('GET', one, { as: USERS.vendor36 })).body.version;
    const res = await api('PUT', one, {
      as: USERS.vendor36,
      body: { expectedVersion: v, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }] },
    });
    return { res, as: USERS.vendor36, action: 'vendorResponse.facility.save', target: expect.stringContaining(awaFacility) as unknown as string };
  },
  'vendorResponses.submit': async () => {
    const c = await vendorCampaign();
    const v = await completeProfiles(c);
    const res = await api('POST', `${vendorBase(c)}/submit`, { as: USERS.vendor36, body: { expectedVersion: v, round: 1 } });
    return { res, as: USERS.vendor36, action: 'vendorResponse.submit', target: expect.stringContaining(c.id) as unknown as string };
  },
  'vendorResponses.return': async () => {
    const c = await vendorCampaign();
    const v = await vendorSubmitted(c);
    const res = await api('POST', `${vendorBase(c)}/return`, { as: USERS.pref36, body: { expectedVersion: v, message: '根拠を追記してください' } });
    return { res, as: USERS.pref36, action: 'vendorResponse.return', target: expect.stringContaining(c.id) as unknown as string };
  },
  'vendorResponses.confirm': async () => {
    const c = await vendorCampaign();
    const v = await vendorSubmitted(c);
    const res = await api('POST', `${vendorBase(c)}/confirm`, { as: USERS.pref36, body: { expectedVersion: v, message: '' } });
    return { res, as: USERS.pref36, action: 'vendorResponse.confirm', target: expect.stringContaining(c.id) as unknown as string };
  },
  'documents.create': async () => {
    const uploadId = await uploadFile({ as: USERS.vendor36 }, 'vendor_document', { name: 'MDS.pdf', type: TYPES.pdf, bytes: pdfBytes('audit doc') });
    const res = await api<{ documentId: string; version: number }>('POST', `/api/vendors/${AWA}/documents`, {
      as: USERS.vendor36,
      body: {
        uploadId,
        kind: 'MDS',
        product: `監査製品 ${unique()}`,
        productVersion: '1.0',
        issuedOn: '2025-04-01',
        jahisFormatVersion: 'Ver.3.1',
        systems: ['電子カルテ'],
      },
    });
    return {
      res,
      as: USERS.vendor36,
      action: 'document.create',
      target: `vendor/${AWA}/document/${res.body.documentId}/version/${res.body.version}`,
      changes: { uploadId },
    };
  },
  'evidence.create': async () => {
    const c = await campA();
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: '証跡.pdf', type: TYPES.pdf, bytes: pdfBytes('audit evidence') });
    const res = await api('POST', `/api/campaigns/${c.id}/facilities/${hospital.id}/evidence`, {
      as: USERS.hospitalAdmin36,
      body: { uploadId, cell: '2-4:server' },
    });
    return { res, as: USERS.hospitalAdmin36, action: 'evidence.create', target: expect.stringContaining(hospital.id) as unknown as string };
  },
  'evidence.remove': async () => {
    const c = await campA();
    const path = `/api/campaigns/${c.id}/facilities/${hospital.id}/evidence`;
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: '証跡.pdf', type: TYPES.pdf, bytes: pdfBytes('audit evidence 2') });
    const created = await api<{ evidenceId: string }>('POST', path, { as: USERS.hospitalAdmin36, body: { uploadId, cell: '2-4:server' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await api('DELETE', `${path}/${created.body.evidenceId}`, { as: USERS.hospitalStaff36 });
    return { res, as: USERS.hospitalStaff36, action: 'evidence.remove', target: expect.stringContaining(created.body.evidenceId) as unknown as string };
  },
  'trainings.create': async () => {
    const res = await api<{ sessionId: string }>('POST', '/api/trainings', { as: USERS.pref36, body: trainingBody() });
    return { res, as: USERS.pref36, action: 'training.create', target: `training/${res.body.sessionId}` };
  },
  'trainings.update': async () => {
    const s = await training();
    const res = await api('PUT', `/api/trainings/${s.sessionId}`, { as: USERS.pref36, body: { ...trainingBody({ capacity: 9 }), expectedVersion: s.version } });
    return { res, as: USERS.pref36, action: 'training.update', target: `training/${s.sessionId}`, changes: { capacity: 9 } };
  },
  'trainings.cancel': async () => {
    const s = await training();
    const res = await api('POST', `/api/trainings/${s.sessionId}/cancel`, { as: USERS.pref36, body: { expectedVersion: s.version } });
    return { res, as: USERS.pref36, action: 'training.cancel', target: `training/${s.sessionId}`, changes: { status: 'cancelled' } };
  },
  'trainings.attendance': async () => {
    const s = await training();
    const registrationId = await registration(s.sessionId);
    const res = await api('POST', `/api/trainings/${s.sessionId}/attendance`, { as: USERS.pref36, body: { items: [{ registrationId, attended: true }] } });
    return { res, as: USERS.pref36, action: 'training.attendance', target: expect.stringContaining(s.sessionId) as unknown as string };
  },
  'trainings.attendanceImport': async () => {
    const s = await training();
    const registrationId = await registration(s.sessionId);
    const csv = Buffer.from(`申込ID,出欠\r\n${registrationId},出席\r\n`, 'utf8');
    const uploadId = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: 'sign-in.csv', type: 'text/csv', bytes: csv });
    const res = await api('POST', `/api/trainings/${s.sessionId}/attendance/import`, { as: USERS.pref36, body: { uploadId, dryRun: false } });
    return { res, as: USERS.pref36, action: 'training.attendance', target: expect.stringContaining(s.sessionId) as unknown as string };
  },
  'reminderSettings.put': async () => {
    type Settings = { daysBefore: number[]; onTheDay: boolean; overdueEveryDays: number; overdueForDays: number; version: number };
    const cur = (await api<Settings>('GET', '/api/reminder-settings', { as: USERS.pref37 })).body;
    const { daysBefore, onTheDay, overdueEveryDays, overdueForDays } = cur;
    const res = await api('PUT', '/api/reminder-settings', {
      as: USERS.pref37,
      body: { daysBefore, onTheDay, overdueEveryDays, overdueForDays, expectedVersion: cur.version },
    });
    return { res, as: USERS.pref37, tenant: '37', action: 'reminders.settings', target: expect.any(String) as unknown as string };
  },
  'incidents.create': async () => {
    const res = await api<{ report: { incidentId: string } }>('POST', '/api/incidents', {
      as: USERS.hospitalStaff36,
      body: { description: `監査テストの報告 (${unique()})`, noticedAt: noticedAt(), systems: [], contacted: [], careImpact: 'none' },
    });
    return { res, as: USERS.hospitalStaff36, action: 'incident.report', target: `incident/${res.body.report?.incidentId}` };
  },
  'incidents.update': async () => {
    const i = await incident();
    const res = await api('PUT', `/api/incidents/${i.incidentId}`, {
      as: USERS.hospitalAdmin36,
      body: { systems: ['電子カルテ'], vendorIds: [], contacted: [], contactedOther: '', careImpact: 'partial', expectedVersion: i.version },
    });
    return { res, as: USERS.hospitalAdmin36, action: 'incident.update', target: `incident/${i.incidentId}` };
  },
  'incidents.post': async () => {
    const i = await incident();
    const res = await api('POST', `/api/incidents/${i.incidentId}/entries`, { as: USERS.inspector36, body: { text: '状況を教えてください' } });
    return { res, as: USERS.inspector36, action: 'incident.post', target: `incident/${i.incidentId}` };
  },
  'incidents.tick': async () => {
    const i = await incident();
    const res = await api('PUT', `/api/incidents/${i.incidentId}/steps/${i.stepId}`, { as: USERS.hospitalStaff36, body: { done: true } });
    return { res, as: USERS.hospitalStaff36, action: 'incident.step', target: `incident/${i.incidentId}`, changes: { stepId: i.stepId, done: true } };
  },
  'incidents.close': async () => {
    const i = await incident();
    const res = await api('POST', `/api/incidents/${i.incidentId}/close`, { as: USERS.pref36, body: { reason: '', expectedVersion: i.version } });
    return { res, as: USERS.pref36, action: 'incident.close', target: `incident/${i.incidentId}` };
  },
  'contactCharts.save': async () => {
    const v = (await api<{ chart: null | { version: number } }>('GET', '/api/contact-chart', { as: USERS.hospitalAdmin36 })).body.chart?.version ?? 0;
    const res = await api('PUT', '/api/contact-chart', { as: USERS.hospitalAdmin36, body: chartBody(v) });
    return { res, as: USERS.hospitalAdmin36, action: 'contactChart.save', target: `facility/${hospital.id}/contact-chart` };
  },
  'contactCharts.confirm': async () => {
    const v = (await api<{ chart: null | { version: number } }>('GET', '/api/contact-chart', { as: USERS.hospitalAdmin36 })).body.chart?.version ?? 0;
    const saved = await api<{ chart: { version: number } }>('PUT', '/api/contact-chart', { as: USERS.hospitalAdmin36, body: chartBody(v) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const res = await api('POST', '/api/contact-chart/confirm', { as: USERS.hospitalStaff36, body: { expectedVersion: saved.body.chart.version } });
    return { res, as: USERS.hospitalStaff36, action: 'contactChart.confirm', target: `facility/${hospital.id}/contact-chart` };
  },
  'contactCharts.outsidePut': async () => {
    const cur = (await api<Record<string, unknown> & { version: number }>('GET', '/api/outside-contacts', { as: USERS.pref37 })).body;
    const res = await api('PUT', '/api/outside-contacts', {
      as: USERS.pref37,
      body: {
        expectedVersion: cur.version,
        prefecture: { ...entry(cur.prefecture as Record<string, unknown>), note: `監査 ${unique()}` },
        police: entry(cur.police as Record<string, unknown>),
        mhlw: entry(cur.mhlw as Record<string, unknown>),
        healthCenters: (cur.healthCenters as (Record<string, unknown> & { healthCenterId: string })[]).map((h) => ({
          ...entry(h),
          healthCenterId: h.healthCenterId,
        })),
        desks: (cur.desks as Record<string, unknown>[]).map(entry),
      },
    });
    return { res, as: USERS.pref37, tenant: '37', action: 'outsideContacts.put', target: 'settings/outside-contacts' };
  },
  'contactCharts.vendorContactPut': async () => {
    const path = '/api/vendors/v-shikoku-it/incident-contact';
    const cur = (await api<Record<string, unknown> & { version: number }>('GET', path, { as: USERS.vendor2_36 })).body;
    const res = await api('PUT', path, { as: USERS.vendor2_36, body: { ...entry(cur), note: `監査 ${unique()}`, expectedVersion: cur.version } });
    return { res, as: USERS.vendor2_36, action: 'vendor.incidentContact', target: expect.stringContaining('v-shikoku-it') as unknown as string };
  },
};

describe('audit per action', () => {
  const writeRoutes = routeList.filter((r) => r.access === 'read-write').map((r) => r.id);

  it('has a case or a stated reason for every write route of the route table, and nothing else', () => {
    const covered = [...Object.keys(CASES), ...Object.keys(NO_AUDIT)].sort();
    expect(covered).toEqual([...writeRoutes].sort());
    for (const id of Object.keys(CASES)) expect(NO_AUDIT[id as RouteId], id).toBeUndefined();
    for (const reason of Object.values(NO_AUDIT)) expect(reason.length).toBeGreaterThan(20);
  });

  it.each(Object.keys(CASES))('%s leaves exactly one entry: action, actor, target and the change', async (id) => {
    const since = new Date().toISOString();
    const m = await (CASES[id as RouteId] as () => Promise<Measured>)();
    expect(m.res.status, JSON.stringify(m.res.body)).toBeGreaterThanOrEqual(200);
    expect(m.res.status, JSON.stringify(m.res.body)).toBeLessThan(300);
    const entries = await auditEntriesOf(m.res.headers.get('x-request-id'), since, m.tenant ?? '36');
    expect(entries.map((e) => e.action)).toEqual([m.action, ...(m.more ?? [])]);
    // Every action written is one the 操作履歴 page has a name for (test/unit/frontend/audit-action-labels.test.ts).
    for (const e of entries) expect(AUDIT_ACTIONS, e.action).toContain(e.action);
    const [e] = entries;
    const who = login(m.as);
    expect(e?.actor).toMatchObject({ userId: who.userId, role: who.role, requestId: m.res.headers.get('x-request-id') });
    expect(e?.actor.name).toEqual(expect.any(String));
    expect(e?.target).toEqual(m.target);
    expect(e?.changes, 'a description of the change').toBeTruthy();
    expect(Object.keys(e?.changes as object).length, 'a description of the change').toBeGreaterThan(0);
    if (m.changes) expect(e?.changes).toMatchObject(m.changes);
    m.check?.(entries);
  });

  it('a repair of the read models writes its entry in its first transaction, with the items it rewrites, and nothing outside transactions', async () => {
    // Prepare: a campaign of its own, one number damaged and 150 items of slices that do not exist (more than one
    // transaction of 100 can hold), through a table client whose writes are recorded.
    const c = await campaignOf([hospital.id]);
    await settle();
    const scope = { tenantId: '36' };
    await testDb().doc.send(
      new UpdateCommand({
        TableName: testDb().tableName,
        Key: aggregateKeys.summary(scope, c.id, 'ALL'),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n:facilities' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    for (let i = 0; i < 150; i++) {
      const slice = `ZZ#${String(i).padStart(3, '0')}`;
      await testDb().doc.send(
        new PutCommand({
          TableName: testDb().tableName,
          Item: { ...aggregateKeys.summary(scope, c.id, slice), type: 'SliceSummary', slice, 'n:facilities': 1 },
        }),
      );
    }
    const s = stackInfo();
    const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
    const writes: { command: string; input: Record<string, unknown> }[] = [];
    db.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (!/^(Get|BatchGet|Query|Scan)/.test(context.commandName ?? ''))
          writes.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: 'recordWrites' },
    );
    const who = login(USERS.pref36);
    const actor: Actor = { userId: who.userId, name: '監査テスト', role: 'pref_admin', orgId: 'pref', requestId: `repair-${unique()}` };
    const since = new Date().toISOString();
    // Act
    const result = await createRepositories(db, scope).readModels.recount(c.id, R7, { repair: true }, actor);
    db.doc.destroy();
    // Assess: 151 items in two transactions, the entry in the first; no write outside a transaction.
    expect(result).toMatchObject({ repaired: true, differenceCount: 151 });
    expect(writes.map((w) => w.command)).toEqual(['TransactWriteItemsCommand', 'TransactWriteItemsCommand']);
    const typesOf = (w: { input: Record<string, unknown> }) =>
      (w.input.TransactItems as { Put?: { Item: { type: unknown } } }[]).map((t) => {
        const type = t.Put?.Item.type;
        return typeof type === 'object' && type !== null ? (type as { S: string }).S : type;
      });
    const [first, second] = writes.map(typesOf);
    expect(first?.[0]).toBe('Audit');
    expect(first?.length).toBe(100);
    expect(first?.slice(1).every((t) => t === 'SliceSummary')).toBe(true);
    expect(second).toEqual(Array.from({ length: 52 }, () => 'SliceSummary'));
    const entries = await auditEntriesOf(actor.requestId, since);
    expect(entries.map((e) => e.action)).toEqual(['readModels.repair']);
    expect(entries[0]?.changes).toMatchObject({ differenceCount: 151 });
    expect((await createRepositories(testDb(), scope).readModels.recount(c.id, R7, { repair: false })).differenceCount).toBe(0);
  });
});
