import {
  type AuditLogResponse,
  type Campaign,
  type Contract,
  type CreateCampaignResponse,
  type ExportJob,
  type Facility,
  type FacilityImportPreview,
  type ListTenantsResponse,
  type ResponseView,
  type RouteId,
  routeList,
  type TemplateView,
  type User,
  type Vendor,
} from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { kagawa, tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { api, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { createRowsCampaign, syntheticRow, testDb } from '../support/rows.ts';
import { asChanges, completeAnswers, nextVersionFile } from '../support/templates.ts';
import { type Attempt, type IsolationCase, preparedCase } from '../support/isolation.ts';
import { CAMPAIGN_LIFECYCLE_CASES } from './isolation-cases/campaign-lifecycle.ts'; // campaign-lifecycle
import { CROSS_CHECK_CASES } from './isolation-cases/cross-checks.ts';
import { CONTACT_CHART_CASES } from './isolation-cases/contact-charts.ts'; // contact-charts
import { FILE_CASES } from './isolation-cases/files.ts';
import { INCIDENT_CASES } from './isolation-cases/incidents.ts'; // incidents
import { NOTIFICATION_CASES } from './isolation-cases/notifications.ts';
import { TRAINING_CASES } from './isolation-cases/trainings.ts';
import { VENDOR_CASES } from './isolation-cases/vendors.ts';

/**
 * Walks the route table: for every route, a positive control succeeds, and the same request from another
 * tenant, and from another organisation of the same tenant, is refused or returns nothing of the victim.
 * A route without a case here fails the suite.
 */
const T36 = tokushima();
const T37 = kagawa();
const hospital = T36.facilities[0]!;
const otherHcFacility = T36.facilities.find((f) => f.healthCenterId !== 'hc-tokushima')!;
const campaign = T36.campaign.id;
const ROWS_CAMPAIGN = `iso-rows-${Date.now().toString(36)}`;
const ownIds36 = new Set(T36.facilities.map((f) => f.id));
const inspectorsFacilities = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));

/** Everything a caller might try in order to name another tenant or organisation itself. */
const SMUGGLED_HEADERS = { 'x-tenant-id': '37', 'x-org-id': 'k001', 'x-role': 'pref_admin' };
const SMUGGLED_QUERY = 'tenantId=37&orgId=k001&role=pref_admin';

const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const UPLOADED_36 = `pref36-r8-${Date.now()}`;
const responsePath = (facilityId: string, campaignId = campaign) => `/api/campaigns/${campaignId}/facilities/${facilityId}/response`;
const currentVersion = async (as: string, path: string) => (await api<{ version: number }>('GET', path, { as })).body.version;
const uploadBody = (id: string) => ({ fileName: `${id}.json`, content: JSON.stringify(nextVersionFile(id), null, 2) });
const campaignBody = (ids: string[]) => ({
  templateId: 'mhlw-facility-r7',
  title: { ja: '令和7年度 チェックリスト (分離テスト)' },
  fiscalYear: 2025,
  opensOn: '2025-06-01',
  deadline: '2026-03-31',
  target: { kind: 'facilities', ids },
});
/** A campaign of tenant 36 made for one case only, so that what the case writes disturbs no other case. */
const ownCampaign = async (ids: string[]) => {
  const created = await createCampaign(USERS.pref36, campaignBody(ids));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.campaign.id;
};
/** The hospital answers every cell of its response in `campaignId` (only a complete response can be submitted). */
const completeHospital = async (campaignId: string) => {
  const path = responsePath(hospital.id, campaignId);
  const res = await api('PUT', `${path}/answers`, {
    as: USERS.hospitalAdmin36,
    body: { expectedVersion: await currentVersion(USERS.hospitalAdmin36, path), changes: asChanges(completeAnswers(R7, true)) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const submitHospital = async (campaignId: string) => {
  const path = responsePath(hospital.id, campaignId);
  const res = await api('POST', `${path}/submit`, {
    as: USERS.hospitalAdmin36,
    body: { expectedVersion: await currentVersion(USERS.hospitalAdmin36, path), round: 1 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
/** The hospital's response in a campaign of its own, answered and submitted: ready to be returned or confirmed. */
const submittedResponse = async () => {
  const campaignId = await ownCampaign([hospital.id]);
  await completeHospital(campaignId);
  await submitHospital(campaignId);
  return campaignId;
};

// Whole ids only: a request id (UUID) has segments like `f905` between hyphens that are not facility ids.
const IDS_36 = /(?<![\w-])(f\d{3}|hc-(tokushima|anan|mima)|v-(awa-medical|shikoku-it|naruto-soft|yoshino-net|dental-cloud|pacs-japan))(?![\w-])/g;
/** Any id of tenant 36 (facility, 保健所, vendor) anywhere in a body. */
const ids36 = (body: unknown) => JSON.stringify(body).match(IDS_36) ?? [];
const HC_36 = ['hc-anan', 'hc-mima', 'hc-tokushima'];
const ids37 = new Set([...T37.facilities.map((f) => f.id), ...T37.healthCenters.map((h) => h.id), ...T37.vendors.map((v) => v.id)]);
const clinicId = T36.facilities.find((f) => f.kind === 'clinic')!.id;
const importRow = (code: string) => ({
  row: 2,
  name: '分離テスト診療所',
  kind: '診療所',
  beds: '0',
  healthCenter: '阿南保健所',
  medicalArea: '南部',
  medicalInstitutionCode: code,
  address: '',
  contactEmail: '',
});
const stamp = Date.now();
const reviewPath = (campaignId: string, action: string) => `${responsePath(hospital.id, campaignId)}/${action}`;

const saveBody = (version: number) => ({
  expectedVersion: version,
  changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2024-07-01' } }],
});

const idsIn = (body: unknown): string[] =>
  JSON.stringify(body)
    .match(/"(f\d{3})"/g)
    ?.map((s) => s.slice(1, -1)) ?? [];

const inspectorsClinic = T36.facilities.find((f) => f.healthCenterId === 'hc-tokushima' && f.kind === 'clinic')!;
const inspectionBody = (date: string) => ({ date, status: 'planned' });
const inspectionPath = (facilityId: string, id: string) => `/api/facilities/${facilityId}/inspections/${id}`;
/** Every inspection listed belongs to the inspector's own 保健所. */
const onlyOwnHc = (items: { facilityId: string; healthCenterId: string }[]) => {
  expect(items.length).toBeGreaterThan(0);
  expect(items.filter((i) => i.healthCenterId !== 'hc-tokushima' || !inspectorsFacilities.has(i.facilityId))).toEqual([]);
};
/** A facility and a vendor without a contract between them in the demo, and used by no other case. */
const lastFacility = T36.facilities.at(-1)!;
const uncontracted = T36.vendors.find((v) => !T36.contracts.some((c) => c.facilityId === lastFacility.id && c.vendorId === v.id))!;
const contractsOf = async (facilityId: string) =>
  (await api<{ items: Contract[] }>('GET', `/api/facilities/${facilityId}/contracts`, { as: USERS.pref36 })).body.items;
const usersNamed = async (prefix: string) => (await api<{ items: User[] }>('GET', `/api/users?q=${prefix}`, { as: USERS.pref36 })).body.items;
const uploadAs36 = async (id: string) => {
  const res = await api('POST', '/api/templates', { as: USERS.pref36, body: uploadBody(id) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

const CASES: Record<Exclude<RouteId, 'openapi.get'>, IsolationCase> = {
  // Issue 8's routes, one file per part so that they can be written side by side.
  ...VENDOR_CASES,
  ...FILE_CASES,
  ...CROSS_CHECK_CASES,
  ...TRAINING_CASES,
  ...NOTIFICATION_CASES,
  ...INCIDENT_CASES, // incidents
  ...CONTACT_CHART_CASES, // contact-charts
  ...CAMPAIGN_LIFECYCLE_CASES, // campaign-lifecycle
  'me.get': {
    positive: { as: USERS.hospitalAdmin36, path: '/api/me' },
    expectPositive: (b) =>
      expect(b).toMatchObject({
        email: USERS.hospitalAdmin36,
        role: 'facility_admin',
        tenant: { id: '36' },
        organisation: { id: hospital.id, kind: 'facility' },
      }),
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/me' },
    crossOrg: { as: USERS.clinic36, path: '/api/me' },
    leaks: (b) => {
      const me = b as { tenant: { id: string } | null; organisation: { id: string } | null };
      return me.organisation?.id === hospital.id && me.tenant?.id === '36' ? ['identity of another user'] : [];
    },
  },
  'facilities.list': {
    positive: { as: USERS.pref36, path: '/api/facilities' },
    crossTenant: { as: USERS.pref37, path: '/api/facilities' },
    crossOrg: { as: USERS.inspector36, path: `/api/facilities?healthCenterId=${otherHcFacility.healthCenterId}` },
    leaks: (b) => idsIn(b).filter((id) => ownIds36.has(id)),
    expectPositive: (b) => {
      const page = b as { items: Facility[]; nextCursor: string | null };
      // A full first page of 徳島県's facilities (other files may import more: their codes start with 36 too).
      expect(page.items.length).toBe(100);
      expect(page.items.filter((f) => !f.medicalInstitutionCode.startsWith('36') || ids37.has(f.id))).toEqual([]);
      expect(page.items.filter((f) => ownIds36.has(f.id)).length).toBeGreaterThan(50);
      expect(page.nextCursor).not.toBeNull();
    },
  },
  'facilities.get': {
    positive: { as: USERS.hospitalAdmin36, path: `/api/facilities/${hospital.id}` },
    expectPositive: (b) =>
      expect(b).toMatchObject({
        id: hospital.id,
        name: hospital.name,
        healthCenterId: hospital.healthCenterId,
        medicalInstitutionCode: hospital.medicalInstitutionCode,
      }),
    crossTenant: { as: USERS.pref37, path: `/api/facilities/${hospital.id}` },
    crossOrg: { as: USERS.clinic36, path: `/api/facilities/${hospital.id}` },
  },
  'campaigns.list': {
    positive: { as: USERS.pref36, path: '/api/campaigns' },
    // 香川県 has an `r6-facility` of its own, but none of 徳島県's other campaigns.
    expectPositive: (b) =>
      expect((b as { items: { id: string }[] }).items.map((c) => c.id)).toEqual(
        expect.arrayContaining(['r8-facility', 'r7-facility', 'r6-facility', 'r6-vendor']),
      ),
    crossTenant: { as: USERS.pref37, path: '/api/campaigns' },
    crossOrg: { as: USERS.hospitalAdmin36, path: '/api/campaigns' },
    leaks: (b) => (JSON.stringify(b).includes('"36') ? ['tenant 36 data'] : []),
  },
  'campaigns.progress': {
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaign}/progress` },
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaign}/progress` },
    crossOrg: { as: USERS.inspector36, path: `/api/campaigns/${campaign}/progress` },
    // Another tenant sees none of 36's rows; the inspector sees only its own 保健所's rows.
    leaks: (b, which) => idsIn(b).filter((id) => (which === 'crossTenant' ? ownIds36.has(id) : !inspectorsFacilities.has(id))),
    expectPositive: (b) => expect((b as { totals: { facilities: number } }).totals.facilities).toBe(T36.facilities.length),
  },
  'facilities.counts': {
    positive: { as: USERS.pref36, path: '/api/facility-counts' },
    expectPositive: (b) => {
      const c = b as { total: number; byHealthCenter: Record<string, number> };
      // Other test files may import more facilities into 徳島県; the demo's are always there.
      expect(c.total).toBeGreaterThanOrEqual(T36.facilities.length);
      expect(c.byHealthCenter['hc-anan']).toBeGreaterThanOrEqual(T36.facilities.filter((f) => f.healthCenterId === 'hc-anan').length);
    },
    crossTenant: { as: USERS.pref37, path: '/api/facility-counts' },
    // 香川県 gets its own counts: no 徳島県 保健所 id, and far fewer than 徳島県's facilities.
    leaks: (b) => [...ids36(b), ...(((b as { total?: number }).total ?? 0) >= T36.facilities.length ? ['the facility count of tenant 36'] : [])],
    crossOrg: { as: USERS.inspector36, path: '/api/facility-counts' },
  },
  'dashboard.get': {
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaign}/dashboard` },
    expectPositive: (b) => {
      const d = b as { summary: { facilities: number }; breakdowns: { healthCenters: { value: string }[] } };
      expect(d.summary.facilities).toBe(T36.facilities.length);
      expect(d.breakdowns.healthCenters.map((h) => h.value).sort()).toEqual(HC_36);
    },
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaign}/dashboard` },
    // The inspector gets a dashboard of its own 保健所 only: no other 保健所's id in it.
    crossOrg: { as: USERS.inspector36, path: `/api/campaigns/${campaign}/dashboard` },
    leaks: (b, which) => (which === 'crossTenant' ? ids36(b) : ids36(b).filter((id) => id.startsWith('hc-') && id !== 'hc-tokushima')),
  },
  'dashboard.heatmap': {
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaign}/dashboard/items?by=hc` },
    expectPositive: (b) => expect((b as { columns: { value: string }[] }).columns.map((c) => c.value).sort()).toEqual(HC_36),
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaign}/dashboard/items?by=hc` },
    crossOrg: { as: USERS.inspector36, path: `/api/campaigns/${campaign}/dashboard/items?by=hc` },
    leaks: (b, which) => (which === 'crossTenant' ? ids36(b) : ids36(b).filter((id) => id.startsWith('hc-') && id !== 'hc-tokushima')),
  },
  'dashboard.verify': {
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaign}/read-models/verify`, method: 'POST', body: { repair: false } },
    expectPositive: (b) => expect((b as { responses: number }).responses).toBe(T36.facilities.length),
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaign}/read-models/verify`, method: 'POST', body: { repair: false } },
    crossOrg: { as: USERS.inspector36, path: `/api/campaigns/${campaign}/read-models/verify`, method: 'POST', body: { repair: false } },
    // 香川県 has a campaign of the same id: its administrator verifies its own 5 responses, never 徳島県's 120.
    leaks: (b) => [...ids36(b), ...((b as { responses?: number }).responses === T36.facilities.length ? ['the responses of tenant 36'] : [])],
  },
  'campaigns.rows': {
    // A campaign whose rows are written straight through the row module (independent of the stream consumer).
    prepare: () =>
      createRowsCampaign(
        '36',
        ROWS_CAMPAIGN,
        T36.facilities.map((f, i) => syntheticRow(ROWS_CAMPAIGN, f, i)),
      ),
    positive: { as: USERS.pref36, path: `/api/campaigns/${ROWS_CAMPAIGN}/rows?limit=200` },
    expectPositive: (b) => expect(idsIn(b).sort()).toEqual([...ownIds36].sort()),
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${ROWS_CAMPAIGN}/rows?limit=200` },
    // The inspector asks for everything and gets its own 保健所 only (or 403 when naming another one).
    crossOrg: { as: USERS.inspector36, path: `/api/campaigns/${ROWS_CAMPAIGN}/rows?limit=200` },
    leaks: (b, which) => idsIn(b).filter((id) => (which === 'crossTenant' ? ownIds36.has(id) : !inspectorsFacilities.has(id))),
  },
  'tasks.list': {
    positive: { as: USERS.hospitalAdmin36, path: '/api/my/tasks' },
    expectPositive: (b) => {
      const items = (b as { items: { facilityId: string; campaign: { id: string } }[] }).items;
      expect(items.map((t) => t.campaign.id)).toEqual(expect.arrayContaining(['r8-facility', campaign]));
      expect(items.filter((t) => t.facilityId !== hospital.id)).toEqual([]);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/my/tasks' },
    crossOrg: { as: USERS.clinic36, path: '/api/my/tasks' },
    leaks: (b) => idsIn(b).filter((id) => id === hospital.id),
  },
  'responses.get': {
    positive: { as: USERS.hospitalStaff36, path: responsePath(hospital.id) },
    expectPositive: (b) => expect(b).toMatchObject({ campaign: { id: campaign }, facility: { id: hospital.id, name: hospital.name } }),
    crossTenant: { as: USERS.hospitalAdmin37, path: responsePath(hospital.id) },
    crossOrg: { as: USERS.clinic36, path: responsePath(hospital.id) },
  },
  'responses.saveAnswers': preparedCase(
    () => ownCampaign([hospital.id]),
    (own) => {
      const path = responsePath(hospital.id, own);
      let sentVersion = 0;
      return {
        positive: {
          as: USERS.hospitalAdmin36,
          method: 'PUT',
          path: `${path}/answers`,
          body: async () => {
            sentVersion = await currentVersion(USERS.hospitalAdmin36, path);
            return saveBody(sentVersion);
          },
        },
        expectPositive: async (b) => {
          const saved = {
            facility: { id: hospital.id },
            campaign: { id: own },
            answers: { 'gate:system': { '1': { value: 'yes', checkedOn: '2024-07-01' } } },
          };
          expect(b).toMatchObject({ ...saved, version: sentVersion + 1 });
          expect((await api('GET', path, { as: USERS.hospitalStaff36 })).body).toMatchObject(saved);
        },
        crossTenant: { as: USERS.hospitalAdmin37, method: 'PUT', path: `${path}/answers`, body: saveBody(0) },
        crossOrg: { as: USERS.clinic36, method: 'PUT', path: `${path}/answers`, body: saveBody(0) },
      };
    },
  ),
  'responses.submit': preparedCase(
    async () => {
      const own = await ownCampaign([hospital.id]);
      await completeHospital(own);
      return own;
    },
    (own) => ({
      positive: {
        as: USERS.hospitalAdmin36,
        method: 'POST',
        path: `${responsePath(hospital.id, own)}/submit`,
        body: () => currentVersion(USERS.hospitalAdmin36, responsePath(hospital.id, own)).then((v) => ({ expectedVersion: v, round: 1 })),
      },
      expectPositive: (b) => {
        expect(b).toMatchObject({ facility: { id: hospital.id }, campaign: { id: own }, status: 'submitted' });
        expect((b as ResponseView).submissions.map((s) => s.round)).toEqual([1]);
      },
      crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: `${responsePath(hospital.id, own)}/submit`, body: { expectedVersion: 1, round: 1 } },
      crossOrg: { as: USERS.clinic36, method: 'POST', path: `${responsePath(hospital.id, own)}/submit`, body: { expectedVersion: 1, round: 1 } },
    }),
  ),
  'campaigns.create': {
    positive: { as: USERS.pref36, method: 'POST', path: '/api/campaigns', body: campaignBody(['f002']) },
    // 202: the campaign is written as being created; the job writes the one response.
    expectPositive: async (b) => {
      const created = b as CreateCampaignResponse;
      expect(created).toMatchObject({ facilities: 1, campaign: { title: campaignBody([]).title, fiscalYear: 2025, creation: { total: 1 } } });
      const read = await api<Campaign>('GET', `/api/campaigns/${created.campaign.id}`, { as: USERS.pref36 });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: created.campaign.id, title: campaignBody([]).title, templateId: 'mhlw-facility-r7' });
    },
    // Tenant 37 cannot name tenant 36's facilities: none of them exists in its own partition.
    crossTenant: { as: USERS.pref37, method: 'POST', path: '/api/campaigns', body: campaignBody(['f002']), refused: [400] },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/campaigns', body: campaignBody(['f001']) },
  },
  // A campaign only tenant 36 has (both demo tenants have an `r6-facility` of their own).
  'campaigns.get': preparedCase(
    () => ownCampaign(['f004']),
    (own) => ({
      positive: { as: USERS.pref36, path: `/api/campaigns/${own}` },
      expectPositive: (b) =>
        expect(b).toMatchObject({ id: own, title: campaignBody([]).title, fiscalYear: 2025, creation: { status: 'done', processed: 1, total: 1 } }),
      crossTenant: { as: USERS.pref37, path: `/api/campaigns/${own}` },
      crossOrg: { as: USERS.hospitalAdmin36, path: `/api/campaigns/${own}` },
    }),
  ),
  // A creation whose worker died: created through the API, then marked failed as a crashed job leaves it.
  'campaigns.retryCreation': preparedCase(
    async () => {
      const failed = await ownCampaign(['f003']);
      await testDb().doc.send(
        new UpdateCommand({
          TableName: testDb().tableName,
          Key: { PK: `T#36#CAMP#${failed}`, SK: 'META' },
          UpdateExpression: 'SET creation.#s = :failed, creation.#p = :zero',
          ExpressionAttributeNames: { '#s': 'status', '#p': 'processed' },
          ExpressionAttributeValues: { ':failed': 'failed', ':zero': 0 },
        }),
      );
      return failed;
    },
    (failed) => ({
      positive: { as: USERS.pref36, method: 'POST', path: `/api/campaigns/${failed}/creation/retry` },
      expectPositive: (b) => expect(b).toMatchObject({ id: failed, title: campaignBody([]).title, creation: { total: 1 } }),
      crossTenant: { as: USERS.pref37, method: 'POST', path: `/api/campaigns/${failed}/creation/retry` },
      crossOrg: { as: USERS.inspector36, method: 'POST', path: `/api/campaigns/${failed}/creation/retry` },
    }),
  ),
  'templates.upload': (() => {
    let uploads = 0;
    return {
      positive: { as: USERS.pref36, method: 'POST', path: '/api/templates', body: async () => uploadBody(UPLOADED_36) },
      expectPositive: async (b) => {
        expect(b).toMatchObject({ id: UPLOADED_36, builtIn: false, previousId: R7.id, fiscalYear: 2026 });
        const read = await api<TemplateView>('GET', `/api/templates/${UPLOADED_36}`, { as: USERS.pref36 });
        expect(read.status).toBe(200);
        expect(read.body.summary.id).toBe(UPLOADED_36);
      },
      // The same id in another tenant is that tenant's own business: accepted there, not refused as taken.
      crossTenant: { as: USERS.pref37, method: 'POST', path: '/api/templates', body: async () => uploadBody(`${UPLOADED_36}-${++uploads}`) },
      crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/templates', body: async () => uploadBody(`${UPLOADED_36}-x`) },
      leaks: (b) => ((b as { id?: string }).id === UPLOADED_36 ? ['tenant 36 template'] : []),
    };
  })(),
  'templates.get': {
    prepare: () => uploadAs36(`${UPLOADED_36}-get`),
    positive: { as: USERS.pref36, path: `/api/templates/${UPLOADED_36}-get` },
    expectPositive: (b) => {
      expect((b as TemplateView).summary).toMatchObject({ id: `${UPLOADED_36}-get`, builtIn: false });
      expect((b as TemplateView).template.id).toBe(`${UPLOADED_36}-get`);
    },
    crossTenant: { as: USERS.pref37, path: `/api/templates/${UPLOADED_36}-get` },
    crossOrg: { as: USERS.hospitalAdmin36, path: `/api/templates/${UPLOADED_36}-get` },
  },
  'templates.list': {
    prepare: () => uploadAs36(`${UPLOADED_36}-list`),
    positive: { as: USERS.pref36, path: '/api/templates' },
    expectPositive: (b) => expect((b as { items: { id: string }[] }).items.map((t) => t.id)).toEqual(expect.arrayContaining([`${UPLOADED_36}-list`, R7.id])),
    crossTenant: { as: USERS.pref37, path: '/api/templates' },
    crossOrg: { as: USERS.inspector36, path: '/api/templates' },
    leaks: (b) => ((b as { items: { id: string }[] }).items.some((t) => t.id === `${UPLOADED_36}-list`) ? ['tenant 36 template'] : []),
  },
  'responses.return': preparedCase(submittedResponse, (own) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: reviewPath(own, 'return'),
      body: () => currentVersion(USERS.pref36, responsePath(hospital.id, own)).then((v) => ({ expectedVersion: v, message: '2(4) を確認してください' })),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ facility: { id: hospital.id }, campaign: { id: own }, status: 'returned' });
      expect((b as ResponseView).reviews.map((r) => [r.action, r.message])).toEqual([['returned', '2(4) を確認してください']]);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: reviewPath(own, 'return'), body: { expectedVersion: 1, message: 'x' } },
    crossOrg: { as: USERS.inspector36, method: 'POST', path: reviewPath(own, 'return'), body: { expectedVersion: 1, message: 'x' } },
  })),
  'responses.confirm': preparedCase(submittedResponse, (own) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: reviewPath(own, 'confirm'),
      body: () => currentVersion(USERS.pref36, responsePath(hospital.id, own)).then((v) => ({ expectedVersion: v })),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ facility: { id: hospital.id }, campaign: { id: own }, status: 'confirmed' });
      expect((b as ResponseView).reviews.map((r) => r.action)).toEqual(['confirmed']);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: reviewPath(own, 'confirm'), body: { expectedVersion: 1 } },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: reviewPath(own, 'confirm'), body: { expectedVersion: 1 } },
  })),
  // The newest entry is the case's own write: the prefecture registers a vendor just before.
  'audit.list': preparedCase(
    async () => {
      const res = await api<Vendor>('POST', '/api/vendors', { as: USERS.pref36, body: { name: `監査テスト ${stamp}`, contactEmail: 'audit@example.jp' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    },
    (vendorId) => ({
      positive: { as: USERS.pref36, path: '/api/audit' },
      expectPositive: (b) => {
        const items = (b as AuditLogResponse).items;
        expect(items.filter((e) => e.target.includes(vendorId)).map((e) => e.action)).toEqual(['vendor.create']);
        expect(items.filter((e) => ids37.has(e.actor.orgId))).toEqual([]);
      },
      crossTenant: { as: USERS.pref37, path: '/api/audit' },
      crossOrg: { as: USERS.clinic36, path: '/api/audit' },
      leaks: (b, which) => {
        const items = (b as { items: { target: string; actor: { orgId: string } }[] }).items;
        if (which === 'crossTenant') return [...ids36(b), ...items.filter((e) => e.target.includes(vendorId)).map((e) => e.target)];
        return items.filter((e) => e.actor.orgId !== clinicId && !e.target.includes(clinicId)).map((e) => e.target);
      },
    }),
  ),
  'exports.create': {
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: '/api/exports',
      body: { kind: 'facility-official', campaignId: campaign, facilityId: hospital.id },
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ kind: 'facility-official', progress: { total: 1 } });
      const read = await api('GET', `/api/exports/${(b as ExportJob).id}`, { as: USERS.hospitalAdmin36 });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: (b as ExportJob).id, kind: 'facility-official' });
    },
    // Tenant 37 cannot name tenant 36's facility (404); another facility of 36 is refused (403).
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      path: '/api/exports',
      body: { kind: 'facility-official', campaignId: campaign, facilityId: hospital.id },
    },
    crossOrg: { as: USERS.clinic36, method: 'POST', path: '/api/exports', body: { kind: 'facility-official', campaignId: campaign, facilityId: hospital.id } },
  },
  // Someone else's job, in another tenant or another organisation, is answered like a missing one.
  'exports.get': preparedCase(
    async () => {
      const res = await api<ExportJob>('POST', '/api/exports', {
        as: USERS.hospitalAdmin36,
        body: { kind: 'facility-official', campaignId: campaign, facilityId: hospital.id },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    },
    (job) => ({
      positive: { as: USERS.hospitalAdmin36, path: `/api/exports/${job}` },
      expectPositive: (b) => expect(b).toMatchObject({ id: job, kind: 'facility-official', progress: { total: 1 } }),
      crossTenant: { as: USERS.hospitalAdmin37, path: `/api/exports/${job}` },
      crossOrg: { as: USERS.clinic36, path: `/api/exports/${job}` },
    }),
  ),
  'facilities.importPreview': {
    positive: { as: USERS.pref36, method: 'POST', path: '/api/facilities/import/preview', body: { rows: [importRow('3610009991')] } },
    expectPositive: (b) => {
      expect(b).toMatchObject({ rows: 1, creates: 1, updates: 0, errors: [], newHealthCenters: [] });
      expect((b as FacilityImportPreview).sample).toMatchObject([{ name: '分離テスト診療所', healthCenterName: '阿南保健所', change: 'create' }]);
    },
    // Tenant 37 sending tenant 36's 医療機関コード learns nothing: the row is simply not its prefecture's.
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: '/api/facilities/import/preview',
      body: { rows: [importRow(T36.facilities[1]!.medicalInstitutionCode)] },
    },
    crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/facilities/import/preview', body: { rows: [importRow('3610009991')] } },
    leaks: (b) => [...ids36(b), ...(b as { sample: { id: string | null }[] }).sample.filter((x) => x.id !== null).map((x) => String(x.id))],
  },
  'facilities.import': {
    positive: { as: USERS.pref36, method: 'POST', path: '/api/facilities/import', body: { rows: [importRow('3610009992')] } },
    expectPositive: async (b) => {
      expect(b).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const found = await api<{ items: Facility[] }>('GET', '/api/facilities?q=3610009992', { as: USERS.pref36 });
      expect(found.body.items.map((f) => [f.medicalInstitutionCode, f.name, f.healthCenterId])).toEqual([['3610009992', '分離テスト診療所', 'hc-anan']]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: '/api/facilities/import',
      body: { rows: [importRow(T36.facilities[1]!.medicalInstitutionCode)] },
      refused: [400],
    },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/facilities/import', body: { rows: [importRow('3610009993')] } },
  },
  'healthCenters.list': {
    positive: { as: USERS.pref36, path: '/api/health-centers' },
    expectPositive: (b) => {
      const ids = (b as { items: { id: string }[] }).items.map((h) => h.id);
      expect(ids).toEqual(expect.arrayContaining(HC_36));
      expect(ids.filter((id) => ids37.has(id))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: '/api/health-centers' },
    crossOrg: { as: USERS.inspector36, path: '/api/health-centers' },
    leaks: (b, which) => (which === 'crossTenant' ? ids36(b) : ids36(b).filter((id) => id !== 'hc-tokushima')),
  },
  'vendors.list': {
    positive: { as: USERS.pref36, path: '/api/vendors' },
    expectPositive: (b) => {
      const ids = (b as { items: Vendor[] }).items.map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(T36.vendors.map((v) => v.id)));
      expect(ids.filter((id) => ids37.has(id))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: '/api/vendors' },
    crossOrg: { as: USERS.hospitalAdmin36, path: '/api/vendors' },
    leaks: (b) => ids36(b),
  },
  'vendors.create': {
    positive: { as: USERS.pref36, method: 'POST', path: '/api/vendors', body: { name: '分離テスト株式会社', contactEmail: 'iso@example.jp' } },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ name: '分離テスト株式会社', contactEmail: 'iso@example.jp' });
      const seen = await api<{ items: Vendor[] }>('GET', '/api/vendors', { as: USERS.pref36 });
      expect(seen.body.items.filter((v) => v.id === (b as Vendor).id).map((v) => v.name)).toEqual(['分離テスト株式会社']);
    },
    // Tenant 37 registers a vendor in its own partition: tenant 36 never sees it.
    crossTenant: { as: USERS.pref37, method: 'POST', path: '/api/vendors', body: { name: '香川の事業者', contactEmail: 'k@example.jp' } },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/vendors', body: { name: 'x', contactEmail: 'x@example.jp' } },
    leaks: async (b) => {
      const id = (b as { id: string }).id;
      const seen = await api<{ items: { id: string }[] }>('GET', '/api/vendors', { as: USERS.pref36 });
      return seen.body.items.some((v) => v.id === id) ? [id] : [];
    },
  },
  'contracts.list': {
    positive: { as: USERS.hospitalAdmin36, path: `/api/facilities/${hospital.id}/contracts` },
    expectPositive: (b) => {
      const items = (b as { items: Contract[] }).items;
      expect(items.map((c) => c.vendorId).sort()).toEqual(
        T36.contracts
          .filter((c) => c.facilityId === hospital.id)
          .map((c) => c.vendorId)
          .sort(),
      );
      expect(items.filter((c) => c.facilityId !== hospital.id)).toEqual([]);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: `/api/facilities/${hospital.id}/contracts` },
    crossOrg: { as: USERS.clinic36, path: `/api/facilities/${hospital.id}/contracts` },
  },
  'contracts.put': {
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: '/api/facilities/f002/contracts/v-yoshino-net',
      body: { systems: ['ネットワーク保守'], remoteMaintenance: true },
    },
    expectPositive: async (b) => {
      const written = { facilityId: 'f002', vendorId: 'v-yoshino-net', systems: ['ネットワーク保守'], remoteMaintenance: true };
      expect(b).toMatchObject(written);
      expect((await contractsOf('f002')).filter((c) => c.vendorId === 'v-yoshino-net')).toMatchObject([written]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: '/api/facilities/f002/contracts/v-yoshino-net',
      body: { systems: ['ネットワーク保守'], remoteMaintenance: true },
    },
    crossOrg: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      path: '/api/facilities/f002/contracts/v-yoshino-net',
      body: { systems: ['ネットワーク保守'], remoteMaintenance: true },
    },
  },
  // A contract the case makes, at a facility no other case uses: the positive control removes it (204, read back).
  'contracts.delete': {
    prepare: async () => {
      const res = await api('PUT', `/api/facilities/${lastFacility.id}/contracts/${uncontracted.id}`, {
        as: USERS.pref36,
        body: { systems: ['その他'], remoteMaintenance: false },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    positive: { as: USERS.pref36, method: 'DELETE', path: `/api/facilities/${lastFacility.id}/contracts/${uncontracted.id}` },
    expectPositive: async () => {
      const left = (await contractsOf(lastFacility.id)).map((c) => c.vendorId).sort();
      expect(left).toEqual(
        T36.contracts
          .filter((c) => c.facilityId === lastFacility.id)
          .map((c) => c.vendorId)
          .sort(),
      );
    },
    crossTenant: { as: USERS.pref37, method: 'DELETE', path: `/api/facilities/${lastFacility.id}/contracts/${uncontracted.id}` },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'DELETE', path: `/api/facilities/${lastFacility.id}/contracts/${uncontracted.id}` },
  },
  'users.list': {
    positive: { as: USERS.pref36, path: '/api/users' },
    crossTenant: { as: USERS.pref37, path: '/api/users' },
    // Naming another facility is refused; smuggling a second orgId makes the query invalid (400).
    crossOrg: { as: USERS.clinic36, path: `/api/users?orgId=${hospital.id}`, refused: [400, 403] },
    leaks: (b) => JSON.stringify(b).match(/tokushima\.example\.jp/g) ?? [],
    expectPositive: (b) => {
      const emails = (b as { items: User[] }).items.map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([USERS.inspector36, USERS.hospitalAdmin36]));
      expect(emails.filter((e) => e.endsWith('@kagawa.example.jp'))).toEqual([]);
    },
  },
  'users.invite': {
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: '/api/users',
      body: { email: `member-${stamp}@f005.example.jp`, displayName: '招待 花子', role: 'facility_member', orgId: 'f005' },
    },
    expectPositive: async (b) => {
      const invited = { email: `member-${stamp}@f005.example.jp`, displayName: '招待 花子', role: 'facility_member', orgId: 'f005', status: 'active' };
      expect(b).toMatchObject(invited);
      expect(await usersNamed(`member-${stamp}`)).toMatchObject([{ ...invited, userId: (b as User).userId }]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: '/api/users',
      body: { email: `x-${stamp}@example.jp`, displayName: 'x', role: 'facility_member', orgId: hospital.id },
      refused: [400],
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      path: '/api/users',
      body: { email: `y-${stamp}@example.jp`, displayName: 'y', role: 'facility_member', orgId: hospital.id },
    },
  },
  'users.update': preparedCase(
    async () => {
      const res = await api<{ userId: string }>('POST', '/api/users', {
        as: USERS.pref36,
        body: { email: `update-${stamp}@f006.example.jp`, displayName: '更新 次郎', role: 'facility_member', orgId: 'f006' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.userId;
    },
    (member) => ({
      positive: { as: USERS.pref36, method: 'PATCH', path: `/api/users/${member}`, body: { status: 'disabled' } },
      expectPositive: async (b) => {
        expect(b).toMatchObject({ userId: member, email: `update-${stamp}@f006.example.jp`, status: 'disabled' });
        expect(await usersNamed(`update-${stamp}`)).toMatchObject([{ userId: member, status: 'disabled' }]);
      },
      crossTenant: { as: USERS.pref37, method: 'PATCH', path: `/api/users/${member}`, body: { status: 'active' } },
      crossOrg: { as: USERS.clinic36, method: 'PATCH', path: `/api/users/${member}`, body: { status: 'active' } },
    }),
  ),
  'inspections.list': {
    positive: { as: USERS.inspector36, path: '/api/inspections?from=2026-04-01&to=2027-03-31' },
    expectPositive: (b) => {
      const items = (b as { items: { id: string; facilityId: string; healthCenterId: string }[] }).items;
      onlyOwnHc(items);
      // The demo's inspections of 徳島保健所 in that fiscal year.
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['insp-demo-01', 'insp-demo-03', 'insp-demo-11']));
    },
    crossTenant: { as: USERS.pref37, path: '/api/inspections?from=2026-04-01&to=2027-03-31&healthCenterId=hc-tokushima' },
    // The inspector of 徳島保健所 asks for 阿南保健所's calendar.
    crossOrg: { as: USERS.inspector36, path: `/api/inspections?from=2026-04-01&to=2027-03-31&healthCenterId=${otherHcFacility.healthCenterId}` },
    leaks: (b) => ids36(b),
  },
  'inspections.readiness': {
    positive: { as: USERS.inspector36, path: '/api/inspections/readiness' },
    expectPositive: (b) => onlyOwnHc((b as { items: { inspection: { facilityId: string; healthCenterId: string } }[] }).items.map((i) => i.inspection)),
    crossTenant: { as: USERS.pref37, path: '/api/inspections/readiness?healthCenterId=hc-tokushima' },
    crossOrg: { as: USERS.inspector36, path: `/api/inspections/readiness?healthCenterId=${otherHcFacility.healthCenterId}` },
    leaks: (b) => ids36(b),
  },
  'inspections.listOfFacility': {
    positive: { as: USERS.hospitalStaff36, path: `/api/facilities/${hospital.id}/inspections` },
    expectPositive: (b) => {
      const items = (b as { items: { id: string; facilityId: string }[] }).items;
      expect(items.map((i) => i.id)).toContain('insp-demo-03');
      expect(items.filter((i) => i.facilityId !== hospital.id)).toEqual([]);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: `/api/facilities/${hospital.id}/inspections` },
    crossOrg: { as: USERS.inspector36, path: `/api/facilities/${otherHcFacility.id}/inspections` },
  },
  'inspections.create': {
    positive: { as: USERS.inspector36, method: 'POST', path: `/api/facilities/${inspectorsClinic.id}/inspections`, body: inspectionBody('2027-02-03') },
    expectPositive: (b) =>
      expect(b).toMatchObject({ facilityId: inspectorsClinic.id, healthCenterId: 'hc-tokushima', date: '2027-02-03', status: 'planned', version: 1 }),
    crossTenant: { as: USERS.pref37, method: 'POST', path: `/api/facilities/${inspectorsClinic.id}/inspections`, body: inspectionBody('2027-02-03') },
    crossOrg: { as: USERS.inspector36, method: 'POST', path: `/api/facilities/${otherHcFacility.id}/inspections`, body: inspectionBody('2027-02-03') },
  },
  'inspections.update': preparedCase(
    async () => {
      const made = { own: { id: '', version: 0 }, otherHc: { id: '', version: 0 } };
      for (const [which, as, facilityId] of [
        ['own', USERS.inspector36, inspectorsClinic.id],
        ['otherHc', USERS.pref36, otherHcFacility.id],
      ] as const) {
        const res = await api<{ id: string; version: number }>('POST', `/api/facilities/${facilityId}/inspections`, { as, body: inspectionBody('2027-02-10') });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        made[which] = res.body;
      }
      return made;
    },
    ({ own, otherHc }) => ({
      positive: {
        as: USERS.inspector36,
        method: 'PUT',
        path: inspectionPath(inspectorsClinic.id, own.id),
        body: { ...inspectionBody('2027-02-11'), expectedVersion: own.version },
      },
      expectPositive: (b) => expect(b).toMatchObject({ id: own.id, facilityId: inspectorsClinic.id, date: '2027-02-11', version: own.version + 1 }),
      crossTenant: {
        as: USERS.pref37,
        method: 'PUT',
        path: inspectionPath(inspectorsClinic.id, own.id),
        body: async () => ({ ...inspectionBody('2027-02-12'), expectedVersion: own.version + 1 }),
      },
      // The inspector of 徳島保健所 edits an inspection the prefecture planned at a facility of 阿南保健所.
      crossOrg: {
        as: USERS.inspector36,
        method: 'PUT',
        path: inspectionPath(otherHcFacility.id, otherHc.id),
        body: { ...inspectionBody('2027-02-12'), expectedVersion: otherHc.version },
      },
    }),
  ),
  'tenants.list': {
    positive: { as: USERS.operator, path: '/api/tenants' },
    expectPositive: (b) =>
      expect((b as ListTenantsResponse).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ tenantId: '36' }), expect.objectContaining({ tenantId: '37' })]),
      ),
    crossTenant: { as: USERS.pref37, path: '/api/tenants' },
    crossOrg: { as: USERS.pref36, path: '/api/tenants' },
  },
  'tenants.create': {
    positive: {
      as: USERS.operator,
      method: 'POST',
      path: '/api/tenants',
      body: { tenantId: '13', name: '東京都', nameEn: 'Tokyo', admins: [{ email: `admin-${stamp}@metro.tokyo.example.jp`, displayName: '東京 一郎' }] },
    },
    expectPositive: async (b) => {
      expect(b).toEqual({ tenantId: '13', name: '東京都', nameEn: 'Tokyo' });
      const listed = await api<ListTenantsResponse>('GET', '/api/tenants', { as: USERS.operator });
      expect(listed.body.items.filter((t) => t.tenantId === '13')).toEqual([{ tenantId: '13', name: '東京都', nameEn: 'Tokyo' }]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: '/api/tenants',
      body: { tenantId: '14', name: '神奈川県', nameEn: 'Kanagawa', admins: [{ email: 'k@example.jp', displayName: 'k' }] },
    },
    crossOrg: {
      as: USERS.pref36,
      method: 'POST',
      path: '/api/tenants',
      body: { tenantId: '15', name: '新潟県', nameEn: 'Niigata', admins: [{ email: 'n@example.jp', displayName: 'n' }] },
    },
  },
};

async function attempt(a: Attempt, smuggle: boolean) {
  const body = typeof a.body === 'function' ? await (a.body as () => Promise<unknown>)() : a.body;
  const sep = a.path.includes('?') ? '&' : '?';
  return api(a.method ?? 'GET', smuggle ? `${a.path}${sep}${SMUGGLED_QUERY}` : a.path, { as: a.as, body, ...(smuggle ? { headers: SMUGGLED_HEADERS } : {}) });
}

describe('tenant isolation over the whole route table', () => {
  it('has a case for every authenticated route', () => {
    const missing = routeList.filter((r) => r.auth === 'user' && !(r.id in CASES)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('knows the demo tenants apart', () => {
    expect(T37.facilities.every((f) => !ownIds36.has(f.id))).toBe(true);
  });

  describe.each(Object.entries(CASES))('%s', (_id, c) => {
    // Each case makes what it needs itself, before any of its tests: a refusal test run alone, or in another order,
    // has its ids too.
    beforeAll(async () => {
      await c.prepare?.();
    });

    it('succeeds for the rightful caller (positive control)', async () => {
      const res = await attempt(c.positive, false);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      await c.expectPositive(res.body);
    });

    it.each([
      ['another tenant', 'crossTenant'],
      ['another organisation of the same tenant', 'crossOrg'],
    ] as const)('refuses %s, even with ids smuggled in headers and query', async (_label, which) => {
      for (const smuggle of [false, true]) {
        const res = await attempt(c[which], smuggle);
        if (res.status < 300) {
          expect(c.leaks, `route answered ${res.status} but defines no leak check`).toBeDefined();
          expect(await c.leaks?.(res.body, which)).toEqual([]);
        } else {
          expect(c[which].refused ?? [403, 404]).toContain(res.status);
        }
      }
    });
  });

  it('refuses every authenticated route without a token, and with a forged one', async () => {
    for (const r of routeList.filter((x) => x.auth === 'user')) {
      const path = r.path
        .replace('{campaignId}', campaign)
        .replace('{facilityId}', hospital.id)
        .replace(/\{[^}]+\}/g, 'x');
      expect((await api(r.method, path)).status).toBe(401);
      const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","token_use":"access"}').toString('base64url')}.`;
      expect((await api(r.method, path, { token: forged })).status).toBe(401);
    }
  });

  it('gives the operator no tenant data', async () => {
    expect((await api('GET', '/api/facilities', { as: USERS.operator })).status).toBe(403);
    expect((await api('GET', `/api/campaigns/${campaign}/progress`, { as: USERS.operator })).status).toBe(403);
  });
});
