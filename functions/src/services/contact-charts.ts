import type {
  ChartStatus,
  ContactChartView,
  ContactEntry,
  OutsideContact,
  OutsideContacts,
  PutOutsideContactsBody,
  SaveContactChartBody,
  VendorIncidentContact,
} from '@mcr/contract';
import { defaultOutsideContacts } from '@mcr/contract';
import { type ContactChartRecord, type FacilityRecord, NotFoundError, type Repositories, type StoredOutsideContacts } from '@mcr/data';
import { fiscalYearOf, todayInJapan } from '@mcr/domain';
import type * as z from 'zod/mini';
import type { Identity } from '../pipeline/auth.ts';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { actorOf } from './access.ts';

type SaveInput = z.output<typeof SaveContactChartBody>;

const EMPTY: ContactEntry = { name: '', department: '', phone: '', afterHoursPhone: '', email: '', hours: '', url: '', note: '' };
const contact = (c: Partial<OutsideContact>): OutsideContact => ({ ...EMPTY, source: '', ...c });

/** The tenant's outside contacts as shown: saved, with every current 保健所 present (a new one gets an empty entry). */
export async function getOutsideContacts(repos: Pick<Repositories, 'healthCenters' | 'outsideContacts' | 'tenant'>): Promise<OutsideContacts> {
  const [stored, tenant, hcs] = await Promise.all([repos.outsideContacts.get(), repos.tenant.get(), repos.healthCenters.list()]);
  const sorted = [...hcs].sort((a, b) => a.id.localeCompare(b.id));
  const defaults = defaultOutsideContacts(tenant?.name ?? '', sorted);
  if (!stored) return defaults;
  const byHc = new Map(stored.healthCenters.map((h) => [h.healthCenterId, h]));
  // A saved entry that still carries a sourced default's number (or address) keeps that default's source.
  const sourced = [defaults.mhlw, ...defaults.desks];
  const withSource = (c: ContactEntry): OutsideContact => {
    const from = sourced.find((d) => (d.phone && d.phone === c.phone) || (d.url && d.url === c.url));
    return { ...contact(c), source: from?.source ?? '' };
  };
  return {
    prefecture: contact(stored.prefecture),
    police: contact(stored.police),
    mhlw: withSource(stored.mhlw),
    healthCenters: sorted.map((h) => ({ ...contact(byHc.get(h.id) ?? { name: h.name }), healthCenterId: h.id })),
    desks: stored.desks.map(withSource),
    isDefault: false,
    version: stored.version,
    updatedAt: stored.updatedAt,
  };
}

export async function putOutsideContacts(
  repos: Pick<Repositories, 'healthCenters' | 'outsideContacts' | 'tenant'>,
  identity: Identity,
  requestId: string,
  body: z.output<typeof PutOutsideContactsBody>,
): Promise<OutsideContacts> {
  const hcs = new Set((await repos.healthCenters.list()).map((h) => h.id));
  const seen = new Set<string>();
  body.healthCenters.forEach((h, i) => {
    if (!hcs.has(h.healthCenterId) || seen.has(h.healthCenterId)) {
      throw new ValidationError([
        {
          field: `body.healthCenters[${i}].healthCenterId`,
          code: 'unknown_health_center',
          message: { ja: 'この都道府県の保健所ではないか、重複しています', en: 'Not a health center of this prefecture, or listed twice' },
        },
      ]);
    }
    seen.add(h.healthCenterId);
  });
  const value: Omit<StoredOutsideContacts, 'version'> = {
    prefecture: body.prefecture,
    police: body.police,
    mhlw: body.mhlw,
    healthCenters: body.healthCenters,
    desks: body.desks,
    updatedAt: new Date().toISOString(),
  };
  await repos.outsideContacts.put(value, body.expectedVersion, actorOf(identity, requestId));
  return getOutsideContacts(repos);
}

/** Current: saved or confirmed within this fiscal year (Japan time). */
export function chartStatusOf(chart: Pick<ContactChartRecord, 'currentFy'> | undefined, fiscalYear: number): ChartStatus {
  if (!chart) return 'missing';
  return chart.currentFy >= fiscalYear ? 'current' : 'outdated';
}

const currentFiscalYear = () => fiscalYearOf(todayInJapan());

/** One facility's chart with its vendors (from its contracts) and the outside bodies. */
export async function contactChartView(
  repos: Pick<Repositories, 'contactCharts' | 'contracts' | 'healthCenters' | 'outsideContacts' | 'tenant' | 'vendorIncidentContacts'>,
  facility: FacilityRecord,
): Promise<ContactChartView> {
  const [chart, contracts, outside] = await Promise.all([
    repos.contactCharts.get(facility.id),
    repos.contracts.listOfFacility(facility.id),
    getOutsideContacts(repos),
  ]);
  const vendorContacts = await repos.vendorIncidentContacts.many(contracts.map((c) => c.vendorId));
  const overrides = new Map((chart?.vendorOverrides ?? []).map((o) => [o.vendorId, o]));
  const fiscalYear = currentFiscalYear();
  return {
    facility: {
      id: facility.id,
      name: facility.name,
      kind: facility.kind,
      healthCenterId: facility.healthCenterId,
      healthCenterName: facility.healthCenterName,
    },
    fiscalYear,
    status: chartStatusOf(chart, fiscalYear),
    chart: chart
      ? {
          director: chart.director,
          securityOfficer: chart.securityOfficer,
          systemStaff: chart.systemStaff,
          vendorOverrides: chart.vendorOverrides,
          notes: chart.notes,
          version: chart.version,
          updatedAt: chart.updatedAt,
          updatedBy: chart.updatedBy,
          confirmedOn: chart.confirmedOn,
          confirmedBy: chart.confirmedBy,
        }
      : null,
    vendors: [...contracts]
      .sort((a, b) => a.vendorName.localeCompare(b.vendorName, 'ja'))
      .map((c) => {
        const v = vendorContacts.get(c.vendorId);
        return {
          vendorId: c.vendorId,
          vendorName: c.vendorName,
          systems: c.systems,
          remoteMaintenance: c.remoteMaintenance,
          vendorContact: v
            ? {
                name: v.name,
                department: v.department,
                phone: v.phone,
                afterHoursPhone: v.afterHoursPhone,
                email: v.email,
                hours: v.hours,
                url: v.url,
                note: v.note,
              }
            : null,
          override: overrides.get(c.vendorId) ?? null,
        };
      }),
    outside: {
      ...outside,
      // A facility sees its own 保健所 only.
      healthCenters: outside.healthCenters.filter((h) => h.healthCenterId === facility.healthCenterId),
    },
  };
}

function ownFacilityId(identity: Identity): string {
  if ((identity.role !== 'facility_admin' && identity.role !== 'facility_member') || identity.orgKind !== 'facility') {
    throw new HttpError(403, 'FORBIDDEN', { ja: '医療機関の利用者のみ操作できます', en: 'Only facility users can do this' });
  }
  return identity.orgId;
}

export async function ownFacility(repos: Pick<Repositories, 'facilities'>, identity: Identity): Promise<FacilityRecord> {
  const f = await repos.facilities.get(ownFacilityId(identity));
  if (!f) throw new NotFoundError('facility');
  return f;
}

/** A person's entry must reach them: a phone number (working hours or after hours). */
function requireReachable(body: SaveInput): void {
  const people: Array<[string, SaveInput['director']]> = [
    ['body.director', body.director],
    ['body.securityOfficer', body.securityOfficer],
    ...body.systemStaff.map((p, i) => [`body.systemStaff[${i}]`, p] as [string, SaveInput['director']]),
  ];
  const errors = people
    .filter(([, p]) => !p.phone && !p.afterHoursPhone)
    .map(([field]) => ({
      field: `${field}.phone`,
      code: 'phone_required',
      message: { ja: '電話番号 (日中または夜間・休日) を入力してください', en: 'Give a phone number (working hours or after hours)' },
    }));
  if (errors.length) throw new ValidationError(errors);
}

export async function saveContactChart(
  repos: Pick<Repositories, 'contactCharts' | 'contracts' | 'facilities' | 'healthCenters' | 'outsideContacts' | 'tenant' | 'vendorIncidentContacts'>,
  identity: Identity,
  requestId: string,
  body: SaveInput,
): Promise<ContactChartView> {
  const facility = await ownFacility(repos, identity);
  requireReachable(body);
  const contracts = new Set((await repos.contracts.listOfFacility(facility.id)).map((c) => c.vendorId));
  const seen = new Set<string>();
  body.vendorOverrides.forEach((o, i) => {
    if (!contracts.has(o.vendorId) || seen.has(o.vendorId)) {
      throw new ValidationError([
        {
          field: `body.vendorOverrides[${i}].vendorId`,
          code: 'unknown_vendor',
          message: { ja: '契約している事業者ではないか、重複しています', en: 'Not a vendor under contract with this facility, or listed twice' },
        },
      ]);
    }
    seen.add(o.vendorId);
  });
  const previous = body.expectedVersion > 0 ? await repos.contactCharts.get(facility.id) : undefined;
  const now = new Date().toISOString();
  await repos.contactCharts.save(
    {
      facilityId: facility.id,
      facilityName: facility.name,
      healthCenterId: facility.healthCenterId,
      director: body.director,
      securityOfficer: body.securityOfficer,
      systemStaff: body.systemStaff,
      // Only overrides that say something are kept.
      vendorOverrides: body.vendorOverrides.filter((o) => o.name || o.phone || o.afterHoursPhone || o.email || o.note),
      notes: body.notes,
      updatedAt: now,
      updatedBy: identity.displayName,
      confirmedOn: previous?.confirmedOn ?? null,
      confirmedBy: previous?.confirmedBy ?? null,
      currentFy: fiscalYearOf(todayInJapan(new Date(now))),
    },
    body.expectedVersion,
    actorOf(identity, requestId),
    'contactChart.save',
    {
      director: body.director.name,
      securityOfficer: body.securityOfficer.name,
      systemStaff: body.systemStaff.map((p) => p.name),
      vendorOverrides: body.vendorOverrides.map((o) => o.vendorId),
    },
  );
  return contactChartView(repos, facility);
}

/** 最終確認日: the facility says the chart is still right today (once a year at least). */
export async function confirmContactChart(
  repos: Pick<Repositories, 'contactCharts' | 'contracts' | 'facilities' | 'healthCenters' | 'outsideContacts' | 'tenant' | 'vendorIncidentContacts'>,
  identity: Identity,
  requestId: string,
  expectedVersion: number,
): Promise<ContactChartView> {
  const facility = await ownFacility(repos, identity);
  const chart = await repos.contactCharts.get(facility.id);
  if (!chart) {
    throw new HttpError(409, 'INCOMPLETE', { ja: '連絡体制図がまだ保存されていません', en: 'The contact chart has not been saved yet' });
  }
  const today = todayInJapan();
  const { version: _v, ...rest } = chart;
  await repos.contactCharts.save(
    { ...rest, confirmedOn: today, confirmedBy: identity.displayName, currentFy: Math.max(chart.currentFy, fiscalYearOf(today)) },
    expectedVersion,
    actorOf(identity, requestId),
    'contactChart.confirm',
    { confirmedOn: today },
  );
  return contactChartView(repos, facility);
}

export function toVendorIncidentContact(v: Awaited<ReturnType<Repositories['vendorIncidentContacts']['get']>>): VendorIncidentContact {
  if (!v) return { ...EMPTY, version: 0, updatedAt: null };
  return {
    name: v.name,
    department: v.department,
    phone: v.phone,
    afterHoursPhone: v.afterHoursPhone,
    email: v.email,
    hours: v.hours,
    url: v.url,
    note: v.note,
    version: v.version,
    updatedAt: v.updatedAt,
  };
}
