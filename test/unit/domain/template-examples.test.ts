import { readFileSync } from 'node:fs';
import { allItems, getBuiltInTemplate, parseTemplateFile, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { exampleJson, R8_EXAMPLE_IDS, r8Examples } from '../../../scripts/template-examples.ts';

const read = (name: string) => readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');

describe('worked example: 令和8年度版 as a new version (docs/examples)', () => {
  const files = { vendor: read('r8-vendor.json'), facility: read('r8-facility.json') };

  it('is what scripts/template-examples.ts produces from the built-in 令和7年度版 (rerun it after changing R7)', () => {
    const { vendor, facility } = r8Examples();
    expect(files.vendor).toBe(exampleJson(vendor));
    expect(files.facility).toBe(exampleJson(facility));
  });

  it('loads: the vendor form against the built-ins, then the facility form naming it as its counterpart', () => {
    const vendor = parseTemplateFile(JSON.parse(files.vendor));
    expect(vendor.ok, JSON.stringify(vendor)).toBe(true);
    const loaded = vendor.ok ? vendor.template : undefined;
    const facility = parseTemplateFile(JSON.parse(files.facility), {
      resolveTemplate: (id) => (id === R8_EXAMPLE_IDS.vendor ? loaded : getBuiltInTemplate(id)),
    });
    expect(facility.ok, JSON.stringify(facility)).toBe(true);
    if (!facility.ok) return;
    const t: Template = facility.template;
    expect(t).toMatchObject({ id: 'pref-facility-r8', form: 'facility', fiscalYear: 2026, previousId: 'mhlw-facility-r7', mirrorTemplateId: 'pref-vendor-r8' });
    expect(t.title.ja).toBe('医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（医療機関・薬局確認用）');
    expect(loaded?.title.ja).toBe('医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（事業者確認用）');
  });

  it('keeps every 令和7年度 item with lineage same (answers carry forward) and marks every item as not yet compared', () => {
    const r7 = getBuiltInTemplate('mhlw-facility-r7');
    const file = JSON.parse(files.facility);
    const parsed = parseTemplateFile(file, {
      resolveTemplate: (id) => (id === R8_EXAMPLE_IDS.vendor ? getBuiltInTemplate('mhlw-vendor-r7') : getBuiltInTemplate(id)),
    });
    // The vendor R7 has the same ids as the facility R7, so it stands in for the not-yet-loaded vendor example here.
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    const items = allItems(parsed.template);
    expect(items.map((i) => [i.id, i.number, i.text.ja])).toEqual(allItems(r7).map((i) => [i.id, i.number, i.text.ja]));
    for (const item of items) expect(item.lineage, item.id).toEqual({ kind: 'same', from: [item.id] });
    expect(parsed.template.metadata.unverified.map((n) => n.itemId)).toEqual(items.map((i) => i.id));
    expect(parsed.template.metadata.unverified.find((n) => n.itemId === '2-7')?.reason.ja).toContain(
      'ガイドライン第7.0版（令和8年6月）でパスワードの定期的な変更を求める記載が削除された',
    );
  });

  it('stays well under the 512 KB upload limit', () => {
    expect(Buffer.byteLength(files.facility)).toBeLessThan(512 * 1024);
    expect(Buffer.byteLength(files.vendor)).toBeLessThan(512 * 1024);
  });
});
