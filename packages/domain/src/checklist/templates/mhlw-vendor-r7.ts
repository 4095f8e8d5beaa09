import type { Template } from '../template.ts';
import { r7Notes } from './mhlw-facility-r7.ts';
import { GROUPS, GUIDANCE, GUIDANCE_R7, item, SECTION_TITLES, TEXT, TEXT_R7, TITLES, VENDOR_CONTRACT, VENDOR_GUIDANCE, VENDOR_TEXT } from './shared.ts';

const same = (id: string) => ({ kind: 'same' as const, from: [id] });
const changed = (id: string) => ({ kind: 'changed' as const, from: [id] });

/** 令和7年度版 事業者確認用, laid out like the 医療機関確認用 of the same year. */
export const mhlwVendorR7: Template = {
  id: 'mhlw-vendor-r7',
  form: 'vendor',
  fiscalYear: 2025,
  label: { ja: '令和7年度版', en: 'FY2025 edition' },
  title: TITLES.vendor,
  source:
    '厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和7年度版（事業者確認用）。資料（seeds）に様式がないため、令和6年度版と公表された改定点から構成（metadata.unverified 参照）。',
  previousId: 'mhlw-vendor-r6',
  mirrorTemplateId: 'mhlw-facility-r7',
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
        item({ id: '3-1', number: '3(1)', text: VENDOR_TEXT.contacts, guidance: GUIDANCE.contacts, mirror: '3-1', lineage: same('3-1') }),
        item({ id: '3-2', number: '3(2)', text: VENDOR_TEXT.backup, guidance: GUIDANCE.backup, mirror: '3-2', lineage: same('3-2') }),
        item({ id: '3-3', number: '3(3)', text: TEXT_R7.bcp, guidance: GUIDANCE.bcp, mirror: '3-3', lineage: changed('3-3') }),
      ],
    },
  ],
  metadata: { unverified: r7Notes(true) },
};
