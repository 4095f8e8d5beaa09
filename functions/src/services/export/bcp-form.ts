import { cellKey, fiscalYearLabel } from '@mcr/domain';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs.ts';
import { answerText, FORM_FONT, formDate, type OfficialFormInput, roundsOf, targetDateOf } from './official-form.ts';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const PHASE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const GREY = { argb: 'FF7F7F7F' };

/** `1-1(3)` → `1-1`: the 項番 of the 大項目 a row belongs to. */
export const majorNumber = (itemNumber: string) => itemNumber.replace(/\(\d+\)$/, '');

/**
 * One facility's answers on the layout of the BCP 確認表 (「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」):
 * 項番 | 大項目 | 確認項目, a row per phase (平時 … 事後対応, with its aim), 項番 and 大項目 merged over their 確認項目,
 * then the answer of each round (はい・いいえ over 確認日), the 目標日 and the notes, which the product adds to the
 * official columns. The checklist's layout (gate table, device rows) does not apply to this form.
 */
export async function buildBcpForm(input: OfficialFormInput): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJS();
  const { template, answers } = input;
  const rounds = roundsOf(input);
  const roundCols = rounds === 3 ? [4, 5, 6] : [4, 5];
  const targetCol = (roundCols.at(-1) as number) + 1;
  const noteCol = targetCol + 1;

  const wb = new Workbook();
  wb.creator = '医療機関サイバーセキュリティ対策システム';
  wb.created = new Date(`${input.generatedOn}T00:00:00+09:00`);
  const ws = wb.addWorksheet('BCP確認表', {
    properties: { defaultRowHeight: 18 },
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${input.facility.name.replaceAll('&', '&&')}&R&P / &N` },
    views: [{ showGridLines: false }],
  });
  const widths: Record<number, number> = { 1: 7, 2: 26, 3: 52, [targetCol]: 12, [noteCol]: 22 };
  for (const c of roundCols) widths[c] = 14;
  for (const [c, w] of Object.entries(widths)) ws.getColumn(Number(c)).width = w;

  const style = (
    cell: ExcelJS.Cell,
    extra: { bold?: boolean; size?: number; align?: 'left' | 'center'; fill?: ExcelJS.Fill; border?: boolean; grey?: boolean } = {},
  ) => {
    cell.font = {
      name: FORM_FONT,
      family: 3,
      charset: 128,
      size: extra.size ?? 10,
      ...(extra.bold ? { bold: true } : {}),
      ...(extra.grey ? { color: GREY } : {}),
    };
    cell.alignment = { vertical: 'middle', horizontal: extra.align ?? 'left', wrapText: true };
    if (extra.fill) cell.fill = extra.fill;
    if (extra.border !== false) cell.border = BOX;
  };
  const setRange = (row: number, from: number, to: number, value: ExcelJS.CellValue, extra: Parameters<typeof style>[1] = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    ws.getCell(row, from).value = value;
    for (let c = from; c <= to; c++) style(ws.getCell(row, c), extra);
  };

  let r = 1;
  setRange(r, 1, noteCol, template.title.ja, { bold: true, size: 14, border: false });
  ws.getRow(r).height = 28;
  r++;
  setRange(r, 1, noteCol, `${input.facility.name}（医療機関コード ${input.facility.medicalInstitutionCode || '—'}）`, { border: false });
  r++;
  setRange(
    r,
    1,
    noteCol,
    `${input.campaign.title}　${fiscalYearLabel(input.campaign.fiscalYear)}　様式: ${template.label.ja}　出力日: ${formDate(input.generatedOn)}`,
    {
      border: false,
      size: 9,
      grey: true,
    },
  );
  r += 2;

  const header = r;
  ['項番', '大項目', '確認項目'].forEach((text, i) => {
    ws.mergeCells(r, i + 1, r + 1, i + 1);
    ws.getCell(r, i + 1).value = text;
  });
  ws.mergeCells(r, roundCols[0] as number, r, roundCols.at(-1) as number);
  ws.getCell(r, roundCols[0] as number).value = '確認結果（日付）';
  roundCols.forEach((c, i) => {
    ws.getCell(r + 1, c).value = `${i + 1}回目`;
  });
  ws.mergeCells(r, targetCol, r + 1, targetCol);
  ws.getCell(r, targetCol).value = '目標日';
  ws.mergeCells(r, noteCol, r + 1, noteCol);
  ws.getCell(r, noteCol).value = '備考';
  for (const rr of [r, r + 1]) for (let c = 1; c <= noteCol; c++) style(ws.getCell(rr, c), { bold: true, align: 'center', fill: HEADER_FILL });
  r += 2;

  for (const section of template.sections) {
    const aim = section.description ? `（${section.description.ja}）` : '';
    setRange(r, 1, noteCol, `${section.number} ${section.title.ja}${aim}`.trim(), { bold: true, fill: PHASE_FILL });
    r++;
    // Rows of one 大項目 share its 項番 and heading (merged, as on the official table).
    let start = r;
    let major: string | undefined;
    const closeMajor = () => {
      if (major === undefined || r - 1 <= start) return;
      ws.mergeCells(start, 1, r - 1, 1);
      ws.mergeCells(start, 2, r - 1, 2);
    };
    for (const item of section.items) {
      const number = majorNumber(item.number);
      if (number !== major) {
        closeMajor();
        start = r;
        major = number;
        ws.getCell(r, 1).value = number;
        ws.getCell(r, 2).value = item.group?.ja ?? '';
      }
      const cell = answers[cellKey(item.id, 'system')];
      ws.getCell(r, 3).value = item.text.ja;
      roundCols.forEach((c, i) => {
        const answer = cell?.[String(i + 1) as '1' | '2' | '3'];
        ws.getCell(r, c).value = answerText(answer);
        style(ws.getCell(r, c), { align: 'center', grey: !answer });
      });
      const target = targetDateOf(cell);
      ws.getCell(r, targetCol).value = target ? formDate(target) : '';
      ws.getCell(r, noteCol).value = roundCols
        .map((_, i) => cell?.[String(i + 1) as '1' | '2' | '3']?.note ?? '')
        .filter(Boolean)
        .join('\n');
      style(ws.getCell(r, 1), { align: 'center' });
      style(ws.getCell(r, 2));
      style(ws.getCell(r, 3));
      style(ws.getCell(r, targetCol), { align: 'center' });
      style(ws.getCell(r, noteCol), { size: 9 });
      ws.getRow(r).height = 34;
      r++;
    }
    closeMajor();
  }

  ws.pageSetup.printArea = `A1:${ws.getColumn(noteCol).letter}${r}`;
  ws.pageSetup.printTitlesRow = `${header}:${header + 1}`;
  return wb;
}

export async function bcpFormXlsx(input: OfficialFormInput): Promise<Buffer> {
  return Buffer.from(await (await buildBcpForm(input)).xlsx.writeBuffer());
}
