import type { Lang } from './i18n.tsx';
import { dayInJapan, formatDate as formatDay, formatDateTime as formatStamp, formatFiscalYear as formatFy, formatTime, todayInJapan } from '../lib/dates.ts';

/*
 * The date functions here keep their old names for existing pages and delegate to lib/dates.ts, the one date style
 * (docs/decisions/0018-dates-and-answering.md). New code imports lib/dates.ts.
 */

/** `2026-12-06` → 令和8年12月6日（2026年） / 6 Dec 2026. */
export function formatDate(iso: string, lang: Lang): string {
  return formatDay(iso, lang);
}

/** A timestamp as 令和8年12月6日 14:05 (Japan time, where every facility is). */
export function formatDateTime(iso: string, lang: Lang): string {
  return formatStamp(iso, lang);
}

/** 令和6年度 / FY2024. */
export function formatFiscalYear(fiscalYear: number, lang: Lang): string {
  return formatFy(fiscalYear, lang);
}

export { dayInJapan, formatTime, todayInJapan };

/** A readiness score as a whole percentage, rounded down so that 99.6 % never reads as 100 %. */
export function formatPercent(score: number | null): string {
  return score === null ? '—' : `${Math.floor(score * 100)}%`;
}

/** Whole days from today to `iso` (negative when past). */
export function daysFromToday(iso: string, today: string = todayInJapan()): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** A date in the Japanese era, as official letters write it: 令和7年6月1日. English: 1 Jun 2025. Takes a day or a timestamp. */
export function formatEraDate(isoDateOrTime: string, lang: Lang): string {
  return formatDay(dayInJapan(isoDateOrTime), lang, 'short');
}
