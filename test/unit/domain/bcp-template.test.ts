import { allItems, bcpInitialResponseSteps, checkTemplate, getBuiltInTemplate } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

// Golden test of 「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」 (MHLW, 2024-06-06): the numbering by
// 大項目 and every text the product sets. Rows marked ✓ were read in a transcription of the official table or its
// 手引き; the others are questions built from the seed-000 article and must carry a user-facing unverified note.
const bcp = getBuiltInTemplate('mhlw-bcp-r6');

const GOLDEN: Array<[number: string, major: string, text: string, verified: boolean]> = [
  ['1-1(1)', '情報機器等の把握と適切な管理、全体構成図の作成', 'サーバ、端末PC、ネットワーク機器を把握できているか。', true],
  ['1-1(2)', '情報機器等の把握と適切な管理、全体構成図の作成', 'ネットワーク構成図・システム構成図が整備できているか。', true],
  ['1-1(3)', '情報機器等の把握と適切な管理、全体構成図の作成', 'システム停止が事業継続に与える影響を把握できているか。', true],
  ['1-1(4)', '情報機器等の把握と適切な管理、全体構成図の作成', 'サーバ、端末PC、ネットワーク機器の脆弱性への対応ができているか。', true],
  [
    '1-2(1)',
    '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集',
    'インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図が整備できているか。',
    true,
  ],
  ['1-2(2)', '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集', 'リスク検知のための情報収集体制が整備できているか。', true],
  ['1-2(3)', '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集', '教育訓練が実施できているか。', true],
  ['1-2(4)', '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集', 'バックアップの実施と復旧手順が確認できているか。', true],
  ['2-1', 'システム異常の報告先の把握', '異常時の連絡体制図を全職員が把握し、連絡先等を速やかに取得できるか。', false],
  ['2-2', 'システム異常の検知', '院内で発生した異常を院内職員が覚知できるか。', false],
  [
    '2-3',
    'CSIRT（対応者）／経営者によるシステム異常の覚知',
    '院内職員から発出されたサイバー被害情報が、組織を通じて速やかにCSIRT（対応者）・意思決定者まで到達するか。',
    false,
  ],
  [
    '3-1',
    '原因調査（必要に応じて事業者に依頼）',
    'ネットワーク機器やケーブル等の調査、電源系統、ブレーカー、ハードウェア、ソフトウェア等の調査ができるか。必要に応じて事業者に依頼できるか。',
    false,
  ],
  ['3-2', '事業者等への連絡と作業履歴の確認', '事業者等への連絡と作業履歴の確認ができるか。', false],
  ['3-3', '被害拡大防止', '被害拡大防止に向けた対応ができるか。', false],
  [
    '3-4',
    '経営層への報告、経営層による確認と指示、組織内周知',
    '経営層がサイバー攻撃兆候等を認める際の組織内報告を受け、医療情報システム使用中止等の指示を判断できるか。',
    true,
  ],
  [
    '3-5',
    '被害状況等調査（フォレンジック調査＋証拠保全）と被害状況等の報告',
    '被害状況等の調査（フォレンジック調査＋証拠保全）と、経営層への被害状況等の報告ができるか。',
    false,
  ],
  ['3-6', '組織対応方針確認と外部関係機関への報告等の対応', '組織対応方針を確認し、外部関係機関への報告ができるか。', false],
  ['4-1', '経営層からの復旧指示の確認と実施', '経営層からの復旧指示の確認と実施ができるか。', false],
  ['4-2', '医療情報システム等の事業者等へ復旧対応依頼', '医療情報システム等の事業者等へ復旧対応を依頼できるか。', false],
  ['4-3', '再設定や再インストール、バックアップデータの復旧等', '再設定や再インストール、バックアップデータの復旧等ができるか。', false],
  ['4-4', '復旧結果の確認', '復旧結果の確認ができるか。', false],
  [
    '5-1',
    '復旧結果と情報漏洩事実の有無の報告',
    '復旧結果と情報漏えい事実の有無、可能性について院内報告を行う方法、報告先、内容を、企画管理者、システム担当者がそれぞれの分担責任として把握しているか。',
    false,
  ],
  [
    '5-2',
    '再発防止策の検討・策定',
    '再発防止策の検討および策定を進める体制、能力があるか。管理者、システム担当者がそれぞれの分担責任として把握しているか。',
    true,
  ],
  ['5-3', '再発防止策の周知', '再発防止策の周知を院内に周知する方法と体制が整備されているか。', true],
  ['5-4', '再発防止策の実施', '再発防止策の実施が行えるか。', true],
  ['5-5', '事業者等への再発防止策の指示', '事業者に対して再発防止策を具体的に提案し、実施可能かつ有効な方法を策定する能力があるか。', true],
  [
    '5-6',
    '外部関係機関への報告と情報公開の検討',
    '情報公開の内容を検討する体制、連絡先、内容を文書として準備し、必要時に速やかに利用できるか。経営者と担当者が外部関係機関へ報告を行えるか。',
    false,
  ],
];

describe('サイバー攻撃を想定したBCP策定の確認表 (official layout)', () => {
  it('is a sound bcp template with the five phases in order', () => {
    expect(bcp.form).toBe('bcp');
    expect(checkTemplate(bcp)).toEqual([]);
    expect(bcp.sections.map((s) => [s.number, s.title.ja, s.items.length])).toEqual([
      ['1', '平時', 8],
      ['2', '検知', 3],
      ['3', '初動対応', 6],
      ['4', '復旧処理', 4],
      ['5', '事後対応', 6],
    ]);
    expect(bcp.sections[0]?.description?.ja).toBe('平時において、非常時に備え、サイバーセキュリティの体制整備を行う。');
  });

  it('numbers every row by its 大項目 and words it as the official question', () => {
    expect(allItems(bcp).map((item) => [item.number, item.group?.ja, item.text.ja, !bcp.metadata.unverified.some((n) => n.itemId === item.id)])).toEqual(
      GOLDEN,
    );
  });

  it('answers every row once for the whole facility: no gate, no device classes, no mirror, not a reference item', () => {
    for (const item of allItems(bcp)) {
      expect(item.cells).toEqual(['system']);
      expect(item.gate).toBeUndefined();
      expect(item.mirror).toBeUndefined();
      expect(item.reference).toBe(false);
      expect(item.text.ja.endsWith('か。')).toBe(true);
      expect(item.text.en.length).toBeGreaterThan(10);
    }
  });

  it('keeps the 大項目 of phase 1 to four 確認項目 each, and one per 大項目 afterwards (1-1 … 5-6)', () => {
    const majors = new Map<string, number>();
    for (const item of allItems(bcp)) {
      const major = item.number.replace(/\(\d\)$/, '');
      majors.set(major, (majors.get(major) ?? 0) + 1);
    }
    expect([...majors]).toEqual([
      ['1-1', 4],
      ['1-2', 4],
      ['2-1', 1],
      ['2-2', 1],
      ['2-3', 1],
      ['3-1', 1],
      ['3-2', 1],
      ['3-3', 1],
      ['3-4', 1],
      ['3-5', 1],
      ['3-6', 1],
      ['4-1', 1],
      ['4-2', 1],
      ['4-3', 1],
      ['4-4', 1],
      ['5-1', 1],
      ['5-2', 1],
      ['5-3', 1],
      ['5-4', 1],
      ['5-5', 1],
      ['5-6', 1],
    ]);
  });

  it('gives users a plain note on each row it could not check, never an internal one', () => {
    expect(bcp.metadata.unverified).toHaveLength(GOLDEN.filter((row) => !row[3]).length);
    for (const note of bcp.metadata.unverified) {
      expect(note.reason.ja).not.toMatch(/seed|metadata|資料（seeds）/i);
      expect(note.reason.en).not.toMatch(/seed|metadata/i);
    }
    expect(bcp.source).toContain('0000516275_00006');
  });

  it("keeps the 手引き's guideline references on their rows and says where each explanation comes from", () => {
    const refs = Object.fromEntries(
      allItems(bcp)
        .filter((i) => i.guidelineRefs)
        .map((i) => [i.number, i.guidelineRefs]),
    );
    expect(refs).toEqual({
      '1-2(2)': ['企画管理編 12.2', 'システム運用編 8.2', 'システム運用編 17'],
      '1-2(3)': ['企画管理編 11.⑥'],
      '5-2': ['経営管理編 1.2.2', '経営管理編 3.4.3', '企画管理編 2.1.3', '企画管理編 3.1.5'],
      '5-5': ['企画管理編 2.1.3'],
    });
    for (const item of allItems(bcp)) {
      if (item.guidance.howTo) expect(item.guidance.source?.ja).toMatch(/手引き/);
      expect(item.guidance.howTo?.ja ?? '').not.toMatch(/ガイドライン/);
    }
    expect(bcp.metadata.guidanceSource?.ja).toContain('確認表のための手引き');
  });

  it('exports the 初動対応 steps for the incident report', () => {
    expect(bcpInitialResponseSteps().map((step) => [step.id, step.number, step.title.ja])).toEqual([
      ['initial-response-1', '3-1', '原因調査（必要に応じて事業者に依頼）'],
      ['initial-response-2', '3-2', '事業者等への連絡と作業履歴の確認'],
      ['initial-response-3', '3-3', '被害拡大防止'],
      ['initial-response-4', '3-4', '経営層への報告、経営層による確認と指示、組織内周知'],
      ['initial-response-5', '3-5', '被害状況等調査（フォレンジック調査＋証拠保全）と被害状況等の報告'],
      ['initial-response-6', '3-6', '組織対応方針確認と外部関係機関への報告等の対応'],
    ]);
    const texts = bcpInitialResponseSteps().map((step) => step.text.ja);
    expect(texts).toEqual(GOLDEN.filter((row) => row[0].startsWith('3-')).map((row) => row[2]));
  });
});
