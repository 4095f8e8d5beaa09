import type { Item, Template } from '../template.ts';
import {
  GROUPS,
  GUIDANCE,
  GUIDANCE_R7,
  item,
  note,
  SECTION_TITLES,
  SOURCE_R7_MANUAL_DRAFT,
  TEMPLATE_GUIDANCE_SOURCE,
  TEXT,
  TEXT_R7,
  TITLES,
  VENDOR_CONTRACT,
  VENDOR_GUIDANCE,
  VENDOR_TEXT,
} from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });
const changed = (id: string) => ({ kind: 'changed' as const, from: [id] });

/**
 * Plain notes shared by the 令和7年度 forms (the developer's reasons are in the comments).
 *
 * Read in the R7 manual draft (SOURCE_R7_MANUAL_DRAFT): contents ① 台帳, ② リモートメンテナンス (「事業者に確認した」),
 * ③ MDS/SDS (heading cut off in the text we read), ⑥ セキュリティパッチ (医療情報システム全般), ⑦ パスワード, ⑧ 使い回し,
 * ⑨ USB (heading cut off), ⑫ 不要なソフトウェア・サービスの停止 (サーバ、端末PC), ⑬ 接続元制限 (ネットワーク機器);
 * section 3 ② (バックアップ) verbatim. Not read: ④ ⑤ device classes (④ also has new wording, 「管理者権限の対象者を
 * 明確化」, not found), ⑩ and ⑪, and where the 運用管理規程 item went. Section 2 has thirteen items, ⑩ and ⑪ are the
 * only free places and アクセスログ is a section-2 item, so ⑩ 二要素認証 (the last 全般 item) and ⑪ アクセスログ
 * (サーバ, the first per-device item, as ⑫ ⑬ are); the 運用管理規程 item, an organisational one, is put under 1 体制構築
 * as 1(2). All three placements are marked.
 *
 * Item ids are those of the earlier (pre-issue-10) R7 layout, not the new numbers: campaigns read the built-in
 * template by id at run time, so a stored answer under `2-12:server` must keep meaning アクセスログ. Hence 1(2) is
 * `2-11`, 2(11) is `2-12` and 2(12) is `2-14`.
 */
export function r7Notes(vendor: boolean): Template['metadata']['unverified'] {
  if (vendor) {
    // No 事業者確認用 of any year was read: every row is listed; the contract row is the product's own.
    const rows = ['1-1', '2-11', '2-1', '2-2', '2-3', '2-4', '2-5', '2-6', '2-7', '2-8', '2-9', '2-10', '2-12', '2-14', '2-13', '3-1', '3-2', '3-3'];
    return [note('gate', 'addedRow'), ...rows.map((id) => note(id, 'wording', 'cells'))];
  }
  return [
    note('2-11', 'wording', 'number'),
    note('2-3', 'wording'),
    note('2-4', 'wording', 'cells'),
    note('2-5', 'cells'),
    note('2-9', 'wording'),
    note('2-10', 'wording', 'number'),
    note('2-12', 'number', 'cells'),
    // Form: 「…への連絡体制がある。」; deck slides: 「…の連絡体制図がある。」 (as in R5/R6).
    note('3-1', 'wording'),
    // Same wording as the published R6 3(3); the R7 form itself was not read.
    note('3-3', 'wording'),
  ];
}

/**
 * The items of 令和7年度版 (both forms share the layout; the vendor form swaps in its own wording for 2(2), 2(3),
 * 3(1), 3(2) and its contract gate). Guideline references (▶) are those printed in the R7 manual draft.
 */
export function r7Sections(vendor: boolean): Template['sections'] {
  const gate: Item = vendor
    ? item({ id: 'gate', number: '', text: VENDOR_TEXT.gate, gate: 'vendor-contract', guidance: VENDOR_GUIDANCE.gate, lineage: same('gate') })
    : // R6 manual: 医療情報システムの有無 ▶概説編 2.3.
      item({ id: 'gate', number: '', text: TEXT.gate, gate: 'medical-system', guidance: GUIDANCE.gate, lineage: same('gate'), guidelineRefs: ['概説編 2.3'] });
  return [
    { id: 'gate', number: '', title: vendor ? SECTION_TITLES.vendorGate : SECTION_TITLES.gate, items: [gate] },
    {
      id: '1',
      number: '1',
      title: SECTION_TITLES.organisation,
      items: [
        item({ id: '1-1', number: '1(1)', text: TEXT.manager, guidance: GUIDANCE.manager, mirror: '1-1', lineage: same('1-1') }),
        // id 2-11: the id this item had before issue 10 placed it at 1(2), so stored R7 answers keep their meaning.
        item({ id: '2-11', number: '1(2)', text: TEXT_R7.operationRules, guidance: GUIDANCE_R7.operationRules, mirror: '2-11' }),
      ],
    },
    {
      id: '2',
      number: '2',
      title: SECTION_TITLES.management,
      items: [
        item({ id: '2-1', number: '2(1)', text: TEXT.inventory, group: GROUPS.all, guidance: GUIDANCE.inventory, mirror: '2-1', lineage: same('2-1') }),
        vendor
          ? item({
              id: '2-2',
              number: '2(2)',
              text: VENDOR_TEXT.remoteMaintenance,
              group: GROUPS.all,
              guidance: VENDOR_GUIDANCE.remoteMaintenance,
              mirror: '2-2',
              lineage: same('2-2'),
              guidelineRefs: ['企画管理編 9.1', 'システム運用編 10.1'],
            })
          : // 「事業者等に」 (R5 form) → 「事業者に」 (R7 manual draft ②): the same question, so answers carry over.
            item({
              id: '2-2',
              number: '2(2)',
              text: TEXT_R7.remoteMaintenance,
              group: GROUPS.all,
              applicability: VENDOR_CONTRACT,
              guidance: GUIDANCE.remoteMaintenance,
              mirror: '2-2',
              lineage: same('2-2'),
              guidelineRefs: ['企画管理編 9.1', 'システム運用編 10.1'],
            }),
        item({
          id: '2-3',
          number: '2(3)',
          text: vendor ? VENDOR_TEXT.disclosure : TEXT.disclosure,
          group: GROUPS.all,
          ...(vendor ? {} : { applicability: VENDOR_CONTRACT }),
          guidance: vendor ? VENDOR_GUIDANCE.disclosure : GUIDANCE.disclosure,
          mirror: '2-3',
          lineage: same('2-3'),
        }),
        item({
          id: '2-4',
          number: '2(4)',
          text: TEXT.accessRights,
          group: GROUPS.devices,
          cells: ['server', 'client'],
          guidance: GUIDANCE.accessRights,
          mirror: '2-4',
          lineage: same('2-4'),
        }),
        item({
          id: '2-5',
          number: '2(5)',
          text: TEXT.unusedAccounts,
          group: GROUPS.devices,
          cells: ['server', 'client'],
          guidance: GUIDANCE.unusedAccounts,
          mirror: '2-5',
          lineage: same('2-5'),
        }),
        // Manual draft ⑥ (医療情報システム全般) ▶システム運用編 8.2: answered once now, so not carried from R6's per-device 2(7).
        item({
          id: '2-6',
          number: '2(6)',
          text: TEXT.patches,
          group: GROUPS.all,
          guidance: GUIDANCE.patches,
          mirror: '2-6',
          lineage: changed('2-7'),
          guidelineRefs: ['システム運用編 8.2'],
        }),
        item({
          id: '2-7',
          number: '2(7)',
          text: TEXT_R7.passwordStrength,
          group: GROUPS.all,
          guidance: vendor ? VENDOR_GUIDANCE.passwordStrength : GUIDANCE_R7.passwordStrength,
          mirror: '2-7',
        }),
        // Manual draft ⑧ ▶システム運用編 8.⑤ (as printed in the text we read).
        item({
          id: '2-8',
          number: '2(8)',
          text: TEXT_R7.passwordReuse,
          group: GROUPS.all,
          guidance: vendor ? VENDOR_GUIDANCE.passwordReuse : GUIDANCE_R7.passwordReuse,
          mirror: '2-8',
          guidelineRefs: ['システム運用編 8.⑤'],
        }),
        item({ id: '2-9', number: '2(9)', text: TEXT_R7.externalMedia, group: GROUPS.all, guidance: GUIDANCE_R7.externalMedia, mirror: '2-9' }),
        item({ id: '2-10', number: '2(10)', text: TEXT_R7.twoFactor, group: GROUPS.all, guidance: GUIDANCE_R7.twoFactor, mirror: '2-10' }),
        // id 2-12 (its id before issue 10), number 2(11).
        item({
          id: '2-12',
          number: '2(11)',
          text: TEXT.accessLogs,
          group: GROUPS.devices,
          cells: ['server'],
          guidance: GUIDANCE.accessLogs,
          mirror: '2-12',
          lineage: same('2-6'),
        }),
        // Manual draft ⑫ 「…停止している。（サーバ、端末 PC）」 ▶システム運用編 8.1.
        // id 2-14 (its id before issue 10, when it was printed 2(14)), number 2(12).
        item({
          id: '2-14',
          number: '2(12)',
          text: TEXT.background,
          group: GROUPS.devices,
          cells: ['server', 'client'],
          guidance: GUIDANCE.background,
          mirror: '2-14',
          lineage: same('2-9'),
          guidelineRefs: ['システム運用編 8.1'],
        }),
        // Manual draft ⑬ 「接続元制限を実施している。（ネットワーク機器）」 ▶システム運用編 13⑪.
        item({
          id: '2-13',
          number: '2(13)',
          text: TEXT.sourceRestriction,
          group: GROUPS.devices,
          cells: ['network'],
          guidance: GUIDANCE.sourceRestriction,
          mirror: '2-13',
          lineage: same('2-8'),
          guidelineRefs: ['システム運用編 13⑪'],
        }),
      ],
    },
    {
      id: '3',
      number: '3',
      title: SECTION_TITLES.incident,
      items: [
        item({
          id: '3-1',
          number: '3(1)',
          text: vendor ? VENDOR_TEXT.contacts : TEXT.contacts,
          guidance: GUIDANCE.contacts,
          mirror: '3-1',
          lineage: same('3-1'),
        }),
        // Manual draft section 3 ② (verbatim) ▶経営管理編 3.4.1 / 企画管理編 11.2・12.2 / システム運用編 11.1・12.2.
        item({
          id: '3-2',
          number: '3(2)',
          text: vendor ? VENDOR_TEXT.backup : TEXT.backup,
          guidance: GUIDANCE.backup,
          mirror: '3-2',
          lineage: same('3-2'),
          guidelineRefs: ['経営管理編 3.4.1', '企画管理編 11.2', '企画管理編 12.2', 'システム運用編 11.1', 'システム運用編 12.2'],
        }),
        // Same wording as the published R6 3(3): answers carry over.
        item({ id: '3-3', number: '3(3)', text: TEXT.bcp, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: same('3-3') }),
      ],
    },
  ];
}

/** 令和7年度版 医療機関確認用: five items added, the patch item moved under 医療情報システム全般. */
export const mhlwFacilityR7: Template = {
  id: 'mhlw-facility-r7',
  form: 'facility',
  fiscalYear: 2025,
  label: { ja: '令和7年度版', en: 'FY2025 edition' },
  title: TITLES.facility,
  source: `厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和7年度版（医療機関確認用、令和7年5月）。項目の番号・文言・ガイドラインの参照先は ${SOURCE_R7_MANUAL_DRAFT} による。公式様式で確認できていない項目には「未照合」と表示しています。`,
  previousId: 'mhlw-facility-r6',
  mirrorTemplateId: 'mhlw-vendor-r7',
  applicability: [],
  sections: r7Sections(false),
  metadata: { unverified: r7Notes(false), guidanceSource: TEMPLATE_GUIDANCE_SOURCE },
};
