/** A calendar date as `YYYY-MM-DD`, the way the MHLW form records 確認日 and 目標日. */
export type IsoDateString = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a `YYYY-MM-DD` string; undefined when it is not a real calendar date (2025-02-29, 2024-13-01 …). */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

export function isIsoDate(date: string): boolean {
  return parseIsoDate(date) !== undefined;
}

/**
 * The Japanese fiscal year (年度) a date falls in: 1 April to 31 March, named after the year it starts.
 * `fiscalYearOf('2025-03-31') === 2024`, `fiscalYearOf('2025-04-01') === 2025`.
 * @throws RangeError when the date is not a real `YYYY-MM-DD` date.
 */
export function fiscalYearOf(date: IsoDateString): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return parsed.month >= 4 ? parsed.year : parsed.year - 1;
}

/** First and last day of a fiscal year: `{ start: '2024-04-01', end: '2025-03-31' }` for 2024. */
export function fiscalYearRange(fiscalYear: number): { start: IsoDateString; end: IsoDateString } {
  return { start: `${pad4(fiscalYear)}-04-01`, end: `${pad4(fiscalYear + 1)}-03-31` };
}

/** Whether a date lies inside the fiscal year (both ends included). */
export function isInFiscalYear(date: IsoDateString, fiscalYear: number): boolean {
  const { start, end } = fiscalYearRange(fiscalYear);
  return isIsoDate(date) && date >= start && date <= end;
}

/**
 * The fiscal year as people in Japan write it: 2024 → `令和6年度`, 2019 → `令和元年度`, 2018 → `平成30年度`;
 * in English `FY2024`. Reiwa year = fiscal year − 2018.
 * @throws RangeError before 1989 (no Heisei year).
 */
export function fiscalYearLabel(fiscalYear: number, lang: 'ja' | 'en' = 'ja'): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`Not a fiscal year: ${fiscalYear}`);
  if (lang === 'en') return `FY${fiscalYear}`;
  if (fiscalYear >= 2019) return `令和${eraYear(fiscalYear - 2018)}年度`;
  if (fiscalYear >= 1989) return `平成${eraYear(fiscalYear - 1988)}年度`;
  throw new RangeError(`No Heisei or Reiwa label for fiscal year ${fiscalYear}`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be real dates. */
export function daysBetween(from: IsoDateString, to: IsoDateString): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`Not a YYYY-MM-DD date: ${a ? to : from}`);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function eraYear(n: number): string {
  return n === 1 ? '元' : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** Today's date in Japan (UTC+9, no daylight saving), where fiscal years and target dates are counted. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
