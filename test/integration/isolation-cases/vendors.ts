import type { RouteId, VendorResponseView } from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../../support/api.ts';
import { createCampaign } from '../../support/campaigns.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';
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
 * The vendor form's routes, on vendor campaigns made through the API: each case that writes (a profile, a
 * submission, a review) has a campaign of its own, so that no case sees another's writes; the cases that only read
 * share one. 四国医療情報サービス (vendor2_36) answers, 阿波メディカル (vendor36) is the other vendor, f001 the facility
 * reading its vendors' answers.
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

/** Creates a vendor campaign of tenant 36 over `target` and returns its id. */
async function vendorCampaign(): Promise<string> {
  const res = await createCampaign(USERS.pref36, {
    templateId: R7.id,
    title: { ja: '令和7年度 事業者確認用 (分離テスト)' },
    fiscalYear: 2025,
    opensOn: '2025-06-01',
    deadline: '2026-03-31',
    target: { kind: 'facilities', ids: target },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await settle();
  return res.body.campaign.id;
}
let reading: Promise<string> | undefined;
/** One campaign for the cases that only read: made by whichever of them runs first; no case writes to it. */
const readOnlyCampaign = () => (reading ??= vendorCampaign());

const vendorPath = (campaignId: string, vendorId = SHIKOKU) => `/api/campaigns/${campaignId}/vendors/${vendorId}`;
const responseOf = async (campaignId: string) => (await api<VendorResponseView>('GET', `${vendorPath(campaignId)}/response`, { as: USERS.vendor2_36 })).body;
const responseVersion = async (campaignId: string) => (await responseOf(campaignId)).version;
const profileVersion = async (campaignId: string, id: string) => (await responseOf(campaignId)).profiles.find((p) => p.id === id)?.version ?? 0;
const facilityVersion = async (campaignId: string, facilityId: string) =>
  (await api<{ version: number }>('GET', `${vendorPath(campaignId)}/facilities/${facilityId}`, { as: USERS.vendor2_36 })).body.version ?? 1;
const yes = { value: 'yes', checkedOn: '2025-07-01' };
/** 四国IT answers its standard profile completely (only then can it submit). */
const completeShikoku = async (campaignId: string) => {
  const res = await api('PUT', `${vendorPath(campaignId)}/profiles/standard`, {
    as: USERS.vendor2_36,
    body: {
      expectedVersion: await profileVersion(campaignId, 'standard'),
      name: '標準回答',
      systems: [],
      changes: asChanges(completeAnswers(R7, true, '2025-07-01')),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
/** A campaign of the case's own where 四国IT has answered and submitted round 1. */
const submittedCampaign = async () => {
  const campaignId = await vendorCampaign();
  await completeShikoku(campaignId);
  const res = await api('POST', `${vendorPath(campaignId)}/submit`, {
    as: USERS.vendor2_36,
    body: { expectedVersion: await responseVersion(campaignId), round: 1 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return campaignId;
};
const shikokuTargets = target.filter((id) => shikokuFacilities.includes(id)).sort();

/** Isolation cases of this part's routes; spread into the suite's table, which must cover every route. */
export const VENDOR_CASES: Record<VendorRouteId, IsolationCase> = {
  'vendors.get': {
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}` },
    expectPositive: (b) => {
      expect(b).toMatchObject({ id: SHIKOKU, name: T36.vendors.find((v) => v.id === SHIKOKU)!.name });
      expect((b as { facilityCount: number }).facilityCount).toBeGreaterThanOrEqual(shikokuFacilities.length);
    },
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}` },
    // Another vendor of the same tenant.
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}` },
  },
  'vendors.facilities': {
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}/facilities?limit=200` },
    expectPositive: (b) => {
      const ids = (b as { items: { id: string }[] }).items.map((f) => f.id);
      expect(ids).toEqual(expect.arrayContaining(shikokuFacilities));
      expect(ids.filter((id) => /^f\d{3}$/.test(id) && !shikokuFacilities.includes(id))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}/facilities` },
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}/facilities` },
  },
  'vendors.campaigns': preparedCase(readOnlyCampaign, (campaignId) => ({
    positive: { as: USERS.vendor2_36, path: `/api/vendors/${SHIKOKU}/campaigns` },
    expectPositive: (b) =>
      expect((b as { items: { campaign: { id: string } }[] }).items.map((i) => i.campaign.id)).toEqual(expect.arrayContaining([campaignId, 'r6-vendor'])),
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${SHIKOKU}/campaigns` },
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${SHIKOKU}/campaigns` },
  })),
  'vendorResponses.get': preparedCase(readOnlyCampaign, (campaignId) => ({
    positive: { as: USERS.vendor2_36, path: `${vendorPath(campaignId)}/response` },
    expectPositive: (b) => expect(b).toMatchObject({ campaign: { id: campaignId }, vendor: { id: SHIKOKU }, facilityCount: shikokuTargets.length }),
    crossTenant: { as: USERS.pref37, path: `${vendorPath(campaignId)}/response` },
    // 阿波メディカル reads 四国IT's response.
    crossOrg: { as: USERS.vendor36, path: `${vendorPath(campaignId)}/response` },
  })),
  // The standard profile a new response starts with, answered.
  'vendorResponses.saveProfile': preparedCase(vendorCampaign, (campaignId) => {
    let readVersion = 0;
    return {
      positive: {
        as: USERS.vendor2_36,
        method: 'PUT',
        path: `${vendorPath(campaignId)}/profiles/standard`,
        body: async () => {
          readVersion = await profileVersion(campaignId, 'standard');
          return { expectedVersion: readVersion, name: '標準回答', systems: [], changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: yes }] };
        },
      },
      expectPositive: async (b) => {
        const saved = { id: 'standard', name: '標準回答', answers: { 'gate:system': { '1': yes } } };
        expect(b).toMatchObject({ ...saved, version: readVersion + 1 });
        expect((await responseOf(campaignId)).profiles).toMatchObject([{ ...saved, version: readVersion + 1 }]);
      },
      crossTenant: {
        as: USERS.pref37,
        method: 'PUT',
        path: `${vendorPath(campaignId)}/profiles/standard`,
        body: { expectedVersion: 1, name: 'x', systems: [], changes: [] },
      },
      crossOrg: {
        as: USERS.vendor36,
        method: 'PUT',
        path: `${vendorPath(campaignId)}/profiles/standard`,
        body: { expectedVersion: 1, name: 'x', systems: [], changes: [] },
      },
    };
  }),
  // A spare profile the case makes; the positive control deletes it (204, read back).
  'vendorResponses.deleteProfile': preparedCase(
    async () => {
      const campaignId = await vendorCampaign();
      const res = await api('PUT', `${vendorPath(campaignId)}/profiles/iso-spare`, {
        as: USERS.vendor2_36,
        body: { expectedVersion: 0, name: '予備', systems: [], changes: [] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await responseOf(campaignId)).profiles.map((p) => p.id)).toEqual(['standard', 'iso-spare']);
      return campaignId;
    },
    (campaignId) => ({
      positive: { as: USERS.vendor2_36, method: 'DELETE', path: `${vendorPath(campaignId)}/profiles/iso-spare?expectedVersion=1` },
      expectPositive: async () => expect((await responseOf(campaignId)).profiles.map((p) => p.id)).toEqual(['standard']),
      crossTenant: { as: USERS.pref37, method: 'DELETE', path: `${vendorPath(campaignId)}/profiles/standard?expectedVersion=1` },
      crossOrg: { as: USERS.vendor36, method: 'DELETE', path: `${vendorPath(campaignId)}/profiles/standard?expectedVersion=1` },
    }),
  ),
  'vendorResponses.facilities': preparedCase(readOnlyCampaign, (campaignId) => ({
    positive: { as: USERS.vendor2_36, path: `${vendorPath(campaignId)}/facilities` },
    expectPositive: (b) => expect((b as { items: { facilityId: string }[] }).items.map((i) => i.facilityId).sort()).toEqual(shikokuTargets),
    crossTenant: { as: USERS.pref37, path: `${vendorPath(campaignId)}/facilities` },
    crossOrg: { as: USERS.vendor36, path: `${vendorPath(campaignId)}/facilities` },
  })),
  'vendorResponses.getFacility': preparedCase(readOnlyCampaign, (campaignId) => ({
    // The facility reads what its vendor answers for it.
    positive: { as: USERS.hospitalAdmin36, path: `${vendorPath(campaignId, f001Vendor)}/facilities/f001` },
    expectPositive: (b) => expect(b).toMatchObject({ campaign: { id: campaignId }, vendor: { id: f001Vendor }, facility: { id: 'f001' } }),
    crossTenant: { as: USERS.hospitalAdmin37, path: `${vendorPath(campaignId, f001Vendor)}/facilities/f001` },
    // The inspector of 徳島保健所 reads a facility of another 保健所.
    crossOrg: {
      as: USERS.inspector36,
      path: `${vendorPath(campaignId, contractsOf(otherHcFacility.id)[0]!.vendorId)}/facilities/${otherHcFacility.id}`,
    },
  })),
  'vendorResponses.saveFacility': preparedCase(vendorCampaign, (campaignId) => ({
    positive: {
      as: USERS.vendor2_36,
      method: 'PUT',
      path: `${vendorPath(campaignId)}/facilities/${linked[0]}`,
      body: async () => ({
        expectedVersion: await facilityVersion(campaignId, linked[0] as string),
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: yes }],
      }),
    },
    expectPositive: async (b) => {
      const saved = { facility: { id: linked[0] }, vendor: { id: SHIKOKU }, overrides: { '1-1:system': { '1': yes } }, overriddenCells: ['1-1:system'] };
      expect(b).toMatchObject(saved);
      expect((await api('GET', `${vendorPath(campaignId)}/facilities/${linked[0]}`, { as: USERS.vendor2_36 })).body).toMatchObject(saved);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: `${vendorPath(campaignId)}/facilities/${linked[0]}`,
      body: { expectedVersion: 1, changes: [] },
    },
    // The vendor aims at a facility it has no contract with: 404, nothing written.
    crossOrg: {
      as: USERS.vendor2_36,
      method: 'PUT',
      path: `${vendorPath(campaignId)}/facilities/${unlinked.id}`,
      body: { expectedVersion: 1, changes: [] },
    },
  })),
  'vendorResponses.submit': preparedCase(
    async () => {
      const campaignId = await vendorCampaign();
      await completeShikoku(campaignId);
      return campaignId;
    },
    (campaignId) => ({
      positive: {
        as: USERS.vendor2_36,
        method: 'POST',
        path: `${vendorPath(campaignId)}/submit`,
        body: async () => ({ expectedVersion: await responseVersion(campaignId), round: 1 }),
      },
      expectPositive: (b) => {
        expect(b).toMatchObject({ campaign: { id: campaignId }, vendor: { id: SHIKOKU }, status: 'submitted' });
        expect((b as VendorResponseView).submissions.map((s) => s.round)).toEqual([1]);
      },
      crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath(campaignId)}/submit`, body: { expectedVersion: 1, round: 1 } },
      crossOrg: { as: USERS.vendor36, method: 'POST', path: `${vendorPath(campaignId)}/submit`, body: { expectedVersion: 1, round: 1 } },
    }),
  ),
  'vendorResponses.return': preparedCase(submittedCampaign, (campaignId) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `${vendorPath(campaignId)}/return`,
      body: async () => ({ expectedVersion: await responseVersion(campaignId), message: '分離テスト' }),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ campaign: { id: campaignId }, vendor: { id: SHIKOKU }, status: 'returned' });
      expect((b as VendorResponseView).reviews.map((r) => [r.action, r.message])).toEqual([['returned', '分離テスト']]);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath(campaignId)}/return`, body: { expectedVersion: 1, message: 'x' } },
    // The vendor cannot send its own answers back.
    crossOrg: { as: USERS.vendor2_36, method: 'POST', path: `${vendorPath(campaignId)}/return`, body: { expectedVersion: 1, message: 'x' } },
  })),
  'vendorResponses.confirm': preparedCase(submittedCampaign, (campaignId) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `${vendorPath(campaignId)}/confirm`,
      body: async () => ({ expectedVersion: await responseVersion(campaignId) }),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ campaign: { id: campaignId }, vendor: { id: SHIKOKU }, status: 'confirmed' });
      expect((b as VendorResponseView).reviews.map((r) => r.action)).toEqual(['confirmed']);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `${vendorPath(campaignId)}/confirm`, body: { expectedVersion: 1 } },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: `${vendorPath(campaignId)}/confirm`, body: { expectedVersion: 1 } },
  })),
  'campaigns.vendors': preparedCase(readOnlyCampaign, (campaignId) => ({
    positive: { as: USERS.pref36, path: `/api/campaigns/${campaignId}/vendors` },
    expectPositive: (b) => expect((b as { items: { vendorId: string }[] }).items.map((i) => i.vendorId).sort()).toEqual([...vendorsInCampaign].sort()),
    crossTenant: { as: USERS.pref37, path: `/api/campaigns/${campaignId}/vendors` },
    crossOrg: { as: USERS.vendor36, path: `/api/campaigns/${campaignId}/vendors` },
  })),
  'facilities.vendorAnswers': preparedCase(readOnlyCampaign, (campaignId) => ({
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
  })),
};
