import type { ContractRecord, FacilityRecord, HealthCenterRecord, TenantRecord, VendorRecord } from '@mcr/data';
import { rng } from './demo-answers.ts';
import type { FacilityKind, OrgKind, Role } from '@mcr/contract';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  orgKind: OrgKind;
  orgId: string;
  orgName: string;
  healthCenterId?: string;
}

export interface DemoTenant {
  tenant: TenantRecord;
  healthCenters: HealthCenterRecord[];
  facilities: FacilityRecord[];
  vendors: VendorRecord[];
  contracts: ContractRecord[];
  users: DemoUser[];
  campaign: { id: string; templateId: string; fiscalYear: number; title: { ja: string; en: string }; opensOn: string; deadline: string };
}

interface Area {
  hc: HealthCenterRecord;
  towns: string[];
  postal: string;
}

const KIND_CODE: Record<FacilityKind, string> = { hospital: '1', clinic: '1', dental_clinic: '3', pharmacy: '4' };

function facilityName(kind: FacilityKind, town: string, pick: <T>(xs: readonly T[]) => T, n: number): string {
  switch (kind) {
    case 'hospital':
      return pick([
        `${town}中央病院`,
        `${town}記念病院`,
        `${town}市民病院`,
        `医療法人${town}会 ${town}病院`,
        `${town}リハビリテーション病院`,
        `${town}赤十字病院`,
        `${town}協立病院`,
      ]);
    case 'clinic':
      return `${pick(['さくら', 'あおば', 'みどり', 'ひまわり', 'こばやし', 'たなか', 'やまもと', 'いしい', 'ふじた', 'おがわ', 'なかむら', 'もりもと'])}${pick(['内科クリニック', '整形外科', '眼科医院', '小児科', 'ファミリークリニック', '皮膚科クリニック', '耳鼻咽喉科', '内科医院'])}${n % 7 === 0 ? ` ${town}院` : ''}`;
    case 'dental_clinic':
      return `${pick(['ほほえみ', 'スマイル', 'いとう', 'まつもと', 'えがお', 'おおた', 'きたむら'])}歯科${pick(['医院', 'クリニック'])}${n % 5 === 0 ? ` ${town}` : ''}`;
    case 'pharmacy':
      return `${pick(['すだち', 'うずしお', 'あい', 'ひかり'])}薬局 ${town}店`;
  }
}

/** 徳島県: three 保健所 with the three 二次医療圏 (東部・南部・西部), about 120 facilities, six vendors. */
export function tokushima(): DemoTenant {
  const random = rng(36);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const areas: Area[] = [
    {
      hc: { id: 'hc-tokushima', name: '徳島保健所', medicalAreaName: '東部' },
      towns: ['徳島', '鳴門', '小松島', '石井', '北島', '藍住', '松茂'],
      postal: '770',
    },
    { hc: { id: 'hc-anan', name: '阿南保健所', medicalAreaName: '南部' }, towns: ['阿南', '那賀', '美波', '牟岐', '海陽'], postal: '774' },
    { hc: { id: 'hc-mima', name: '美馬保健所', medicalAreaName: '西部' }, towns: ['美馬', '脇町', '三好', '池田', 'つるぎ'], postal: '779' },
  ];
  const plan: Array<[FacilityKind, number]> = [
    ['hospital', 26],
    ['clinic', 58],
    ['dental_clinic', 30],
    ['pharmacy', 6],
  ];
  const facilities: FacilityRecord[] = [];
  const names = new Set<string>();
  let n = 0;
  for (const [kind, count] of plan) {
    for (let i = 0; i < count; i++) {
      n++;
      // The eastern area holds most of the population, as it does in Tokushima.
      const area = random() < 0.6 ? (areas[0] as Area) : random() < 0.5 ? (areas[1] as Area) : (areas[2] as Area);
      const town = pick(area.towns);
      let name = facilityName(kind, town, pick, n);
      while (names.has(name)) name = `${name}${pick(['分院', '第二', '駅前'])}`;
      names.add(name);
      const beds = kind === 'hospital' ? pick([40, 60, 99, 120, 150, 199, 240, 300, 420, 650]) : kind === 'clinic' && random() < 0.15 ? pick([6, 12, 19]) : 0;
      const id = `f${String(n).padStart(3, '0')}`;
      facilities.push({
        id,
        name,
        kind,
        beds,
        healthCenterId: area.hc.id,
        healthCenterName: area.hc.name,
        medicalAreaName: area.hc.medicalAreaName,
        medicalInstitutionCode: `36${KIND_CODE[kind]}${String(1000000 + n * 37).slice(-7)}`,
        address: `徳島県${town}${pick(['市', '町'])}${pick(['南', '北', '東', '西', '中'])}${pick(['町', '通'])}${1 + Math.floor(random() * 9)}丁目${1 + Math.floor(random() * 30)}`,
        contactEmail: `info-${id}@example.jp`,
      });
    }
  }
  // Facility f001 is the demo hospital: make it unmistakable.
  facilities[0] = {
    ...(facilities[0] as FacilityRecord),
    name: '徳島県立うずしお中央病院',
    kind: 'hospital',
    beds: 420,
    healthCenterId: 'hc-tokushima',
    healthCenterName: '徳島保健所',
    medicalAreaName: '東部',
  };

  const vendors: VendorRecord[] = [
    { id: 'v-awa-medical', name: '阿波メディカルシステムズ株式会社', contactEmail: 'support@awa-medical.example.jp' },
    { id: 'v-shikoku-it', name: '四国医療情報サービス株式会社', contactEmail: 'desk@shikoku-iryo.example.jp' },
    { id: 'v-naruto-soft', name: '鳴門ソフトウェア株式会社', contactEmail: 'info@naruto-soft.example.jp' },
    { id: 'v-yoshino-net', name: '吉野川ネットワーク株式会社', contactEmail: 'noc@yoshino-net.example.jp' },
    { id: 'v-dental-cloud', name: 'デンタルクラウド株式会社', contactEmail: 'help@dental-cloud.example.jp' },
    { id: 'v-pacs-japan', name: 'ジャパン画像システム株式会社', contactEmail: 'pacs@jp-image.example.jp' },
  ];
  const contracts: ContractRecord[] = [];
  for (const f of facilities) {
    // About one clinic in six runs paper records and has no vendor contract at all (gate: 2(2), 2(3) not needed).
    if (f.kind !== 'hospital' && random() < 0.17) continue;
    const main = f.kind === 'dental_clinic' ? (vendors[4] as VendorRecord) : pick(vendors.slice(0, 3));
    contracts.push({
      facilityId: f.id,
      vendorId: main.id,
      vendorName: main.name,
      systems: f.kind === 'pharmacy' ? ['レセコン'] : ['電子カルテ', 'レセコン'],
      remoteMaintenance: random() < 0.7,
    });
    if (f.kind === 'hospital') {
      const pacs = vendors[5] as VendorRecord;
      contracts.push({ facilityId: f.id, vendorId: pacs.id, vendorName: pacs.name, systems: ['PACS'], remoteMaintenance: true });
      const net = vendors[3] as VendorRecord;
      if (random() < 0.5) contracts.push({ facilityId: f.id, vendorId: net.id, vendorName: net.name, systems: ['ネットワーク保守'], remoteMaintenance: true });
    }
  }
  const hospital = facilities[0] as FacilityRecord;
  const clinic = facilities.find((f) => f.kind === 'clinic') as FacilityRecord;
  const users: DemoUser[] = [
    {
      email: 'pref-admin@tokushima.example.jp',
      displayName: '阿波 花子',
      role: 'pref_admin',
      orgKind: 'prefecture',
      orgId: 'pref',
      orgName: '徳島県 保健福祉部 医療政策課',
    },
    {
      email: 'inspector@tokushima.example.jp',
      displayName: '吉野 一郎',
      role: 'inspector',
      orgKind: 'health_center',
      orgId: 'hc-tokushima',
      orgName: '徳島保健所',
      healthCenterId: 'hc-tokushima',
    },
    {
      email: 'hospital-admin@tokushima.example.jp',
      displayName: '鳴門 太郎',
      role: 'facility_admin',
      orgKind: 'facility',
      orgId: hospital.id,
      orgName: hospital.name,
    },
    {
      email: 'hospital-staff@tokushima.example.jp',
      displayName: '眉山 さくら',
      role: 'facility_member',
      orgKind: 'facility',
      orgId: hospital.id,
      orgName: hospital.name,
    },
    {
      email: 'clinic-director@tokushima.example.jp',
      displayName: '勝浦 健',
      role: 'facility_admin',
      orgKind: 'facility',
      orgId: clinic.id,
      orgName: clinic.name,
    },
    {
      email: 'vendor@awa-medical.example.jp',
      displayName: '剣山 次郎',
      role: 'vendor_user',
      orgKind: 'vendor',
      orgId: 'v-awa-medical',
      orgName: '阿波メディカルシステムズ株式会社',
    },
    {
      email: 'vendor@shikoku-it.example.jp',
      displayName: '大歩危 三郎',
      role: 'vendor_user',
      orgKind: 'vendor',
      orgId: 'v-shikoku-it',
      orgName: '四国医療情報サービス株式会社',
    },
  ];
  return {
    tenant: { tenantId: '36', name: '徳島県', nameEn: 'Tokushima Prefecture' },
    healthCenters: areas.map((a) => a.hc),
    facilities,
    vendors,
    contracts,
    users,
    campaign: {
      id: 'r6-facility',
      templateId: 'mhlw-facility-r6',
      fiscalYear: 2024,
      title: { ja: '令和6年度 医療機関におけるサイバーセキュリティ対策チェックリスト', en: 'FY2024 Cybersecurity checklist for medical facilities' },
      opensOn: '2024-06-01',
      deadline: '2025-03-31',
    },
  };
}

/** 香川県: a second, small prefecture, so that tenant isolation can be seen in the product. */
export function kagawa(): DemoTenant {
  const hc: HealthCenterRecord = { id: 'hc-takamatsu', name: '高松市保健所', medicalAreaName: '東部' };
  const facilities: FacilityRecord[] = [
    ['さぬき中央病院', 'hospital', 310],
    ['屋島内科クリニック', 'clinic', 0],
    ['栗林歯科医院', 'dental_clinic', 0],
    ['瀬戸内こども診療所', 'clinic', 0],
    ['うどん通り薬局', 'pharmacy', 0],
  ].map(([name, kind, beds], i) => ({
    id: `k${String(i + 1).padStart(3, '0')}`,
    name: name as string,
    kind: kind as FacilityKind,
    beds: beds as number,
    healthCenterId: hc.id,
    healthCenterName: hc.name,
    medicalAreaName: hc.medicalAreaName,
    medicalInstitutionCode: `37${KIND_CODE[kind as FacilityKind]}${String(2000000 + i * 41).slice(-7)}`,
    address: `香川県高松市番町${i + 1}丁目`,
    contactEmail: `info-k${i + 1}@example.jp`,
  }));
  const hospital = facilities[0] as FacilityRecord;
  return {
    tenant: { tenantId: '37', name: '香川県', nameEn: 'Kagawa Prefecture' },
    healthCenters: [hc],
    facilities,
    vendors: [{ id: 'v-sanuki-it', name: 'さぬきITサービス株式会社', contactEmail: 'info@sanuki-it.example.jp' }],
    contracts: [{ facilityId: hospital.id, vendorId: 'v-sanuki-it', vendorName: 'さぬきITサービス株式会社', systems: ['電子カルテ'], remoteMaintenance: true }],
    users: [
      {
        email: 'pref-admin@kagawa.example.jp',
        displayName: '讃岐 陽子',
        role: 'pref_admin',
        orgKind: 'prefecture',
        orgId: 'pref',
        orgName: '香川県 健康福祉部 医務国保課',
      },
      {
        email: 'hospital-admin@kagawa.example.jp',
        displayName: '屋島 誠',
        role: 'facility_admin',
        orgKind: 'facility',
        orgId: hospital.id,
        orgName: hospital.name,
      },
    ],
    campaign: {
      id: 'r6-facility',
      templateId: 'mhlw-facility-r6',
      fiscalYear: 2024,
      title: { ja: '令和6年度 医療機関におけるサイバーセキュリティ対策チェックリスト', en: 'FY2024 Cybersecurity checklist for medical facilities' },
      opensOn: '2024-06-01',
      deadline: '2025-03-31',
    },
  };
}

/** Demo password shared by every demo login (local only; printed at start and listed in the README). */
export const DEMO_PASSWORD = 'Demo-Pass-2026!';
