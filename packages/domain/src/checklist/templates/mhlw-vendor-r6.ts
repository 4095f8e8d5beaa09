import type { Template } from '../template.ts';
import { GROUPS, GUIDANCE, item, SECTION_TITLES, SOURCE_SEED_004, TEXT, TITLES, unverified, VENDOR_CONTRACT, VENDOR_GUIDANCE, VENDOR_TEXT } from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });

/** 令和6年度版 事業者確認用: answered by a vendor for each facility it has a contract with. */
export const mhlwVendorR6: Template = {
  id: 'mhlw-vendor-r6',
  form: 'vendor',
  fiscalYear: 2024,
  label: { ja: '令和6年度版', en: 'FY2024 edition' },
  title: TITLES.vendor,
  source: `厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和6年度版（事業者確認用）。項目は ${SOURCE_SEED_004} の医療機関確認用に対応させたもの。`,
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
        item({ id: '3-3', number: '3(3)', text: TEXT.bcpR6, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: same('3-3') }),
      ],
    },
  ],
  metadata: { unverified: vendorNotes('令和6年度', 'FY2024') },
};

/** The seeds show only the 医療機関確認用; every row of a 事業者確認用 is therefore unverified. */
export function vendorNotes(fyJa: string, fyEn: string): Template['metadata']['unverified'] {
  const assumed = (id: string) =>
    unverified(
      id,
      `${fyJa}版の事業者確認用は資料にありません。文言と機器区分は医療機関確認用と同じものとしています。`,
      `The ${fyEn} vendor form is not in the sources; wording and device classes are assumed to match the facility form.`,
    );
  const adapted = (id: string) =>
    unverified(
      id,
      `${fyJa}版の事業者確認用は資料にありません。事業者側の立場に合わせた文言は本製品による推定です。`,
      `The ${fyEn} vendor form is not in the sources; this vendor-side wording is the product's rendering.`,
    );
  return [
    unverified(
      'gate',
      '契約の有無の行は本製品が設けたものです（公式の事業者確認用にはありません）。契約がない場合に以下を確認不要とするためのものです。',
      'The contract row is added by the product (the official vendor form has none), so that nothing needs answering without a contract.',
    ),
    assumed('1-1'),
    assumed('2-1'),
    adapted('2-2'),
    adapted('2-3'),
    assumed('2-4'),
    assumed('2-5'),
    assumed('2-6'),
    assumed('2-7'),
    assumed('2-8'),
    assumed('2-9'),
    adapted('3-1'),
    adapted('3-2'),
    assumed('3-3'),
  ];
}
