import { INSPECTION_RESULT_LABELS, INSPECTION_STATUS_LABELS, type Inspection } from '@mcr/contract';
import { useRef, useState } from 'react';
import { listHealthCenters } from '../../api/list-health-centers.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { formatDate, todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { getReadiness, listFacilitiesOf, listInspections } from './api.ts';
import { InspectionForm } from './inspection-form.tsx';
import './inspections.css';
import { IM } from './messages.ts';
import { daysInMonth, isoDay, MonthCalendar } from './month-calendar.tsx';
import { ReadinessPanel } from './readiness-panel.tsx';

type FormState = { editing: Inspection | undefined; date?: string | undefined } | undefined;

/** The list of one month in date order: the same content as the calendar, easier to scan and to read aloud. */
function MonthList({ items, monthLabel, onEdit }: { items: Inspection[]; monthLabel: string; onEdit(i: Inspection): void }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="inspection-list-heading">
      <h2 id="inspection-list-heading">{t(IM.listTitle(monthLabel))}</h2>
      {items.length === 0 ? (
        <p>{t(IM.listEmpty)}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact-table" data-testid="inspection-list">
            <caption className="sr-only">{t(IM.listTitle(monthLabel))}</caption>
            <thead>
              <tr>
                <th scope="col">{t(IM.colDate)}</th>
                <th scope="col">{t(IM.colFacility)}</th>
                <th scope="col">{t(IM.colStatus)}</th>
                <th scope="col">{t(IM.colResult)}</th>
                <th scope="col">{t(IM.colFollowUp)}</th>
                <th scope="col">{t(IM.colActions)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-testid={`inspection-row-${i.id}`}>
                  <td>{formatDate(i.date, lang)}</td>
                  <th scope="row">
                    <Link to={paths.facility(i.facilityId)}>{i.facilityName}</Link>
                    <span className="row-sub">{i.healthCenterName}</span>
                  </th>
                  <td>
                    <span className={`badge inspection-${i.status}`}>{t(INSPECTION_STATUS_LABELS[i.status])}</span>
                  </td>
                  <td>{i.result ? t(INSPECTION_RESULT_LABELS[i.result]) : '—'}</td>
                  <td>{i.followUpDue ? formatDate(i.followUpDue, lang) : '—'}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button link small"
                      aria-label={t(IM.editFor(i.facilityName, formatDate(i.date, lang)))}
                      onClick={() => onEdit(i)}
                    >
                      {t(IM.edit)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The 保健所's (and the prefecture's) inspections: readiness of the coming ones, a month calendar, the month's list. */
export function InspectionsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const today = todayInJapan();
  const [month, setMonth] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }));
  const [healthCenterId, setHealthCenterId] = useState('');
  const [form, setForm] = useState<FormState>();
  const [message, setMessage] = useState<Localized | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);
  const prefAdmin = me.role === 'pref_admin';
  const hc = prefAdmin ? healthCenterId || undefined : undefined;

  const from = isoDay(month.year, month.month, 1);
  const to = isoDay(month.year, month.month, daysInMonth(month.year, month.month));
  const [calendar, reloadCalendar] = useApi((signal) => listInspections({ from, to, healthCenterId: hc }, signal), [from, to, hc]);
  const [readiness, reloadReadiness] = useApi((signal) => getReadiness(hc, signal), [hc]);
  const [healthCenters] = useApi((signal) => (prefAdmin ? listHealthCenters(signal) : Promise.resolve({ items: [] })), [prefAdmin]);
  const [facilities] = useApi((signal) => listFacilitiesOf(hc, signal), [hc]);

  const monthLabel = t(IM.monthLabel(month.year, month.month));
  const shift = (delta: number) =>
    setMonth((m) => {
      const index = m.year * 12 + (m.month - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });

  const items =
    calendar.state === 'ok' ? [...calendar.data.items].sort((a, b) => a.date.localeCompare(b.date) || a.facilityName.localeCompare(b.facilityName, 'ja')) : [];
  const lead = prefAdmin ? t(IM.lead) : t(IM.leadInspector(me.organisation?.name ?? ''));

  return (
    <Page
      title={t(IM.title)}
      lead={lead}
      actions={
        <button ref={addButton} type="button" className="button primary" onClick={() => setForm({ editing: undefined })}>
          <span aria-hidden="true">＋ </span>
          {t(IM.add)}
        </button>
      }
    >
      {message ? (
        <Alert tone="success">
          <p>{t(message)}</p>
        </Alert>
      ) : null}
      {prefAdmin && healthCenters.state === 'ok' ? (
        <div className="filters">
          <SelectField id="inspection-hc" label={t(IM.filterHealthCenter)} value={healthCenterId} onChange={setHealthCenterId}>
            <option value="">{t(IM.allHealthCenters)}</option>
            {healthCenters.data.items.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <ReadinessPanel readiness={readiness} onRetry={reloadReadiness} />
      <section className="card" aria-labelledby="calendar-heading">
        <div className="section-head calendar-head">
          <h2 id="calendar-heading">
            {t(IM.calendarTitle)}: <span data-testid="calendar-month">{monthLabel}</span>
          </h2>
          <div className="calendar-nav">
            <button type="button" className="button secondary small" onClick={() => shift(-1)}>
              <span aria-hidden="true">← </span>
              {t(IM.previousMonth)}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setMonth({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })}
            >
              {t(IM.thisMonth)}
            </button>
            <button type="button" className="button secondary small" onClick={() => shift(1)}>
              {t(IM.nextMonth)}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </div>
        <p className="sr-only" aria-live="polite">
          {monthLabel} {calendar.state === 'ok' ? t(IM.dayCount(items.length)) : ''}
        </p>
        {calendar.state === 'loading' ? <Loading /> : null}
        {calendar.state === 'error' ? <LoadError error={calendar.error} onRetry={reloadCalendar} /> : null}
        {calendar.state === 'ok' ? (
          <>
            {calendar.data.truncated ? (
              <Alert tone="warning">
                <p>{t(IM.truncated)}</p>
              </Alert>
            ) : null}
            <MonthCalendar year={month.year} month={month.month} today={today} inspections={items} onOpen={(i) => setForm({ editing: i })} />
          </>
        ) : null}
      </section>
      {calendar.state === 'ok' ? <MonthList items={items} monthLabel={monthLabel} onEdit={(i) => setForm({ editing: i })} /> : null}
      {form ? (
        facilities.state === 'ok' || form.editing ? (
          <InspectionForm
            key={form.editing?.id ?? 'new'}
            editing={form.editing}
            facilities={facilities.state === 'ok' ? facilities.data : []}
            defaultDate={form.date}
            onSaved={(saved) => {
              setForm(undefined);
              setMessage(IM.saved(saved.facilityName));
              setMonth({ year: Number(saved.date.slice(0, 4)), month: Number(saved.date.slice(5, 7)) });
              reloadCalendar();
              reloadReadiness();
            }}
            onClose={() => setForm(undefined)}
          />
        ) : facilities.state === 'error' ? (
          <LoadError error={facilities.error} />
        ) : (
          <Loading />
        )
      ) : null}
    </Page>
  );
}
