import { type ChartPerson, type ContactEntry, defaultOutsideContacts } from '@mcr/contract';
import { type Actor, type ContactChartRecord, type Repositories, VersionConflictError } from '@mcr/data';
import type { DemoTenant } from './demo-data.ts';

/**
 * Demo 連絡体制図 (issue 10): the prefecture's outside contacts (placeholders marked 「（デモ）」, on 088-000-xxxx, an
 * exchange that does not exist, so no real office is ever dialled; MHLW's number and the consultation desks are the
 * sourced defaults), incident contacts for three vendors, and charts for a realistic share of facilities: about 6 in
 * 10 current this fiscal year, 2 in 10 last checked in 令和7年度, the rest not made. The clinic director's clinic is
 * left without a chart so the demo (and the browser test) can build one. Each write skips what is already there.
 */
const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '松本', '井上', '木村', '林'];
const GIVEN = ['一郎', '花子', '健太', '由美', '誠', '恵子', '大輔', '明美', '翔', '直子', '修', '真理'];
const demoNumber = (n: number) => `088-000-${String(1000 + (n % 9000)).padStart(4, '0')}`;
const mobile = (n: number) => `090-0000-${String(1000 + (n % 9000)).padStart(4, '0')}`;

function person(i: number, title: string): ChartPerson {
  return {
    name: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    title,
    phone: demoNumber(i * 3 + 1),
    afterHoursPhone: mobile(i * 5 + 2),
    email: '',
  };
}

const entry = (c: Partial<ContactEntry>): ContactEntry => ({
  name: '',
  department: '',
  phone: '',
  afterHoursPhone: '',
  email: '',
  hours: '',
  url: '',
  note: '',
  ...c,
});

// One request id per write: audit keys are time + request id, and the seed writes twenty at a time.
const SEED_ACTOR = (orgId: string, name: string): Actor => ({ userId: 'seed', name, role: 'facility_admin', orgId, requestId: `seed-contact-chart-${orgId}` });

async function ignoreExisting(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(err instanceof VersionConflictError)) throw err;
  }
}

export async function seedDemoContactCharts(repos: Repositories, data: DemoTenant): Promise<void> {
  const pref = SEED_ACTOR('pref', `${data.tenant.name} 医療政策課`);
  const base = defaultOutsideContacts(data.tenant.name, data.healthCenters);
  const strip = ({ source: _s, ...c }: (typeof base)['mhlw']): ContactEntry => c;
  await ignoreExisting(() =>
    repos.outsideContacts.put(
      {
        prefecture: entry({
          name: `${data.tenant.name}（デモ）`,
          department: '保健福祉部 医療政策課',
          phone: demoNumber(1),
          afterHoursPhone: demoNumber(2),
          email: `iryo-seisaku@pref${data.tenant.tenantId}.example.jp`,
          hours: '平日 8:30〜17:15 (夜間・休日は当直へ)',
        }),
        police: entry({
          name: `${data.tenant.name}警察本部（デモ）`,
          department: 'サイバー犯罪対策課 相談窓口',
          phone: demoNumber(110),
          hours: '平日 8:30〜17:15 (緊急時は 110 番)',
        }),
        mhlw: strip(base.mhlw),
        healthCenters: data.healthCenters.map((h, i) => ({
          ...entry({ name: `${h.name}（デモ）`, department: '医療安全担当', phone: demoNumber(200 + i), hours: '平日 8:30〜17:15' }),
          healthCenterId: h.id,
        })),
        desks: base.desks.map(strip),
        updatedAt: '2026-05-12T01:00:00.000Z',
      },
      0,
      { ...pref, role: 'pref_admin' },
    ),
  );

  const vendorContacts: Record<string, Partial<ContactEntry>> = {
    'v-awa-medical': { name: '阿波メディカル 障害受付センター（デモ）', phone: demoNumber(301), afterHoursPhone: demoNumber(302), hours: '24時間 365日' },
    'v-shikoku-it': {
      name: '四国医療情報サービス サポートデスク（デモ）',
      phone: demoNumber(311),
      email: 'incident@shikoku-iryo.example.jp',
      hours: '平日 9:00〜18:00',
    },
    'v-pacs-japan': { name: 'ジャパン画像システム 保守窓口（デモ）', phone: demoNumber(321), afterHoursPhone: demoNumber(322), hours: '24時間' },
  };
  for (const v of data.vendors) {
    const c = vendorContacts[v.id];
    if (!c) continue;
    await ignoreExisting(() =>
      repos.vendorIncidentContacts.put({ ...entry(c), vendorId: v.id, updatedAt: '2026-06-01T00:00:00.000Z' }, 0, {
        userId: 'seed',
        name: v.name,
        role: 'vendor_user',
        orgId: v.id,
        requestId: `seed-incident-contact-${v.id}`,
      }),
    );
  }

  const clinicOfDemoUser = data.users.find((u) => u.email.startsWith('clinic-director@'))?.orgId;
  const contractsOf = new Map<string, string[]>();
  for (const c of data.contracts) contractsOf.set(c.facilityId, [...(contractsOf.get(c.facilityId) ?? []), c.vendorId]);
  const writes: Array<() => Promise<unknown>> = [];
  data.facilities.forEach((f, i) => {
    if (f.id === clinicOfDemoUser) return;
    const bucket = i % 10;
    if (bucket >= 8) return; // not made
    const current = bucket < 6;
    const day = 1 + (i % 27);
    const updatedAt = current
      ? `2026-${String(4 + (i % 8)).padStart(2, '0')}-${String(day).padStart(2, '0')}T01:30:00.000Z`
      : `2025-${String(5 + (i % 6)).padStart(2, '0')}-${String(day).padStart(2, '0')}T01:30:00.000Z`;
    const hospital = f.kind === 'hospital';
    const vendors = contractsOf.get(f.id) ?? [];
    const record: Omit<ContactChartRecord, 'version'> = {
      facilityId: f.id,
      facilityName: f.name,
      healthCenterId: f.healthCenterId,
      director: person(i, hospital ? '院長' : '管理者 (院長)'),
      securityOfficer: person(i + 3, hospital ? '事務部長' : '事務長'),
      systemStaff: hospital ? [person(i + 5, '情報システム係長'), person(i + 8, '情報システム係')] : [person(i + 5, '事務員 (システム担当)')],
      vendorOverrides:
        i % 4 === 0 && vendors[0]
          ? [{ vendorId: vendors[0], name: '担当営業所（デモ）', phone: demoNumber(400 + i), afterHoursPhone: '', email: '', note: '' }]
          : [],
      notes: hospital ? '夜間・休日は当直医が発見者から連絡を受け、情報システム係長と事務部長へ連絡する。' : '',
      updatedAt,
      updatedBy: `${f.name} 管理者`,
      confirmedOn: current && i % 3 === 0 ? updatedAt.slice(0, 10) : null,
      confirmedBy: current && i % 3 === 0 ? `${f.name} 管理者` : null,
      currentFy: current ? 2026 : 2025,
    };
    writes.push(() => ignoreExisting(() => repos.contactCharts.save(record, 0, SEED_ACTOR(f.id, `${f.name} 管理者`), 'contactChart.save', { seeded: true })));
  });
  for (let i = 0; i < writes.length; i += 20) await Promise.all(writes.slice(i, i + 20).map((w) => w()));
}
