import type { Template } from '../template.ts';
import {
  GROUPS,
  GUIDANCE,
  item,
  note,
  SECTION_TITLES,
  SOURCE_TRAINING_DECK,
  TEMPLATE_GUIDANCE_SOURCE,
  TEXT,
  TITLES,
  VENDOR_CONTRACT,
  VENDOR_GUIDANCE,
  VENDOR_TEXT,
} from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });
const changed = (id: string) => ({ kind: 'changed' as const, from: [id] });

/** 令和6年度版 事業者確認用: answered by a vendor for each facility it has a contract with. */
export const mhlwVendorR6: Template = {
  id: 'mhlw-vendor-r6',
  form: 'vendor',
  fiscalYear: 2024,
  label: { ja: '令和6年度版', en: 'FY2024 edition' },
  title: TITLES.vendor,
  source: `厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和6年度版（事業者確認用）。事業者確認用の様式は確認できていないため、項目は同年度の医療機関確認用（${SOURCE_TRAINING_DECK} ほか）に合わせています。`,
  previousId: 'mhlw-vendor-r5',
  mirrorTemplateId: 'mhlw-facility-r6',
  applicability: VENDOR_CONTRACT,
  sections: [
    {
      id: 'gate',
      number: '',
      title: SECTION_TITLES.vendorGate,
      items: [item({ id: 'gate', number: '', text: VENDOR_TEXT.gate, gate: 'vendor-contract', guidance: VENDOR_GUIDANCE.gate, lineage: same('gate') })],
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
          text: VENDOR_TEXT.remoteMaintenance,
          group: GROUPS.all,
          guidance: VENDOR_GUIDANCE.remoteMaintenance,
          mirror: '2-2',
          lineage: same('2-2'),
        }),
        item({
          id: '2-3',
          number: '2(3)',
          text: VENDOR_TEXT.disclosure,
          group: GROUPS.all,
          guidance: VENDOR_GUIDANCE.disclosure,
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
        item({ id: '3-1', number: '3(1)', text: VENDOR_TEXT.contacts, guidance: GUIDANCE.contacts, mirror: '3-1', lineage: same('3-1') }),
        item({ id: '3-2', number: '3(2)', text: VENDOR_TEXT.backup, guidance: GUIDANCE.backup, mirror: '3-2', lineage: same('3-2') }),
        // Worded as the facility form's 3(3) of the same year (published R6: 「…策定している。」); not carried from R5.
        item({ id: '3-3', number: '3(3)', text: TEXT.bcp, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: changed('3-3') }),
      ],
    },
  ],
  metadata: { unverified: vendorNotes(), guidanceSource: TEMPLATE_GUIDANCE_SOURCE },
};

/**
 * The seeds show only the 医療機関確認用, and no 事業者確認用 form was read: every row of a vendor form is listed.
 * 2(2), 2(3), 3(1), 3(2) are the product's vendor-side rendering; the others take the facility form's wording and
 * device classes. The contract row is the product's own (the official vendor form has none).
 */
export function vendorNotes(): Template['metadata']['unverified'] {
  const rows = ['1-1', '2-1', '2-2', '2-3', '2-4', '2-5', '2-6', '2-7', '2-8', '2-9', '3-1', '3-2', '3-3'];
  return [note('gate', 'addedRow'), ...rows.map((id) => note(id, 'wording', 'cells'))];
}
