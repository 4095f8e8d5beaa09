import type { IncidentDetail, RouteId } from '@mcr/contract';
import { bcpInitialResponseSteps } from '@mcr/domain';
import { expect } from 'vitest';
import { api, USERS } from '../../support/api.ts';
import type { IsolationCase } from '../../support/isolation.ts';

type IncidentRouteId = Extract<RouteId, `incidents.${string}`>;

/**
 * Isolation cases of the suspected-incident routes (issue 10, decision 0021). The victim is a report of f001
 * (徳島保健所); attackers: tenant 37's users (every key starts with the tenant), the demo clinic (another facility
 * of tenant 36, under 阿南保健所) and the 保健所 inspector where the prefecture alone may act.
 */
const stamp = Date.now().toString(36);
const body = (over: Record<string, unknown> = {}) => ({
  description: `分離テスト: 不審な通信の警告 (${stamp})`,
  noticedAt: new Date(Date.now() - 3_600_000).toISOString(),
  careImpact: 'none',
  ...over,
});

interface Fixture {
  /** f001's report the suite works on. */
  main: IncidentDetail;
  /** f001's report the positive control of `incidents.close` closes. */
  toClose: IncidentDetail;
}
let fixture: Fixture | undefined;
let preparing: Promise<Fixture> | undefined;
async function created(): Promise<IncidentDetail> {
  const res = await api<IncidentDetail>('POST', '/api/incidents', { as: USERS.hospitalAdmin36, body: body() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
function ensureFixture(): Promise<Fixture> {
  preparing ??= (async () => {
    fixture = { main: await created(), toClose: await created() };
    return fixture;
  })();
  return preparing;
}
const id = () => fixture?.main.report.incidentId ?? 'x';
const closeId = () => fixture?.toClose.report.incidentId ?? 'x';
const current = async (incidentId = id()) => (await api<IncidentDetail>('GET', `/api/incidents/${incidentId}`, { as: USERS.hospitalAdmin36 })).body;
const step = () => bcpInitialResponseSteps()[0]?.id ?? 'x';
const itemsOf = (b: unknown) => (b as { items: { incidentId: string; facilityId: string; healthCenterId: string }[] }).items;
const HC_36 = /hc-(tokushima|anan|mima)/g;

export const INCIDENT_CASES: Record<IncidentRouteId, IsolationCase> = {
  'incidents.list': {
    prepare: async () => void (await ensureFixture()),
    positive: { as: USERS.pref36, path: '/api/incidents?status=open&limit=100' },
    expectPositive: (b) => expect(itemsOf(b).map((i) => i.incidentId)).toContain(id()),
    crossTenant: { as: USERS.pref37, path: '/api/incidents?limit=100' },
    // The clinic lists its own reports only: never f001's.
    crossOrg: { as: USERS.clinic36, path: '/api/incidents?limit=100' },
    leaks: (b, which) =>
      which === 'crossTenant'
        ? itemsOf(b)
            .filter((i) => i.incidentId === id() || JSON.stringify(i).match(HC_36))
            .map((i) => i.incidentId)
        : itemsOf(b)
            .filter((i) => i.facilityId === 'f001')
            .map((i) => i.incidentId),
  },
  'incidents.create': {
    positive: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/incidents', body: body() },
    expectPositive: (b) => expect((b as IncidentDetail).report).toMatchObject({ facilityId: 'f001', status: 'open' }),
    // Tenant 37's facility names a vendor of tenant 36: not one of its contracts (400 naming body.vendorIds[0]).
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/incidents', body: body({ vendorIds: ['v-awa-medical'] }), refused: [400] },
    // A 保健所 does not report for a facility.
    crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/incidents', body: body() },
  },
  'incidents.get': {
    prepare: async () => void (await ensureFixture()),
    positive: {
      as: USERS.hospitalStaff36,
      get path() {
        return `/api/incidents/${id()}`;
      },
    },
    expectPositive: (b) => expect((b as IncidentDetail).report.incidentId).toBe(id()),
    crossTenant: {
      as: USERS.hospitalAdmin37,
      get path() {
        return `/api/incidents/${id()}`;
      },
    },
    crossOrg: {
      as: USERS.clinic36,
      get path() {
        return `/api/incidents/${id()}`;
      },
    },
  },
  'incidents.update': {
    prepare: async () => void (await ensureFixture()),
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}`;
      },
      body: async () => ({
        systems: ['電子カルテ'],
        vendorIds: [],
        contacted: ['vendor'],
        contactedOther: '',
        careImpact: 'partial',
        expectedVersion: (await current()).report.version,
      }),
    },
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}`;
      },
      body: async () => ({
        systems: [],
        vendorIds: [],
        contacted: [],
        contactedOther: '',
        careImpact: 'none',
        expectedVersion: (await current()).report.version,
      }),
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}`;
      },
      body: async () => ({
        systems: [],
        vendorIds: [],
        contacted: [],
        contactedOther: '',
        careImpact: 'none',
        expectedVersion: (await current()).report.version,
      }),
    },
  },
  'incidents.post': {
    prepare: async () => void (await ensureFixture()),
    positive: {
      as: USERS.pref36,
      method: 'POST',
      get path() {
        return `/api/incidents/${id()}/entries`;
      },
      body: { text: '県です。状況を教えてください。' },
    },
    expectPositive: (b) => expect(b).toMatchObject({ side: 'prefecture', kind: 'message' }),
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      get path() {
        return `/api/incidents/${id()}/entries`;
      },
      body: { text: '香川県から' },
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      get path() {
        return `/api/incidents/${id()}/entries`;
      },
      body: { text: '別の診療所から' },
    },
  },
  'incidents.tick': {
    prepare: async () => void (await ensureFixture()),
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}/steps/${step()}`;
      },
      body: async () => ({ done: !(await current()).report.steps[step()]?.done }),
    },
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}/steps/${step()}`;
      },
      body: { done: true },
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'PUT',
      get path() {
        return `/api/incidents/${id()}/steps/${step()}`;
      },
      body: { done: true },
    },
  },
  'incidents.close': {
    prepare: async () => void (await ensureFixture()),
    positive: {
      as: USERS.pref36,
      method: 'POST',
      get path() {
        return `/api/incidents/${closeId()}/close`;
      },
      body: async () => ({ reason: '分離テストの終了', expectedVersion: (await current(closeId())).report.version }),
    },
    expectPositive: (b) => expect((b as IncidentDetail).report.status).toBe('closed'),
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      get path() {
        return `/api/incidents/${id()}/close`;
      },
      body: async () => ({ reason: '香川県から', expectedVersion: (await current()).report.version }),
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      get path() {
        return `/api/incidents/${id()}/close`;
      },
      body: async () => ({ reason: '別の診療所から', expectedVersion: (await current()).report.version }),
    },
  },
  'incidents.counts': {
    prepare: async () => void (await ensureFixture()),
    positive: { as: USERS.pref36, path: '/api/incident-counts' },
    expectPositive: (b) => expect((b as { open: number }).open).toBeGreaterThan(0),
    crossTenant: { as: USERS.pref37, path: '/api/incident-counts' },
    // The 保健所 gets its own count: no other 保健所 in it.
    crossOrg: { as: USERS.inspector36, path: '/api/incident-counts' },
    leaks: (b, which) => {
      const hcs = (JSON.stringify(b).match(HC_36) ?? []) as string[];
      return which === 'crossTenant' ? hcs : hcs.filter((h) => h !== 'hc-tokushima');
    },
  },
};
