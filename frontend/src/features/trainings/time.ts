import { formatEraDate, formatTime } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/i18n.tsx';

/** `2026-12-10T14:00` from `<input type=datetime-local>`, read as Japan time → `2026-12-10T14:00:00+09:00`. */
export function localToIso(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+09:00` : undefined;
}

/** An instant → the `datetime-local` value of it in Japan time (`2026-12-10T14:00`). */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const jst = new Date(date.getTime() + 9 * 3_600_000);
  return jst.toISOString().slice(0, 16);
}

/** 令和8年12月10日 14:00〜16:00 (the same day) or …〜令和8年12月11日 10:00, in Japan time. */
export function formatSpan(startsAt: string, endsAt: string, lang: Lang): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${startsAt} – ${endsAt}`;
  const sameDay = isoToLocal(startsAt).slice(0, 10) === isoToLocal(endsAt).slice(0, 10);
  const start = `${formatEraDate(startsAt, lang)} ${formatTime(s)}`;
  const end = sameDay ? formatTime(e) : `${formatEraDate(endsAt, lang)} ${formatTime(e)}`;
  return lang === 'ja' ? `${start}〜${end}` : `${start} – ${end}`;
}

/** 令和8年12月1日 17:00 in Japan time. */
export function formatMoment(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${formatEraDate(iso, lang)} ${formatTime(d)}`;
}
