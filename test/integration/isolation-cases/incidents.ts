import type { IncidentCounts, IncidentDetail, IncidentEntry, RouteId } from '@mcr/contract';
import { bcpInitialResponseSteps } from '@mcr/domain';
import { expect } from 'vitest';
import { api, USERS } from '../../support/api.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';

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

/** A new report of f001: each case makes the reports it works on, so no case sees another's changes. */
async function report(): Promise<IncidentDetail> {
  const res = await api<IncidentDetail>('POST', '/api/incidents', { as: USERS.hospitalAdmin36, body: body() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const current = async (incidentId: string) => (await api<IncidentDetail>('GET', `/api/incidents/${incidentId}`, { as: USERS.hospitalAdmin36 })).body;
const step = () => bcpInitialResponseSteps()[0]?.id ?? 'x';
const itemsOf = (b: unknown) => (b as { items: { incidentId: string; facilityId: string; healthCenterId: string }[] }).items;
const HC_36 = /hc-(tokushima|anan|mima)/g;
const idOf = (d: IncidentDetail) => d.report.incidentId;

export const INCIDENT_CASES: Record<IncidentRouteId, IsolationCase> = {
  'incidents.list': preparedCase(report, (main) => ({
    positive: { as: USERS.pref36, path: '/api/incidents?status=open&limit=100' },
    expectPositive: (b) => {
      expect(itemsOf(b).filter((i) => i.incidentId === idOf(main))).toMatchObject([{ facilityId: 'f001', healthCenterId: 'hc-tokushima' }]);
      expect(itemsOf(b).filter((i) => !JSON.stringify(i).match(HC_36))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: '/api/incidents?limit=100' },
    // The clinic lists its own reports only: never f001's.
    crossOrg: { as: USERS.clinic36, path: '/api/incidents?limit=100' },
    leaks: (b, which) =>
      which === 'crossTenant'
        ? itemsOf(b)
            .filter((i) => i.incidentId === idOf(main) || JSON.stringify(i).match(HC_36))
            .map((i) => i.incidentId)
        : itemsOf(b)
            .filter((i) => i.facilityId === 'f001')
            .map((i) => i.incidentId),
  })),
  'incidents.create': {
    positive: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/incidents', body: body() },
    expectPositive: async (b) => {
      const made = { facilityId: 'f001', healthCenterId: 'hc-tokushima', status: 'open', description: body().description, careImpact: 'none' };
      expect((b as IncidentDetail).report).toMatchObject(made);
      expect((await current((b as IncidentDetail).report.incidentId)).report).toMatchObject(made);
    },
    // Tenant 37's facility names a vendor of tenant 36: not one of its contracts (400 naming body.vendorIds[0]).
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/incidents', body: body({ vendorIds: ['v-awa-medical'] }), refused: [400] },
    // A 保健所 does not report for a facility.
    crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/incidents', body: body() },
  },
  'incidents.get': preparedCase(report, (main) => ({
    positive: { as: USERS.hospitalStaff36, path: `/api/incidents/${idOf(main)}` },
    expectPositive: (b) =>
      expect((b as IncidentDetail).report).toMatchObject({ incidentId: idOf(main), facilityId: 'f001', description: main.report.description }),
    crossTenant: { as: USERS.hospitalAdmin37, path: `/api/incidents/${idOf(main)}` },
    crossOrg: { as: USERS.clinic36, path: `/api/incidents/${idOf(main)}` },
  })),
  'incidents.update': preparedCase(report, (main) => {
    const update = (as: string, systems: string[], contacted: string[], careImpact: string) => ({
      as,
      method: 'PUT',
      path: `/api/incidents/${idOf(main)}`,
      body: async () => ({ systems, vendorIds: [], contacted, contactedOther: '', careImpact, expectedVersion: (await current(idOf(main))).report.version }),
    });
    return {
      positive: update(USERS.hospitalAdmin36, ['電子カルテ'], ['vendor'], 'partial'),
      expectPositive: async (b) => {
        const changed = { incidentId: idOf(main), systems: ['電子カルテ'], contacted: ['vendor'], careImpact: 'partial', version: main.report.version + 1 };
        expect((b as IncidentDetail).report).toMatchObject(changed);
        expect((await current(idOf(main))).report).toMatchObject(changed);
      },
      crossTenant: update(USERS.hospitalAdmin37, [], [], 'none'),
      crossOrg: update(USERS.clinic36, [], [], 'none'),
    };
  }),
  'incidents.post': preparedCase(report, (main) => ({
    positive: { as: USERS.pref36, method: 'POST', path: `/api/incidents/${idOf(main)}/entries`, body: { text: '県です。状況を教えてください。' } },
    expectPositive: async (b) => {
      const entry = { side: 'prefecture', kind: 'message', text: '県です。状況を教えてください。' };
      expect(b).toMatchObject(entry);
      expect((await current(idOf(main))).timeline.filter((e) => e.entryId === (b as IncidentEntry).entryId)).toMatchObject([entry]);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: `/api/incidents/${idOf(main)}/entries`, body: { text: '香川県から' } },
    crossOrg: { as: USERS.clinic36, method: 'POST', path: `/api/incidents/${idOf(main)}/entries`, body: { text: '別の診療所から' } },
  })),
  // A new report has no step ticked: the positive control ticks the first.
  'incidents.tick': preparedCase(report, (main) => ({
    positive: { as: USERS.hospitalAdmin36, method: 'PUT', path: `/api/incidents/${idOf(main)}/steps/${step()}`, body: { done: true } },
    expectPositive: async (b) => {
      expect((b as IncidentDetail).report).toMatchObject({ incidentId: idOf(main), steps: { [step()]: { done: true } } });
      expect((await current(idOf(main))).report.steps[step()]).toMatchObject({ done: true });
    },
    crossTenant: { as: USERS.hospitalAdmin37, method: 'PUT', path: `/api/incidents/${idOf(main)}/steps/${step()}`, body: { done: true } },
    crossOrg: { as: USERS.clinic36, method: 'PUT', path: `/api/incidents/${idOf(main)}/steps/${step()}`, body: { done: true } },
  })),
  // The positive control closes one report; the attackers aim at another one.
  'incidents.close': preparedCase(
    async () => ({ main: await report(), toClose: await report() }),
    ({ main, toClose }) => ({
      positive: {
        as: USERS.pref36,
        method: 'POST',
        path: `/api/incidents/${idOf(toClose)}/close`,
        body: async () => ({ reason: '分離テストの終了', expectedVersion: (await current(idOf(toClose))).report.version }),
      },
      expectPositive: (b) =>
        expect((b as IncidentDetail).report).toMatchObject({ incidentId: idOf(toClose), status: 'closed', closeReason: '分離テストの終了' }),
      crossTenant: {
        as: USERS.pref37,
        method: 'POST',
        path: `/api/incidents/${idOf(main)}/close`,
        body: async () => ({ reason: '香川県から', expectedVersion: (await current(idOf(main))).report.version }),
      },
      crossOrg: {
        as: USERS.clinic36,
        method: 'POST',
        path: `/api/incidents/${idOf(main)}/close`,
        body: async () => ({ reason: '別の診療所から', expectedVersion: (await current(idOf(main))).report.version }),
      },
    }),
  ),
  'incidents.counts': preparedCase(report, () => ({
    positive: { as: USERS.pref36, path: '/api/incident-counts' },
    // At least the case's own open report of 徳島保健所, counted under it.
    expectPositive: (b) => {
      const counts = b as IncidentCounts;
      expect(counts.open).toBeGreaterThan(0);
      expect(counts.byHealthCenter.find((h) => h.healthCenterId === 'hc-tokushima')?.open).toBeGreaterThan(0);
    },
    crossTenant: { as: USERS.pref37, path: '/api/incident-counts' },
    // The 保健所 gets its own count: no other 保健所 in it.
    crossOrg: { as: USERS.inspector36, path: '/api/incident-counts' },
    leaks: (b, which) => {
      const hcs = (JSON.stringify(b).match(HC_36) ?? []) as string[];
      return which === 'crossTenant' ? hcs : hcs.filter((h) => h !== 'hc-tokushima');
    },
  })),
};
