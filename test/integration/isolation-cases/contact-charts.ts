import type { OutsideContacts, RouteId, VendorIncidentContact } from '@mcr/contract';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../../support/api.ts';
import type { IsolationCase } from '../../support/isolation.ts';

type ContactChartRouteId = Extract<RouteId, `contactCharts.${string}`>;

/**
 * 連絡体制図 routes (issue 10). f001 (hospitalAdmin36) keeps its chart; the clinic is another facility of the same
 * tenant; 徳島保健所's inspector reads its own facilities only; 阿波メディカル (vendor36) keeps its incident contact.
 */
const T36 = tokushima();
const hospital = T36.facilities[0]!;
const otherHcFacility = T36.facilities.find((f) => f.healthCenterId !== 'hc-tokushima')!;
const inspectorsFacilities = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));
const IDS_36 = /(?<![\w-])(f\d{3}|hc-(tokushima|anan|mima)|v-(awa-medical|shikoku-it|naruto-soft|yoshino-net|dental-cloud|pacs-japan))(?![\w-])/g;
const ids36 = (body: unknown) => JSON.stringify(body).match(IDS_36) ?? [];

const person = (name: string) => ({ name, title: '', phone: '088-600-0000', afterHoursPhone: '', email: '' });
const chartBody = (expectedVersion: number) => ({
  expectedVersion,
  director: person('分離 院長'),
  securityOfficer: person('分離 責任者'),
  systemStaff: [person('分離 担当')],
  vendorOverrides: [],
  notes: '',
});
const chartVersion = async (as: string) => (await api<{ chart: { version: number } | null }>('GET', '/api/contact-chart', { as })).body.chart?.version ?? 0;
async function ensureChart(): Promise<void> {
  const v = await chartVersion(USERS.hospitalAdmin36);
  if (v > 0) return;
  const res = await api('PUT', '/api/contact-chart', { as: USERS.hospitalAdmin36, body: chartBody(0) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const AWA_CONTACT = { name: '阿波メディカル 障害受付', phone: '088-600-1111' };
const awaContact = async () => (await api<VendorIncidentContact>('GET', '/api/vendors/v-awa-medical/incident-contact', { as: USERS.vendor36 })).body;
async function saveAwaContact(): Promise<void> {
  const res = await api('PUT', '/api/vendors/v-awa-medical/incident-contact', {
    as: USERS.vendor36,
    body: { expectedVersion: (await awaContact()).version, ...AWA_CONTACT },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export const CONTACT_CHART_CASES: Record<ContactChartRouteId, IsolationCase> = {
  'contactCharts.getOwn': {
    positive: { as: USERS.hospitalAdmin36, path: '/api/contact-chart' },
    expectPositive: (b) => expect((b as { facility: { id: string } }).facility.id).toBe(hospital.id),
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/contact-chart' },
    // Another facility of the same tenant reads its own chart, never f001's.
    crossOrg: { as: USERS.clinic36, path: '/api/contact-chart' },
    leaks: (b, which) => (which === 'crossTenant' ? ids36(b) : ids36(b).filter((id) => id === hospital.id)),
  },
  'contactCharts.save': {
    positive: { as: USERS.hospitalAdmin36, method: 'PUT', path: '/api/contact-chart', body: async () => chartBody(await chartVersion(USERS.hospitalAdmin36)) },
    expectPositive: async (b) => {
      const saved = { facility: { id: hospital.id }, chart: { director: { name: '分離 院長' }, systemStaff: [{ name: '分離 担当' }] } };
      expect(b).toMatchObject(saved);
      expect((await api('GET', '/api/contact-chart', { as: USERS.hospitalAdmin36 })).body).toMatchObject(saved);
    },
    crossTenant: { as: USERS.pref37, method: 'PUT', path: '/api/contact-chart', body: chartBody(1) },
    crossOrg: { as: USERS.inspector36, method: 'PUT', path: '/api/contact-chart', body: chartBody(1) },
  },
  'contactCharts.confirm': {
    prepare: ensureChart,
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: '/api/contact-chart/confirm',
      body: async () => ({ expectedVersion: await chartVersion(USERS.hospitalAdmin36) }),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ facility: { id: hospital.id }, status: 'current' });
      expect((b as { chart: { confirmedOn: string | null } }).chart.confirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
    crossTenant: { as: USERS.pref37, method: 'POST', path: '/api/contact-chart/confirm', body: { expectedVersion: 1 } },
    crossOrg: { as: USERS.vendor36, method: 'POST', path: '/api/contact-chart/confirm', body: { expectedVersion: 1 } },
  },
  'contactCharts.getOfFacility': {
    positive: { as: USERS.inspector36, path: `/api/facilities/${hospital.id}/contact-chart` },
    expectPositive: (b) => expect((b as { facility: { id: string } }).facility.id).toBe(hospital.id),
    crossTenant: { as: USERS.pref37, path: `/api/facilities/${hospital.id}/contact-chart` },
    // 徳島保健所 aims at a facility of another 保健所.
    crossOrg: { as: USERS.inspector36, path: `/api/facilities/${otherHcFacility.id}/contact-chart` },
  },
  'contactCharts.list': {
    positive: { as: USERS.inspector36, path: '/api/contact-charts?limit=200' },
    expectPositive: (b) => {
      const ids = (b as { items: { facilityId: string }[] }).items.map((i) => i.facilityId);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !inspectorsFacilities.has(id))).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: '/api/contact-charts?limit=200' },
    crossOrg: { as: USERS.inspector36, path: `/api/contact-charts?healthCenterId=${otherHcFacility.healthCenterId}` },
    leaks: (b) => ids36(b),
  },
  'contactCharts.coverage': {
    positive: { as: USERS.pref36, path: '/api/contact-charts/coverage' },
    // Other test files add facilities to tenant 36: at least the seeded ones.
    expectPositive: (b) => expect((b as { total: number }).total).toBeGreaterThanOrEqual(T36.facilities.length),
    crossTenant: { as: USERS.pref37, path: '/api/contact-charts/coverage' },
    // The inspector's figure is its own 保健所's.
    crossOrg: { as: USERS.inspector36, path: '/api/contact-charts/coverage' },
    leaks: (b, which) =>
      which === 'crossTenant'
        ? [...ids36(b), ...((b as { total: number }).total >= T36.facilities.length ? ['the facility count of tenant 36'] : [])]
        : [
            ...ids36(b).filter((id) => id !== 'hc-tokushima'),
            ...((b as { total: number }).total !== inspectorsFacilities.size ? ['a total beyond the inspector’s 保健所'] : []),
          ],
  },
  'contactCharts.outsideGet': {
    positive: { as: USERS.hospitalAdmin36, path: '/api/outside-contacts' },
    expectPositive: (b) => expect((b as { healthCenters: { healthCenterId: string }[] }).healthCenters.map((h) => h.healthCenterId)).toContain('hc-tokushima'),
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/outside-contacts' },
    leaks: (b) => ids36(b),
    // Vendors have no business with the prefecture's list.
    crossOrg: { as: USERS.vendor36, path: '/api/outside-contacts' },
  },
  'contactCharts.outsidePut': (() => {
    // What the prefecture read before saving it back unchanged: the save must be its own, one version on.
    let read: OutsideContacts | undefined;
    return {
      positive: {
        as: USERS.pref36,
        method: 'PUT',
        path: '/api/outside-contacts',
        body: async () => {
          const cur = (await api<OutsideContacts>('GET', '/api/outside-contacts', { as: USERS.pref36 })).body;
          read = cur;
          const strip = ({ source: _s, ...c }: Record<string, unknown>) => c;
          return {
            expectedVersion: cur.version,
            prefecture: strip(cur.prefecture),
            police: strip(cur.police),
            mhlw: strip(cur.mhlw),
            healthCenters: cur.healthCenters.map(strip),
            desks: cur.desks.map(strip),
          };
        },
      },
      expectPositive: async (b) => {
        const saved = { isDefault: false, version: (read?.version ?? 0) + 1, prefecture: { name: read?.prefecture.name } };
        expect(read?.prefecture.name).toContain('徳島県');
        expect(b).toMatchObject(saved);
        expect((b as OutsideContacts).healthCenters.map((h) => h.healthCenterId)).toEqual(expect.arrayContaining(['hc-anan', 'hc-mima', 'hc-tokushima']));
        expect((await api('GET', '/api/outside-contacts', { as: USERS.pref36 })).body).toMatchObject(saved);
      },
      // Tenant 37 names 36's 保健所: not one of its own (400 naming the field), nothing written.
      crossTenant: {
        as: USERS.pref37,
        method: 'PUT',
        path: '/api/outside-contacts',
        body: { expectedVersion: 0, prefecture: {}, police: {}, mhlw: {}, healthCenters: [{ healthCenterId: 'hc-tokushima', name: 'x' }], desks: [] },
        refused: [400, 409],
      },
      crossOrg: {
        as: USERS.inspector36,
        method: 'PUT',
        path: '/api/outside-contacts',
        body: { expectedVersion: 1, prefecture: {}, police: {}, mhlw: {}, healthCenters: [], desks: [] },
      },
    };
  })(),
  // 阿波メディカル's incident contact, saved by the case itself just before.
  'contactCharts.vendorContactGet': {
    prepare: () => saveAwaContact(),
    positive: { as: USERS.vendor36, path: '/api/vendors/v-awa-medical/incident-contact' },
    expectPositive: (b) => expect(b).toMatchObject(AWA_CONTACT),
    crossTenant: { as: USERS.pref37, path: '/api/vendors/v-awa-medical/incident-contact' },
    crossOrg: { as: USERS.vendor2_36, path: '/api/vendors/v-awa-medical/incident-contact' },
  },
  'contactCharts.vendorContactPut': (() => {
    let readVersion = 0;
    return {
      positive: {
        as: USERS.vendor36,
        method: 'PUT',
        path: '/api/vendors/v-awa-medical/incident-contact',
        body: async () => {
          readVersion = (await awaContact()).version;
          return { expectedVersion: readVersion, ...AWA_CONTACT };
        },
      },
      expectPositive: async (b) => {
        expect(b).toMatchObject({ ...AWA_CONTACT, version: readVersion + 1 });
        expect(await awaContact()).toMatchObject({ ...AWA_CONTACT, version: readVersion + 1 });
      },
      crossTenant: { as: USERS.pref37, method: 'PUT', path: '/api/vendors/v-awa-medical/incident-contact', body: { expectedVersion: 0, name: 'x' } },
      crossOrg: { as: USERS.vendor2_36, method: 'PUT', path: '/api/vendors/v-awa-medical/incident-contact', body: { expectedVersion: 0, name: 'x' } },
    };
  })(),
};
