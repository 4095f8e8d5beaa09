import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { FACILITY_KIND_LABELS, type FacilityKind, type ResponseStatus } from '@mcr/contract';
import {
  allItems,
  type Answers,
  applicableCells,
  cellKey,
  DEVICE_CLASS_LABELS,
  type DeviceClass,
  evaluate,
  type Item,
  latestRound,
  type Template,
} from '@mcr/domain';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs.ts';
import { CSV_BOM, csvRow } from '../../pipeline/raw-body.ts';
import { FORM_FONT, targetDateOf } from './official-form.ts';

export const STATUS_LABELS: Record<ResponseStatus, string> = {
  not_started: '未着手',
  in_progress: '回答中',
  submitted: '提出済み',
  returned: '差戻し',
  confirmed: '確認済み',
};

/** One response as the export reads it (a subset of the stored record). */
export interface ExportResponse {
  facilityId: string;
  facilityName: string;
  facilityKind: FacilityKind;
  healthCenterName: string;
  status: ResponseStatus;
  answers: Answers;
}

/** What the export needs of a facility beyond its response. */
export interface FacilityDirectoryEntry {
  medicalInstitutionCode: string;
  medicalAreaName: string;
}

export interface CampaignAnswersInput {
  template: Template;
  /** Pages of responses in table order; the writer never holds more than one. */
  pages: AsyncIterable<ExportResponse[]>;
  facilities: ReadonlyMap<string, FacilityDirectoryEntry>;
  /** Facilities with at least one vendor contract (2(2), 2(3) apply to them only). */
  withContract: ReadonlySet<string>;
  /** `YYYY-MM-DD` in Japan: overdue target dates are counted from it. */
  today: string;
  format: 'xlsx' | 'csv';
  out: Writable;
  /** Called after each page, with the number of facilities written so far. */
  onPage?: (processed: number) => Promise<void> | void;
}

export interface CampaignAnswersSummary {
  facilities: number;
  overdue: number;
  missing: number;
}

interface Column {
  item: Item;
  device: DeviceClass;
  label: string;
}

/** `2(4) サーバ`; the gate row, which has no number, by its section title. */
function columnsOf(template: Template): Column[] {
  const out: Column[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      const name = item.number || section.title.ja;
      for (const device of item.cells) out.push({ item, device, label: device === 'system' ? name : `${name} ${DEVICE_CLASS_LABELS[device].ja}` });
    }
  }
  return out;
}

const FIXED_HEADER = ['医療機関コード', '医療機関名', '種別', '保健所', '二次医療圏', '回答状況', '達成率(%)', '評価'];

/** The header of the answers table: the facility, then 回答 / 確認日 / 目標日 per cell of the template. */
export function answersHeader(template: Template): string[] {
  return [...FIXED_HEADER, ...columnsOf(template).flatMap((c) => [`${c.label} 回答`, `${c.label} 確認日`, `${c.label} 目標日`])];
}

const OVERDUE_HEADER = ['医療機関コード', '医療機関名', '保健所', '項目', '機器区分', 'チェック項目', '目標日', '超過日数'];
const MISSING_HEADER = ['医療機関コード', '医療機関名', '保健所', '回答状況', '未確認の数', '1回目の確認日がない項目'];

/** A sink that writes rows to CSV or to one sheet of a streamed workbook. */
interface RowSink {
  add(values: ReadonlyArray<string | number>): void;
  /** Waits until the output has room again (back-pressure between pages). */
  drain(): Promise<void>;
}

async function drained(out: Writable) {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * Every facility × every cell of one campaign, written page by page: one row per facility (code, name, kind,
 * 保健所, 医療圏, status, score, then each cell's latest answer, its date and 目標日). As xlsx it adds the
 * prefecture's work lists: overdue 目標日 (relative to `today`) and facilities whose 1回目 確認日 is missing.
 * Memory stays flat in the number of facilities except for those two lists, which hold short rows.
 */
export async function writeCampaignAnswers(input: CampaignAnswersInput): Promise<CampaignAnswersSummary> {
  const { stream } = await loadExcelJS();
  const { template, out } = input;
  const columns = columnsOf(template);
  const header = answersHeader(template);
  const overdueRows: Array<Array<string | number>> = [];
  const missingRows: Array<Array<string | number>> = [];
  let facilities = 0;

  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  let sink: RowSink;
  if (input.format === 'csv') {
    out.write(CSV_BOM + csvRow(header));
    sink = { add: (values) => out.write(csvRow(values)), drain: () => drained(out) };
  } else {
    workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    sink = sheetSink(workbook, '回答一覧', header, [14, 28, 10, 12, 10, 10, 9, 12], 2, () => drained(out));
  }

  const itemText = new Map(allItems(template).map((i) => [i.id, i.text.ja]));
  for await (const page of input.pages) {
    for (const r of page) {
      const dir = input.facilities.get(r.facilityId);
      const code = dir?.medicalInstitutionCode ?? '';
      const ctx = { hasVendorContract: input.withContract.has(r.facilityId) };
      const ev = evaluate(template, r.answers, ctx, input.today);
      // A closed gate or a missing vendor contract makes cells 対象外.
      const applicable = new Set(applicableCells(template, r.answers, ctx).map((c) => c.key));
      const row: Array<string | number> = [
        code,
        r.facilityName,
        FACILITY_KIND_LABELS[r.facilityKind]?.ja ?? r.facilityKind,
        r.healthCenterName,
        dir?.medicalAreaName ?? '',
        STATUS_LABELS[r.status] ?? r.status,
        ev.score === null ? '' : Math.round(ev.score * 1000) / 10,
        ev.levelLabel.ja,
      ];
      for (const c of columns) {
        const key = cellKey(c.item.id, c.device);
        const cell = r.answers[key];
        const latest = latestRound(cell)?.answer;
        if (!applicable.has(key) && !latest) {
          row.push('対象外', '', '');
          continue;
        }
        const target = latest?.value === 'no' ? targetDateOf(cell) : undefined;
        row.push(latest ? (latest.value === 'yes' ? 'はい' : 'いいえ') : '', latest?.checkedOn ?? '', target ?? '');
      }
      sink.add(row);
      for (const o of ev.overdue) {
        overdueRows.push([
          code,
          r.facilityName,
          r.healthCenterName,
          o.number,
          o.deviceClass === 'system' ? '' : DEVICE_CLASS_LABELS[o.deviceClass].ja,
          itemText.get(o.itemId) ?? '',
          o.targetDate,
          o.daysOverdue,
        ]);
      }
      if (ev.missing.length > 0) {
        const list = ev.missing.map((m) => {
          const name = m.number || '医療情報システムの有無';
          const device = m.deviceClass === 'system' ? '' : ` ${DEVICE_CLASS_LABELS[m.deviceClass].ja}`;
          return `${name}${device}${m.reason === 'carried-forward' ? '（前年度引継ぎ・未確認）' : ''}`;
        });
        missingRows.push([code, r.facilityName, r.healthCenterName, STATUS_LABELS[r.status] ?? r.status, ev.missing.length, list.join('、')]);
      }
      facilities++;
    }
    await sink.drain();
    await input.onPage?.(facilities);
  }

  if (workbook) {
    (sink as SheetSink).sheet.commit();
    const overdue = sheetSink(workbook, '目標日超過', OVERDUE_HEADER, [14, 28, 12, 8, 14, 50, 12, 10], 2, () => drained(out));
    overdueRows.sort((a, b) => Number(b[7]) - Number(a[7]));
    for (const row of overdueRows) overdue.add(row);
    overdue.sheet.commit();
    const missing = sheetSink(workbook, '1回目未確認', MISSING_HEADER, [14, 28, 12, 10, 10, 80], 2, () => drained(out));
    for (const row of missingRows) missing.add(row);
    missing.sheet.commit();
    await workbook.commit();
  } else {
    out.end();
  }
  return { facilities, overdue: overdueRows.length, missing: missingRows.length };
}

interface SheetSink extends RowSink {
  sheet: ExcelJS.Worksheet;
}

function sheetSink(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  header: string[],
  widths: number[],
  frozenColumns: number,
  drain: () => Promise<void>,
): SheetSink {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = header.map((_, i) => ({ width: widths[i] ?? 12 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const head = sheet.addRow(header);
  head.font = { name: FORM_FONT, bold: true, size: 10 };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.commit();
  return {
    sheet,
    add(values) {
      // Body rows carry no style: a font per row costs more than half the time of a 15,000-row sheet.
      sheet.addRow(values as ExcelJS.CellValue[]).commit();
    },
    drain,
  };
}
