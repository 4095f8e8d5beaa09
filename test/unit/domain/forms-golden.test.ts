import { allItems, builtInTemplates, getBuiltInTemplate, type Item, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

/**
 * Golden texts for the corrections of issue 10 ("the forms right"). Each expectation names its source; a change to
 * one of these strings must come with a new source.
 */
const byId = (template: Template, id: string): Item => {
  const found = allItems(template).find((item) => item.id === id);
  if (!found) throw new Error(`${template.id} has no item ${id}`);
  return found;
};
const r5 = getBuiltInTemplate('mhlw-facility-r5');
const r6 = getBuiltInTemplate('mhlw-facility-r6');
const r7 = getBuiltInTemplate('mhlw-facility-r7');
const v6 = getBuiltInTemplate('mhlw-vendor-r6');
const v7 = getBuiltInTemplate('mhlw-vendor-r7');
const forms = builtInTemplates.filter((t) => t.form !== 'bcp');

describe('令和6年度版 3(3) (MHLW checklist 2024-05-13, PDF 001253950)', () => {
  it('reads 「サイバー攻撃を想定した事業継続計画（BCP）を策定している。」 on both forms', () => {
    expect(byId(r6, '3-3').text.ja).toBe('サイバー攻撃を想定した事業継続計画（BCP）を策定している。');
    expect(byId(v6, '3-3').text.ja).toBe('サイバー攻撃を想定した事業継続計画（BCP）を策定している。');
    expect(byId(r6, '3-3').text.en).toBe('A business continuity plan (BCP) that assumes a cyber attack has been drawn up.');
  });

  it('keeps the FY2023 announcement on the 令和5年度 reference row, which is therefore not carried into R6', () => {
    expect(byId(r5, '3-3').text.ja).toBe('サイバー攻撃を想定した事業継続計画（BCP）を策定、又は令和6年度中に策定予定である。');
    expect(byId(r6, '3-3').lineage).toEqual({ kind: 'changed', from: ['3-3'] });
    expect(byId(r7, '3-3')).toMatchObject({
      text: { ja: 'サイバー攻撃を想定した事業継続計画（BCP）を策定している。' },
      lineage: { kind: 'same', from: ['3-3'] },
    });
  });
});

describe('令和7年度版 section 2 (manual draft, working group 2025-03-13, 資料2-3/2-4)', () => {
  it('2(2) reads 「…機器の有無を事業者に確認した。」 (R5 form: 「事業者等に」) and carries over', () => {
    expect(byId(r7, '2-2')).toMatchObject({
      number: '2(2)',
      text: { ja: 'リモートメンテナンス（保守）を利用している機器の有無を事業者に確認した。' },
      lineage: { kind: 'same', from: ['2-2'] },
    });
    expect(byId(r6, '2-2').text.ja).toBe('リモートメンテナンス（保守）を利用している機器の有無を事業者等に確認した。');
  });

  it('ends with 2(12) 不要なソフトウェア・サービスの停止 (サーバ、端末PC) and 2(13) 接続元制限 (ネットワーク機器)', () => {
    const section2 = r7.sections.find((s) => s.number === '2')!;
    const last = section2.items.slice(-2);
    expect(last.map((i) => [i.number, i.text.ja, i.cells, i.lineage])).toEqual([
      ['2(12)', 'バックグラウンドで動作している不要なソフトウェア及びサービスを停止している。', ['server', 'client'], { kind: 'same', from: ['2-9'] }],
      ['2(13)', '接続元制限を実施している。', ['network'], { kind: 'same', from: ['2-8'] }],
    ]);
    expect(section2.items).toHaveLength(13);
    expect(
      v7.sections
        .find((s) => s.number === '2')!
        .items.slice(-2)
        .map((i) => [i.number, i.cells]),
    ).toEqual([
      ['2(12)', ['server', 'client']],
      ['2(13)', ['network']],
    ]);
  });

  it('has ⑥ patches, ⑦ passwords, ⑧ no reuse as printed in the manual draft', () => {
    expect(byId(r7, '2-6')).toMatchObject({
      number: '2(6)',
      text: { ja: 'セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。' },
      cells: ['system'],
    });
    expect(byId(r7, '2-7').text.ja).toBe(
      'パスワードは英数字、記号が混在した8文字以上とし、定期的に変更している。※二要素認証、または13文字以上の場合は定期的な変更は不要',
    );
    expect(byId(r7, '2-8').text.ja).toBe('パスワードの使い回しを禁止している。');
  });

  it('has the manual’s ▶ guideline references where they were read', () => {
    const refs = (t: Template) => Object.fromEntries(allItems(t).flatMap((i) => (i.guidelineRefs ? [[i.id, i.guidelineRefs]] : [])));
    expect(refs(r7)).toEqual({
      gate: ['概説編 2.3'],
      '2-2': ['企画管理編 9.1', 'システム運用編 10.1'],
      '2-6': ['システム運用編 8.2'],
      '2-8': ['システム運用編 8.⑤'],
      '2-14': ['システム運用編 8.1'],
      '2-13': ['システム運用編 13⑪'],
      '3-2': ['経営管理編 3.4.1', '企画管理編 11.2', '企画管理編 12.2', 'システム運用編 11.1', 'システム運用編 12.2'],
    });
    expect(refs(r6)).toEqual({ gate: ['概説編 2.3'] });
    expect(refs(r5)).toEqual({ '2-8': ['システム運用編 13⑪'] });
  });
});

describe('guidance that follows the guideline', () => {
  it('two-factor: 6.0 expects it for systems newly introduced or updated, looking to 令和9年度; 7.0 keys it to 令和9年4月1日', () => {
    expect(byId(r7, '2-10').guidance.howTo?.ja).toBe(
      'パスワードに加えて、ICカード、生体認証、ワンタイムパスワードなど別の要素を組み合わせます。ガイドライン第6.0版は、令和9年度時点で稼働していることが想定される医療情報システムを今後新たに導入・更新するときに、二要素認証を採用すること（またはこれに相当する対応）を求めています。すべてのシステムに一律の期限を設けたものではありません。令和8年6月の第7.0版では、端末やサーバの二要素認証が令和9年4月1日を区切りとされ、既存のシステムは次の更新時までの対応が認められています。システムの更新予定を事業者に確認し、更新時に二要素認証を組み込むよう計画しましょう。クラウドサービスでは管理者を含むすべての利用者に多要素認証を必須にしましょう。',
    );
    for (const t of forms)
      for (const i of allItems(t)) expect(i.guidance.howTo?.ja ?? '', `${t.id} ${i.id}`).not.toContain('令和9年度までの二要素認証の導入を求めて');
  });

  it('passwords: 7.0 (2026-06-29) removed periodic change and added a reuse ban and lockout', () => {
    expect(byId(r7, '2-7').guidance.howTo?.ja).toBe(
      '出荷時のパスワードは必ず変更し、推測しやすいものは使いません。この項目は、英数字と記号を混ぜた8文字以上で定期的に変更すること（二要素認証を使う場合や13文字以上の場合は定期的な変更は不要）を確認します。サーバやネットワーク機器のパスワードを事業者が管理している場合は、事業者確認用チェックリストで確認します。なお、令和8年6月のガイドライン第7.0版では、パスワードの定期的な変更を求める記載が削除され、パスワードの使い回しの禁止と、一定回数の認証失敗でアカウントをロックすることが加わりました。',
    );
  });
});

describe('vendor form passwords (R7): the servers and network devices installed at the facility too', () => {
  it('tells the vendor to check the facility’s devices, not only its own', () => {
    expect(byId(v7, '2-7').guidance.howTo?.ja).toContain('この医療機関に設置したサーバやネットワーク機器（VPN装置を含む）のパスワードも確認します。');
    expect(byId(v7, '2-8').guidance.howTo?.ja).toContain('契約している複数の施設を同じパスワードで管理している');
    expect(byId(r7, '2-8').guidance.howTo?.ja).not.toContain('契約している複数の施設');
  });
});

describe('where the guidance comes from', () => {
  const deck =
    '解説は、厚生労働省の委託事業による研修資料（令和5年度「立入検査の対応に向けた医療機関におけるサイバーセキュリティ対策研修」）を要約したものです。チェックリストマニュアルの本文ではありません。';

  it('says, on every item, whether it summarises the training deck (seed 004) or was written for the product', () => {
    expect(byId(r6, '2-1').guidance.source?.ja).toBe(deck);
    expect(byId(r7, '2-10').guidance.source?.ja).toBe(
      '解説は、厚生労働省のチェックリストマニュアル（令和7年度版の案）と医療情報システムの安全管理に関するガイドラインをもとに、本システムが作成したものです。マニュアルの本文ではありません。',
    );
    for (const t of forms) for (const i of allItems(t)) expect(i.guidance.source?.ja, `${t.id} ${i.id}`).toMatch(/マニュアルの本文ではありません。$/);
  });

  it('says it in the template metadata too', () => {
    for (const t of forms)
      expect(t.metadata.guidanceSource?.ja, t.id).toMatch(/^各項目の解説（実施背景・実施方法・ケーススタディ）は、厚生労働省の委託事業による研修資料/);
  });
});

describe('plain notes about unverified text', () => {
  const internal = /seed|metadata|資料（seeds）|資料に|資料で|資料では|資料は|本製品による推定|推定です/;

  it('no source or note of a checklist form carries a developer note', () => {
    for (const t of forms) {
      expect(t.source, t.id).not.toMatch(internal);
      for (const n of t.metadata.unverified) {
        expect(n.reason.ja, `${t.id} ${n.itemId}`).not.toMatch(internal);
        expect(n.reason.en, `${t.id} ${n.itemId}`).not.toMatch(/seed|metadata|the sources/);
      }
    }
  });

  it('no built-in version (BCP included) names a seed file or metadata field where users read it', () => {
    for (const t of builtInTemplates) {
      expect(t.source, t.id).not.toMatch(/seed|metadata/i);
      for (const n of t.metadata.unverified) expect(`${n.reason.ja} ${n.reason.en}`, `${t.id} ${n.itemId}`).not.toMatch(/seed|metadata/i);
    }
  });

  it('reads as a user note', () => {
    expect(r7.metadata.unverified.find((n) => n.itemId === '2-10')?.reason).toEqual({
      ja: 'この項目の文言は公式様式で確認できていません。この項目の番号（並び順）は公式様式で確認できていません。公式様式と異なる場合は県にお知らせください。',
      en: 'The wording of this item has not been checked against the official form. The number (position) of this item has not been checked against the official form. If it differs from the official form, please tell the prefecture.',
    });
    expect(v7.metadata.unverified.find((n) => n.itemId === 'gate')?.reason.ja).toBe(
      'この行は本システムが設けたものです（公式様式にはありません）。契約がない場合に、以下の項目を回答しなくてよいようにするためのものです。',
    );
  });
});
