import { fiscalYearLabel } from '../fiscal-year.ts';
import { allItems, type LocalizedText, TEMPLATE_FILE_FORMAT_VERSION, type Template, type TemplateFile, type UnverifiedNote } from './template.ts';

export interface NextVersionOptions {
  /** The new version's id: lower-case letters, digits and hyphens (`pref-facility-r8`). */
  id: string;
  fiscalYear: number;
  label?: LocalizedText;
  title?: LocalizedText;
  source?: string;
  /**
   * The counterpart form of the new version, when it has been loaded already (load the 事業者確認用 first, then the
   * 医療機関確認用 naming it). Without it the file carries no mirrors: the vendor cross-check then has nothing to
   * compare for this version.
   */
  mirrorTemplateId?: string;
  /** The note put on every item until someone has compared it with the official form. */
  note?: LocalizedText;
}

/** The plain note a draft carries on every item until the text has been compared with the new official form. */
export function draftNote(fiscalYear: number): LocalizedText {
  const fy = fiscalYearLabel(fiscalYear);
  return {
    ja: `${fy}版の公式様式との照合前です。前の版の文言をそのまま使っています。公式様式と異なる場合は県にお知らせください。`,
    en: `Not yet compared with the FY${fiscalYear} official form: the wording is that of the previous version. If it differs from the official form, please tell the prefecture.`,
  };
}

/**
 * A template file for the version after `previous`, ready to upload and then to edit: every item kept with its id,
 * number, text, cells and guidance, its lineage `same` so that answers carry forward, and every item listed as
 * unverified until someone compares it with the new official form. This is the starting point the templates page
 * offers for download and the base of the worked example in docs/examples/.
 */
export function draftNextVersion(previous: Template, options: NextVersionOptions): TemplateFile {
  const note = options.note ?? draftNote(options.fiscalYear);
  const fy = fiscalYearLabel(options.fiscalYear);
  const withMirrors = options.mirrorTemplateId !== undefined;
  const unverified: UnverifiedNote[] = allItems(previous).map((item) => ({ itemId: item.id, reason: note }));
  return {
    formatVersion: TEMPLATE_FILE_FORMAT_VERSION,
    id: options.id,
    form: previous.form,
    fiscalYear: options.fiscalYear,
    label: options.label ?? { ja: `${fy}版`, en: `FY${options.fiscalYear} edition` },
    title: options.title ?? previous.title,
    source: options.source ?? `${previous.source}（${fy}版の作成にあたり、前の版「${previous.label.ja}」をもとにしています）`,
    previousId: previous.id,
    ...(withMirrors ? { mirrorTemplateId: options.mirrorTemplateId } : {}),
    applicability: previous.applicability,
    sections: previous.sections.map((section) => ({
      id: section.id,
      number: section.number,
      title: section.title,
      ...(section.description ? { description: section.description } : {}),
      // Keys in reading order for someone editing the file by hand; the long guidance last.
      items: section.items.map((item) => ({
        id: item.id,
        number: item.number,
        text: item.text,
        ...(item.group ? { group: item.group } : {}),
        cells: item.cells,
        reference: item.reference,
        ...(item.referenceCells ? { referenceCells: item.referenceCells } : {}),
        ...(item.gate ? { gate: item.gate } : {}),
        applicability: item.applicability,
        ...(withMirrors && item.mirror !== undefined ? { mirror: item.mirror } : {}),
        lineage: { kind: 'same' as const, from: [item.id] },
        ...(item.guidelineRefs ? { guidelineRefs: item.guidelineRefs } : {}),
        guidance: item.guidance,
      })),
    })),
    metadata: { unverified, ...(previous.metadata.guidanceSource ? { guidanceSource: previous.metadata.guidanceSource } : {}) },
  };
}
