import * as z from 'zod/mini';
import { FacilityKind, Id, IsoDate, IsoDateTime, Version } from '../common.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

/**
 * 連絡体制図 (checklist 3(1), issue 10): each facility's incident contact structure — its internal escalation, its
 * vendors' incident contacts (from its contracts), and the outside bodies the prefecture keeps once per tenant.
 */

/**
 * A Japanese phone number as people write it: digits with hyphens, spaces or brackets (full-width folded), a
 * domestic number of 10 or 11 digits starting with 0 (0120 / 0570 included) or +81 and 9–10 digits.
 */
export function isPhoneNumber(raw: string): boolean {
  const s = raw.normalize('NFKC').trim();
  if (!/^\+?[0-9()\- ]+$/.test(s)) return false;
  const digits = s.replace(/[^0-9+]/g, '');
  return /^0\d{9,10}$/.test(digits) || /^\+81\d{9,10}$/.test(digits);
}

const Phone = z
  .pipe(
    z.string().check(z.trim(), z.maxLength(30)),
    z.transform((s) => s.normalize('NFKC')),
  )
  .check(z.refine((s) => s === '' || isPhoneNumber(s), { message: 'phone_format' }));
const Email = z.union([z.literal(''), z.email().check(z.maxLength(254))]);
const Text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** One person of the facility's own escalation. */
export const ChartPerson = z.strictObject({
  name: Text(60).check(z.minLength(1)),
  /** 役職・担当 as the facility calls it (院長, 事務長, 情報システム係 …). */
  title: z._default(Text(60), ''),
  /** A number that reaches the person during working hours. */
  phone: z._default(Phone, ''),
  /** A number that reaches the person at night and on holidays (mobile, on-call phone). */
  afterHoursPhone: z._default(Phone, ''),
  email: z._default(Email, ''),
});
export type ChartPerson = z.infer<typeof ChartPerson>;

/** What the facility sets for one of its vendors when the vendor's own incident contact does not fit it. */
export const VendorContactOverride = z.strictObject({
  vendorId: Id,
  /** 担当者・窓口名 for this facility. */
  name: z._default(Text(60), ''),
  phone: z._default(Phone, ''),
  afterHoursPhone: z._default(Phone, ''),
  email: z._default(Email, ''),
  note: z._default(Text(200), ''),
});
export type VendorContactOverride = z.infer<typeof VendorContactOverride>;

export const MAX_SYSTEM_STAFF = 10;
export const MAX_VENDOR_OVERRIDES = 50;

export const SaveContactChartBody = z.strictObject({
  /** The version read (0 when the chart was never saved). */
  expectedVersion: Version,
  /** 院長 (or 管理者): the last in the escalation, who decides. */
  director: ChartPerson,
  /** 医療情報システム安全管理責任者. */
  securityOfficer: ChartPerson,
  /** システム担当者, in the order they are called (the first is called first). */
  systemStaff: z._default(z.array(ChartPerson).check(z.maxLength(MAX_SYSTEM_STAFF)), []),
  vendorOverrides: z._default(z.array(VendorContactOverride).check(z.maxLength(MAX_VENDOR_OVERRIDES)), []),
  /** Free notes shown on the chart (e.g. 夜間・休日は当直医から…). */
  notes: z._default(Text(500), ''),
});
export type SaveContactChartBody = z.input<typeof SaveContactChartBody>;

export const ConfirmContactChartBody = z.strictObject({ expectedVersion: Version.check(z.minimum(1)) });

/** An incident contact: a body, a vendor's desk, a consultation desk. */
export const ContactEntry = z.strictObject({
  name: z._default(Text(100), ''),
  /** 部署・担当. */
  department: z._default(Text(100), ''),
  phone: z._default(Phone, ''),
  afterHoursPhone: z._default(Phone, ''),
  email: z._default(Email, ''),
  /** 受付時間 (平日 9:00–17:00 …). */
  hours: z._default(Text(100), ''),
  url: z._default(z.union([z.literal(''), z.url({ protocol: /^https?$/ }).check(z.maxLength(300))]), ''),
  note: z._default(Text(300), ''),
});
export type ContactEntry = z.infer<typeof ContactEntry>;

/** An outside contact as shown: where its default came from, when it is one. */
export const OutsideContact = z.extend(ContactEntry, {
  /** Where a default's text or number comes from (a published source), empty for what the prefecture entered. */
  source: z._default(z.string(), ''),
});
export type OutsideContact = z.infer<typeof OutsideContact>;

export const MAX_DESKS = 10;

/** The outside bodies, kept once per tenant by the prefecture; each facility's chart shows them. */
export const OutsideContacts = z.object({
  prefecture: OutsideContact,
  police: OutsideContact,
  mhlw: OutsideContact,
  /** One per 保健所 of the tenant (id → contact); a facility's chart shows its own. */
  healthCenters: z.array(z.extend(OutsideContact, { healthCenterId: Id })),
  desks: z.array(OutsideContact),
  /** True until the prefecture first saves: the defaults are shown and the numbers it must fill are empty. */
  isDefault: z.boolean(),
  version: Version,
  updatedAt: z.nullable(IsoDateTime),
});
export type OutsideContacts = z.infer<typeof OutsideContacts>;

export const PutOutsideContactsBody = z.strictObject({
  expectedVersion: Version,
  prefecture: ContactEntry,
  police: ContactEntry,
  mhlw: ContactEntry,
  healthCenters: z.array(z.extend(ContactEntry, { healthCenterId: Id })).check(z.maxLength(200)),
  desks: z.array(ContactEntry).check(z.maxLength(MAX_DESKS)),
});
export type PutOutsideContactsBody = z.input<typeof PutOutsideContactsBody>;

export const VendorIncidentContact = z.extend(ContactEntry, { version: Version, updatedAt: z.nullable(IsoDateTime) });
export type VendorIncidentContact = z.infer<typeof VendorIncidentContact>;
export const PutVendorIncidentContactBody = z.extend(ContactEntry, { expectedVersion: Version });

/** Where a chart stands in the current fiscal year: updated or confirmed within it, older, never made. */
export const ChartStatus = z.enum(['current', 'outdated', 'missing']);
export type ChartStatus = z.infer<typeof ChartStatus>;

export const ChartVendor = z.object({
  vendorId: Id,
  vendorName: z.string(),
  systems: z.array(z.string()),
  remoteMaintenance: z.boolean(),
  /** The vendor's own incident contact (kept on its portal), null if it has none yet. */
  vendorContact: z.nullable(ContactEntry),
  /** The facility's own contact for this vendor, when it set one. */
  override: z.nullable(VendorContactOverride),
});

export const ContactChartView = z.object({
  facility: z.object({ id: Id, name: z.string(), kind: FacilityKind, healthCenterId: Id, healthCenterName: z.string() }),
  fiscalYear: z.int(),
  status: ChartStatus,
  /** null until the facility first saves. */
  chart: z.nullable(
    z.object({
      director: ChartPerson,
      securityOfficer: ChartPerson,
      systemStaff: z.array(ChartPerson),
      vendorOverrides: z.array(VendorContactOverride),
      notes: z.string(),
      version: Version,
      updatedAt: IsoDateTime,
      updatedBy: z.string(),
      confirmedOn: z.nullable(IsoDate),
      confirmedBy: z.nullable(z.string()),
    }),
  ),
  vendors: z.array(ChartVendor),
  outside: OutsideContacts,
});
export type ContactChartView = z.infer<typeof ContactChartView>;

export const ListContactChartsQuery = z.object({
  healthCenterId: z.optional(Id),
  /** A name prefix or 医療機関コード, as in the facility list. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  limit: PageLimit(200, 50),
  cursor: z.optional(Cursor),
});
export const ContactChartRow = z.object({
  facilityId: Id,
  name: z.string(),
  kind: FacilityKind,
  healthCenterId: Id,
  healthCenterName: z.string(),
  status: ChartStatus,
  updatedAt: z.nullable(IsoDateTime),
  confirmedOn: z.nullable(IsoDate),
});
export type ContactChartRow = z.infer<typeof ContactChartRow>;
export const ListContactChartsResponse = z.object({ fiscalYear: z.int(), items: z.array(ContactChartRow), nextCursor: NextCursor });
export type ListContactChartsResponse = z.infer<typeof ListContactChartsResponse>;

/** How many facilities have a current chart this fiscal year (a read model), in all and per 保健所. */
export const ContactChartCoverage = z.object({
  fiscalYear: z.int(),
  total: z.int(),
  current: z.int(),
  byHealthCenter: z.array(z.object({ healthCenterId: Id, name: z.string(), total: z.int(), current: z.int() })),
});
export type ContactChartCoverage = z.infer<typeof ContactChartCoverage>;

const contact = (c: Partial<OutsideContact>): OutsideContact => ({
  name: '',
  department: '',
  phone: '',
  afterHoursPhone: '',
  email: '',
  hours: '',
  url: '',
  note: '',
  source: '',
  ...c,
});

/** Where the default numbers come from (shown next to them): both are seeds of the product (docs/SOURCES). */
const SRC_TRAINING_R5 = '令和5年度 医療情報セキュリティ研修資料 (厚生労働省委託事業) 掲載の連絡先。最新の番号は都道府県が確認してください。';
const SRC_KYOTO_2022 = '京都府医師会報 (2022) 掲載の相談窓口。最新の番号・受付時間は都道府県が確認してください。';

/**
 * What the chart shows before the prefecture saves its own list. Only numbers published in the product's sources
 * are filled, each with its source; the prefecture's office, the 保健所 and the police desk are left empty for the
 * prefecture to fill (their numbers differ per prefecture and none is in the sources).
 */
export function defaultOutsideContacts(tenantName: string, healthCenters: ReadonlyArray<{ id: string; name: string }>): OutsideContacts {
  return {
    prefecture: contact({ name: tenantName, department: '医療政策担当課' }),
    police: contact({ name: `${tenantName}警察本部`, department: 'サイバー犯罪相談窓口' }),
    mhlw: contact({
      name: '厚生労働省',
      department: '医政局 特定医薬品開発支援・医療情報担当参事官室',
      phone: '03-6812-7837',
      source: SRC_TRAINING_R5,
    }),
    healthCenters: healthCenters.map((h) => ({ ...contact({ name: h.name }), healthCenterId: h.id })),
    desks: [
      contact({
        name: '「インシデントかも」(厚生労働省 初動対応支援)',
        url: 'https://mhlw-training.saj.or.jp/',
        note: 'インシデントの疑いを連絡すると、現場対応の支援を受けられます。',
        source: SRC_TRAINING_R5,
      }),
      contact({
        name: '日本医師会サイバーセキュリティ相談窓口',
        phone: '0120-179-066',
        hours: '年中無休 9:00〜21:00',
        note: '日本医師会 A 会員のみ',
        source: SRC_KYOTO_2022,
      }),
      contact({ name: 'IPA 情報セキュリティ安心相談窓口', phone: '03-5978-7509', source: SRC_KYOTO_2022 }),
    ],
    isDefault: true,
    version: 0,
    updatedAt: null,
  };
}
