import { fiscalYearLabel, todayInJapan } from '@mcr/domain';
import type { Lang } from './i18n.tsx';

const TOKYO = 'Asia/Tokyo';

/** `2024-06-01` → 2024年6月1日 / 1 June 2024. Calendar dates carry no time zone, so none is applied. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'ja') return `${y}年${mo}月${d}日`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** A timestamp as 2024年6月1日 14:05 (Japan time, where every facility is). */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TOKYO,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`, lang)} ${get('hour')}:${get('minute')}`;
}

/** hh:mm in Japan time. */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: TOKYO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** 令和6年度 / FY2024. */
export function formatFiscalYear(fiscalYear: number, lang: Lang): string {
  try {
    return fiscalYearLabel(fiscalYear, lang);
  } catch {
    return String(fiscalYear);
  }
}

/** A readiness score as a whole percentage, rounded down so that 99.6 % never reads as 100 %. */
export function formatPercent(score: number | null): string {
  return score === null ? '—' : `${Math.floor(score * 100)}%`;
}

/** Today's date in Japan as `YYYY-MM-DD`: the same function the server's rules count from. */
export { todayInJapan };

/** Whole days from today to `iso` (negative when past). */
export function daysFromToday(iso: string, today: string = todayInJapan()): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day of a timestamp in Japan, `YYYY-MM-DD`. */
export function dayInJapan(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return todayInJapan(date);
}

/**
 * A date in the Japanese era, as official letters write it: 令和7年6月1日 (令和元年 for 2019). English: 1 June 2025.
 * Takes a `YYYY-MM-DD` date or a timestamp (read in Japan time).
 */
export function formatEraDate(isoDateOrTime: string, lang: Lang): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrTime) ? isoDateOrTime : dayInJapan(isoDateOrTime);
  if (lang !== 'ja') return formatDate(day, lang);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return isoDateOrTime;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const era = day >= '2019-05-01' ? { name: '令和', year: y - 2018 } : day >= '1989-01-08' ? { name: '平成', year: y - 1988 } : undefined;
  if (!era) return formatDate(day, lang);
  return `${era.name}${era.year === 1 ? '元' : era.year}年${mo}月${d}日`;
}
