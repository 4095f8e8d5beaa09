import type { Template } from '../template.ts';
import { r7Notes, r7Sections } from './mhlw-facility-r7.ts';
import { TEMPLATE_GUIDANCE_SOURCE, TITLES, VENDOR_CONTRACT } from './shared.ts';

/** 令和7年度版 事業者確認用, laid out like the 医療機関確認用 of the same year. */
export const mhlwVendorR7: Template = {
  id: 'mhlw-vendor-r7',
  form: 'vendor',
  fiscalYear: 2025,
  label: { ja: '令和7年度版', en: 'FY2025 edition' },
  title: TITLES.vendor,
  source:
    '厚生労働省「医療機関におけるサイバーセキュリティ対策チェックリスト」令和7年度版（事業者確認用、令和7年5月）。事業者確認用の様式は確認できていないため、項目は同年度の医療機関確認用に合わせています。',
  previousId: 'mhlw-vendor-r6',
  mirrorTemplateId: 'mhlw-facility-r7',
  applicability: VENDOR_CONTRACT,
  sections: r7Sections(true),
  metadata: { unverified: r7Notes(true), guidanceSource: TEMPLATE_GUIDANCE_SOURCE },
};
