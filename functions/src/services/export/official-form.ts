import {
  allItems,
  type Answers,
  applicableCells,
  type CellAnswers,
  cellKey,
  DEVICE_CLASS_LABELS,
  type DeviceClass,
  fiscalYearLabel,
  isReferenceCell,
  type Item,
  latestRound,
  type RoundAnswer,
  type Template,
} from '@mcr/domain';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs.ts';

/** What the official form needs to know; the caller loads it, this module only lays it out (no I/O). */
export interface OfficialFormInput {
  template: Template;
  campaign: { title: string; fiscalYear: number; roundDeadlines: { '2'?: string | undefined; '3'?: string | undefined } };
  facility: { name: string; medicalInstitutionCode: string };
  answers: Answers;
  hasVendorContract: boolean;
  /** `YYYY-MM-DD` in Japan, printed as the date of output. */
  generatedOn: string;
}

/** Office's default Japanese font; LibreOffice and other viewers substitute a CJK font with the same metrics. */
export const FORM_FONT = '游ゴシック';
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FORM_FONT, family: 3, charset: 128, size: 10, ...extra });
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const GREY = { argb: 'FF7F7F7F' };

/** The blank answer cell of the printed form, to be filled in by hand: 「はい・いいえ」 over 「（ / / ）」. */
export const BLANK_ANSWER = 'はい・いいえ\n（　　/　　/　　）';

/** `2024-07-01` → `2024/07/01`, as dates are written on the form. */
export const formDate = (iso: string) => iso.replaceAll('-', '/');

/** One round of one cell as printed: the answer over its date (「はい」 / 「（2024/07/01）」). */
export function answerText(answer: RoundAnswer | undefined): string {
  if (!answer) return BLANK_ANSWER;
  return `${answer.value === 'yes' ? 'はい' : 'いいえ'}\n（${formDate(answer.checkedOn)}）`;
}

/** The 目標日 of a cell: the target date of the latest round that names one. */
export function targetDateOf(cell: CellAnswers | undefined): string | undefined {
  for (const round of ['3', '2', '1'] as const) {
    const target = cell?.[round]?.targetDate;
    if (target) return target;
  }
  return undefined;
}

/** The form's label box: 「医療機関確認用」 from the title's 「（医療機関確認用）」, or from the form kind. */
function splitTitle(template: Template): { title: string; label: string } {
  const m = /^(.*)（([^（）]+用)）$/.exec(template.title.ja);
  if (m?.[1] && m[2]) return { title: m[1], label: m[2] };
  const label = template.form === 'facility' ? '医療機関確認用' : template.form === 'vendor' ? '事業者確認用' : template.label.ja;
  return { title: template.title.ja, label };
}

/** 1回目 and 2回目 as on the form; 3回目 when the campaign asks for it (or someone answered one). */
export function roundsOf(input: Pick<OfficialFormInput, 'campaign' | 'answers'>): 2 | 3 {
  if (input.campaign.roundDeadlines['3']) return 3;
  return Object.values(input.answers).some((cell) => cell['3']) ? 3 : 2;
}

interface Columns {
  section: number;
  number: number;
  text: number;
  device: number;
  rounds: number[];
  target: number;
  note: number;
  last: number;
}

function columnsFor(rounds: 2 | 3): Columns {
  const roundCols = rounds === 3 ? [5, 6, 7] : [5, 6];
  const target = roundCols.at(-1)! + 1;
  return { section: 1, number: 2, text: 3, device: 4, rounds: roundCols, target, note: target + 1, last: target + 1 };
}

/**
 * Lays out one facility's checklist in the MHLW form's layout (R5/R6 医療機関確認用, see shared SOURCES.md):
 * title and label box, the gate table, the fiscal-year notes, the main table with sections merged in
 * column A, group rows, one row per device class under each item, 1回目/2回目(/3回目) with はい・いいえ and
 * 確認日, 目標日 and 備考 (参考 marks, 「*注」 for partly 参考 items). Everything comes from the template version
 * and the answers; nothing about a particular version is written here.
 */
export async function buildOfficialForm(input: OfficialFormInput): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJS();
  const { template, answers } = input;
  const rounds = roundsOf(input);
  const col = columnsFor(rounds);
  const fy = fiscalYearLabel(input.campaign.fiscalYear);
  const ctx = { hasVendorContract: input.hasVendorContract };
  const applicable = new Set(applicableCells(template, answers, ctx).map((c) => c.key));
  const gateClosed = allItems(template).some((i) => i.gate === 'medical-system' && latestRound(answers[cellKey(i.id, 'system')])?.answer.value === 'no');

  const wb = new Workbook();
  wb.creator = '医療機関サイバーセキュリティ対策システム';
  wb.created = new Date(`${input.generatedOn}T00:00:00+09:00`);
  const { title, label } = splitTitle(template);
  const ws = wb.addWorksheet(label.slice(0, 31), {
    properties: { defaultRowHeight: 18 },
    pageSetup: {
      paperSize: 9, // A4
      orientation: rounds === 3 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${escapeHeader(input.facility.name)}&R&P / &N` },
    views: [{ showGridLines: false }],
  });
  const widths: Record<number, number> = { [col.section]: 13, [col.number]: 6, [col.text]: 44, [col.device]: 13, [col.target]: 12, [col.note]: 16 };
  for (const c of col.rounds) widths[c] = 14;
  for (const [c, w] of Object.entries(widths)) ws.getColumn(Number(c)).width = w;

  const style = (
    cell: ExcelJS.Cell,
    extra: { bold?: boolean; size?: number; align?: 'left' | 'center'; fill?: ExcelJS.Fill; border?: boolean; color?: typeof GREY } = {},
  ) => {
    cell.font = font({ ...(extra.bold ? { bold: true } : {}), ...(extra.size ? { size: extra.size } : {}), ...(extra.color ? { color: extra.color } : {}) });
    cell.alignment = { vertical: 'middle', horizontal: extra.align ?? 'left', wrapText: true };
    if (extra.fill) cell.fill = extra.fill;
    if (extra.border !== false) cell.border = BOX;
  };
  const setRange = (row: number, from: number, to: number, value: ExcelJS.CellValue, extra: Parameters<typeof style>[1] = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = value;
    for (let c = from; c <= to; c++) style(ws.getCell(row, c), extra);
    return cell;
  };

  // Title and the label box.
  let r = 1;
  setRange(r, col.section, col.rounds.at(-1)!, title, { bold: true, size: 14, border: false });
  setRange(r, col.target, col.note, label, { bold: true, size: 11, align: 'center' });
  ws.getRow(r).height = 28;
  r++;
  setRange(r, col.section, col.note, `${input.facility.name}（医療機関コード ${input.facility.medicalInstitutionCode || '—'}）`, { border: false });
  r++;
  setRange(r, col.section, col.note, `${input.campaign.title}　様式: ${template.label.ja}　出力日: ${formDate(input.generatedOn)}`, {
    border: false,
    size: 9,
    color: GREY,
  });
  r += 2;

  const header = (row: number): number => {
    ws.mergeCells(row, col.section, row + 1, col.section);
    ws.mergeCells(row, col.number, row + 1, col.device);
    ws.mergeCells(row, col.rounds[0]!, row, col.rounds.at(-1)!);
    ws.mergeCells(row, col.target, row + 1, col.target);
    ws.mergeCells(row, col.note, row + 1, col.note);
    ws.getCell(row, col.section).value = '区分';
    ws.getCell(row, col.number).value = 'チェック項目';
    ws.getCell(row, col.rounds[0]!).value = '確認結果（日付）';
    ws.getCell(row, col.target).value = '目標日';
    ws.getCell(row, col.note).value = '備考';
    col.rounds.forEach((c, i) => {
      ws.getCell(row + 1, c).value = `${i + 1}回目`;
    });
    for (const rr of [row, row + 1]) for (let c = col.section; c <= col.last; c++) style(ws.getCell(rr, c), { bold: true, align: 'center', fill: HEADER_FILL });
    return row + 2;
  };

  const answerRow = (row: number, item: Item, device: DeviceClass, notApplicable: string | undefined) => {
    const key = cellKey(item.id, device);
    const cell = answers[key];
    col.rounds.forEach((c, i) => {
      const answer = cell?.[String(i + 1) as '1' | '2' | '3'];
      const target = ws.getCell(row, c);
      target.value = notApplicable && !answer ? notApplicable : answerText(answer);
      style(target, { align: 'center', ...(answer ? {} : { color: GREY }) });
    });
    const target = targetDateOf(cell);
    const t = ws.getCell(row, col.target);
    t.value = target ? formDate(target) : '';
    style(t, { align: 'center' });
    const notes = [isReferenceCell(item, device) ? '参考' : '', ...col.rounds.map((_, i) => cell?.[String(i + 1) as '1' | '2' | '3']?.note ?? '')].filter(
      Boolean,
    );
    const n = ws.getCell(row, col.note);
    n.value = notes.join('\n');
    style(n, { size: 9 });
    ws.getRow(row).height = 34;
  };

  const notApplicableText = (item: Item, device: DeviceClass): string | undefined => {
    if (applicable.has(cellKey(item.id, device))) return undefined;
    if (item.applicability.some((rule) => rule.requires === 'vendor-contract') && !input.hasVendorContract) return '記入不要';
    return gateClosed ? '確認不要' : '記入不要';
  };

  /** The item's rows: its text (merged down) and one row per device class, or one row for the system. */
  const itemRows = (row: number, item: Item): number => {
    const devices = item.cells;
    const system = devices.length === 1 && devices[0] === 'system';
    const rows = devices.length;
    const partial = !item.reference && (item.referenceCells?.length ?? 0) > 0;
    const number = item.number.replace(/^\d+/, '') || item.number;
    if (rows > 1) {
      ws.mergeCells(row, col.number, row + rows - 1, col.number);
      ws.mergeCells(row, col.text, row + rows - 1, col.text);
    }
    if (system) ws.mergeCells(row, col.text, row, col.device);
    ws.getCell(row, col.number).value = number;
    ws.getCell(row, col.text).value = item.text.ja + (item.reference ? '（参考項目）' : partial ? ' *注' : '');
    devices.forEach((device, i) => {
      const rr = row + i;
      style(ws.getCell(rr, col.number), { align: 'center' });
      style(ws.getCell(rr, col.text));
      // For a system item the device column is part of the merged text cell: styling it would restyle the text.
      if (!system) {
        const d = ws.getCell(rr, col.device);
        d.value = DEVICE_CLASS_LABELS[device].ja;
        style(d, { align: 'center' });
      }
      answerRow(rr, item, device, notApplicableText(item, device));
    });
    return row + rows;
  };

  // The gate table: 医療情報システムの有無 (and any other gate of the template).
  const gates = template.sections.flatMap((s) => s.items.filter((i) => i.gate).map((item) => ({ section: s, item })));
  if (gates.length > 0) {
    r = header(r);
    for (const { section, item } of gates) {
      const cell = ws.getCell(r, col.section);
      cell.value = section.title.ja;
      style(cell, { align: 'center' });
      r = itemRows(r, item);
    }
    r++;
  }

  // The fiscal-year notes.
  const vendorItems = allItems(template).filter((i) => i.applicability.some((rule) => rule.requires === 'vendor-contract'));
  const notes = [
    `○${fy}中`,
    `※以下項目は${fy}中にすべての項目で「はい」にマルが付くよう取り組んでください。`,
    ...(vendorItems.length ? [`※${vendorItems.map((i) => i.number).join('及び')}については、事業者と契約していない場合には記入不要です。`] : []),
    `※1回目の確認で「いいえ」の場合、${fy}中の対応目標日を記入してください。`,
  ];
  notes.forEach((text, i) => {
    setRange(r, col.section, col.note, text, { border: false, bold: i === 0 });
    r++;
  });
  r++;

  // The main table: sections merged in column A, group rows, items with their device rows.
  const firstHeader = r;
  r = header(r);
  let anyPartial = false;
  for (const section of template.sections) {
    const items = section.items.filter((i) => !i.gate);
    if (items.length === 0) continue;
    const start = r;
    let group: string | undefined;
    for (const item of items) {
      if (item.group && item.group.ja !== group) {
        setRange(r, col.number, col.last, item.group.ja, { fill: GROUP_FILL });
        r++;
      }
      group = item.group?.ja;
      if (!item.reference && (item.referenceCells?.length ?? 0) > 0) anyPartial = true;
      r = itemRows(r, item);
    }
    if (r - 1 > start) ws.mergeCells(start, col.section, r - 1, col.section);
    const cell = ws.getCell(start, col.section);
    cell.value = `${section.number} ${section.title.ja}`.trim();
    for (let rr = start; rr < r; rr++) style(ws.getCell(rr, col.section), { align: 'center', bold: true });
  }
  if (anyPartial) {
    setRange(r, col.section, col.note, '*注：一部参考項目', { border: false, size: 9 });
    r++;
  }

  ws.pageSetup.printArea = `A1:${ws.getColumn(col.last).letter}${r}`;
  // The main table's two header rows repeat on every printed page.
  ws.pageSetup.printTitlesRow = `${firstHeader}:${firstHeader + 1}`;
  return wb;
}

/** `&` starts a code in Excel's header/footer language. */
function escapeHeader(text: string): string {
  return text.replaceAll('&', '&&');
}

/** The official form as an xlsx file. */
export async function officialFormXlsx(input: OfficialFormInput): Promise<Buffer> {
  return Buffer.from(await (await buildOfficialForm(input)).xlsx.writeBuffer());
}
