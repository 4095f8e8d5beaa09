import type { Template } from '../template.ts';
import { GROUPS, GUIDANCE, item, note, SECTION_TITLES, SOURCE_TRAINING_DECK, TEMPLATE_GUIDANCE_SOURCE, TEXT, TITLES, VENDOR_CONTRACT } from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });
const changed = (id: string) => ({ kind: 'changed' as const, from: [id] });

/** 令和6年度版 医療機関確認用. */
export const mhlwFacilityR6: Template = {
  id: 'mhlw-facility-r6',
  form: 'facility',
  fiscalYear: 2024,
  label: { ja: '令和6年度版', en: 'FY2024 edition' },
  title: TITLES.facility,
  source: `厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和6年度版（医療機関確認用、令和6年5月）。3(3) は公表された様式による。その他の項目は ${SOURCE_TRAINING_DECK} による。`,
  previousId: 'mhlw-facility-r5',
  mirrorTemplateId: 'mhlw-vendor-r6',
  applicability: [],
  sections: [
    {
      id: 'gate',
      number: '',
      title: SECTION_TITLES.gate,
      items: [
        // 令和6年度版 チェックリストマニュアル, 医療情報システムの有無: 「▶概説編 2.3」.
        item({
          id: 'gate',
          number: '',
          text: TEXT.gate,
          gate: 'medical-system',
          guidance: GUIDANCE.gate,
          lineage: same('gate'),
          guidelineRefs: ['概説編 2.3'],
        }),
      ],
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
        item({
          id: '2-6',
          number: '2(6)',
          text: TEXT.accessLogs,
          group: GROUPS.devices,
          cells: ['server'],
          guidance: GUIDANCE.accessLogs,
          mirror: '2-6',
          lineage: same('2-6'),
        }),
        item({
          id: '2-7',
          number: '2(7)',
          text: TEXT.patches,
          group: GROUPS.devices,
          cells: ['server', 'client', 'network'],
          guidance: GUIDANCE.patches,
          mirror: '2-7',
          lineage: same('2-7'),
        }),
        item({
          id: '2-8',
          number: '2(8)',
          text: TEXT.sourceRestriction,
          group: GROUPS.devices,
          cells: ['network'],
          guidance: GUIDANCE.sourceRestriction,
          mirror: '2-8',
          lineage: same('2-8'),
        }),
        item({
          id: '2-9',
          number: '2(9)',
          text: TEXT.background,
          group: GROUPS.devices,
          cells: ['server', 'client'],
          guidance: GUIDANCE.background,
          mirror: '2-9',
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
        // Published R6 form (MHLW PDF 001253950): 「…（BCP）を策定している。」; the R5 reference row read 「策定、又は令和6年度中に
        // 策定予定である」, so the answer is not carried over.
        item({ id: '3-3', number: '3(3)', text: TEXT.bcp, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: changed('3-3') }),
      ],
    },
  ],
  metadata: {
    unverified: [
      // The FY2024 form's device rows are not in the seeds; 2(4), 2(5) servers + client PCs and 2(7) all three are
      // inferred from the FY2023 form (whose 参考 cells became required) and agree with the 14 device rows of section 2
      // that SOURCES.md counts on the published form, but each row's classes were not read there.
      note('2-4', 'cells'),
      note('2-5', 'cells'),
      note('2-7', 'cells'),
      // 2(9)'s wording is in seed 004 (as an FY2024 item); its device classes are not.
      note('2-9', 'cells'),
      // Form: 「…への連絡体制がある。」; deck slides: 「…の連絡体制図がある。」.
      note('3-1', 'wording'),
    ],
    guidanceSource: TEMPLATE_GUIDANCE_SOURCE,
  },
};
