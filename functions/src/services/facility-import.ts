import { randomUUID } from 'node:crypto';
import { FACILITY_KIND_LABELS, type FacilityImportPreview, type FacilityImportRow, type FacilityKind, type ImportRowError } from '@mcr/contract';
import type { FacilityRecord, HealthCenterRecord, Repositories } from '@mcr/data';

const KIND_BY_LABEL = new Map<string, FacilityKind>(
  Object.entries(FACILITY_KIND_LABELS).flatMap(([kind, l]) => [
    [l.ja, kind as FacilityKind],
    [l.en.toLowerCase(), kind as FacilityKind],
    [kind, kind as FacilityKind],
  ]),
);
/** 点数表番号, the third digit of the 医療機関コード: 1 医科, 3 歯科, 4 調剤. */
const TABLE_DIGIT: Record<FacilityKind, string> = { hospital: '1', clinic: '1', dental_clinic: '3', pharmacy: '4' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PlannedFacility {
  row: number;
  record: FacilityRecord;
  change: 'create' | 'update' | 'unchanged';
}

export interface ImportPlan {
  preview: FacilityImportPreview;
  facilities: PlannedFacility[];
  newHealthCenters: HealthCenterRecord[];
}

const err = (row: number, column: string, ja: string, en: string): ImportRowError => ({ row, column, message: { ja, en } });

/** Spreadsheet text → trimmed, with full-width digits and spaces made half-width (as people type them in Japan). */
function clean(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** Edit distance (Levenshtein) of two short names, by code point. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * The registered 保健所 whose names are closest to an unknown one (「徳島保険所」 → 「徳島保健所」): at most three, within
 * a third of the name's length (at least 2 edits), closest first. NFKC first, so full-width and half-width agree.
 */
export function closestNames(name: string, known: readonly string[]): string[] {
  const n = name.normalize('NFKC');
  const limit = Math.max(2, Math.floor([...n].length / 3));
  return known
    .map((k) => ({ k, d: distance(n, k.normalize('NFKC')) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k, 'ja'))
    .slice(0, 3)
    .map((x) => x.k);
}

/** The unknown 保健所 the user has not confirmed as new: each is a 400 naming its rows and the closest names. */
export function unconfirmedHealthCenters(preview: FacilityImportPreview, confirmed: readonly string[] = []) {
  const ok = new Set(confirmed.map((c) => clean(c)));
  return (preview.unknownHealthCenters ?? []).filter((u) => !ok.has(u.name));
}

/**
 * Checks a facility list against the tenant's data and says, row by row, what importing it would do.
 * Re-import matches by 医療機関コード: a known code updates that facility instead of adding a second one.
 */
export async function planFacilityImport(
  repos: Pick<Repositories, 'facilities' | 'healthCenters'>,
  tenantId: string,
  rows: readonly FacilityImportRow[],
): Promise<ImportPlan> {
  const codes = rows.map((r) => clean(r.medicalInstitutionCode).replace(/[-\s]/g, '')).filter((c) => /^\d{10}$/.test(c));
  const [byCode, healthCenters] = await Promise.all([repos.facilities.byCodes(codes), repos.healthCenters.list()]);
  const hcByName = new Map(healthCenters.map((h) => [h.name, h]));
  const newHc = new Map<string, HealthCenterRecord>();
  const seenCodes = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const facilities: PlannedFacility[] = [];

  for (const r of rows) {
    const before = errors.length;
    const name = clean(r.name);
    if (!name) errors.push(err(r.row, '名称', '名称が空です', 'Name is empty'));
    else if (name.length > 100) errors.push(err(r.row, '名称', '名称は100文字以内にしてください', 'Name is longer than 100 characters'));
    const kind = KIND_BY_LABEL.get(clean(r.kind).toLowerCase());
    if (!kind)
      errors.push(
        err(
          r.row,
          '種別',
          `種別「${r.kind}」は 病院・診療所・歯科診療所・薬局 のいずれかにしてください`,
          `Kind "${r.kind}" must be 病院, 診療所, 歯科診療所 or 薬局`,
        ),
      );
    const bedsText = clean(r.beds);
    const beds = bedsText === '' ? 0 : Number(bedsText);
    if (!Number.isInteger(beds) || beds < 0 || beds > 5000)
      errors.push(err(r.row, '病床数', `病床数「${r.beds}」は 0 以上の整数にしてください`, `Beds "${r.beds}" must be a whole number ≥ 0`));
    // 医療法: a 病院 has 20 beds or more; a 診療所 at most 19.
    else if (kind === 'hospital' && beds < 20)
      errors.push(err(r.row, '病床数', '病院の病床数は20床以上です (19床以下は診療所)', 'A hospital has 20 beds or more (19 or fewer is a clinic)'));
    else if ((kind === 'clinic' || kind === 'dental_clinic') && beds > 19)
      errors.push(err(r.row, '病床数', '診療所の病床数は19床以下です (20床以上は病院)', 'A clinic has at most 19 beds (20 or more is a hospital)'));
    const code = clean(r.medicalInstitutionCode).replace(/[-\s]/g, '');
    if (!/^\d{10}$/.test(code))
      errors.push(
        err(
          r.row,
          '医療機関コード',
          `医療機関コード「${r.medicalInstitutionCode}」は10桁の数字にしてください`,
          `医療機関コード "${r.medicalInstitutionCode}" must be 10 digits`,
        ),
      );
    else {
      if (code.slice(0, 2) !== tenantId)
        errors.push(
          err(
            r.row,
            '医療機関コード',
            `医療機関コードの都道府県番号 (${code.slice(0, 2)}) がこの都道府県 (${tenantId}) と違います`,
            `The code's prefecture number (${code.slice(0, 2)}) is not this prefecture's (${tenantId})`,
          ),
        );
      if (kind && code[2] !== TABLE_DIGIT[kind])
        errors.push(
          err(
            r.row,
            '医療機関コード',
            `医療機関コードの3桁目 (点数表番号) が種別と合いません (${FACILITY_KIND_LABELS[kind].ja}は ${TABLE_DIGIT[kind]})`,
            `The code's third digit does not match the kind (${TABLE_DIGIT[kind]} expected)`,
          ),
        );
      const first = seenCodes.get(code);
      if (first !== undefined) errors.push(err(r.row, '医療機関コード', `医療機関コードが ${first} 行目と重複しています`, `Same code as row ${first}`));
      else seenCodes.set(code, r.row);
    }
    const hcName = clean(r.healthCenter);
    const area = clean(r.medicalArea);
    if (!hcName) errors.push(err(r.row, '保健所', '保健所が空です', 'Health center is empty'));
    if (!area) errors.push(err(r.row, '二次医療圏', '二次医療圏が空です', 'Medical area is empty'));
    let hc = hcByName.get(hcName) ?? newHc.get(hcName);
    if (hc && area && hc.medicalAreaName !== area) {
      errors.push(
        err(r.row, '二次医療圏', `「${hcName}」の二次医療圏は「${hc.medicalAreaName}」です`, `${hcName} belongs to medical area ${hc.medicalAreaName}`),
      );
    }
    if (!hc && hcName && area) {
      hc = { id: `hc-${randomUUID().slice(0, 8)}`, name: hcName, medicalAreaName: area };
      newHc.set(hcName, hc);
    }
    const email = clean(r.contactEmail);
    if (email && !EMAIL.test(email))
      errors.push(err(r.row, '連絡先メール', `メールアドレス「${r.contactEmail}」の形式が正しくありません`, `"${r.contactEmail}" is not an e-mail address`));
    const address = clean(r.address);
    if (address.length > 200) errors.push(err(r.row, '所在地', '所在地は200文字以内にしてください', 'Address is longer than 200 characters'));
    if (errors.length > before || !kind || !hc) continue;

    const current = byCode.get(code);
    const record: FacilityRecord = {
      id: current?.id ?? `fac-${randomUUID().slice(0, 8)}`,
      name,
      kind,
      beds,
      healthCenterId: hc.id,
      healthCenterName: hc.name,
      medicalAreaName: hc.medicalAreaName,
      medicalInstitutionCode: code,
      address,
      contactEmail: email,
    };
    const same = current && (Object.keys(record) as (keyof FacilityRecord)[]).every((k) => record[k] === current[k]);
    facilities.push({ row: r.row, record, change: !current ? 'create' : same ? 'unchanged' : 'update' });
  }
  const count = (c: PlannedFacility['change']) => facilities.filter((f) => f.change === c).length;
  const rowsOf = (hcName: string) => rows.filter((r) => clean(r.healthCenter) === hcName).map((r) => r.row);
  const unknownHealthCenters = [...newHc.keys()].map((n) => ({
    name: n,
    rows: rowsOf(n),
    suggestions: closestNames(
      n,
      healthCenters.map((h) => h.name),
    ),
  }));
  return {
    facilities,
    newHealthCenters: [...newHc.values()],
    preview: {
      rows: rows.length,
      creates: count('create'),
      updates: count('update'),
      unchanged: count('unchanged'),
      errors,
      newHealthCenters: [...newHc.keys()],
      unknownHealthCenters,
      sample: facilities.slice(0, 20).map((f) => ({
        row: f.row,
        id: f.change === 'create' ? null : f.record.id,
        name: f.record.name,
        kind: f.record.kind,
        healthCenterName: f.record.healthCenterName,
        change: f.change,
      })),
    },
  };
}
