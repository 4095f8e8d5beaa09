/** A non-JSON response (a CSV export): the serializer sends it as it is, with a download file name. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: string,
    readonly fileName: string,
    /** `body` is base64 of binary content (an xlsx): sent with API Gateway's isBase64Encoded. */
    readonly base64 = false,
  ) {}
}

type CsvValue = string | number | null | undefined;

/** The byte order mark that makes Excel in Japan open a UTF-8 CSV with its Japanese intact. */
export const CSV_BOM = '\uFEFF';

/** One RFC 4180 line (with its CRLF), safe against formula injection; for files written row by row. */
export function csvRow(values: ReadonlyArray<CsvValue>): string {
  const cell = (v: CsvValue) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${values.map(cell).join(',')}\r\n`;
}

/** RFC 4180 CSV with a BOM, so that Excel in Japan opens the UTF-8 file with its Japanese intact. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return CSV_BOM + [header, ...rows].map(csvRow).join('');
}
