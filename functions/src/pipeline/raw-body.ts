/** A non-JSON response (a CSV export): the serializer sends it as it is, with a download file name. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: string,
    readonly fileName: string,
  ) {}
}

/** RFC 4180 CSV with a BOM, so that Excel in Japan opens the UTF-8 file with its Japanese intact. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
