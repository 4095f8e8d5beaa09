import type { Campaign, DeadlineExtension, RouteId } from '@mcr/contract';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../../support/api.ts';
import { createCampaign } from '../../support/campaigns.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';

type LifecycleRouteId = Extract<
  RouteId,
  'campaigns.updateDeadlines' | 'campaigns.setStatus' | 'campaigns.extensions' | 'campaigns.extend' | 'campaigns.removeExtension'
>;

/**
 * The prefecture's campaign changes (deadlines, status, extensions): pref_admin only. Each case has a campaign of its
 * own (created through the API) so the positive controls disturb no other test or case. Tenant 37's prefecture aims at it (404);
 * a facility administrator and the 保健所 of tenant 36 are refused (403).
 */
const T36 = tokushima();
const FACILITY = T36.facilities.find((f) => f.kind === 'clinic')!.id;

/** A campaign for one case: no case sees another's deadlines, extensions or status. */
async function lifecycleCampaign(): Promise<string> {
  const res = await createCampaign(USERS.pref36, {
    templateId: 'mhlw-facility-r7',
    title: { ja: '令和8年度 期限変更 (分離テスト)' },
    fiscalYear: 2026,
    opensOn: '2026-06-01',
    deadline: '2026-12-25',
    target: { kind: 'facilities', ids: [FACILITY] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.campaign.id;
}
const base = (campaignId: string) => `/api/campaigns/${campaignId}`;
const campaignOf = async (campaignId: string) => (await api<Campaign>('GET', base(campaignId), { as: USERS.pref36 })).body;
const extensionsOf = async (campaignId: string) =>
  (await api<{ items: DeadlineExtension[] }>('GET', `${base(campaignId)}/extensions`, { as: USERS.pref36 })).body.items;
/** A campaign of the case's own where the clinic's deadline is extended. */
async function extendedCampaign(): Promise<{ campaignId: string; extension: DeadlineExtension }> {
  const campaignId = await lifecycleCampaign();
  const res = await api<DeadlineExtension>('PUT', `${base(campaignId)}/facilities/${FACILITY}/extension`, {
    as: USERS.pref36,
    body: { expectedVersion: 0, extendedTo: '2027-02-26' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { campaignId, extension: res.body };
}

export const CAMPAIGN_LIFECYCLE_CASES: Record<LifecycleRouteId, IsolationCase> = {
  'campaigns.updateDeadlines': preparedCase(lifecycleCampaign, (campaignId) => ({
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base(campaignId)}/deadlines`,
      body: async () => ({ expectedVersion: (await campaignOf(campaignId)).version, deadline: '2027-01-15', roundDeadlines: {} }),
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ id: campaignId, deadline: '2027-01-15' });
      expect(await campaignOf(campaignId)).toMatchObject({ id: campaignId, deadline: '2027-01-15' });
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: `${base(campaignId)}/deadlines`,
      body: { expectedVersion: 1, deadline: '2027-01-20', roundDeadlines: {} },
    },
    crossOrg: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      path: `${base(campaignId)}/deadlines`,
      body: { expectedVersion: 1, deadline: '2027-01-20', roundDeadlines: {} },
    },
  })),
  'campaigns.extend': preparedCase(lifecycleCampaign, (campaignId) => ({
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base(campaignId)}/facilities/${FACILITY}/extension`,
      body: { expectedVersion: 0, extendedTo: '2027-02-26' },
    },
    expectPositive: async (b) => {
      const granted = { campaignId, facilityId: FACILITY, extendedTo: '2027-02-26', version: 1 };
      expect(b).toMatchObject(granted);
      expect(await extensionsOf(campaignId)).toMatchObject([granted]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: `${base(campaignId)}/facilities/${FACILITY}/extension`,
      body: { expectedVersion: 0, extendedTo: '2027-03-01' },
    },
    crossOrg: {
      as: USERS.inspector36,
      method: 'PUT',
      path: `${base(campaignId)}/facilities/${FACILITY}/extension`,
      body: { expectedVersion: 0, extendedTo: '2027-03-01' },
    },
  })),
  'campaigns.extensions': preparedCase(extendedCampaign, ({ campaignId }) => ({
    positive: { as: USERS.pref36, path: `${base(campaignId)}/extensions` },
    expectPositive: (b) => expect((b as { items: DeadlineExtension[] }).items).toMatchObject([{ campaignId, facilityId: FACILITY, extendedTo: '2027-02-26' }]),
    crossTenant: { as: USERS.pref37, path: `${base(campaignId)}/extensions` },
    crossOrg: { as: USERS.clinic36, path: `${base(campaignId)}/extensions` },
  })),
  // The positive control removes the extension the case granted (204, read back).
  'campaigns.removeExtension': preparedCase(extendedCampaign, ({ campaignId, extension }) => ({
    positive: {
      as: USERS.pref36,
      method: 'DELETE',
      path: `${base(campaignId)}/facilities/${FACILITY}/extension?expectedVersion=${extension.version}`,
    },
    expectPositive: async () => expect(await extensionsOf(campaignId)).toEqual([]),
    crossTenant: { as: USERS.pref37, method: 'DELETE', path: `${base(campaignId)}/facilities/${FACILITY}/extension?expectedVersion=1` },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'DELETE', path: `${base(campaignId)}/facilities/${FACILITY}/extension?expectedVersion=1` },
  })),
  'campaigns.setStatus': preparedCase(lifecycleCampaign, (campaignId) => ({
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base(campaignId)}/status`,
      body: async () => ({ expectedVersion: (await campaignOf(campaignId)).version, status: 'closed' }),
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ id: campaignId, status: 'closed' });
      expect(await campaignOf(campaignId)).toMatchObject({ id: campaignId, status: 'closed' });
    },
    crossTenant: { as: USERS.pref37, method: 'PUT', path: `${base(campaignId)}/status`, body: { expectedVersion: 1, status: 'archived' } },
    crossOrg: { as: USERS.inspector36, method: 'PUT', path: `${base(campaignId)}/status`, body: { expectedVersion: 1, status: 'archived' } },
  })),
};
