import type { Template } from '../template.ts';
import { GROUPS, GUIDANCE, GUIDANCE_R7, item, SECTION_TITLES, TEXT, TEXT_R7, TITLES, unverified, VENDOR_CONTRACT } from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });
const changed = (id: string) => ({ kind: 'changed' as const, from: [id] });

/** Notes shared by the 令和7年度 forms: the seeds predate them, so nothing of their layout is verified. */
export function r7Notes(vendor: boolean): Template['metadata']['unverified'] {
  const carried = (id: string, from: string) =>
    unverified(
      id,
      `令和7年度版の様式は資料にありません。文言は令和6年度版${from}から変わらないものとし、番号（位置）は推定です。`,
      `The FY2025 form is not in the sources. The wording is assumed unchanged from FY2024 ${from}; the number (position) is an assumption.`,
    );
  const gate = vendor
    ? unverified(
        'gate',
        '事業者確認用の契約の有無の行は本製品が設けたものです（公式様式にはありません）。',
        'The contract row of the vendor form is added by the product; the official form has none.',
      )
    : unverified(
        'gate',
        '令和7年度版の様式は資料にありません。前提項目の文言は令和6年度版から変わらないものとしています。',
        'The FY2025 form is not in the sources; the gate row is assumed unchanged from FY2024.',
      );
  const added = (id: string, what: string, whatEn: string) =>
    unverified(
      id,
      `令和7年度に追加された項目（${what}）です。文言・番号・機器区分は資料で確認できません。公式様式と照合してください。`,
      `Added in FY2025 (${whatEn}). Its wording, number and device classes cannot be checked against the sources; compare with the official form.`,
    );
  return [
    gate,
    carried('1-1', '1(1)'),
    carried('2-1', '2(1)'),
    carried('2-2', '2(2)'),
    carried('2-3', '2(3)'),
    carried('2-4', '2(4)'),
    carried('2-5', '2(5)'),
    unverified(
      '2-6',
      '令和6年度版2(7)が「医療情報システム全般」に移ったものです（サーバ・端末PC・ネットワーク機器別ではなく一括で回答）。番号と文言は資料で確認できません。',
      'FY2024 2(7), moved under "medical information systems as a whole" (answered once, not per device class). Its number and wording cannot be checked against the sources.',
    ),
    added('2-7', 'パスワードの桁数と定期変更', 'password length and rotation'),
    added('2-8', 'パスワードの使い回し禁止', 'no password reuse'),
    added('2-9', 'USB等の外部記録媒体の接続制限', 'USB / external media restriction'),
    added('2-10', '令和9年度までの二要素認証', 'two-factor authentication by FY2027'),
    added('2-11', '運用管理規程', 'operating rules'),
    carried('2-12', '2(6)'),
    carried('2-13', '2(8)'),
    carried('2-14', '2(9)'),
    carried('3-1', '3(1)'),
    carried('3-2', '3(2)'),
    unverified(
      '3-3',
      '令和7年度版では「策定予定」の選択肢がなくなり「策定している。」になったものとしています。資料で確認できません。',
      'Assumed to read 「策定している。」 in FY2025 (the "will be drawn up" option dropped); not verifiable from the sources.',
    ),
  ];
}

/** 令和7年度版 医療機関確認用: five items added, the patch item moved under 医療情報システム全般. */
export const mhlwFacilityR7: Template = {
  id: 'mhlw-facility-r7',
  form: 'facility',
  fiscalYear: 2025,
  label: { ja: '令和7年度版', en: 'FY2025 edition' },
  title: TITLES.facility,
  source:
    '厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和7年度版（医療機関確認用）。資料（seeds）に様式がないため、令和6年度版と公表された改定点から構成（metadata.unverified 参照）。',
  previousId: 'mhlw-facility-r6',
  mirrorTemplateId: 'mhlw-vendor-r7',
  applicability: [],
  sections: [
    {
      id: 'gate',
      number: '',
      title: SECTION_TITLES.gate,
      items: [item({ id: 'gate', number: '', text: TEXT.gate, gate: 'medical-system', guidance: GUIDANCE.gate, lineage: same('gate') })],
    },
    {
      id: '1',
      number: '1',
      title: SECTION_TITLES.organisation,
      items: [item({ id: '1-1', number: '1(1)', text: TEXT.manager, guidance: GUIDANCE.manager, mirror: '1-1', lineage: same('1-1') })],
    },
    {
      id: '2',
      number: '2',
      title: SECTION_TITLES.management,
      items: [
        item({ id: '2-1', number: '2(1)', text: TEXT.inventory, group: GROUPS.all, guidance: GUIDANCE.inventory, mirror: '2-1', lineage: same('2-1') }),
        item({
          id: '2-2',
          number: '2(2)',
          text: TEXT.remoteMaintenance,
          group: GROUPS.all,
          applicability: VENDOR_CONTRACT,
          guidance: GUIDANCE.remoteMaintenance,
          mirror: '2-2',
          lineage: same('2-2'),
        }),
        item({
          id: '2-3',
          number: '2(3)',
          text: TEXT.disclosure,
          group: GROUPS.all,
          applicability: VENDOR_CONTRACT,
          guidance: GUIDANCE.disclosure,
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
        item({ id: '2-6', number: '2(6)', text: TEXT.patches, group: GROUPS.all, guidance: GUIDANCE.patches, mirror: '2-6', lineage: changed('2-7') }),
        item({ id: '2-7', number: '2(7)', text: TEXT_R7.passwordStrength, group: GROUPS.all, guidance: GUIDANCE_R7.passwordStrength, mirror: '2-7' }),
        item({ id: '2-8', number: '2(8)', text: TEXT_R7.passwordReuse, group: GROUPS.all, guidance: GUIDANCE_R7.passwordReuse, mirror: '2-8' }),
        item({ id: '2-9', number: '2(9)', text: TEXT_R7.externalMedia, group: GROUPS.all, guidance: GUIDANCE_R7.externalMedia, mirror: '2-9' }),
        item({ id: '2-10', number: '2(10)', text: TEXT_R7.twoFactor, group: GROUPS.all, guidance: GUIDANCE_R7.twoFactor, mirror: '2-10' }),
        item({ id: '2-11', number: '2(11)', text: TEXT_R7.operationRules, group: GROUPS.all, guidance: GUIDANCE_R7.operationRules, mirror: '2-11' }),
        item({
          id: '2-12',
          number: '2(12)',
          text: TEXT.accessLogs,
          group: GROUPS.devices,
          cells: ['server'],
          guidance: GUIDANCE.accessLogs,
          mirror: '2-12',
          lineage: same('2-6'),
        }),
        item({
          id: '2-13',
          number: '2(13)',
          text: TEXT.sourceRestriction,
          group: GROUPS.devices,
          cells: ['network'],
          guidance: GUIDANCE.sourceRestriction,
          mirror: '2-13',
          lineage: same('2-8'),
        }),
        item({
          id: '2-14',
          number: '2(14)',
          text: TEXT.background,
          group: GROUPS.devices,
          cells: ['server', 'client'],
          guidance: GUIDANCE.background,
          mirror: '2-14',
          lineage: same('2-9'),
        }),
      ],
    },
    {
      id: '3',
      number: '3',
      title: SECTION_TITLES.incident,
      items: [
        item({ id: '3-1', number: '3(1)', text: TEXT.contacts, guidance: GUIDANCE.contacts, mirror: '3-1', lineage: same('3-1') }),
        item({ id: '3-2', number: '3(2)', text: TEXT.backup, guidance: GUIDANCE.backup, mirror: '3-2', lineage: same('3-2') }),
        item({ id: '3-3', number: '3(3)', text: TEXT_R7.bcp, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: changed('3-3') }),
      ],
    },
  ],
  metadata: { unverified: r7Notes(false) },
};
