/**
 * The worked example for loading 令和8年度版 as a new version (docs/examples/, docs/new-checklist-version.md).
 *
 * MHLW published the 令和8年度 form in June 2026 as one 「医療機関・薬局におけるサイバーセキュリティ対策チェックリスト」
 * with a 事業者確認用 (guideline page 0000516275_00006: xlsx 001716187 医療機関・薬局確認用, 001716188 事業者確認用,
 * PDF 001716185, manual 001716186). Its item-level text was not found in any source we could read (SOURCES.md), so
 * these files are the 令和7年度 items under the 令和8年度 title, every item marked as not yet compared, for the
 * prefecture to correct against the official workbook and load. Nothing below invents 令和8年度 wording.
 *
 *   npx tsx scripts/template-examples.ts   # rewrites docs/examples/r8-*.json
 *
 * test/unit/domain/template-examples.test.ts fails when the files drift from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { draftNextVersion, getBuiltInTemplate, type Template, type TemplateFile } from '@mcr/domain';

const SOURCE_R8 =
  '厚生労働省「医療機関・薬局におけるサイバーセキュリティ対策チェックリスト」令和8年度版（令和8年6月、https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html：医療機関・薬局確認用 001716187.xlsx、事業者確認用 001716188.xlsx、マニュアル 001716186.pdf）。この作成例の項目は令和7年度版のままです。公式様式と照合して直してから使ってください。';

export const R8_EXAMPLE_IDS = { vendor: 'pref-vendor-r8', facility: 'pref-facility-r8' } as const;

/** 令和8年度版 as the prefecture starts it: the vendor form first (no mirrors), then the facility form naming it. */
export function r8Examples(ids: { vendor: string; facility: string } = R8_EXAMPLE_IDS): { vendor: TemplateFile; facility: TemplateFile } {
  const v7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
  const f7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
  const vendor = draftNextVersion(v7, {
    id: ids.vendor,
    fiscalYear: 2026,
    label: { ja: '令和8年度版（作成例）', en: 'FY2026 edition (worked example)' },
    title: {
      ja: '医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（事業者確認用）',
      en: 'Cybersecurity Checklist for Medical Institutions and Pharmacies (vendor form)',
    },
    source: SOURCE_R8,
  });
  const facility = draftNextVersion(f7, {
    id: ids.facility,
    fiscalYear: 2026,
    label: { ja: '令和8年度版（作成例）', en: 'FY2026 edition (worked example)' },
    title: {
      ja: '医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（医療機関・薬局確認用）',
      en: 'Cybersecurity Checklist for Medical Institutions and Pharmacies (facility and pharmacy form)',
    },
    source: SOURCE_R8,
    mirrorTemplateId: ids.vendor,
  });
  // Guideline 第7.0版 (2026-06-29) deleted periodic password change: point at the item most likely to have changed.
  const passwords = {
    ja: '令和8年度版の公式様式との照合前です。前の版の文言をそのまま使っています。ガイドライン第7.0版（令和8年6月）でパスワードの定期的な変更を求める記載が削除されたため、この項目の文言が変わっていないか、特に確認してください。',
    en: 'Not yet compared with the FY2026 official form: the wording is that of the previous version. Guideline 7.0 (June 2026) deleted periodic password changes, so check this item’s wording in particular.',
  };
  for (const file of [vendor, facility]) {
    file.metadata = { ...file.metadata, unverified: (file.metadata?.unverified ?? []).map((n) => (n.itemId === '2-7' ? { ...n, reason: passwords } : n)) };
  }
  return { vendor, facility };
}

export const exampleJson = (file: TemplateFile): string => `${JSON.stringify(file, null, 2)}\n`;

if (process.argv[1]?.endsWith('template-examples.ts')) {
  const { vendor, facility } = r8Examples();
  writeFileSync(new URL('../docs/examples/r8-vendor.json', import.meta.url), exampleJson(vendor));
  writeFileSync(new URL('../docs/examples/r8-facility.json', import.meta.url), exampleJson(facility));
  console.log('docs/examples/r8-vendor.json, docs/examples/r8-facility.json written');
}
