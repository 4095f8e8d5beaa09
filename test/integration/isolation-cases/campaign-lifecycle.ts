import type { RouteId } from '@mcr/contract';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../../support/api.ts';
import { createCampaign } from '../../support/campaigns.ts';
import type { IsolationCase } from '../../support/isolation.ts';

type LifecycleRouteId = Extract<
  RouteId,
  'campaigns.updateDeadlines' | 'campaigns.setStatus' | 'campaigns.extensions' | 'campaigns.extend' | 'campaigns.removeExtension'
>;

/**
 * The prefecture's campaign changes (deadlines, status, extensions): pref_admin only. Their own campaign (created
 * once through the API) so the positive controls disturb no other test. Tenant 37's prefecture aims at it (404);
 * a facility administrator and the 保健所 of tenant 36 are refused (403).
 */
const T36 = tokushima();
const FACILITY = T36.facilities.find((f) => f.kind === 'clinic')!.id;

let campaignId = '';
let creating: Promise<void> | undefined;
function ensureCampaign(): Promise<void> {
  creating ??= (async () => {
    const res = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: '令和8年度 期限変更 (分離テスト)' },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2026-12-25',
      target: { kind: 'facilities', ids: [FACILITY] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    campaignId = res.body.campaign.id;
  })();
  return creating;
}
const base = () => `/api/campaigns/${campaignId}`;
const campaignVersion = async () => (await api<{ version: number }>('GET', base(), { as: USERS.pref36 })).body.version;
const extensionVersion = async () =>
  (await api<{ items: { facilityId: string; version: number }[] }>('GET', `${base()}/extensions`, { as: USERS.pref36 })).body.items.find(
    (e) => e.facilityId === FACILITY,
  )?.version ?? 0;

const lazy = <T extends object>(build: () => T): T => new Proxy({} as T, { get: (_t, key) => build()[key as keyof T] });

export const CAMPAIGN_LIFECYCLE_CASES: Record<LifecycleRouteId, IsolationCase> = {
  'campaigns.updateDeadlines': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base()}/deadlines`,
      body: async () => ({ expectedVersion: await campaignVersion(), deadline: '2027-01-15', roundDeadlines: {} }),
    },
    expectPositive: (b: unknown) => expect((b as { deadline: string }).deadline).toBe('2027-01-15'),
    crossTenant: { as: USERS.pref37, method: 'PUT', path: `${base()}/deadlines`, body: { expectedVersion: 1, deadline: '2027-01-20', roundDeadlines: {} } },
    crossOrg: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      path: `${base()}/deadlines`,
      body: { expectedVersion: 1, deadline: '2027-01-20', roundDeadlines: {} },
    },
  })),
  'campaigns.extend': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base()}/facilities/${FACILITY}/extension`,
      body: async () => ({ expectedVersion: await extensionVersion(), extendedTo: '2027-02-26' }),
    },
    expectPositive: (b: unknown) => expect(b).toMatchObject({ facilityId: FACILITY, extendedTo: '2027-02-26' }),
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: `${base()}/facilities/${FACILITY}/extension`,
      body: { expectedVersion: 0, extendedTo: '2027-03-01' },
    },
    crossOrg: {
      as: USERS.inspector36,
      method: 'PUT',
      path: `${base()}/facilities/${FACILITY}/extension`,
      body: { expectedVersion: 0, extendedTo: '2027-03-01' },
    },
  })),
  'campaigns.extensions': lazy(() => ({
    prepare: async () => {
      await ensureCampaign();
      if ((await extensionVersion()) === 0) {
        const res = await api('PUT', `${base()}/facilities/${FACILITY}/extension`, {
          as: USERS.pref36,
          body: { expectedVersion: 0, extendedTo: '2027-02-26' },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    },
    positive: { as: USERS.pref36, path: `${base()}/extensions` },
    expectPositive: (b: unknown) => expect((b as { items: { facilityId: string }[] }).items.map((i) => i.facilityId)).toEqual([FACILITY]),
    crossTenant: { as: USERS.pref37, path: `${base()}/extensions` },
    crossOrg: { as: USERS.clinic36, path: `${base()}/extensions` },
  })),
  'campaigns.removeExtension': lazy(() => ({
    prepare: async () => {
      await ensureCampaign();
      if ((await extensionVersion()) === 0) {
        const res = await api('PUT', `${base()}/facilities/${FACILITY}/extension`, {
          as: USERS.pref36,
          body: { expectedVersion: 0, extendedTo: '2027-02-26' },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      removeVersion = await extensionVersion();
    },
    positive: { as: USERS.pref36, method: 'DELETE', path: `${base()}/facilities/${FACILITY}/extension?expectedVersion=${removeVersion}` },
    crossTenant: { as: USERS.pref37, method: 'DELETE', path: `${base()}/facilities/${FACILITY}/extension?expectedVersion=1` },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'DELETE', path: `${base()}/facilities/${FACILITY}/extension?expectedVersion=1` },
  })),
  'campaigns.setStatus': lazy(() => ({
    prepare: ensureCampaign,
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `${base()}/status`,
      body: async () => ({ expectedVersion: await campaignVersion(), status: 'closed' }),
    },
    expectPositive: (b: unknown) => expect((b as { status: string }).status).toBe('closed'),
    crossTenant: { as: USERS.pref37, method: 'PUT', path: `${base()}/status`, body: { expectedVersion: 1, status: 'archived' } },
    crossOrg: { as: USERS.inspector36, method: 'PUT', path: `${base()}/status`, body: { expectedVersion: 1, status: 'archived' } },
  })),
};
let removeVersion = 0;
