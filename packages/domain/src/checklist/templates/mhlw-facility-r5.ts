import type { Template } from '../template.ts';
import { GROUPS, GUIDANCE, item, note, SECTION_TITLES, SOURCE_TRAINING_DECK, TEMPLATE_GUIDANCE_SOURCE, TEXT, TITLES, VENDOR_CONTRACT } from './shared.ts';

/**
 * 令和5年度版 医療機関確認用, kept for history. Its 参考項目 (to be in place during 令和6年度) are answered but
 * not scored: 端末PC in 2(4), 2(5), 2(7), サーバ in 2(7), and the whole of 2(9), 3(2), 3(3).
 */
export const mhlwFacilityR5: Template = {
  id: 'mhlw-facility-r5',
  form: 'facility',
  fiscalYear: 2023,
  label: { ja: '令和5年度版', en: 'FY2023 edition' },
  title: TITLES.facility,
  source: `厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和5年度版（医療機関確認用）。項目は ${SOURCE_TRAINING_DECK} に掲載の様式による。`,
  mirrorTemplateId: 'mhlw-vendor-r5',
  applicability: [],
  sections: [
    {
      id: 'gate',
      number: '',
      title: SECTION_TITLES.gate,
      items: [item({ id: 'gate', number: '', text: TEXT.gate, gate: 'medical-system', guidance: GUIDANCE.gate })],
    },
    {
      id: '1',
      number: '1',
      title: SECTION_TITLES.organisation,
      items: [item({ id: '1-1', number: '1(1)', text: TEXT.manager, guidance: GUIDANCE.manager, mirror: '1-1' })],
    },
    {
      id: '2',
      number: '2',
      title: SECTION_TITLES.management,
      items: [
        item({ id: '2-1', number: '2(1)', text: TEXT.inventory, group: GROUPS.all, guidance: GUIDANCE.inventory, mirror: '2-1' }),
        item({
          id: '2-2',
          number: '2(2)',
          text: TEXT.remoteMaintenance,
          group: GROUPS.all,
          applicability: VENDOR_CONTRACT,
          guidance: GUIDANCE.remoteMaintenance,
          mirror: '2-2',
        }),
        item({
          id: '2-3',
          number: '2(3)',
          text: TEXT.disclosure,
          group: GROUPS.all,
          applicability: VENDOR_CONTRACT,
          guidance: GUIDANCE.disclosure,
          mirror: '2-3',
        }),
        item({
          id: '2-4',
          number: '2(4)',
          text: TEXT.accessRights,
          group: GROUPS.server,
          cells: ['server', 'client'],
          referenceCells: ['client'],
          guidance: GUIDANCE.accessRights,
          mirror: '2-4',
        }),
        item({
          id: '2-5',
          number: '2(5)',
          text: TEXT.unusedAccounts,
          group: GROUPS.server,
          cells: ['server', 'client'],
          referenceCells: ['client'],
          guidance: GUIDANCE.unusedAccounts,
          mirror: '2-5',
        }),
        item({ id: '2-6', number: '2(6)', text: TEXT.accessLogs, group: GROUPS.server, cells: ['server'], guidance: GUIDANCE.accessLogs, mirror: '2-6' }),
        item({
          id: '2-7',
          number: '2(7)',
          text: TEXT.patches,
          group: GROUPS.network,
          cells: ['server', 'client', 'network'],
          referenceCells: ['server', 'client'],
          guidance: GUIDANCE.patches,
          mirror: '2-7',
        }),
        item({
          id: '2-8',
          number: '2(8)',
          text: TEXT.sourceRestriction,
          group: GROUPS.network,
          cells: ['network'],
          guidance: GUIDANCE.sourceRestriction,
          mirror: '2-8',
          // チェックリストマニュアル 令和5年6月, (8) 接続元制限: 「▶システム運用編 13⑪」.
          guidelineRefs: ['システム運用編 13⑪'],
        }),
        item({
          id: '2-9',
          number: '2(9)',
          text: TEXT.background,
          group: GROUPS.referenceR6,
          cells: ['server', 'client'],
          reference: true,
          guidance: GUIDANCE.background,
          mirror: '2-9',
        }),
      ],
    },
    {
      id: '3',
      number: '3',
      title: SECTION_TITLES.incident,
      items: [
        item({ id: '3-1', number: '3(1)', text: TEXT.contacts, guidance: GUIDANCE.contacts, mirror: '3-1' }),
        item({ id: '3-2', number: '3(2)', text: TEXT.backup, reference: true, guidance: GUIDANCE.backup, mirror: '3-2' }),
        item({ id: '3-3', number: '3(3)', text: TEXT.bcpPlanned, reference: true, guidance: GUIDANCE.bcp, mirror: '3-3' }),
      ],
    },
  ],
  metadata: {
    unverified: [
      // Seed 004 renders the FY2023 form: 2(7) sits under ネットワーク機器 and its *注 marks 端末PC as 参考; treating
      // the server cell as 参考 too is not stated there.
      note('2-7', 'referenceCells'),
      // Seed 004 lists 2(9), 3(2), 3(3) as 「令和5年度に含まれていない項目」 (due in FY2024): kept as reference rows.
      note('2-9', 'history'),
      // The form prints 「…への連絡体制がある。」, the deck's item slides 「…の連絡体制図がある。」.
      note('3-1', 'wording'),
      note('3-2', 'history'),
      note('3-3', 'history'),
    ],
    guidanceSource: TEMPLATE_GUIDANCE_SOURCE,
  },
};
