import type { Discrepancy, DiscrepancyPage, FacilityDiscrepanciesResponse, RouteId } from '@mcr/contract';
import { createRepositories, type DiscrepancyFacility, discrepancyIdOf, type ReconcileFinding } from '@mcr/data';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { settle, USERS } from '../../support/api.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';
import { testDb } from '../../support/rows.ts';

type CrossCheckRouteId = Extract<RouteId, `discrepancies.${string}`>;

/**
 * Discrepancies written straight through the repository (the re-check's own reconcile) under a campaign id of
 * this run and case, so the cases do not depend on what the demo's answers happen to produce, nor on each other: the demo hospital f001
 * with 阿波メディカル (the demo vendor user's company), and another facility of 徳島保健所 with another vendor.
 */
const T36 = tokushima();
const AWA = 'v-awa-medical';
const OTHER_VENDOR = 'v-pacs-japan';
const CAMPAIGN = `iso-xc-${Date.now().toString(36)}`;
const hospital = T36.facilities.find((f) => f.id === 'f001')!;
const other = T36.facilities.find((f) => f.id !== 'f001' && f.healthCenterId === 'hc-tokushima')!;
const IDS_36 = /(?<![\w-])(f\d{3}|hc-(tokushima|anan|mima)|v-(awa-medical|shikoku-it|naruto-soft|yoshino-net|dental-cloud|pacs-japan))(?![\w-])/g;
const ids36 = (body: unknown) => JSON.stringify(body).match(IDS_36) ?? [];

const finding = (campaign: string, rule: ReconcileFinding['rule'], vendorId: string, itemId: string, itemNumber: string): ReconcileFinding => ({
  id: `${campaign}#${rule}#${vendorId}#${itemId}`,
  rule,
  vendorId,
  vendorName: vendorId,
  itemId,
  itemNumber,
  itemText: { ja: `項目 ${itemNumber}`, en: `Item ${itemNumber}` },
  detail: { facility: 'yes', documents: 0 },
});
const idOf = (f: ReconcileFinding) => discrepancyIdOf(f.id);
const facilityOf = (f: typeof hospital): DiscrepancyFacility => ({
  id: f.id,
  name: f.name,
  healthCenterId: f.healthCenterId,
  kind: f.kind,
  medicalAreaName: f.medicalAreaName,
  beds: f.beds,
});

interface Fixture {
  campaign: string;
  /** Listed for the vendor and explained by it in the vendor's positive controls. */
  vendorOwn: ReconcileFinding;
  /** Explained by the facility. */
  facilityOwn: ReconcileFinding;
  /** Resolved by the prefecture. */
  toResolve: ReconcileFinding;
  /** Another facility's, with another vendor: 阿波メディカル has nothing to do with it. */
  foreign: ReconcileFinding;
}
let made = 0;
/** Writes a case's own discrepancies, under a campaign id of its own: no case sees what another one explains or resolves. */
const prepare = async (): Promise<Fixture> => {
  const campaign = `${CAMPAIGN}-${++made}`;
  const fx: Fixture = {
    campaign,
    vendorOwn: finding(campaign, 'disclosure_missing', AWA, '2-3', '2(3)'),
    facilityOwn: finding(campaign, 'remote_maintenance', AWA, '2-2', '2(2)'),
    toResolve: finding(campaign, 'contract_disputed', AWA, 'gate', ''),
    foreign: finding(campaign, 'disclosure_missing', OTHER_VENDOR, '2-3', '2(3)'),
  };
  const repos = createRepositories(testDb(), { tenantId: '36' });
  await repos.discrepancies.reconcile(facilityOf(hospital), { id: campaign, fiscalYear: 2025 }, [fx.vendorOwn, fx.facilityOwn, fx.toResolve]);
  await repos.discrepancies.reconcile(facilityOf(other), { id: campaign, fiscalYear: 2025 }, [fx.foreign]);
  await settle();
  return fx;
};
const versionOf = async (f: ReconcileFinding, facilityId: string) =>
  (await createRepositories(testDb(), { tenantId: '36' }).discrepancies.get(facilityId, f.id))?.version ?? 0;

const explainPath = (facilityId: string, f: ReconcileFinding) => `/api/facilities/${facilityId}/discrepancies/${idOf(f)}/explanations`;
const resolvePath = (facilityId: string, f: ReconcileFinding) => `/api/facilities/${facilityId}/discrepancies/${idOf(f)}/resolve`;
const itemsOf = (b: unknown) => (b as FacilityDiscrepanciesResponse | DiscrepancyPage).items;

/** Isolation cases of this part's routes; spread into the suite's table, which must cover every route. */
export const CROSS_CHECK_CASES: Record<CrossCheckRouteId, IsolationCase> = {
  'discrepancies.ofFacility': preparedCase(prepare, (F) => ({
    positive: { as: USERS.hospitalAdmin36, path: `/api/facilities/${hospital.id}/discrepancies` },
    expectPositive: (b) => {
      const mine = itemsOf(b).filter((d) => d.campaignId === F.campaign);
      expect(mine.map((d) => d.id).sort()).toEqual([F.vendorOwn, F.facilityOwn, F.toResolve].map(idOf).sort());
      expect(itemsOf(b).every((d) => d.facilityId === hospital.id)).toBe(true);
    },
    crossTenant: { as: USERS.pref37, path: `/api/facilities/${hospital.id}/discrepancies` },
    // Another facility of the same tenant: its own people cannot read f001's list.
    crossOrg: { as: USERS.clinic36, path: `/api/facilities/${hospital.id}/discrepancies` },
  })),
  'discrepancies.ofVendor': preparedCase(prepare, (F) => ({
    positive: { as: USERS.vendor36, path: `/api/vendors/${AWA}/discrepancies` },
    expectPositive: (b) => {
      const items = itemsOf(b);
      expect(items.every((d) => d.vendorId === AWA)).toBe(true);
      expect(items.map((d) => d.id)).toEqual(expect.arrayContaining([F.vendorOwn, F.facilityOwn].map(idOf)));
    },
    // 香川県's administrator names 徳島県's vendor: the key is built from its own tenant, so nothing of 36 comes back.
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${AWA}/discrepancies` },
    // A vendor user names another vendor.
    crossOrg: { as: USERS.vendor36, path: `/api/vendors/${OTHER_VENDOR}/discrepancies` },
    leaks: (b) => ids36(b),
  })),
  'discrepancies.list': preparedCase(prepare, (F) => ({
    positive: { as: USERS.pref36, path: '/api/discrepancies?healthCenterId=hc-tokushima&rule=contract_disputed' },
    expectPositive: (b) => {
      const items = itemsOf(b) as Discrepancy[];
      expect(items.map((d) => d.id)).toContain(idOf(F.toResolve));
      expect(items.every((d) => d.rule === 'contract_disputed' && d.healthCenterId === 'hc-tokushima' && ['open', 'explained'].includes(d.state))).toBe(true);
    },
    crossTenant: { as: USERS.pref37, path: '/api/discrepancies' },
    // An inspector names another 保健所.
    crossOrg: { as: USERS.inspector36, path: '/api/discrepancies?healthCenterId=hc-anan' },
    leaks: (b) => ids36(b),
  })),
  'discrepancies.explain': preparedCase(prepare, (F) => ({
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: explainPath(hospital.id, F.facilityOwn),
      body: async () => ({ expectedVersion: await versionOf(F.facilityOwn, hospital.id), text: '分離テスト: 医療機関の説明' }),
    },
    expectPositive: (b) => {
      expect(b).toMatchObject({ id: idOf(F.facilityOwn), campaignId: F.campaign, state: 'explained', facilityId: hospital.id });
      expect(JSON.stringify(b)).toContain('分離テスト: 医療機関の説明');
    },
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      path: explainPath(hospital.id, F.facilityOwn),
      body: { expectedVersion: 1, text: '他県から' },
    },
    // Vendor ↔ a facility it is not linked to: the demo vendor explains another vendor's discrepancy of another facility.
    crossOrg: {
      as: USERS.vendor36,
      method: 'POST',
      path: explainPath(other.id, F.foreign),
      body: { expectedVersion: 1, text: '他社の件' },
    },
  })),
  'discrepancies.resolve': preparedCase(prepare, (F) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: resolvePath(hospital.id, F.toResolve),
      body: async () => ({ expectedVersion: await versionOf(F.toResolve, hospital.id), text: '分離テスト: 解決' }),
    },
    expectPositive: (b) => expect(b).toMatchObject({ id: idOf(F.toResolve), campaignId: F.campaign, state: 'resolved', facilityId: hospital.id }),
    crossTenant: { as: USERS.pref37, method: 'POST', path: resolvePath(hospital.id, F.toResolve), body: { expectedVersion: 1 } },
    // The 保健所 reads discrepancies but only the prefecture resolves them.
    crossOrg: { as: USERS.inspector36, method: 'POST', path: resolvePath(other.id, F.foreign), body: { expectedVersion: 1 } },
  })),
};
