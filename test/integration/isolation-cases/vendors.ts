import type { RouteId } from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../../support/api.ts';
import { createCampaign } from '../../support/campaigns.ts';
import type { IsolationCase } from '../../support/isolation.ts';
import { asChanges, completeAnswers } from '../../support/templates.ts';

type VendorRouteId = Extract<
  RouteId,
  | 'vendors.get'
  | 'vendors.facilities'
  | 'vendors.campaigns'
  | 'vendorResponses.get'
  | 'vendorResponses.saveProfile'
  | 'vendorResponses.deleteProfile'
  | 'vendorResponses.facilities'
  | 'vendorResponses.getFacility'
  | 'vendorResponses.saveFacility'
  | 'vendorResponses.submit'
  | 'vendorResponses.return'
  | 'vendorResponses.confirm'
  | 'campaigns.vendors'
  | 'facilities.vendorAnswers'
>;

/**
 * The vendor form's routes. Their own vendor campaign (created once, through the API) so that what the positive
 * controls write (a profile, a submission, a review) disturbs no other test: 四国医療情報サービス (vendor2_36)
 * answers, 阿波メディカル (vendor36) is the other vendor, f001 the facility reading its vendors' answers.
 */
const T36 = tokushima();
const SHIKOKU = 'v-shikoku-it';
const R7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
const contractsOf = (facilityId: string) => T36.contracts.filter((c) => c.facilityId === facilityId);
const shikokuFacilities = T36.contracts.filter((c) => c.vendorId === SHIKOKU).map((c) => c.facilityId);
const linked = shikokuFacilities.filter((id) => id !== 'f001').slice(0, 3);
/** A facility of 徳島県 with a contract, but not with 四国IT, and in the campaign: the vendor has no business there. */
const unlinked = T36.facilities.find((f) => f.id !== 'f001' && contractsOf(f.id).length > 0 && !shikokuFacilities.includes(f.id))!;
/** f001's first vendor: the facility reads what it answers. */
const f001Vendor = contractsOf('f001')[0]!.vendorId;
const otherHcFacility = T36.facilities.find((f) => f.healthCenterId !== 'hc-tokushima' && contractsOf(f.id).length > 0)!;
const target = [...new Set(['f001', ...linked, unlinked.id, otherHcFacility.id])];
const vendorsInCampaign = new Set(target.flatMap((id) => contractsOf(id).map((c) => c.vendorId)));
const IDS_36 = /(?<![\w-])(f\d{3}|hc-(tokushima|anan|mima)|v-(awa-medical|shikoku-it|naruto-soft|yoshino-net|dental-cloud|pacs-japan))(?![\w-])/g;
const ids36 = (body: unknown) => JSON.stringify(body).match(IDS_36) ?? [];

let campaignId = '';
let creating: Promise<void> | undefined;
/** Creates the isolation suite's vendor campaign once. */
function ensureCampaign(): Promise<void> {
  creating ??= (async () => {
    const res = await createCampaign(USERS.pref36, {
      templateId: R7.id,
      title: { ja: '令和7年度 事業者確認用 (分離テスト)' },
      fiscalYear: 2025,
      opensOn: '2025-06-01',
      deadline: '2026-03-31',
      target: { kind: 'facilities', ids: target },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    campaignId = res.body.campaign.id;
    await settle();
  })();
  return creating;
}
const vendorPath = (vendorId = SHIKOKU) => `/api/campaigns/${campaignId}/vendors/${vendorId}`;
const responseVersion = async () => (await api<{ version: number }>('GET', `${vendorPath()}/response`, { as: USERS.vendor2_36 })).body.version;
const profileVersion = async (id: string) =>
  (await api<{ profiles: { id: string; version: number }[] }>('GET', `${vendorPath()}/response`, { as: USERS.vendor2_36 })).body.profiles.find(
    (p) => p.id === id,
  )?.version ?? 0;
const facilityVersion = async (facilityId: string) =>
  (await api<{ version: number }>('GET', `${vendorPath()}/facilities/${facilityId}`, { as: USERS.vendor2_36 })).body.version ?? 1;
const yes = { value: 'yes', checkedOn: '2025-07-01' };
const submitShikoku = async () => {
  const res = await api('POST', `${vendorPath()}/submit`, { as: USERS.vendor2_36, body: { expectedVersion: await responseVersion(), round: 1 } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

// Paths are built when a case runs (the campaign id is known only then): getters keep the table declarative.
const lazy = <T extends object>(build: () => T): T => new Proxy({} as T, { get: (_t, key) => build()[key as keyof T] });

/** Isolation cases of this part's routes; spread into the suite's table, which must cover every route. */
export const VENDOR_CASES: Record<VendorRouteId, IsolationCase> = {
  'vendors.get': {
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}` },
    expectPositive: (b) => expect((b as { facilityCount: number }).facilityCount).toBeGreaterThanOrEqual(shikokuFacilities.length),
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}` },
    // Another vendor of the same tenant.
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}` },
  },
  'vendors.facilities': {
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}/facilities?limit=200` },
    expectPositive: (b) => {
      const ids = (b as { items: { id: string }[] }).items.map((f) => f.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => /^f\d{3}$/.test(id) && !shikokuFacilities.includes(id))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}/facilities` },
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}/facilities` },
  },
  'vendors.campaigns': {
    prepare: ensureCampaign,
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}/campaigns` },
    expectPositive: (b) => expect((b as { items: { campaign: { id: string } }[] }).items.map((i) => i.campaign.id)).toContain(campaignId),
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}/campaigns` },
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}/campaigns` },
  },
  'vendorResponses.get': lazy(() => ({
    prepare: ensureCampaign,
    positive: { as: USERS.vendor2_36, path: `${vendorPath()}/response` },
    expectPositive: (b: unknown) => expect((b as { vendor: { id: string } }).vendor.id).toBe(SHIKOKU),
    crossTenant: { as: USERS.pref37, path: `${vendorPath()}/response` },
    // 阿波メディカル reads 四国IT's response.
    crossOrg: { as: USERS.vendor36, path: `${vendorPath()}/response` },
  })),
  'vendorResponses.saveProfile': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.vendor2_36,
      method: 'PUT',
      path: `${vendorPath()}/profiles/standard`,
      body: async () => ({
        expectedVersion: await profileVersion('standard'),
        name: '標準回答',
        systems: [],
        changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: yes }],
      }),
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: `${vendorPath()}/profiles/standard`,
      body: { expectedVersion: 1, name: 'x', systems: [], changes: [] },
    },
    crossOrg: {
      as: USERS.vendor36,
      method: 'PUT',
      path: `${vendorPath()}/profiles/standard`,
      body: { expectedVersion: 1, name: 'x', systems: [], changes: [] },
    },
  })),
  'vendorResponses.deleteProfile': lazy(() => ({
    prepare: async () => {
      await ensureCampaign();
      const res = await api('PUT', `${vendorPath()}/profiles/iso-spare`, {
        as: USERS.vendor2_36,
        body: { expectedVersion: 0, name: '予備', systems: [], changes: [] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    positive: { as: USERS.vendor2_36, method: 'DELETE', path: `${vendorPath()}/profiles/iso-spare?expectedVersion=1` },
    crossTenant: { as: USERS.pref37, method: 'DELETE', path: `${vendorPath()}/profiles/standard?expectedVersion=1` },
    crossOrg: { as: USERS.vendor36, method: 'DELETE', path: `${vendorPath()}/profiles/standard?expectedVersion=1` },
  })),
  'vendorResponses.facilities': lazy(() => ({
    prepare: ensureCampaign,
    positive: { as: USERS.vendor2_36, path: `${vendorPath()}/facilities` },
    expectPositive: (b: unknown) =>
      expect((b as { items: { facilityId: string }[] }).items.map((i) => i.facilityId).sort()).toEqual(
        target.filter((id) => shikokuFacilities.includes(id)).sort(),
      ),
    crossTenant: { as: USERS.pref37, path: `${vendorPath()}/facilities` },
    crossOrg: { as: USERS.vendor36, path: `${vendorPath()}/facilities` },
  })),
  'vendorResponses.getFacility': lazy(() => ({
    prepare: ensureCampaign,
    // The facility reads what its vendor answers for it.
    positive: { as: USERS.hospitalAdmin36, path: `${vendorPath(f001Vendor)}/facilities/f001` },
    expectPositive: (b: unknown) => expect((b as { facility: { id: string } }).facility.id).toBe('f001'),
    crossTenant: { as: USERS.hospitalAdmin37, path: `${vendorPath(f001Vendor)}/facilities/f001` },
    // The inspector of 徳島保健所 reads a facility of another 保健所.
    crossOrg: { as: USERS.inspector36, path: `${vendorPath(contractsOf(otherHcFacility.id)[0]!.vendorId)}/facilities/${otherHcFacility.id}` },
  })),
  'vendorResponses.saveFacility': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.vendor2_36,
      method: 'PUT',
      path: `${vendorPath()}/facilities/${linked[0]}`,
      body: async () => ({
        expectedVersion: await facilityVersion(linked[0] as string),
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: yes }],
      }),
    },
    crossTenant: { as: USERS.pref37, method: 'PUT', path: `${vendorPath()}/facilities/${linked[0]}`, body: { expectedVersion: 1, changes: [] } },
    // The vendor aims at a facility it has no contract with: 404, nothing written.
    crossOrg: { as: USERS.vendor2_36, method: 'PUT', path: `${vendorPath()}/facilities/${unlinked.id}`, body: { expectedVersion: 1, changes: [] } },
  })),
  'vendorResponses.submit': lazy(() => ({
    prepare: async () => {
      await ensureCampaign();
      const res = await api('PUT', `${vendorPath()}/profiles/standard`, {
        as: USERS.vendor2_36,
        body: { expectedVersion: await profileVersion('standard'), name: '標準回答', systems: [], changes: asChanges(completeAnswers(R7, true, '2025-07-01')) },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    positive: {
      as: USERS.vendor2_36,
      method: 'POST',
      path: `${vendorPath()}/submit`,
      body: async () => ({ expectedVersion: await responseVersion(), round: 1 }),
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath()}/submit`, body: { expectedVersion: 1, round: 1 } },
    crossOrg: { as: USERS.vendor36, method: 'POST', path: `${vendorPath()}/submit`, body: { expectedVersion: 1, round: 1 } },
  })),
  'vendorResponses.return': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `${vendorPath()}/return`,
      body: async () => ({ expectedVersion: await responseVersion(), message: '分離テスト' }),
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath()}/return`, body: { expectedVersion: 1, message: 'x' } },
    // The vendor cannot send its own answers back.
    crossOrg: { as: USERS.vendor2_36, method: 'POST', path: `${vendorPath()}/return`, body: { expectedVersion: 1, message: 'x' } },
  })),
  'vendorResponses.confirm': lazy(() => ({
    prepare: async () => {
      await ensureCampaign();
      await submitShikoku();
    },
    positive: { as: USERS.pref36, method: 'POST', path: `${vendorPath()}/confirm`, body: async () => ({ expectedVersion: await responseVersion() }) },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath()}/confirm`, body: { expectedVersion: 1 } },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: `${vendorPath()}/confirm`, body: { expectedVersion: 1 } },
  })),
  'campaigns.vendors': lazy(() => ({
    prepare: ensureCampaign,
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaignId}/vendors` },
    expectPositive: (b: unknown) => expect((b as { items: { vendorId: string }[] }).items.map((i) => i.vendorId).sort()).toEqual([...vendorsInCampaign].sort()),
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaignId}/vendors` },
    crossOrg: { as: USERS.vendor36, path: `/api/campaigns/${campaignId}/vendors` },
  })),
  'facilities.vendorAnswers': {
    prepare: ensureCampaign,
    positive: { as: USERS.hospitalAdmin36, path: '/api/facilities/f001/vendor-answers?templateId=mhlw-facility-r7' },
    expectPositive: (b) => {
      const items = (b as { items: { vendorId: string; campaignId: string }[] }).items.filter((i) => i.campaignId === campaignId);
      expect(items.map((i) => i.vendorId).sort()).toEqual(
        contractsOf('f001')
          .map((c) => c.vendorId)
          .sort(),
      );
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/facilities/f001/vendor-answers' },
    // Another facility reads f001's vendors' answers.
    crossOrg: { as: USERS.clinic36, path: '/api/facilities/f001/vendor-answers' },
    leaks: (b) => ids36(b),
  },
};
