import {
  allItems,
  BUILT_IN_TEMPLATE_IDS,
  builtInTemplates,
  checkTemplate,
  type DeviceClass,
  getBuiltInTemplate,
  isReferenceCell,
  parseTemplateFile,
  type Template,
  Template as TemplateSchema,
} from '@mcr/domain';
import { describe, expect, it } from 'vitest';

type Row = [id: string, number: string, cells: DeviceClass[]];

function layout(template: Template): Row[] {
  return allItems(template).map((item) => [item.id, item.number, item.cells]);
}

/** The 医療機関確認用 wording transcribed from seed 004 (the R5 form and the R6 items it announces). */
const SEED_004_TEXTS: Record<string, string> = {
  gate: '医療情報システムを導入、運用している。',
  '1-1': '医療情報システム安全管理責任者を設置している。',
  '2-1': 'サーバ、端末PC、ネットワーク機器の台帳管理を行っている。',
  '2-2': 'リモートメンテナンス（保守）を利用している機器の有無を事業者等に確認した。',
  '2-3': '事業者から製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出してもらう。',
  '2-4': '利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。',
  '2-5': '退職者や使用していないアカウント等、不要なアカウントを削除している。',
  '2-6': 'アクセスログを管理している。',
  '2-7': 'セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。',
  '2-8': '接続元制限を実施している。',
  '2-9': 'バックグラウンドで動作している不要なソフトウェア及びサービスを停止している。',
  '3-2': 'インシデント発生時に診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と復旧手順を確認している。',
  '3-3': 'サイバー攻撃を想定した事業継続計画（BCP）を策定、又は令和6年度中に策定予定である。',
};

const R6_LAYOUT: Row[] = [
  ['gate', '', ['system']],
  ['1-1', '1(1)', ['system']],
  ['2-1', '2(1)', ['system']],
  ['2-2', '2(2)', ['system']],
  ['2-3', '2(3)', ['system']],
  ['2-4', '2(4)', ['server', 'client']],
  ['2-5', '2(5)', ['server', 'client']],
  ['2-6', '2(6)', ['server']],
  ['2-7', '2(7)', ['server', 'client', 'network']],
  ['2-8', '2(8)', ['network']],
  ['2-9', '2(9)', ['server', 'client']],
  ['3-1', '3(1)', ['system']],
  ['3-2', '3(2)', ['system']],
  ['3-3', '3(3)', ['system']],
];

/**
 * 令和7年度版 as the R7 manual draft (2025-03-13 working group) numbers it: section 2 ends with ⑫ 不要なソフトウェア・
 * サービスの停止 (サーバ、端末PC) and ⑬ 接続元制限 (ネットワーク機器); ⑩ 二要素認証, ⑪ アクセスログ and 1(2) 運用管理規程
 * are placed by elimination (marked unverified). Until issue 10 the product had fourteen items in section 2 with
 * アクセスログ, 接続元制限 and 不要なソフトウェア at 2(12)–2(14) and 運用管理規程 at 2(11); the items keep those ids
 * (2-12, 2-13, 2-14, 2-11) under their new numbers so that stored R7 answers keep their meaning.
 */
const R7_LAYOUT: Row[] = [
  ['gate', '', ['system']],
  ['1-1', '1(1)', ['system']],
  ['2-11', '1(2)', ['system']],
  ['2-1', '2(1)', ['system']],
  ['2-2', '2(2)', ['system']],
  ['2-3', '2(3)', ['system']],
  ['2-4', '2(4)', ['server', 'client']],
  ['2-5', '2(5)', ['server', 'client']],
  ['2-6', '2(6)', ['system']],
  ['2-7', '2(7)', ['system']],
  ['2-8', '2(8)', ['system']],
  ['2-9', '2(9)', ['system']],
  ['2-10', '2(10)', ['system']],
  ['2-12', '2(11)', ['server']],
  ['2-14', '2(12)', ['server', 'client']],
  ['2-13', '2(13)', ['network']],
  ['3-1', '3(1)', ['system']],
  ['3-2', '3(2)', ['system']],
  ['3-3', '3(3)', ['system']],
];

describe('built-in templates', () => {
  it('are listed under their ids and found by getBuiltInTemplate', () => {
    expect(builtInTemplates.map((t) => t.id)).toEqual([...BUILT_IN_TEMPLATE_IDS]);
    for (const id of BUILT_IN_TEMPLATE_IDS) expect(getBuiltInTemplate(id).id).toBe(id);
    expect(getBuiltInTemplate('mhlw-facility-r99')).toBeUndefined();
  });

  describe.each(builtInTemplates.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('matches the Template schema', () => {
      expect(TemplateSchema.safeParse(template).success).toBe(true);
    });

    it('passes every cross-field rule (ids, gates, mirrors, lineage against the previous version)', () => {
      expect(checkTemplate(template)).toEqual([]);
    });

    it('round-trips through the upload file format unchanged', () => {
      const result = parseTemplateFile({ formatVersion: 1, ...structuredClone(template) });
      expect(result).toEqual({ ok: true, template });
    });

    it('gives every item an English rendering different from the Japanese', () => {
      for (const item of allItems(template)) {
        expect(item.text.en.length).toBeGreaterThan(0);
        expect(item.text.en).not.toBe(item.text.ja);
      }
    });

    it('lists only its own items as unverified', () => {
      const ids = new Set(allItems(template).map((item) => item.id));
      for (const note of template.metadata.unverified) expect(ids.has(note.itemId)).toBe(true);
    });
  });

  describe.each(builtInTemplates.filter((t) => t.form !== 'bcp').map((t) => [t.id, t] as const))('%s (checklist form)', (_id, template) => {
    it('tells a clinic without IT staff how to do every item', () => {
      for (const item of allItems(template)) expect(item.guidance.howTo?.ja, item.id).toBeTruthy();
    });

    it('starts with its gate row', () => {
      const first = allItems(template)[0];
      expect(first?.gate).toBe(template.form === 'facility' ? 'medical-system' : 'vendor-contract');
      expect(first?.cells).toEqual(['system']);
    });
  });
});

describe('令和6年度版 医療機関確認用', () => {
  const r6 = getBuiltInTemplate('mhlw-facility-r6');

  it('is the FY2024 facility form', () => {
    expect(r6).toMatchObject({ form: 'facility', fiscalYear: 2024, label: { ja: '令和6年度版', en: 'FY2024 edition' }, previousId: 'mhlw-facility-r5' });
  });

  it('has the gate, 1(1), 2(1)–(9) and 3(1)–(3) with the device classes of the form', () => {
    expect(layout(r6)).toEqual(R6_LAYOUT);
  });

  it('uses the wording of seed 004 for every item it names, but 3(3) as printed on the published FY2024 form', () => {
    for (const item of allItems(r6)) {
      // seed 004 gives 3(3) as announced in FY2023 (「…又は令和6年度中に策定予定である。」); the published R6 form reads
      // 「…を策定している。」 (MHLW PDF 001253950) — see forms-golden.test.ts.
      const expected = item.id === '3-3' ? undefined : SEED_004_TEXTS[item.id];
      if (expected) expect(item.text.ja.startsWith(expected), item.id).toBe(true);
    }
    expect(r6.sections.map((s) => s.title.ja)).toEqual(['医療情報システムの有無', '体制構築', '医療情報システムの管理・運用', 'インシデント発生に備えた対応']);
  });

  it('has no 参考項目 (every item is checked from FY2024)', () => {
    expect(allItems(r6).filter((item) => item.reference || item.referenceCells?.length)).toEqual([]);
  });

  it('makes 2(2) and 2(3) depend on a vendor contract, and nothing else', () => {
    expect(
      allItems(r6)
        .filter((item) => item.applicability.some((rule) => rule.requires === 'vendor-contract'))
        .map((item) => item.id),
    ).toEqual(['2-2', '2-3']);
  });

  it('maps every item to the same item of FY2023 (3(3) changed: 策定予定 dropped) and mirrors it on the vendor form', () => {
    for (const item of allItems(r6)) {
      expect(item.lineage).toEqual({ kind: item.id === '3-3' ? 'changed' : 'same', from: [item.id] });
      if (!item.gate) expect(item.mirror).toBe(item.id);
    }
    expect(r6.mirrorTemplateId).toBe('mhlw-vendor-r6');
  });

  it('flags the device classes the seeds do not state', () => {
    // 3(3) is no longer listed: its wording is that of the published form.
    expect(r6.metadata.unverified.map((note) => note.itemId)).toEqual(['2-4', '2-5', '2-7', '2-9', '3-1']);
  });
});

describe('令和5年度版 医療機関確認用', () => {
  const r5 = getBuiltInTemplate('mhlw-facility-r5');

  it('has the same rows as FY2024 with the FY2023 groups of the form (サーバ: 4–6, ネットワーク機器: 7–8)', () => {
    expect(layout(r5)).toEqual(R6_LAYOUT);
    const groups = Object.fromEntries(allItems(r5).map((item) => [item.id, item.group?.ja]));
    expect(groups['2-4']).toBe('サーバについて、以下を実施している。');
    expect(groups['2-6']).toBe('サーバについて、以下を実施している。');
    expect(groups['2-7']).toBe('ネットワーク機器について、以下を実施している。');
    expect(groups['2-8']).toBe('ネットワーク機器について、以下を実施している。');
  });

  it('marks the 参考項目: 端末PC of 2(4), 2(5), 2(7), サーバ of 2(7), and 2(9), 3(2), 3(3) whole', () => {
    const reference = allItems(r5).flatMap((item) => item.cells.filter((cell) => isReferenceCell(item, cell)).map((cell) => `${item.id}:${cell}`));
    expect(reference).toEqual(['2-4:client', '2-5:client', '2-7:server', '2-7:client', '2-9:server', '2-9:client', '3-2:system', '3-3:system']);
  });

  it('is the first version (no lineage sources)', () => {
    expect(r5.previousId).toBeUndefined();
    for (const item of allItems(r5)) expect(item.lineage).toEqual({ kind: 'new' });
  });
});

describe('令和7年度版 医療機関確認用', () => {
  const r7 = getBuiltInTemplate('mhlw-facility-r7');

  it('is the FY2025 form with five added items and the patch item under 医療情報システム全般', () => {
    expect(r7).toMatchObject({ fiscalYear: 2025, label: { ja: '令和7年度版', en: 'FY2025 edition' }, previousId: 'mhlw-facility-r6' });
    expect(layout(r7)).toEqual(R7_LAYOUT);
    const added = allItems(r7).filter((item) => item.lineage.kind === 'new');
    expect(added.map((item) => item.id)).toEqual(['2-11', '2-7', '2-8', '2-9', '2-10']);
    expect(added.map((item) => item.text.ja).join('\n')).toMatch(/運用管理規程[\s\S]*8文字以上[\s\S]*使い回し[\s\S]*USB[\s\S]*二要素認証[\s\S]*令和9年度/);
    const patch = allItems(r7).find((item) => item.id === '2-6');
    expect(patch).toMatchObject({ cells: ['system'], lineage: { kind: 'changed', from: ['2-7'] } });
    expect(patch?.group?.ja).toBe('医療情報システム全般について、以下を実施している。');
  });

  it('lists as unverified what the R7 manual draft does not show (wording, place or device classes)', () => {
    expect(r7.metadata.unverified.map((note) => note.itemId)).toEqual(['2-11', '2-3', '2-4', '2-5', '2-9', '2-10', '2-12', '3-1', '3-3']);
  });
});

describe('事業者確認用', () => {
  it.each([
    ['mhlw-vendor-r5', 'mhlw-facility-r5'],
    ['mhlw-vendor-r6', 'mhlw-facility-r6'],
    ['mhlw-vendor-r7', 'mhlw-facility-r7'],
  ] as const)('%s mirrors %s row for row, with the same cells and 参考項目', (vendorId, facilityId) => {
    const vendor = getBuiltInTemplate(vendorId);
    const facility = getBuiltInTemplate(facilityId);
    expect(vendor.applicability).toEqual([{ requires: 'vendor-contract' }]);
    expect(vendor.mirrorTemplateId).toBe(facilityId);
    const rows = (t: Template) =>
      allItems(t)
        .filter((item) => !item.gate)
        .map((item) => [item.mirror ?? item.id, item.number, item.cells, item.reference, item.referenceCells ?? []]);
    expect(rows(vendor)).toEqual(rows(facility));
  });

  it('asks the vendor to report remote maintenance and hand over MDS/SDS', () => {
    const items = allItems(getBuiltInTemplate('mhlw-vendor-r6'));
    expect(items.find((item) => item.id === '2-2')?.text.ja).toContain('医療機関に報告した');
    expect(items.find((item) => item.id === '2-3')?.text.ja).toContain(
      '医療機関に製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出した',
    );
  });
});
