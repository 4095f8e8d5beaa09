import { TRAINING_KIND_LABELS, type TrainingSession } from '@mcr/contract';
import { fiscalYearOf } from '@mcr/domain';
import { useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { formatFiscalYear, todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { setFlash } from '../../lib/flash.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CoverageCard } from './coverage-card.tsx';
import { FacilityTrainings } from './facility-trainings.tsx';
import { TM } from './messages.ts';
import { SessionForm } from './session-form.tsx';
import { formatSpan } from './time.ts';
import './trainings.css';

/** The fiscal years one can pick: this one, the two before and the next. */
function yearChoices(): number[] {
  const now = fiscalYearOf(todayInJapan());
  return [now + 1, now, now - 1, now - 2];
}

function FiscalYearPicker({ value, onChange }: { value: number; onChange(v: number): void }) {
  const { t, lang } = useI18n();
  return (
    <div className="field inline-field">
      <label htmlFor="training-fy">{t(TM.fiscalYear)}</label>
      <select id="training-fy" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {yearChoices().map((y) => (
          <option key={y} value={y}>
            {formatFiscalYear(y, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SessionStatusText({ session }: { session: TrainingSession }) {
  const { t } = useI18n();
  if (session.status === 'cancelled') return <span className="badge tr-muted">{t(TM.sessionStatus.cancelled)}</span>;
  if (Date.parse(session.endsAt) < Date.now()) return <span className="badge tr-muted">{t(TM.past)}</span>;
  return <span className="badge tr-scheduled">{t(TM.sessionStatus.scheduled)}</span>;
}

/** The prefecture's (and a 保健所's, read-only) list of one fiscal year's sessions, with the coverage card. */
function PlannerTrainings() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const prefAdmin = me.role === 'pref_admin';
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOf(todayInJapan()));
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Localized | undefined>();
  const q = usePagedQuery('trainings.list', { query: { fiscalYear } });
  const lead = me.role === 'inspector' ? TM.leadInspector(me.organisation?.name ?? '') : TM.leadPref;
  return (
    <Page
      title={t(TM.title)}
      lead={t(lead)}
      actions={
        prefAdmin ? (
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            {t(TM.add)}
          </button>
        ) : undefined
      }
    >
      {saved ? <Alert tone="success">{t(saved)}</Alert> : null}
      <section className="card" aria-labelledby="training-sessions-heading">
        <div className="section-head">
          <h2 id="training-sessions-heading">{t(TM.sessionsTitle)}</h2>
          <FiscalYearPicker value={fiscalYear} onChange={setFiscalYear} />
        </div>
        {q.isPending ? <Loading /> : null}
        {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
        {q.isSuccess && q.items.length === 0 ? <p>{t(TM.none)}</p> : null}
        {q.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table compact-table" data-testid="training-list">
              <thead>
                <tr>
                  <th scope="col">{t(TM.colDate)}</th>
                  <th scope="col">{t(TM.colKind)}</th>
                  <th scope="col">{t(TM.colTitle)}</th>
                  <th scope="col">{t(TM.colMode)}</th>
                  <th scope="col" className="num">
                    {t(TM.colSeats)}
                  </th>
                  <th scope="col" className="num">
                    {t(TM.colWaitlist)}
                  </th>
                  <th scope="col">{t(TM.colStatus)}</th>
                </tr>
              </thead>
              <tbody>
                {q.items.map((s) => (
                  <tr key={s.sessionId} data-testid={`training-${s.sessionId}`}>
                    <td>{formatSpan(s.startsAt, s.endsAt, lang)}</td>
                    <td>{t(TRAINING_KIND_LABELS[s.kind])}</td>
                    <th scope="row">
                      <Link to={paths.training(s.sessionId)}>{s.title}</Link>
                    </th>
                    <td>{t(TM.mode[s.mode])}</td>
                    <td className="num">{t(TM.seats(s.confirmedCount, s.capacity))}</td>
                    <td className="num">{s.waitlistCount}</td>
                    <td>
                      <SessionStatusText session={s} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {q.hasNextPage ? (
          <button type="button" className="button secondary" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t(TM.more)}
          </button>
        ) : null}
      </section>
      <CoverageCard fiscalYear={fiscalYear} />
      {adding ? (
        <SessionForm
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            setSaved(TM.saved(s.title));
            setFlash(paths.training(s.sessionId), TM.saved(s.title));
            navigate(paths.training(s.sessionId));
          }}
        />
      ) : null}
    </Page>
  );
}

/** 研修: the prefecture manages sessions, a 保健所 reads them, a facility registers its staff. */
export function TrainingsPage() {
  const { me } = useAuth();
  if (me.role === 'facility_admin' || me.role === 'facility_member') return <FacilityTrainings />;
  return <PlannerTrainings />;
}
