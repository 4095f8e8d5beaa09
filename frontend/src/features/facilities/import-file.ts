import type { FacilityImportRow } from '@mcr/contract';
import type { Localized } from '../../i18n/i18n.tsx';

/**
 * Reading a facility list in the browser: CSV (UTF-8 with or without BOM, Shift_JIS as Excel in Japan saves it,
 * UTF-16 「Unicode テキスト」) or xlsx, a header row with the Japanese (or English) column names, one
 * FacilityImportRow per data row with the row number a person sees in Excel. Nothing here checks the values:
 * the server does, row by row (preview).
 */

export type Field = Exclude<keyof FacilityImportRow, 'row'>;

export const FIELDS: readonly Field[] = ['name', 'kind', 'beds', 'healthCenter', 'medicalArea', 'medicalInstitutionCode', 'address', 'contactEmail'];

/** The column names of the template (ひな形), in order; the server's error report uses the same names. */
export const COLUMN_LABELS: Record<Field, string> = {
  name: '名称',
  kind: '種別',
  beds: '病床数',
  healthCenter: '保健所',
  medicalArea: '二次医療圏',
  medicalInstitutionCode: '医療機関コード',
  address: '所在地',
  contactEmail: '連絡先メール',
};

const REQUIRED: readonly Field[] = ['name', 'kind', 'healthCenter', 'medicalArea', 'medicalInstitutionCode'];

/** Header text → field. Spaces, width and case do not matter; a few names offices commonly use are accepted too. */
const ALIASES: Record<string, Field> = {};
function alias(field: Field, ...names: string[]) {
  for (const n of names) ALIASES[normaliseHeader(n)] = field;
}
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s_\-・()（）]/g, '')
    .toLowerCase();
}
alias('name', '名称', 'name', '医療機関名', '施設名', '医療機関名称');
alias('kind', '種別', 'kind', '施設種別', '医療機関種別');
alias('beds', '病床数', 'beds', '許可病床数', '病床');
alias('healthCenter', '保健所', 'healthCenter', '管轄保健所', '保健所名');
alias('medicalArea', '二次医療圏', 'medicalArea', '医療圏');
alias('medicalInstitutionCode', '医療機関コード', 'medicalInstitutionCode', '医療機関番号', 'コード');
alias('address', '所在地', 'address', '住所');
alias('contactEmail', '連絡先メール', 'contactEmail', 'メール', 'メールアドレス', '連絡先メールアドレス', 'email');

export class ImportFileError extends Error {
  constructor(readonly text: Localized) {
    super(text.en ?? text.ja);
    this.name = 'ImportFileError';
  }
}

export interface ParsedFile {
  rows: FacilityImportRow[];
  /** Header cells that were not recognised (ignored). */
  ignoredColumns: string[];
  encoding: 'utf-8' | 'shift_jis' | 'utf-16' | 'xlsx';
}

/** Bytes → text: a BOM decides; else strict UTF-8, and Shift_JIS when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: ParsedFile['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

/** RFC 4180: quoted fields with "" for a quote, CRLF / LF / CR line ends, a delimiter of choice. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Comma unless the first line has tabs and no commas (Excel's 「テキスト (タブ区切り)」 and 「Unicode テキスト」). */
function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Table (first row may be a title) → rows. The header is the first of the first ten rows that names the required
 * columns; row numbers count from the top of the sheet (header = its own row number, usually 1).
 */
export function rowsFromTable(table: string[][]): Omit<ParsedFile, 'encoding'> {
  let headerIndex = -1;
  let columns: Array<Field | undefined> = [];
  for (let r = 0; r < Math.min(table.length, HEADER_SEARCH_ROWS); r++) {
    const cells = (table[r] ?? []).map((c, i) => (r === 0 && i === 0 ? c.replace(/^\uFEFF/, '') : c));
    const mapped = cells.map((c) => ALIASES[normaliseHeader(c)]);
    if (mapped.includes('name') && mapped.includes('medicalInstitutionCode')) {
      headerIndex = r;
      columns = mapped;
      break;
    }
  }
  if (headerIndex < 0) {
    const firstNonEmpty = table.find((r) => r.some((c) => c.trim() !== '')) ?? [];
    const mapped = firstNonEmpty.map((c) => ALIASES[normaliseHeader(c)]);
    const missing = REQUIRED.filter((f) => !mapped.includes(f)).map((f) => COLUMN_LABELS[f]);
    throw new ImportFileError({
      ja: `見出し行が見つかりません。1 行目に列の名前を書いてください (必要な列: ${missing.join('、') || REQUIRED.map((f) => COLUMN_LABELS[f]).join('、')})。「ひな形をダウンロード」で形式を確認できます。`,
      en: `No header row found. Put the column names in row 1 (needed: ${missing.join(', ') || REQUIRED.map((f) => COLUMN_LABELS[f]).join(', ')}). Download the template to see the layout.`,
    });
  }
  const missing = REQUIRED.filter((f) => !columns.includes(f)).map((f) => COLUMN_LABELS[f]);
  if (missing.length > 0) {
    throw new ImportFileError({
      ja: `見出し行に次の列がありません: ${missing.join('、')}。「ひな形をダウンロード」で形式を確認できます。`,
      en: `The header row lacks these columns: ${missing.join(', ')}. Download the template to see the layout.`,
    });
  }
  const header = table[headerIndex] ?? [];
  const ignoredColumns = header.filter((c, i) => c.trim() !== '' && columns[i] === undefined).map((c) => c.trim());
  const rows: FacilityImportRow[] = [];
  for (let r = headerIndex + 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const out: FacilityImportRow = {
      row: r + 1,
      name: '',
      kind: '',
      beds: '',
      healthCenter: '',
      medicalArea: '',
      medicalInstitutionCode: '',
      address: '',
      contactEmail: '',
    };
    columns.forEach((field, i) => {
      // The first of two columns with the same meaning wins; a later empty one does not blank it.
      if (field && out[field] === '') out[field] = (cells[i] ?? '').trim();
    });
    rows.push(out);
  }
  if (rows.length === 0) throw new ImportFileError({ ja: '見出し行の下にデータがありません。', en: 'There are no rows under the header.' });
  return { rows, ignoredColumns };
}

/** An xlsx cell as the text a person sees: numbers without exponent, dates as YYYY-MM-DD, codes keep their 10 digits. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value);
}

export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/** Reads a chosen file; xlsx support is loaded only when an xlsx file is chosen. */
export async function readFacilityFile(file: File): Promise<ParsedFile> {
  if (file.size === 0) throw new ImportFileError({ ja: 'ファイルが空です。', en: 'The file is empty.' });
  if (file.size > MAX_FILE_BYTES) throw new ImportFileError({ ja: 'ファイルが大きすぎます (30 MB まで)。', en: 'The file is too large (30 MB at most).' });
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xls')) {
    throw new ImportFileError({
      ja: '古い Excel 形式 (.xls) は読み込めません。Excel で「名前を付けて保存」から「Excel ブック (.xlsx)」または「CSV」を選んで保存し直してください。',
      en: 'The old Excel format (.xls) cannot be read. Save it again as “Excel Workbook (.xlsx)” or CSV.',
    });
  }
  if (lower.endsWith('.xlsx')) {
    let table: string[][];
    try {
      const { readSheet } = await import('read-excel-file/browser');
      const data = await readSheet(file);
      table = data.map((row) => row.map(cellText));
    } catch (err) {
      if (err instanceof ImportFileError) throw err;
      console.error(err);
      throw new ImportFileError({
        ja: 'Excel ファイルを読み取れませんでした。ファイルが壊れていないか、パスワードが設定されていないか確認してください。',
        en: 'Could not read the Excel file. Check that it is not damaged or password-protected.',
      });
    }
    // 医療機関コード typed as a number loses a leading zero (北海道 01…): give it back.
    const parsed = rowsFromTable(table);
    for (const r of parsed.rows) if (/^\d{9}$/.test(r.medicalInstitutionCode)) r.medicalInstitutionCode = `0${r.medicalInstitutionCode}`;
    return { ...parsed, encoding: 'xlsx' };
  }
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt') && !lower.endsWith('.tsv')) {
    throw new ImportFileError({
      ja: 'CSV (.csv) か Excel (.xlsx) のファイルを選んでください。',
      en: 'Choose a CSV (.csv) or Excel (.xlsx) file.',
    });
  }
  const { text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
  const table = parseCsv(text, delimiterOf(text));
  return { ...rowsFromTable(table), encoding };
}

/** The ひな形: the header row and one example row, UTF-8 with BOM so that Excel shows the Japanese. */
export function templateRows(tenantId: string): string[][] {
  return [
    FIELDS.map((f) => COLUMN_LABELS[f]),
    ['（例）さくら中央病院', '病院', '120', '〇〇保健所', '〇〇医療圏', `${tenantId}10000001`, '〇〇県〇〇市〇〇町1-2-3', 'info@example.jp'],
  ];
}
