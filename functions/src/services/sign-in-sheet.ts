import { loadExcelJS } from './exceljs.ts';

/**
 * Reading a training's sign-in sheet (decision 0014): CSV (UTF-8, with or without BOM) or xlsx (ExcelJS, already
 * used for exports). The header row is the first row naming a known column; rows come back as text with their
 * 1-based row number in the file.
 */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** Column headers the sheet may use (Japanese as exported, or English). */
export const SHEET_COLUMNS = {
  registrationId: ['申込ID', 'registrationId', 'registration id'],
  facilityCode: ['医療機関コード', 'facilityCode', 'facility code'],
  participantName: ['氏名', 'participantName', 'name'],
  attended: ['出欠', 'attended', 'attendance'],
} as const;
export type SheetColumn = keyof typeof SHEET_COLUMNS;

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
function columnOf(header: string): SheetColumn | undefined {
  const h = norm(header);
  return (Object.keys(SHEET_COLUMNS) as SheetColumn[]).find((c) => SHEET_COLUMNS[c].some((name) => norm(name) === h));
}

/** RFC 4180 fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  // lean: exceljs (about 1 MB minified) is evaluated when a sheet is an xlsx, not at the route's cold start.
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      const v = row.getCell(c).value;
      const text =
        v === null || v === undefined
          ? ''
          : typeof v === 'object' && 'richText' in v
            ? v.richText.map((t) => t.text).join('')
            : typeof v === 'object' && 'text' in v
              ? String(v.text)
              : typeof v === 'object' && 'result' in v
                ? String(v.result ?? '')
                : v instanceof Date
                  ? v.toISOString()
                  : String(v);
      cells.push(text);
    }
    out.push(cells);
  }
  return out;
}

/** The sheet's rows under its header; `columns` says which known columns the header has. */
export async function readSheet(bytes: Buffer, kind: 'csv' | 'xlsx'): Promise<{ columns: Set<SheetColumn>; rows: SheetRow[] }> {
  const raw = kind === 'csv' ? parseCsv(bytes.toString('utf8')) : await xlsxRows(bytes);
  const headerIndex = raw.findIndex((r) => r.some((c) => columnOf(c) !== undefined));
  if (headerIndex < 0) return { columns: new Set(), rows: [] };
  const header = (raw[headerIndex] as string[]).map(columnOf);
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const values = raw[i] as string[];
    if (values.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = {};
    header.forEach((col, j) => {
      if (col) cells[col] = (values[j] ?? '').trim();
    });
    rows.push({ row: i + 1, cells });
  }
  return { columns: new Set(header.filter((c): c is SheetColumn => !!c)), rows };
}

/** 出席/○/1/yes → true, 欠席/×/0/no → false; empty (no 出欠 column, or blank) → attended (listed on the sheet). */
export function attendedValue(raw: string | undefined): boolean | undefined {
  const v = norm(raw ?? '');
  if (v === '' || ['出席', '○', '〇', '◯', '1', 'yes', 'y', 'true', 'attended', '済'].includes(v)) return true;
  if (['欠席', '×', '✕', 'x', '0', 'no', 'n', 'false', 'absent'].includes(v)) return false;
  return undefined;
}
