import { type FacilityImportPreview, FacilityImportRow, type ImportRowError, routes } from '@mcr/contract';
import type * as z from 'zod/mini';

/**
 * The facility list goes to the server in pieces: the preview route takes at most 2,000 rows, the import is
 * sent 500 at a time so that progress moves and one failed request costs little. Every request also stays
 * under the route's body limit (`maxBodyKiB` in the route table), with room to spare: long names and
 * addresses make some rows several times larger than others.
 */
export const PREVIEW_ROWS = 2000;
export const IMPORT_ROWS = 500;
const limitKiB = Math.min(routes['facilities.importPreview'].maxBodyKiB ?? 256, routes['facilities.import'].maxBodyKiB ?? 256);
/** Bytes of JSON per request: 80 % of the smaller of the two routes' limits. */
export const MAX_BODY_BYTES = Math.floor(limitKiB * 1024 * 0.8);

const encoder = new TextEncoder();

export function chunkRows(rows: readonly FacilityImportRow[], maxRows: number, maxBytes = MAX_BODY_BYTES): FacilityImportRow[][] {
  const chunks: FacilityImportRow[][] = [];
  let current: FacilityImportRow[] = [];
  let bytes = 12; // {"rows":[]}
  for (const r of rows) {
    const size = encoder.encode(JSON.stringify(r)).length + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 12;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** 医療機関コード as the server compares it: full-width digits made half-width, hyphens and spaces removed. */
function codeKey(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/[-\s]/g, '');
}

function cleanName(s: string): string {
  return s.replace(/\u3000/g, ' ').trim();
}

/**
 * Checks the server cannot make when the file is sent in pieces: the same 医療機関コード twice, and one 保健所
 * given two different 二次医療圏. Messages use the server's own wording, so that a problem found by both is
 * listed once.
 */
export function crossChunkErrors(rows: readonly FacilityImportRow[]): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const firstCode = new Map<string, number>();
  const areaOf = new Map<string, string>();
  for (const r of rows) {
    const code = codeKey(r.medicalInstitutionCode);
    if (/^\d{10}$/.test(code)) {
      const first = firstCode.get(code);
      if (first !== undefined)
        errors.push({
          row: r.row,
          column: '医療機関コード',
          message: { ja: `医療機関コードが ${first} 行目と重複しています`, en: `Same code as row ${first}` },
        });
      else firstCode.set(code, r.row);
    }
    const hc = cleanName(r.healthCenter);
    const area = cleanName(r.medicalArea);
    if (hc && area) {
      const known = areaOf.get(hc);
      if (known === undefined) areaOf.set(hc, area);
      else if (known !== area)
        errors.push({
          row: r.row,
          column: '二次医療圏',
          message: { ja: `「${hc}」の二次医療圏は「${known}」です`, en: `${hc} belongs to medical area ${known}` },
        });
    }
  }
  return errors;
}

type Column = Exclude<keyof FacilityImportRow, 'row'>;
const COLUMNS = Object.keys(FacilityImportRow.shape).filter((k): k is Column => k !== 'row');

/** A string schema's tightest `maxLength` check (a zod mini schema has no `maxLength` getter). */
function maxLengthOf(schema: z.core.$ZodType): number {
  let max = Number.POSITIVE_INFINITY;
  for (const check of schema._zod.def.checks ?? [])
    if (check._zod.def.check === 'max_length') max = Math.min(max, (check._zod.def as z.core.$ZodCheckMaxLengthDef).maximum);
  return max;
}

/** The longest cell the import accepts, per column (the contract bounds each so that a request fits its limit). */
export const CELL_MAX = Object.fromEntries(COLUMNS.map((f) => [f, maxLengthOf(FacilityImportRow.shape[f])])) as Record<Column, number>;

/** A row error for every cell longer than its column accepts (the server would refuse the whole request). */
export function cellLengthErrors(rows: readonly FacilityImportRow[], labels: Record<Column, string>): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (const r of rows)
    for (const f of COLUMNS) {
      const max = CELL_MAX[f];
      if (r[f].length > max)
        errors.push({
          row: r.row,
          column: labels[f],
          message: { ja: `${labels[f]}は ${max} 文字までです (${r[f].length} 文字)`, en: `At most ${max} characters (${r[f].length})` },
        });
    }
  return errors;
}

/** The row cut to what the preview accepts, so that its other cells are still checked; it is never imported. */
export function withinCellLimits(r: FacilityImportRow): FacilityImportRow {
  const out = { ...r };
  for (const f of COLUMNS) out[f] = r[f].slice(0, CELL_MAX[f]);
  return out;
}

export interface PreviewTotals {
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  newHealthCenters: string[];
  /** Each new 保健所 with its rows and the closest registered names (the user confirms each before importing). */
  unknownHealthCenters: { name: string; rows: number[]; suggestions: string[] }[];
  errors: ImportRowError[];
}

/** The previews of every piece as one: counts added, new 保健所 once each, errors without repeats in row order. */
export function mergePreviews(previews: readonly FacilityImportPreview[], extra: readonly ImportRowError[]): PreviewTotals {
  const seen = new Set<string>();
  const errors: ImportRowError[] = [];
  for (const e of [...previews.flatMap((p) => p.errors), ...extra]) {
    const key = `${e.row}\u0000${e.column}\u0000${e.message.ja}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(e);
  }
  errors.sort((a, b) => a.row - b.row);
  const hcs = new Set<string>();
  for (const p of previews) for (const h of p.newHealthCenters) hcs.add(h);
  return {
    rows: previews.reduce((n, p) => n + p.rows, 0),
    creates: previews.reduce((n, p) => n + p.creates, 0),
    updates: previews.reduce((n, p) => n + p.updates, 0),
    unchanged: previews.reduce((n, p) => n + p.unchanged, 0),
    newHealthCenters: [...hcs],
    unknownHealthCenters: [...hcs].map((name) => {
      const found = previews.flatMap((p) => (p.unknownHealthCenters ?? []).filter((u) => u.name === name));
      return { name, rows: found.flatMap((u) => u.rows).sort((a, b) => a - b), suggestions: found[0]?.suggestions ?? [] };
    }),
    errors,
  };
}
