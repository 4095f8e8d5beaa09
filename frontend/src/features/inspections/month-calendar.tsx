import { INSPECTION_STATUS_LABELS, type Inspection } from '@mcr/contract';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { IM } from './messages.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of day `d` of a month. */
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The weeks of a month, Sunday first: ISO days, null for the days of the neighbouring months. */
export function monthWeeks(year: number, month: number): { key: string; day: string | null }[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const cells: { key: string; day: string | null }[] = Array.from({ length: first }, (_, n) => ({ key: `before-${n}`, day: null }));
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push({ key: isoDay(year, month, d), day: isoDay(year, month, d) });
  while (cells.length % 7) cells.push({ key: `after-${cells.length}`, day: null });
  const weeks: { key: string; day: string | null }[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * A month as a plain table (weeks × weekdays, with column headers), each day listing its inspections as buttons
 * that open the record. No grid widget and no library: the table reads well with a screen reader, every button
 * is reached with Tab, and the list below the calendar carries the same content in date order.
 */
export function MonthCalendar({
  year,
  month,
  today,
  inspections,
  onOpen,
}: {
  year: number;
  month: number;
  today: string;
  inspections: Inspection[];
  onOpen?: ((inspection: Inspection) => void) | undefined;
}) {
  const { t, lang } = useI18n();
  const byDay = new Map<string, Inspection[]>();
  for (const i of inspections) byDay.set(i.date, [...(byDay.get(i.date) ?? []), i]);
  const weekdays = IM.weekdays[lang];
  const weekdaysLong = IM.weekdaysLong[lang];
  return (
    <div className="table-wrap">
      <table className="month-calendar" data-testid="inspection-calendar">
        <caption className="sr-only">{t(IM.monthLabel(year, month))}</caption>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={w} scope="col" className={i === 0 ? 'sun' : i === 6 ? 'sat' : undefined}>
                <abbr title={weekdaysLong[i]}>{w}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week[0]?.key}>
              {week.map(({ key, day }) => {
                if (!day) return <td key={key} className="blank" />;
                const list = byDay.get(day) ?? [];
                const isToday = day === today;
                return (
                  <td key={day} className={isToday ? 'today' : undefined} aria-current={isToday ? 'date' : undefined} data-testid={`day-${day}`}>
                    <div className="day-head">
                      <span className="day-number">
                        <span aria-hidden="true">{Number(day.slice(8))}</span>
                        <span className="sr-only">{formatDate(day, lang)}</span>
                      </span>
                      {isToday ? <span className="today-mark">{t(IM.today)}</span> : null}
                      {list.length > 0 ? <span className="sr-only">{t(IM.dayCount(list.length))}</span> : null}
                    </div>
                    {list.length > 0 ? (
                      <ul className="day-events">
                        {list.map((ins) => (
                          <li key={ins.id}>
                            {onOpen ? (
                              <button type="button" className={`event event-${ins.status}`} onClick={() => onOpen(ins)}>
                                <span className="event-name">{ins.facilityName}</span>
                                <span className="event-status">{t(INSPECTION_STATUS_LABELS[ins.status])}</span>
                              </button>
                            ) : (
                              <span className={`event event-${ins.status}`}>
                                <span className="event-name">{ins.facilityName}</span>
                                <span className="event-status">{t(INSPECTION_STATUS_LABELS[ins.status])}</span>
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
