/**
 * The one way the SPA writes dates (docs/decisions/0018-dates-and-answering.md).
 *
 * Japanese: the era as official letters write it, with the Western year in brackets where a reader needs to
 * count across years — 「令和8年12月6日（2026年）」 (style `long`, the default for a date standing alone: deadlines,
 * 目標日, a document's 発行日). Tables and timestamps use the compact `short` form 「令和8年12月6日」 (the column or
 * the fiscal year heading already tells the year). English: 6 Dec 2026 in both styles.
 * Fiscal years: 令和8年度 / FY2026; `long` adds the Western year: 令和8年度（2026年度）.
 *
 * Calendar dates (`YYYY-MM-DD`) carry no time zone and are written as they are; timestamps are read in Japan
 * time, where every facility is.
 */
import { fiscalYearLabel, todayInJapan } from '@mcr/domain';

export type DateLang = 'ja' | 'en';
export type DateStyle = 'long' | 'short';

const TOKYO = 'Asia/Tokyo';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD` → its parts, or undefined when it is not a real calendar date (2026-02-30 is not). */
export function parseIsoDay(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** The Japanese era of a calendar day (令和 from 2019-05-01, 平成 from 1989-01-08), or undefined before. */
export function eraOf(iso: string): { name: string; year: number } | undefined {
  const p = parseIsoDay(iso);
  if (!p) return undefined;
  if (iso >= '2019-05-01') return { name: '令和', year: p.year - 2018 };
  if (iso >= '1989-01-08') return { name: '平成', year: p.year - 1988 };
  return undefined;
}

const eraYear = (n: number) => (n === 1 ? '元' : String(n));

/**
 * `2026-12-06` → 令和8年12月6日（2026年） (ja, long) / 令和8年12月6日 (ja, short) / 6 Dec 2026 (en).
 * Anything that is not a `YYYY-MM-DD` day is returned as it is.
 */
export function formatDate(iso: string, lang: DateLang, style: DateStyle = 'long'): string {
  const p = parseIsoDay(iso);
  if (!p) return iso;
  if (lang !== 'ja') return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  const era = eraOf(iso);
  if (!era) return `${p.year}年${p.month}月${p.day}日`;
  const base = `${era.name}${eraYear(era.year)}年${p.month}月${p.day}日`;
  return style === 'long' ? `${base}（${p.year}年）` : base;
}

/** The calendar day of a timestamp in Japan, `YYYY-MM-DD` (a `YYYY-MM-DD` input is returned as it is). */
export function dayInJapan(isoDateOrTime: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDateOrTime)) return isoDateOrTime;
  const date = new Date(isoDateOrTime);
  if (Number.isNaN(date.getTime())) return isoDateOrTime;
  return todayInJapan(date);
}

/** hh:mm in Japan time. */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: TOKYO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A timestamp as 令和8年12月6日 14:05 / 6 Dec 2026 14:05, in Japan time (compact: timestamps fill tables). */
export function formatDateTime(iso: string, lang: DateLang, style: DateStyle = 'short'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(todayInJapan(date), lang, style)} ${formatTime(date)}`;
}

/** 令和8年度 / FY2026; `long`: 令和8年度（2026年度）. */
export function formatFiscalYear(fiscalYear: number, lang: DateLang, style: DateStyle = 'short'): string {
  try {
    const label = fiscalYearLabel(fiscalYear, lang);
    return lang === 'ja' && style === 'long' ? `${label}（${fiscalYear}年度）` : label;
  } catch {
    return String(fiscalYear);
  }
}

/** `2026-12-06` → `2026/12/06`, the form the date input shows and accepts. */
export function toSlashed(iso: string): string {
  return parseIsoDay(iso) ? iso.replaceAll('-', '/') : '';
}

/**
 * What a person typed → `YYYY-MM-DD`, or undefined when it is not a real date. Accepts 2026/12/6, 2026-12-06,
 * 2026.12.6, 2026年12月6日, 20261206 and the era forms 令和8年12月6日 / R8/12/6 — never month-first.
 */
export function parseTypedDate(text: string): string | undefined {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/（.*）$|\(.*\)$/, '');
  const western = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const era = /^(令和|R|r|平成|H|h)(\d{1,2}|元)[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (western) {
    [y, mo, d] = [Number(western[1]), Number(western[2]), Number(western[3])];
  } else if (era) {
    const n = era[2] === '元' ? 1 : Number(era[2]);
    y = /^(令和|R|r)$/.test(era[1] ?? '') ? n + 2018 : n + 1988;
    [mo, d] = [Number(era[3]), Number(era[4])];
  } else {
    return undefined;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDay(iso) ? iso : undefined;
}

/** Today's date in Japan as `YYYY-MM-DD`: the same function the server's rules count from. */
export { todayInJapan };

/**
 * What a person typed for a moment → `YYYY-MM-DDTHH:MM` (the `datetime-local` form, read as Japan time by the
 * caller), or undefined. The day as {@link parseTypedDate} reads it, then a space or `T`, then 14:00 / 9:05 / 14時05分.
 */
export function parseTypedDateTime(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m = /^(.+?)(?:T|\s+)(\d{1,2})(?::|時)(\d{2})分?$/.exec(s);
  if (!m) return undefined;
  const day = parseTypedDate(m[1] ?? '');
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!day || h > 23 || min > 59) return undefined;
  return `${day}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** `2026-12-10T14:00` → `2026/12/10 14:00`, the form the date-and-time input shows. */
export function toSlashedDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m && parseIsoDay(m[1] ?? '') ? `${toSlashed(m[1] ?? '')} ${m[2]}` : '';
}
